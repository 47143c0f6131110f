// Who is writing: a chat identity, and what it is to the office (staff, resident of households).
import type { DbOrTx } from "../../db.js";
import { addressLabel } from "../community/building-names.js";

export async function findOrCreateChatUser(db: DbOrTx, platformId: string, name: string) {
  // The no-op update keeps this one atomic INSERT … ON CONFLICT (two instances, one new contact).
  return db.chatUser.upsert({ where: { platformId }, create: { platformId, name }, update: { platformId } });
}

export type ChatUserRow = Awaited<ReturnType<typeof findOrCreateChatUser>>;

/**
 * The sender: the chat user (pass the row when it is in hand, to save reading it again), their
 * staff record with its grid, and their verified households with buildings, oldest binding first.
 * The conversation state is read inside the processing transaction (getState), not here.
 */
export async function loadSender(db: DbOrTx, user: number | ChatUserRow) {
  const row = typeof user === "number" ? await db.chatUser.findUniqueOrThrow({ where: { id: user } }) : user;
  const [staff, residents] = await Promise.all([
    db.staff.findUnique({ where: { chatUserId: row.id }, include: { grid: true } }),
    db.resident.findMany({ where: { chatUserId: row.id, verified: true }, include: { household: { include: { building: true } } }, orderBy: { id: "asc" } }),
  ]);
  return { ...row, staff, residents };
}
export type Sender = Awaited<ReturnType<typeof loadSender>>;

/** "3栋2单元1201" (unit omitted when the building has none). */
export function householdAddress(h: { building: { name: string }; unit: string; room: string }): string {
  return addressLabel({ building: h.building.name, unit: h.unit, room: h.room });
}

/** Masks a name for logs and lists that are not the household's own: 张伟 → 张*. */
export const maskName = (name: string) => (name.length <= 1 ? "*" : name[0] + "*".repeat(Math.min(2, name.length - 1)));
/** 13912345678 → 139****5678 */
export const maskPhone = (phone: string) => phone.replace(/(\d{3})\d+(\d{4})/, "$1****$2");
