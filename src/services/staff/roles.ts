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
export function canActOnTicket(staff: Actor, ticket: { gridId: number | null; assigneeId: number | null; urgency?: number }): boolean {
  if (isSupervisory(staff.role)) return true;
  // The front desk is on duty around the clock: it may take an urgent (grade-1) ticket of any grid.
  if (staff.role === "frontdesk" && ticket.urgency === 1) return true;
  if (ticket.assigneeId === staff.id) return true;
  if (isHousekeeper(staff.role) && staff.gridId !== null && ticket.gridId === staff.gridId) return true;
  // The front desk owns tickets that belong to no grid (public places nobody's grid covers).
  return staff.role === "frontdesk" && ticket.gridId === null;
}
