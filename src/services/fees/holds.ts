// A housekeeper can put a household's fee reminders on hold: the household disputes a bill, or has
// agreed a payment plan. No reminder goes to a held household.
//
// A hold is a FeeHold row, active while `releasedAt` is null and `until` (the review date) is still
// ahead. The review date is also scheduled work: a ScheduledTask of kind "fee.hold_end" (dedupeKey
// `fee.hold_end:<hold id>`, data {holdId}) tells the grid's housekeeper that reminders resume (they
// can set a new hold). Releasing a hold early (恢复催缴, or a new hold replacing it) marks its review
// task done, so nobody is told about a hold that no longer exists.
//
// Holds made before the FeeHold table existed (ScheduledTask rows keyed `fee.hold:<householdId>:…`)
// are not carried over; that version was never released.
import type { DbOrTx } from "../../db.js";
import { DomainError } from "../deps.js";
import { enqueue } from "../outbox.js";
import { findHousehold, type Address } from "../residents/binding.js";
import { householdAddress } from "../residents/identity.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";

export type FeeHoldReason = "dispute" | "plan";
export const FEE_HOLD_REASONS: readonly FeeHoldReason[] = ["dispute", "plan"];
export type FeeHold = { id: number; householdId: number; reason: FeeHoldReason; note: string; by: string; since: Date; until: Date };

export const FEE_HOLD_KIND = "fee.hold_end";
export const DEFAULT_HOLD_DAYS = 30;
const DAY = 86_400_000;
const taskKey = (holdId: number) => `fee.hold_end:${holdId}`;

const toHold = (r: { id: number; householdId: number; reason: string; note: string; by: string; since: Date; until: Date }): FeeHold => ({
  id: r.id, householdId: r.householdId, reason: r.reason as FeeHoldReason, note: r.note, by: r.by, since: r.since, until: r.until,
});
const activeWhere = (now: Date) => ({ releasedAt: null, until: { gt: now } });

/**
 * Puts a household's reminders on hold until `until` (default 30 days), replacing any active hold
 * (`replaced` says whether there was one). Pass a transaction: it writes the hold and its review task.
 */
export async function setFeeHold(
  db: DbOrTx,
  h: { communityId: number; householdId: number; reason: FeeHoldReason; note?: string; by: string; now: Date; until?: Date },
): Promise<FeeHold & { replaced: boolean }> {
  const replaced = await releaseFeeHold(db, h.householdId, h.now);
  const until = h.until ?? new Date(h.now.getTime() + DEFAULT_HOLD_DAYS * DAY);
  const row = await db.feeHold.create({
    data: { communityId: h.communityId, householdId: h.householdId, reason: h.reason, note: (h.note ?? "").slice(0, 200), by: h.by, since: h.now, until },
  });
  await scheduleTask(db, { communityId: h.communityId, kind: FEE_HOLD_KIND, data: { holdId: row.id }, dueAt: until, dedupeKey: taskKey(row.id) });
  return { ...toHold(row), replaced };
}

/** Ends a household's active hold now; reminders resume with the next sweep. Returns whether one was active. */
export async function releaseFeeHold(db: DbOrTx, householdId: number, now: Date): Promise<boolean> {
  const active = await db.feeHold.findMany({ where: { householdId, ...activeWhere(now) }, select: { id: true } });
  if (active.length === 0) return false;
  await db.feeHold.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { releasedAt: now } });
  // Its review date no longer concerns anybody.
  await db.scheduledTask.updateMany({ where: { dedupeKey: { in: active.map((a) => taskKey(a.id)) }, claimedAt: null }, data: { claimedAt: now, doneAt: now } });
  return true;
}

/** The household's active hold at `now`, if any. */
export async function activeFeeHold(db: DbOrTx, householdId: number, now: Date): Promise<FeeHold | null> {
  const row = await db.feeHold.findFirst({ where: { householdId, ...activeWhere(now) }, orderBy: { id: "desc" } });
  return row ? toHold(row) : null;
}

/** Active holds of a community at `now`, by household. */
export async function activeFeeHolds(db: DbOrTx, communityId: number, now: Date): Promise<Map<number, FeeHold>> {
  const rows = await db.feeHold.findMany({ where: { communityId, ...activeWhere(now) }, orderBy: { id: "asc" } });
  return new Map(rows.map((r) => [r.householdId, toHold(r)]));
}

/** The review date came: reminders resume; the grid's housekeeper (else whoever set the hold) is told. */
export const feeHoldEnded: TaskHandler = async (tx, _deps, task, now) => {
  const hold = await tx.feeHold.findUnique({ where: { id: Number(task.data.holdId) } });
  if (!hold || hold.releasedAt) return;
  const household = await tx.household.findUnique({ where: { id: hold.householdId }, include: { building: { include: { grid: { include: { housekeeper: { include: { chatUser: true } } } } } } } });
  if (!household) return;
  let staff = household.building.grid?.housekeeper ?? null;
  if (!staff?.active || !staff.chatUser) {
    const setter = /^staff:(\d+)$/.exec(hold.by);
    staff = setter ? await tx.staff.findUnique({ where: { id: Number(setter[1]) }, include: { chatUser: true } }) : null;
  }
  if (!staff?.active || !staff.chatUser) return;
  await enqueue(tx, {
    communityId: task.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.fee_hold_ended",
    params: { address: householdAddress(household), reason: hold.reason, note: hold.note }, notBefore: now, dedupeKey: `fee.hold_ended:${hold.id}`,
  });
};

// ——— staff actions (暂停催缴 / 恢复催缴) ———

/**
 * The household at an address, if it lies in `grids` (null = every grid: supervisors and managers;
 * a housekeeper's is their own, see feeGridsOf). `written` is the address as the staff member wrote it.
 */
export async function householdForHold(db: DbOrTx, communityId: number, grids: number[] | null, address: Address, written: string) {
  const household = await findHousehold(db, communityId, address);
  if (!household) throw new DomainError("fee.unknown_household", { address: written });
  if (grids && (household.building.gridId === null || !grids.includes(household.building.gridId))) throw new DomainError("fee.not_your_grid", { address: householdAddress(household) });
  return household;
}
