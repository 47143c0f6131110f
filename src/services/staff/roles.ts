// Roles are data (Staff.role); what each role may do is decided here.
import type { StaffRole } from "../community/definition.js";

export const ROLE_NAMES: Record<StaffRole, string> = {
  housekeeper: "客服管家", gold_housekeeper: "金牌管家", frontdesk: "客服前台", team_lead: "客服组长",
  supervisor: "客服主管", manager: "项目经理", maintenance: "维修师傅",
};

/** Roles that oversee every grid: they may act on any ticket. */
export const isSupervisory = (role: string) => role === "team_lead" || role === "supervisor" || role === "manager";
export const isHousekeeper = (role: string) => role === "housekeeper" || role === "gold_housekeeper";

export type Actor = { id: number; role: string; gridId: number | null };

/** A housekeeper acts on tickets of their own grid; supervisors and managers on all; the front desk on grade 1 and on tickets of no grid; anyone on tickets assigned to them. */
/** A ticket at one of the community's own gates ("北门 道闸"): no building's, the front desk's too. */
const AT_COMMUNITY_GATE = /^(?:小区)?(?:(?:东|西|南|北|正|后|侧)(?:大)?门|大门|道闸|门岗)/;

export function canActOnTicket(staff: Actor, ticket: { gridId: number | null; assigneeId: number | null; urgency?: number; scope?: string; place?: string }): boolean {
  if (isSupervisory(staff.role)) return true;
  // The front desk is on duty around the clock: it may take an urgent (grade-1) ticket of any grid;
  // so may the maintenance team, who do the urgent work (急修不过夜) whoever was paged for it.
  if ((staff.role === "frontdesk" || staff.role === "maintenance") && ticket.urgency === 1) return true;
  // ...and the community's gates, where it stands: the grid the ticket was routed to is only the reporter's.
  if (staff.role === "frontdesk" && ticket.scope === "public" && ticket.place !== undefined && AT_COMMUNITY_GATE.test(ticket.place)) return true;
  if (ticket.assigneeId === staff.id) return true;
  if (isHousekeeper(staff.role) && staff.gridId !== null && ticket.gridId === staff.gridId) return true;
  // The front desk owns tickets that belong to no grid (public places nobody's grid covers).
  return staff.role === "frontdesk" && ticket.gridId === null;
}
