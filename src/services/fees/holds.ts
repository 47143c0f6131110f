// A housekeeper can put a household's fee reminders on hold: the household disputes a bill, or has
// agreed a payment plan. No reminder goes to a held household.
//
// Storage without a schema change: a hold is scheduled work — its review date. It is a ScheduledTask
// of kind "fee.hold_end" (dedupeKey `fee.hold:<householdId>:<since ms>`, data {householdId, reason,
// note, by, since}) due on the review date; while unclaimed and not yet due the hold is active. When
// it falls due, the housekeeper is told that reminders resume (and can set a new hold); releasing
// it early marks the row done. All access goes through this file, so moving holds to their own
// table later (see the report: model FeeHold) changes nothing else.
import type { DbOrTx } from "../../db.js";
import { enqueue } from "../outbox.js";
import { householdAddress } from "../residents/identity.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";

export type FeeHoldReason = "dispute" | "plan";
export type FeeHold = { householdId: number; reason: FeeHoldReason; note: string; by: string; since: Date; until: Date };

export const FEE_HOLD_KIND = "fee.hold_end";
const DEFAULT_HOLD_DAYS = 30;
const prefix = (householdId: number) => `fee.hold:${householdId}:`;

/** Puts a household's reminders on hold until `until` (default 30 days), replacing any active hold. */
export async function setFeeHold(
  db: DbOrTx,
  h: { communityId: number; householdId: number; reason: FeeHoldReason; note?: string; by: string; now: Date; until?: Date },
): Promise<FeeHold> {
  await releaseFeeHold(db, h.householdId, h.now);
  const until = h.until ?? new Date(h.now.getTime() + DEFAULT_HOLD_DAYS * 86_400_000);
  const data = { householdId: h.householdId, reason: h.reason, note: h.note ?? "", by: h.by, since: h.now.toISOString() };
  await scheduleTask(db, { communityId: h.communityId, kind: FEE_HOLD_KIND, data, dueAt: until, dedupeKey: `${prefix(h.householdId)}${h.now.getTime()}` });
  return { ...data, since: h.now, until };
}

/** Ends a household's active hold now; reminders resume with the next sweep. Returns whether one was active. */
export async function releaseFeeHold(db: DbOrTx, householdId: number, now: Date): Promise<boolean> {
  const r = await db.scheduledTask.updateMany({ where: { kind: FEE_HOLD_KIND, claimedAt: null, dedupeKey: { startsWith: prefix(householdId) } }, data: { claimedAt: now, doneAt: now } });
  return r.count > 0;
}

/** Active holds of a community at `now`, by household. */
export async function activeFeeHolds(db: DbOrTx, communityId: number, now: Date): Promise<Map<number, FeeHold>> {
  const rows = await db.scheduledTask.findMany({ where: { communityId, kind: FEE_HOLD_KIND, claimedAt: null, dueAt: { gt: now } } });
  const holds = new Map<number, FeeHold>();
  for (const r of rows) {
    const d = JSON.parse(r.data) as { householdId: number; reason: FeeHoldReason; note?: string; by?: string; since: string };
    holds.set(d.householdId, { householdId: d.householdId, reason: d.reason, note: d.note ?? "", by: d.by ?? "", since: new Date(d.since), until: r.dueAt });
  }
  return holds;
}

/** The review date came: reminders resume; the grid's housekeeper is told. */
export const feeHoldEnded: TaskHandler = async (tx, _deps, task, now) => {
  const householdId = Number(task.data.householdId);
  const household = await tx.household.findUnique({ where: { id: householdId }, include: { building: { include: { grid: { include: { housekeeper: { include: { chatUser: true } } } } } } } });
  const hk = household?.building.grid?.housekeeper;
  if (!household || !hk?.active || !hk.chatUser) return;
  await enqueue(tx, {
    communityId: task.communityId, to: { kind: "user", platformId: hk.chatUser.platformId }, key: "staff.fee_hold_ended",
    params: { address: householdAddress(household), reason: String(task.data.reason ?? "") }, notBefore: now, dedupeKey: `fee.hold_end:${task.id}`,
  });
};
