// Who is writing: a chat identity, and what it is to the office (staff, resident of households).
import type { DbOrTx } from "../../db.js";

export async function findOrCreateChatUser(db: DbOrTx, platformId: string, name: string) {
  // The no-op update keeps this one atomic INSERT … ON CONFLICT (two instances, one new contact).
  return db.chatUser.upsert({ where: { platformId }, create: { platformId, name }, update: { platformId } });
}

export async function loadSender(db: DbOrTx, chatUserId: number) {
  const user = await db.chatUser.findUniqueOrThrow({
    where: { id: chatUserId },
    include: {
      staff: { include: { grid: true } },
      residents: { where: { verified: true }, include: { household: { include: { building: true } } }, orderBy: { id: "asc" } },
      conversation: true,
    },
  });
  return user;
}
export type Sender = Awaited<ReturnType<typeof loadSender>>;

/** "3栋2单元1201" (unit omitted when the building has none). */
export function householdAddress(h: { building: { name: string }; unit: string; room: string }): string {
  return `${h.building.name}栋${h.unit ? `${h.unit}单元` : ""}${h.room}`;
}

/** Masks a name for logs and lists that are not the household's own: 张伟 → 张*. */
export const maskName = (name: string) => (name.length <= 1 ? "*" : name[0] + "*".repeat(Math.min(2, name.length - 1)));
/** 13912345678 → 139****5678 */
export const maskPhone = (phone: string) => phone.replace(/(\d{3})\d+(\d{4})/, "$1****$2");
