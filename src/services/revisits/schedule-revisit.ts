// 100% revisits: every completed ticket with a reporter gets a revisit question N days after completion
// (default 1), never in quiet hours. At the office's `revisitAt` when it set one — exactly then. When it
// did not: 10:00, but never later than the completion's own time of day (outside quiet hours): a repair
// finished at 09:30 is revisited at 09:30 the next day, not 10:00 — "a day later" holds for every completion.
import type { Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { scheduleTask } from "../scheduler.js";
import { inQuietHours, localParts, localTimeOnDay, outsideQuietHours } from "../time.js";

const DEFAULT_REVISIT_AT = "10:00";
const SMALL_HOURS_END = "06:00";

export async function scheduleRevisit(tx: Tx, ticket: { id: number; communityId: number }, doneAt: Date, settings: Settings, tz: string) {
  // Work finished in the small hours (before quiet hours end) belongs to the day before: a repair done
  // at 02:50 is revisited at 10:00 that morning, not a day and seven hours later.
  const p = localParts(doneAt, tz);
  const [qs, qe] = [settings.quietHours.start, settings.quietHours.end];
  const hhmm = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  // Only the small hours themselves (before 06:00): work done at 08:00 is that day's, revisited the next.
  const smallHours = qs > qe && hhmm < qe && hhmm < SMALL_HOURS_END;
  const base = smallHours ? new Date(doneAt.getTime() - 86_400_000) : doneAt;
  const revisitAt = settings.revisitAt ?? DEFAULT_REVISIT_AT;
  let atConfigured = outsideQuietHours(localTimeOnDay(base, settings.revisitAfterDays, revisitAt, tz), settings.quietHours, tz);
  if (atConfigured <= doneAt) atConfigured = outsideQuietHours(localTimeOnDay(doneAt, settings.revisitAfterDays, revisitAt, tz), settings.quietHours, tz);
  const sameTimeLater = new Date(doneAt.getTime() + settings.revisitAfterDays * 86_400_000);
  const sooner = settings.revisitAt === undefined && settings.revisitAfterDays >= 1 && !inQuietHours(sameTimeLater, settings.quietHours, tz) && sameTimeLater < atConfigured;
  const dueAt = sooner ? sameTimeLater : atConfigured;
  // A reopened ticket completed again gets one new revisit: the question still pending from the first
  // completion (reopened by a repeat report before it was asked) is retired, or both would be asked.
  await tx.scheduledTask.updateMany({ where: { ticketId: ticket.id, kind: "revisit.ask", claimedAt: null }, data: { claimedAt: doneAt, doneAt } });
  // Keyed by the number of completions.
  const completions = await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "complete" } });
  await scheduleTask(tx, { communityId: ticket.communityId, kind: "revisit.ask", ticketId: ticket.id, dueAt, dedupeKey: `revisit.ask:${ticket.id}:${completions}` });
}
