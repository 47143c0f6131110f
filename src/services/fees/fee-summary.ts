// A household's own fee position: open bills, total owed, paid-up-to. Only ever shown to a verified
// resident of that household in a direct chat, or to staff of its grid (the bot enforces where).
import type { DbOrTx } from "../../db.js";

export const yuan = (cents: number) => (cents / 100).toFixed(2);

export async function feeSummary(db: DbOrTx, householdId: number) {
  const bills = await db.bill.findMany({ where: { householdId }, orderBy: [{ period: "asc" }, { item: "asc" }] });
  const open = bills.filter((b) => b.paidCents < b.amountCents).map((b) => ({ item: b.item, period: b.period, owed: b.amountCents - b.paidCents, dueDate: b.dueDate }));
  const totalOwed = open.reduce((sum, b) => sum + b.owed, 0);
  // Paid up to: the last property-fee period before the first unpaid one.
  let paidUpTo: string | null = null;
  for (const b of bills.filter((x) => x.item === "物业服务费")) {
    if (b.paidCents < b.amountCents) break;
    paidUpTo = b.period;
  }
  return { open, totalOwed, paidUpTo };
}
