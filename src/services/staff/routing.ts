// Who handles a ticket: the housekeeper of the grid that owns the building; for a place no grid
// owns, the front desk (then the supervisor, then the manager).
import type { DbOrTx } from "../../db.js";

export type Route = { gridId: number | null; assignee: { id: number; name: string; chatUserId: number | null } | null };

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

/** Staff who oversee a ticket's grid: supervisors (and team leads) of the community. */
export async function supervisorsOf(db: DbOrTx, communityId: number) {
  return db.staff.findMany({ where: { communityId, role: { in: ["supervisor"] }, active: true }, include: { chatUser: true } });
}

export async function managersOf(db: DbOrTx, communityId: number) {
  return db.staff.findMany({ where: { communityId, role: "manager", active: true }, include: { chatUser: true } });
}

/** The grid (and its housekeeper) a household belongs to. */
export async function housekeeperOfBuilding(db: DbOrTx, communityId: number, building: string) {
  const b = await db.building.findUnique({ where: { communityId_name: { communityId, name: building } }, include: { grid: { include: { housekeeper: true } } } });
  return b?.grid?.housekeeper ?? null;
}
