// The collection rate (收缴率) = collected ÷ receivable, per grid and for the whole community.
//
// "Current period" = the current calendar year to date: every bill (all items) whose due date lies
// between local Jan 1 00:00 of this year and `now`. Receivable is the sum of those bills' amounts;
// collected is what has been paid on those same bills (paidCents; the import never lets a payment
// exceed its bill, and per household it is capped at the receivable). Bills not yet due this year
// and arrears of earlier years are not in it — those show in `欠费`.
import type { DbOrTx } from "../../db.js";
import { atLocal, localParts } from "../time.js";

export type RateRow = { gridId: number | null; gridName: string; households: number; receivableCents: number; collectedCents: number };
export type CollectionRates = { from: Date; to: Date; grids: RateRow[]; total: RateRow };

/** Collection rates of every grid of the community (and households in no grid, if any have bills), plus the total. */
/** `year`: a past year's whole-year rate (its bills due 1 January – 31 December); the current year to date by default. */
export async function collectionRates(db: DbOrTx, communityId: number, now: Date, tz: string, year?: number): Promise<CollectionRates> {
  const thisYear = localParts(now, tz).year;
  const y = year ?? thisYear;
  const from = atLocal(y, 1, 1, "00:00", tz);
  const end = y < thisYear ? new Date(atLocal(y + 1, 1, 1, "00:00", tz).getTime() - 1) : now;
  const sums = await db.bill.groupBy({
    by: ["householdId"],
    where: { communityId, dueDate: { gte: from, lte: end } },
    _sum: { amountCents: true, paidCents: true },
  });
  const grids = await db.grid.findMany({ where: { communityId }, orderBy: { code: "asc" }, select: { id: true, name: true } });
  const households = await db.household.findMany({ where: { communityId }, select: { id: true, building: { select: { gridId: true } } } });
  const gridOf = new Map(households.map((h) => [h.id, h.building.gridId]));
  const rows = new Map<number | null, RateRow>(grids.map((g) => [g.id, { gridId: g.id, gridName: g.name, households: 0, receivableCents: 0, collectedCents: 0 }]));
  const total: RateRow = { gridId: null, gridName: "全小区", households: 0, receivableCents: 0, collectedCents: 0 };
  for (const s of sums) {
    const receivable = s._sum.amountCents ?? 0;
    const collected = Math.min(s._sum.paidCents ?? 0, receivable);
    const gridId = gridOf.get(s.householdId) ?? null;
    let row = rows.get(gridId);
    if (!row) rows.set(gridId, (row = { gridId, gridName: "未分网格", households: 0, receivableCents: 0, collectedCents: 0 }));
    for (const r of [row, total]) {
      r.households++;
      r.receivableCents += receivable;
      r.collectedCents += collected;
    }
  }
  return { from, to: end, grids: [...rows.values()], total };
}

/** "66.7%"; "—" when nothing was receivable. */
export function formatRate(r: { receivableCents: number; collectedCents: number }): string {
  if (r.receivableCents === 0) return "—";
  return `${(Math.round((r.collectedCents * 1000) / r.receivableCents) / 10).toFixed(1)}%`;
}
