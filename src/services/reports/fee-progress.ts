// The weekly fee collection progress table (物业费收缴进度表), sent to the manager on Monday mornings:
// per grid (and housekeeper) the collection rate of src/services/fees/collection-rate.ts — this year's
// bills due by the end of the week, collected ÷ receivable — plus what came in during the week and
// how many households still owe, on bills of any year (the first week of January still shows the
// payments of December's last days, and last year's arrears are still owed).
//
// "Came in during the week" = the paid amount of bills whose payment date (Bill.paidAt, the date of
// the latest payment import) falls in the week. A bill paid in instalments counts whole in the week
// of its latest payment: bills keep no payment history.
import type { DbOrTx } from "../../db.js";
import { collectionRates, type RateRow } from "../fees/collection-rate.js";
import type { ReportCommunity } from "./figures.js";
import type { Period } from "./periods.js";

export type FeeProgressRow = RateRow & { housekeeper: string | null; paidInPeriodCents: number; owingHouseholds: number };
export type FeeProgress = {
  community: string; tz: string;
  period: { from: string; to: string };
  /** The bills counted: due from `from` (Jan 1) to `to`. */
  bills: { from: string; to: string };
  grids: FeeProgressRow[];
  total: FeeProgressRow;
};

export async function feeProgress(db: DbOrTx, community: ReportCommunity, period: Pick<Period, "from" | "to">): Promise<FeeProgress> {
  const rates = await collectionRates(db, community.id, new Date(period.to.getTime() - 1), community.timezone);
  const dueByEnd = { communityId: community.id, dueDate: { lte: rates.to } };
  const perHousehold = await db.bill.groupBy({ by: ["householdId"], where: dueByEnd, _sum: { amountCents: true, paidCents: true } });
  const paidInPeriod = await db.bill.groupBy({ by: ["householdId"], where: { communityId: community.id, paidAt: { gte: period.from, lt: period.to } }, _sum: { paidCents: true } });
  const households = await db.household.findMany({ where: { communityId: community.id }, select: { id: true, building: { select: { gridId: true } } } });
  const gridOf = new Map(households.map((h) => [h.id, h.building.gridId]));
  const keepers = await db.grid.findMany({ where: { communityId: community.id }, select: { id: true, housekeeper: { select: { name: true } } } });
  const keeperOf = new Map(keepers.map((g) => [g.id, g.housekeeper?.name ?? null]));

  const extend = (r: RateRow): FeeProgressRow => ({ ...r, housekeeper: r.gridId === null ? null : keeperOf.get(r.gridId) ?? null, paidInPeriodCents: 0, owingHouseholds: 0 });
  const rows = new Map(rates.grids.map((r) => [r.gridId, extend(r)]));
  const total = extend(rates.total);
  const rowOf = (householdId: number) => rows.get(gridOf.get(householdId) ?? null);
  for (const h of perHousehold) {
    if ((h._sum.paidCents ?? 0) >= (h._sum.amountCents ?? 0)) continue;
    for (const r of [rowOf(h.householdId), total]) if (r) r.owingHouseholds++;
  }
  for (const h of paidInPeriod) {
    for (const r of [rowOf(h.householdId), total]) if (r) r.paidInPeriodCents += h._sum.paidCents ?? 0;
  }
  return {
    community: community.name, tz: community.timezone,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    bills: { from: rates.from.toISOString(), to: rates.to.toISOString() },
    grids: [...rows.values()], total,
  };
}
