// 100% revisits: every completed ticket with a reporter gets a revisit question at the configured
// time (default 10:00 the next morning), never in quiet hours. Never later than the same time of day
// N days after completion (when that is outside quiet hours): a repair finished at 09:30 is revisited
// at 09:30 the next day, not 10:00 — "a day later" holds for every completion.
import type { Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { scheduleTask } from "../scheduler.js";
import { inQuietHours, localParts, localTimeOnDay, outsideQuietHours } from "../time.js";

export async function scheduleRevisit(tx: Tx, ticket: { id: number; communityId: number }, doneAt: Date, settings: Settings, tz: string) {
  // Work finished in the small hours (before quiet hours end) belongs to the day before: a repair done
  // at 02:50 is revisited at 10:00 that morning, not a day and seven hours later.
  const p = localParts(doneAt, tz);
  const [qs, qe] = [settings.quietHours.start, settings.quietHours.end];
  const smallHours = qs > qe && `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}` < qe;
  const base = smallHours ? new Date(doneAt.getTime() - 86_400_000) : doneAt;
  let atConfigured = outsideQuietHours(localTimeOnDay(base, settings.revisitAfterDays, settings.revisitAt, tz), settings.quietHours, tz);
  if (atConfigured <= doneAt) atConfigured = outsideQuietHours(localTimeOnDay(doneAt, settings.revisitAfterDays, settings.revisitAt, tz), settings.quietHours, tz);
  const sameTimeLater = new Date(doneAt.getTime() + settings.revisitAfterDays * 86_400_000);
  const dueAt = settings.revisitAfterDays >= 1 && !inQuietHours(sameTimeLater, settings.quietHours, tz) && sameTimeLater < atConfigured ? sameTimeLater : atConfigured;
  // A reopened ticket completed again gets a new revisit: key by the number of completions.
  const completions = await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "complete" } });
  await scheduleTask(tx, { communityId: ticket.communityId, kind: "revisit.ask", ticketId: ticket.id, dueAt, dedupeKey: `revisit.ask:${ticket.id}:${completions}` });
}
