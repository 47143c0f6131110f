// Multi-turn state of one chat user: binding in progress, a revisit awaiting its answer, a report
// waiting for the address. One state per user; a newer one replaces the older.
import { z } from "zod";
import type { DbOrTx } from "../../db.js";

export const ConversationStateSchema = z.discriminatedUnion("kind", [
  /** Waiting for the address of the user's home; `pending` is a report to file once bound. */
  // `building`: given alone ("4栋的"), kept for the unit and room that follow; `unit` too after an
  // address that matched no home, so "不对，是1102" corrects the room alone.
  // noPhoneHouseholdId: the home the sender named whose file has no phone (no online binding possible):
  // their reports about home are filed there as unverified, for the housekeeper to check in person.
  z.object({ kind: z.literal("bind_address"), pendingMessageId: z.number().nullable(), building: z.string().optional(), unit: z.string().optional(), room: z.string().optional(), noPhoneHouseholdId: z.number().optional() }),
  /** Waiting for the last four digits of the phone on file. */
  // `ownerFileOutdated`: the sender said the phone on file is not theirs (a sale, an old number) and was sent
  // to the front desk — until it is updated, their reports about this home are filed there as unverified.
  z.object({ kind: z.literal("bind_phone"), householdId: z.number(), pendingMessageId: z.number().nullable(), ownerFileOutdated: z.boolean().optional() }),
  /** A revisit question was asked about this ticket. */
  z.object({ kind: z.literal("revisit"), ticketId: z.number() }),
  /** The resident was unsatisfied; their next message says what is still wrong. */
  z.object({ kind: z.literal("revisit_detail"), ticketId: z.number() }),
  /** A satisfaction survey question (or its closing comment) awaits this invite's answer (src/services/surveys). */
  z.object({ kind: z.literal("survey"), inviteId: z.number() }),
]);
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export async function getState(db: DbOrTx, chatUserId: number, now: Date): Promise<ConversationState | null> {
  const row = await db.conversation.findUnique({ where: { chatUserId } });
  if (!row || row.expiresAt <= now) return null;
  const parsed = ConversationStateSchema.safeParse({ kind: row.kind, ...(JSON.parse(row.data) as object) });
  return parsed.success ? parsed.data : null;
}

export async function setState(db: DbOrTx, chatUserId: number, state: ConversationState, expiresAt: Date): Promise<void> {
  const { kind, ...data } = state;
  await db.conversation.upsert({
    where: { chatUserId },
    create: { chatUserId, kind, data: JSON.stringify(data), expiresAt },
    update: { kind, data: JSON.stringify(data), expiresAt },
  });
}

export async function clearState(db: DbOrTx, chatUserId: number): Promise<void> {
  await db.conversation.deleteMany({ where: { chatUserId } });
}
