// Binding a WeChat identity to a household: address → last four digits of the phone on file.
// Three wrong tails lock binding for that household (settings.bindLockMinutes), against guessing.
import type { Tx, DbOrTx } from "../../db.js";
import type { Settings } from "../community/settings.js";

export type Address = { building: string | null; unit: string | null; room: string | null };

/** The household at an address; the unit may be left out when the room is unique in the building. */
export async function findHousehold(db: DbOrTx, communityId: number, address: Address) {
  if (!address.building || !address.room) return null;
  const candidates = await db.household.findMany({
    where: { communityId, room: address.room, building: { name: address.building }, ...(address.unit ? { unit: address.unit } : {}) },
    include: { building: true },
  });
  return candidates.length === 1 ? candidates[0]! : null;
}

/** How many homes match an address without its unit ("8栋602" when units 1 and 2 both have a 602). */
export async function homesWithoutUnit(db: DbOrTx, communityId: number, address: Address): Promise<number> {
  if (!address.building || !address.room || address.unit) return 0;
  return db.household.count({ where: { communityId, room: address.room, building: { name: address.building } } });
}

export type BindResult =
  | { kind: "bound"; householdId: number }
  | { kind: "wrong"; triesLeft: number }
  | { kind: "locked"; until: Date };

export function isLocked(household: { bindLockedUntil: Date | null }, now: Date): boolean {
  return household.bindLockedUntil !== null && household.bindLockedUntil > now;
}

/** Checks a phone tail against the household's record and binds on a match. */
export async function checkPhoneTail(tx: Tx, input: { chatUserId: number; householdId: number; tail: string; now: Date; settings: Settings }): Promise<BindResult> {
  const h = await tx.household.findUniqueOrThrow({ where: { id: input.householdId } });
  if (isLocked(h, input.now)) return { kind: "locked", until: h.bindLockedUntil! };
  if (h.phone.slice(-4) === input.tail) {
    await tx.household.update({ where: { id: h.id }, data: { bindFailures: 0, bindLockedUntil: null } });
    await tx.resident.upsert({
      where: { chatUserId_householdId: { chatUserId: input.chatUserId, householdId: h.id } },
      create: { chatUserId: input.chatUserId, householdId: h.id, verified: true, boundAt: input.now },
      update: { verified: true, boundAt: input.now },
    });
    return { kind: "bound", householdId: h.id };
  }
  const failures = h.bindFailures + 1;
  if (failures >= input.settings.bindMaxFailures) {
    const until = new Date(input.now.getTime() + input.settings.bindLockMinutes * 60_000);
    await tx.household.update({ where: { id: h.id }, data: { bindFailures: 0, bindLockedUntil: until } });
    return { kind: "locked", until };
  }
  await tx.household.update({ where: { id: h.id }, data: { bindFailures: failures } });
  return { kind: "wrong", triesLeft: input.settings.bindMaxFailures - failures };
}

/**
 * A resident ends their link to a home ("房子卖了，帮我解绑"): the binding row is removed, so the
 * home's bills, reminders and notices no longer reach them (their past tickets stay on record).
 * Returns false when they were not bound to it.
 */
export async function unbindHome(tx: Tx, chatUserId: number, householdId: number): Promise<boolean> {
  const removed = await tx.resident.deleteMany({ where: { chatUserId, householdId } });
  return removed.count > 0;
}
