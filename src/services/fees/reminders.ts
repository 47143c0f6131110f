// Fee reminders (催缴): once a day, at the office's configured local time (default 09:00, the end of the quiet hours; never in
// quiet hours), households with overdue bills get a polite direct message — to each verified
// resident of the household, nobody else. Cadence: the first when the oldest unpaid bill is
// `feeFirstReminderDays` past its due date, then every `feeReminderIntervalDays`, at most
// `feeMaxRemindersPerMonth` in a calendar month; never once the bills are paid; never to a household
// on hold (dispute or payment plan, see holds.ts).
//
// Each reminder is recorded by its outbox row: key "fee.reminder", dedupeKey
// `fee.reminder:<householdId>:<local yyyy-mm-dd>:<chatUserId>` — exactly once per recipient and day,
// and the history the cadence and `欠费` (last reminder) are computed from.
//
// The sweep is a ScheduledTask of kind "fee.sweep" (dedupeKey `fee.sweep:<communityId>:<local date>`);
// each run schedules the next day's. `ensureFeeSweepScheduled` starts the chain (start-up, new community).
import { OPEN_STATUSES } from "../tickets/transitions.js";
import type { DbOrTx, Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { getSettings } from "../community/community.js";
import type { Deps } from "../deps.js";
import { householdAddress } from "../residents/identity.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { inQuietHours, localParts, localTimeOnDay, outsideQuietHours } from "../time.js";
import { yuan } from "./fee-summary.js";
import { activeFeeHolds, FEE_HOLD_KIND, feeHoldEnded } from "./holds.js";

export type FeeReminderSettings = {
  feeReminderAt: string;
  feeFirstReminderDays: number;
  feeReminderIntervalDays: number;
  feeMaxRemindersPerMonth: number;
};
export const FEE_REMINDER_DEFAULTS: FeeReminderSettings = { feeReminderAt: "09:00", feeFirstReminderDays: 3, feeReminderIntervalDays: 14, feeMaxRemindersPerMonth: 2 };

/** The reminder settings, with defaults (works whether or not settings.ts declares them yet). */
export function feeReminderSettings(settings: Settings): FeeReminderSettings {
  const s = settings as Settings & Partial<FeeReminderSettings>;
  return {
    feeReminderAt: s.feeReminderAt ?? FEE_REMINDER_DEFAULTS.feeReminderAt,
    feeFirstReminderDays: s.feeFirstReminderDays ?? FEE_REMINDER_DEFAULTS.feeFirstReminderDays,
    feeReminderIntervalDays: s.feeReminderIntervalDays ?? FEE_REMINDER_DEFAULTS.feeReminderIntervalDays,
    feeMaxRemindersPerMonth: s.feeMaxRemindersPerMonth ?? FEE_REMINDER_DEFAULTS.feeMaxRemindersPerMonth,
  };
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of the local calendar date of `d` in `tz`. */
function localDayNumber(d: Date, tz: string): number {
  const p = localParts(d, tz);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY;
}
const pad = (n: number) => String(n).padStart(2, "0");
/** Local calendar date "2026-03-03". */
export const localDate = (d: Date, tz: string) => {
  const p = localParts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};
/** Whole days between two local dates "yyyy-mm-dd". */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

export const SWEEP_KIND = "fee.sweep";
export const REMINDER_KEY = "fee.reminder";
const sweepKey = (communityId: number, date: string) => `fee.sweep:${communityId}:${date}`;
const reminderKey = (householdId: number, date: string, chatUserId: number) => `fee.reminder:${householdId}:${date}:${chatUserId}`;

/**
 * Schedules the community's next daily sweep: the first configured local time strictly after `now`
 * (moved out of quiet hours if the office configured a time inside them). Idempotent.
 */
export async function ensureFeeSweepScheduled(db: DbOrTx, communityId: number, now: Date, settings: Settings, tz: string): Promise<Date> {
  const { feeReminderAt } = feeReminderSettings(settings);
  let slot = localTimeOnDay(now, 0, feeReminderAt, tz);
  if (slot <= now) slot = localTimeOnDay(now, 1, feeReminderAt, tz);
  const dueAt = outsideQuietHours(slot, settings.quietHours, tz);
  await scheduleTask(db, { communityId, kind: SWEEP_KIND, dueAt, dedupeKey: sweepKey(communityId, localDate(slot, tz)) });
  return dueAt;
}

/** Reminder dates (local "yyyy-mm-dd", ascending, one per day) per household since `since`. */
export async function reminderHistory(db: DbOrTx, communityId: number, since: Date): Promise<Map<number, string[]>> {
  const rows = await db.outboxMessage.findMany({ where: { communityId, key: REMINDER_KEY, notBefore: { gte: since } }, select: { dedupeKey: true } });
  const byHousehold = new Map<number, Set<string>>();
  for (const r of rows) {
    const m = /^fee\.reminder:(\d+):(\d{4}-\d{2}-\d{2})/.exec(r.dedupeKey ?? "");
    if (!m) continue;
    const id = Number(m[1]);
    let set = byHousehold.get(id);
    if (!set) byHousehold.set(id, (set = new Set()));
    set.add(m[2]!);
  }
  return new Map([...byHousehold].map(([id, dates]) => [id, [...dates].sort()]));
}

export type OverdueHousehold = { householdId: number; owedCents: number; periods: string[]; oldestDue: Date; bills: { period: string; owedCents: number; dueDate: Date }[] };

/** Households with unpaid bills whose due date is before `asOf`, with what they owe on those bills. */
export async function overdueByHousehold(db: DbOrTx, communityId: number, asOf: Date, householdIds?: number[]): Promise<Map<number, OverdueHousehold>> {
  const bills = await db.bill.findMany({
    where: { communityId, dueDate: { lt: asOf }, paidCents: { lt: db.bill.fields.amountCents }, ...(householdIds ? { householdId: { in: householdIds } } : {}) },
    select: { householdId: true, period: true, amountCents: true, paidCents: true, dueDate: true },
  });
  const out = new Map<number, OverdueHousehold>();
  for (const b of bills) {
    let h = out.get(b.householdId);
    if (!h) out.set(b.householdId, (h = { householdId: b.householdId, owedCents: 0, periods: [], oldestDue: b.dueDate, bills: [] }));
    h.owedCents += b.amountCents - b.paidCents;
    h.bills.push({ period: b.period, owedCents: b.amountCents - b.paidCents, dueDate: b.dueDate });
    if (!h.periods.includes(b.period)) h.periods.push(b.period);
    if (b.dueDate < h.oldestDue) h.oldestDue = b.dueDate;
  }
  for (const h of out.values()) h.periods.sort();
  return out;
}

/** How long an open fee question holds the household's reminders. */
const QUESTION_HOLD_DAYS = 7;

export type SweepResult = { households: number; messages: number; skipped: { held: number; noResident: number; cadence: number } };

/** Queues today's reminders for a community. Does nothing in quiet hours. */
export async function sweepFeeReminders(tx: Tx, deps: Pick<Deps, "log">, communityId: number, now: Date): Promise<SweepResult> {
  const result: SweepResult = { households: 0, messages: 0, skipped: { held: 0, noResident: 0, cadence: 0 } };
  const community = await tx.community.findUniqueOrThrow({ where: { id: communityId } });
  const settings = getSettings(community);
  const tz = community.timezone;
  if (inQuietHours(now, settings.quietHours, tz)) return result;
  const f = feeReminderSettings(settings);

  const overdue = await overdueByHousehold(tx, communityId, now);
  // Counted in local calendar days: a bill due 2-28 (the end of that day) with 3 days is first
  // reminded on 3-3, at the reminder time.
  const todayNumber = localDayNumber(now, tz);
  const dueDay = new Map<number, number>();
  const daysPastDue = (due: Date) => {
    let d = dueDay.get(due.getTime());
    if (d === undefined) dueDay.set(due.getTime(), (d = localDayNumber(due, tz)));
    return todayNumber - d;
  };
  const candidates = [...overdue.values()].filter((h) => daysPastDue(h.oldestDue) >= f.feeFirstReminderDays);
  if (candidates.length === 0) return result;

  const holds = await activeFeeHolds(tx, communityId, now);
  // A household whose fee question is still open ("金额不对吧" → a fee ticket) is not chased for the
  // amount it disputes while it is answered: as long as its housekeeper has taken it up, and for a week
  // when nobody has (the unanswered question is escalated by its own deadlines).
  const disputed = await tx.ticket.findMany({ where: { communityId, intent: "fee", status: { in: [...OPEN_STATUSES] }, householdId: { not: null }, OR: [{ acceptedAt: { not: null } }, { createdAt: { gte: new Date(now.getTime() - QUESTION_HOLD_DAYS * DAY) } }] }, select: { householdId: true } });
  const questioned = new Set(disputed.map((t) => t.householdId!));
  const history = await reminderHistory(tx, communityId, new Date(now.getTime() - (Math.max(f.feeReminderIntervalDays, 31) + 1) * DAY));
  const residents = await tx.resident.findMany({ where: { verified: true, household: { communityId } }, select: { householdId: true, chatUser: { select: { id: true, platformId: true } } } });
  const recipients = new Map<number, { id: number; platformId: string }[]>();
  for (const r of residents) {
    const list = recipients.get(r.householdId) ?? [];
    list.push(r.chatUser);
    recipients.set(r.householdId, list);
  }

  const today = localDate(now, tz);
  const month = today.slice(0, 7);
  const due: OverdueHousehold[] = [];
  for (const h of candidates) {
    if (holds.has(h.householdId) || questioned.has(h.householdId)) { result.skipped.held++; continue; }
    if (!recipients.get(h.householdId)?.length) { result.skipped.noResident++; continue; }
    const dates = history.get(h.householdId) ?? [];
    const last = dates.at(-1);
    const thisMonth = dates.filter((d) => d.startsWith(month)).length;
    if (last === today || (last && daysBetween(last, today) < f.feeReminderIntervalDays) || thisMonth >= f.feeMaxRemindersPerMonth) { result.skipped.cadence++; continue; }
    due.push(h);
  }
  if (due.length === 0) return result;

  const households = await tx.household.findMany({
    where: { communityId, id: { in: due.map((h) => h.householdId) } },
    select: { id: true, unit: true, room: true, building: { select: { name: true, grid: { select: { housekeeper: { select: { name: true, active: true } } } } } } },
  });
  const byId = new Map(households.map((h) => [h.id, h]));
  // The outbox rows of enqueue() (src/services/outbox.ts), written in batches: one upsert per
  // reminder took seconds for a large community, and the sweep runs in one transaction (5 s limit;
  // see bench/README.md). Rows whose dedupeKey exists already are left out: one per recipient a day.
  const rows: { communityId: number; toKind: string; toPlatformId: string; key: string; params: string; notBefore: Date; dedupeKey: string }[] = [];
  for (const h of due) {
    const hh = byId.get(h.householdId);
    if (!hh) continue;
    const hk = hh.building.grid?.housekeeper;
    // What the reminder chases: bills at least feeFirstReminderDays past due (a bill due yesterday may
    // have been paid at the counter and not imported yet; it is chased on its own day).
    const chased = h.bills.filter((b) => daysPastDue(b.dueDate) >= f.feeFirstReminderDays);
    const owed = chased.reduce((sum, b) => sum + b.owedCents, 0);
    const params = JSON.stringify({ address: householdAddress(hh), total: yuan(owed), months: new Set(chased.map((b) => b.period)).size, channels: settings.paymentChannels, staff: hk?.active ? hk.name : "" });
    for (const user of recipients.get(h.householdId) ?? []) {
      rows.push({ communityId, toKind: "user", toPlatformId: user.platformId, key: REMINDER_KEY, params, notBefore: now, dedupeKey: reminderKey(h.householdId, today, user.id) });
    }
    result.households++;
  }
  const BATCH = 500;
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const found = await tx.outboxMessage.findMany({ where: { dedupeKey: { in: rows.slice(i, i + BATCH).map((r) => r.dedupeKey) } }, select: { dedupeKey: true } });
    for (const f of found) existing.add(f.dedupeKey!);
  }
  const fresh = rows.filter((r) => !existing.has(r.dedupeKey));
  for (let i = 0; i < fresh.length; i += BATCH) await tx.outboxMessage.createMany({ data: fresh.slice(i, i + BATCH) });
  result.messages = fresh.length;
  deps.log.info({ communityId, ...result }, "fee reminders queued");
  return result;
}

/** The daily sweep task: in quiet hours (a late tick) it only reschedules; then it queues the next day's. */
export const runFeeSweep: TaskHandler = async (tx, deps, task, now) => {
  const community = await tx.community.findUnique({ where: { id: task.communityId } });
  if (!community) return;
  const settings = getSettings(community);
  if (!inQuietHours(now, settings.quietHours, community.timezone)) await sweepFeeReminders(tx, deps, community.id, now);
  await ensureFeeSweepScheduled(tx, community.id, now, settings, community.timezone);
};

/** To merge into TASK_HANDLERS (src/services/due-work.ts). */
export const FEE_TASK_HANDLERS: Record<string, TaskHandler> = {
  [SWEEP_KIND]: runFeeSweep,
  [FEE_HOLD_KIND]: feeHoldEnded,
};
