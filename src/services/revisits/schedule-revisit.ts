// 100% revisits: every completed ticket with a reporter gets a revisit question at the configured
// time (default 10:00 the next morning), never in quiet hours.
import type { Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { scheduleTask } from "../scheduler.js";
import { localTimeOnDay, outsideQuietHours } from "../time.js";

export async function scheduleRevisit(tx: Tx, ticket: { id: number; communityId: number }, doneAt: Date, settings: Settings, tz: string) {
  const dueAt = outsideQuietHours(localTimeOnDay(doneAt, settings.revisitAfterDays, settings.revisitAt, tz), settings.quietHours, tz);
  // A reopened ticket completed again gets a new revisit: key by the number of completions.
  const completions = await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "complete" } });
  await scheduleTask(tx, { communityId: ticket.communityId, kind: "revisit.ask", ticketId: ticket.id, dueAt, dedupeKey: `revisit.ask:${ticket.id}:${completions}` });
}
