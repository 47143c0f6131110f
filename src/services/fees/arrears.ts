// The arrears list (欠费): households with overdue bills, what they owe, for how many months, when
// they were last reminded and whether reminders are on hold. A housekeeper sees their own grid;
// team leads, supervisors and managers see every grid. Nobody else sees amounts.
import type { DbOrTx } from "../../db.js";
import { DomainError } from "../deps.js";
import { householdAddress } from "../residents/identity.js";
import { isHousekeeper, isSupervisory, type Actor } from "../staff/roles.js";
import { activeFeeHolds, type FeeHold } from "./holds.js";
import { overdueByHousehold, reminderHistory } from "./reminders.js";

/** The grids a staff member may see fee figures of: null = all; refuses other roles. */
export function feeGridsOf(staff: Actor): number[] | null {
  if (isSupervisory(staff.role)) return null;
  if (isHousekeeper(staff.role)) {
    if (staff.gridId === null) throw new DomainError("fee.no_grid");
    return [staff.gridId];
  }
  throw new DomainError("fee.not_allowed");
}

export type ArrearsRow = {
  householdId: number; address: string; gridId: number | null; gridName: string;
  owedCents: number; months: number; periods: string[];
  /** Local date "yyyy-mm-dd" of the last reminder in the last ~100 days, or null. */
  lastReminder: string | null;
  hold: FeeHold | null;
};

/** Households with bills past due at `now` (unpaid), in the given grids (null = all), by grid then amount. */
export async function arrearsList(db: DbOrTx, communityId: number, now: Date, gridIds: number[] | null): Promise<ArrearsRow[]> {
  const households = await db.household.findMany({
    where: { communityId, ...(gridIds ? { building: { gridId: { in: gridIds } } } : {}) },
    select: { id: true, unit: true, room: true, building: { select: { name: true, gridId: true, grid: { select: { name: true, code: true } } } } },
  });
  if (households.length === 0) return [];
  const overdue = await overdueByHousehold(db, communityId, now, gridIds ? households.map((h) => h.id) : undefined);
  if (overdue.size === 0) return [];
  const history = await reminderHistory(db, communityId, new Date(now.getTime() - 100 * 86_400_000));
  const holds = await activeFeeHolds(db, communityId, now);
  const rows: (ArrearsRow & { code: string })[] = [];
  for (const h of households) {
    const o = overdue.get(h.id);
    if (!o) continue;
    rows.push({
      householdId: h.id, address: householdAddress(h), gridId: h.building.gridId, gridName: h.building.grid?.name ?? "未分网格", code: h.building.grid?.code ?? "\uffff",
      owedCents: o.owedCents, months: o.periods.length, periods: o.periods,
      lastReminder: history.get(h.id)?.at(-1) ?? null, hold: holds.get(h.id) ?? null,
    });
  }
  rows.sort((a, b) => a.code.localeCompare(b.code) || b.owedCents - a.owedCents || a.address.localeCompare(b.address));
  return rows.map(({ code: _code, ...r }) => r);
}
