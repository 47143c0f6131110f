// Who handles a ticket: the housekeeper of the grid that owns the building; for a place no grid
// owns, the front desk (then the supervisor, then the manager).
import type { DbOrTx } from "../../db.js";
import { memo, type SweepCache } from "../deps.js";

export type Route = { gridId: number | null; assignee: { id: number; name: string; role: string; chatUserId: number | null } | null };

export async function routeTicket(db: DbOrTx, communityId: number, building: string | null): Promise<Route> {
  if (building) {
    const b = await db.building.findUnique({ where: { communityId_name: { communityId, name: building } }, include: { grid: { include: { housekeeper: true } } } });
    const hk = b?.grid?.housekeeper;
    if (b?.grid && hk?.active) return { gridId: b.grid.id, assignee: hk };
    if (b?.grid) return { gridId: b.grid.id, assignee: await fallbackStaff(db, communityId) };
  }
  return { gridId: null, assignee: await fallbackStaff(db, communityId) };
}

async function fallbackStaff(db: DbOrTx, communityId: number) {
  for (const role of ["frontdesk", "supervisor", "manager"]) {
    const s = await db.staff.findFirst({ where: { communityId, role, active: true }, orderBy: { id: "asc" } });
    if (s) return s;
  }
  return null;
}

/** Active staff of a role with their chat users; `sweep`: memoised for one sweep of due work. */
export async function staffWithRole(db: DbOrTx, communityId: number, role: string, sweep?: SweepCache) {
  return memo(sweep, `staff:${communityId}:${role}`, () => db.staff.findMany({ where: { communityId, role, active: true }, include: { chatUser: true } }));
}

/**
 * Staff who oversee the housekeepers: the supervisors; an office without one has its team leads,
 * or else its managers, take the supervisor's alerts — an escalation never reaches nobody.
 */
export async function supervisorsOf(db: DbOrTx, communityId: number, sweep?: SweepCache) {
  for (const role of ["supervisor", "team_lead", "manager"]) {
    const staff = await staffWithRole(db, communityId, role, sweep);
    if (staff.some((s) => s.chatUserId !== null)) return staff;
  }
  return [];
}

export async function managersOf(db: DbOrTx, communityId: number, sweep?: SweepCache) {
  return staffWithRole(db, communityId, "manager", sweep);
}

/** A staff member with their chat user (a ticket's assignee); `sweep`: memoised for one sweep. */
export async function staffWithUser(db: DbOrTx, id: number, sweep?: SweepCache) {
  return memo(sweep, `staff:${id}`, () => db.staff.findUnique({ where: { id }, include: { chatUser: true } }));
}

/** The grid (and its housekeeper) a household belongs to. */
export async function housekeeperOfBuilding(db: DbOrTx, communityId: number, building: string) {
  const b = await db.building.findUnique({ where: { communityId_name: { communityId, name: building } }, include: { grid: { include: { housekeeper: true } } } });
  return b?.grid?.housekeeper ?? null;
}
