// A ticket waiting on the resident ("业主不在家，约明天上午10点") stops its clocks: the pending
// deadline tasks are frozen (closed, with what was left of each kept on a `ticket.wait_end` task due
// at the agreed time) and re-created from the moment the wait ends — at the agreed time, or earlier
// when staff arrive (到场) or resume it (恢复). The time spent waiting is added to
// Ticket.pausedMinutes and moves acceptBy/resolveBy, so on-time figures do not count it.
import type { Tx } from "../../db.js";
import { DomainError } from "../deps.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { atLocal, localParts, localTimeOnDay, outsideQuietHours } from "../time.js";
import { getSettings } from "../community/community.js";
import { addBusinessMinutes, businessMsBetween } from "./deadline-plan.js";
import { CLOCK_TASK_KINDS } from "./deadlines.js";
import { OPEN_STATUSES, recordEvent } from "./transitions.js";

/** A clock task stopped by a wait: what was left of it, in business time too for a routine ticket's work clocks. */
type Frozen = { kind: string; data: string; remainingMs: number; businessMs?: number };
const WAIT_END = "ticket.wait_end";

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** "10", "十", "十一", "二十" → number. */
function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s[0] === "十") return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s[1] === "十") return (CN_DIGITS[s[0]!] ?? NaN) * 10 + (s[2] ? CN_DIGITS[s[2]] ?? NaN : 0);
  return NaN;
}
const N = "(\\d{1,2}|[零一二两三四五六七八九十]{1,3})";

/**
 * Reads an agreed time from staff's words: "明天10点", "今天下午3点半", "后天上午", "3月5日 14:00",
 * "2026-03-05 08:00", "周六上午10点", "2小时后". Returns null when no time can be read.
 */
const WHEN = /今天|今晚|明天|明早|明晚|后天|周|星期|礼拜|上午|早上|中午|下午|晚上|傍晚|\d+\s*[点:：时]|月\d{1,2}[日号]/;
const RULED_OUT = /不在|没空|没时间|不行|来不了|不方便|没人|加班|出差|上班|有事|开会|值班|陪|医院|看病|外出|出门|要去|临时/;
/** "明天上午我也不在家，明天下午再来吧": the part with the time the resident offers, not the one ruled out. */
const DAY = /今天|今晚|明天|明早|明晚|后天|周末|(周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]/;
function offeredTime(text: string): string {
  const timed = text.split(/[，,。；;！!]/).filter((c) => WHEN.test(c));
  let offered = timed.filter((c) => !RULED_OUT.test(c));
  if (timed.length < 2 || offered.length === 0) return text;
  // "业主下午三点后在家，约今天15:30上门": of several times, the one agreed (约 / 上门) is the appointment.
  const agreed = offered.filter((c) => /约|上门|过去|过来|到场|来修/.test(c));
  if (agreed.length === 1 && offered.length > 1) offered = agreed;
  // "明天上午我也不在家，改到下午3点吧": the afternoon offered is of the day ruled out in the morning.
  const day = DAY.test(offered.join("")) ? "" : (timed.map((c) => DAY.exec(c)?.[0]).find(Boolean) ?? "");
  return day + offered.join("，");
}

/** English times as the Chinese words the parser reads: "tomorrow 3pm" → "明天 下午3点". */
function fromEnglish(text: string): string {
  return text
    .replace(/\btomorrow\b/gi, "明天").replace(/\btonight\b/gi, "今晚").replace(/\btoday\b/gi, "今天").replace(/\bday after tomorrow\b/gi, "后天")
    .replace(/\b(\d{1,2})(?::(\d{2}))?\s*pm\b/gi, (_, h: string, m?: string) => `下午${h}点${m ? `${m}分` : ""}`)
    .replace(/\b(\d{1,2})(?::(\d{2}))?\s*am\b/gi, (_, h: string, m?: string) => `上午${h}点${m ? `${m}分` : ""}`)
    .replace(/\b(morning)\b/gi, "上午").replace(/\b(afternoon)\b/gi, "下午").replace(/\b(evening)\b/gi, "晚上");
}

export function parseAppointment(text: string, now: Date, tz: string): Date | null {
  const t = offeredTime(/[A-Za-z]{3}/.test(text) ? fromEnglish(text) : text).replace(/\s+/g, " ");
  const rel = new RegExp(`${N}\\s*(个)?(半)?(小时|天)(以)?后`).exec(t);
  if (rel) {
    const n = num(rel[1]!) + (rel[3] ? 0.5 : 0);
    if (Number.isFinite(n)) return new Date(now.getTime() + n * (rel[4] === "天" ? 86_400_000 : 3_600_000));
  }
  // "半小时后", "30分钟后", "十分钟后".
  if (/半(个)?小时(以)?后/.test(t)) return new Date(now.getTime() + 30 * 60_000);
  const mins = new RegExp(`(\\d{1,3}|[一二两三四五六七八九十]{1,3})\\s*分钟(以)?后`).exec(t);
  if (mins && Number.isFinite(num(mins[1]!))) return new Date(now.getTime() + num(mins[1]!) * 60_000);
  const p = localParts(now, tz);
  let dayOffset: number | null = null;
  let date: { y: number; m: number; d: number } | null = null;
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  const md = /(\d{1,2})月(\d{1,2})[日号]/.exec(t);
  // "13号上午9点半": a day of this month (or of next month, when it has passed).
  const dom = md ? null : /(?<![\d月.\/-])(\d{1,2})[号日](?![楼栋单])/.exec(t);
  const week = /(?:周|星期|礼拜)([一二三四五六日天])/.exec(t);
  if (iso) date = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  else if (md) date = { y: p.year, m: Number(md[1]), d: Number(md[2]) };
  else if (dom && Number(dom[1]) >= 1 && Number(dom[1]) <= 31) {
    const d = Number(dom[1]);
    date = d >= p.day ? { y: p.year, m: p.month, d } : p.month === 12 ? { y: p.year + 1, m: 1, d } : { y: p.year, m: p.month + 1, d };
  }
  else if (/后天/.test(t)) dayOffset = 2;
  // ("明早" said at 00:30 is this morning.)
  else if (/明天|明早|明日|明晚/.test(t)) dayOffset = /明早|明天早上|明天上午/.test(t) && p.hour < 5 ? 0 : 1;
  else if (/今天|今晚|今日|一会|等会/.test(t)) dayOffset = 0;
  else if (week) {
    const target = "日一二三四五六".indexOf(week[1] === "天" ? "日" : week[1]!);
    // "下周六": the Saturday of next week (Monday to Sunday), not the coming one.
    const nextMonday = p.weekday === 0 ? 1 : 8 - p.weekday;
    dayOffset = /下(周|星期|礼拜)/.test(t) ? nextMonday + ((target + 6) % 7) : (target - p.weekday + 7) % 7 || 7;
  } else if (/周末|礼拜天|星期天/.test(t)) {
    // "约周末": the coming Saturday (on a Saturday, tomorrow).
    dayOffset = p.weekday === 6 ? 1 : (6 - p.weekday + 7) % 7 || 7;
  }
  const clock = new RegExp(`(上午|早上|中午|下午|晚上|傍晚|今晚|明晚|晚)?\\s*${N}\\s*(?:[:：](\\d{2})|点\\s*(半|${N}分?)?|时)`).exec(t);
  const part = /(上午|早上|中午|下午|晚上|傍晚|今晚|明晚|晚(?=\s*\d|\s*[一二三四五六七八九十]))/.exec(t)?.[1];
  let hour: number | null = null;
  let minute = 0;
  if (clock) {
    hour = num(clock[2]!);
    if (clock[3]) minute = Number(clock[3]);
    else if (clock[4] === "半") minute = 30;
    else if (clock[5]) minute = num(clock[5]);
    const pm = clock[1] ?? part;
    if (pm && /下午|晚|傍晚/.test(pm) && hour < 12) hour += 12;
  } else if (part) {
    hour = { 上午: 9, 早上: 8, 中午: 12, 下午: 14, 晚上: 19, 傍晚: 18, 今晚: 19, 明晚: 19 }[part]!;
  }
  if (hour === null && dayOffset === null && date === null) return null;
  if (hour !== null && (!Number.isFinite(hour) || hour > 23 || !Number.isFinite(minute) || minute > 59)) return null;
  const hhmm = `${String(hour ?? 9).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  let at: Date;
  if (date) at = atLocal(date.y, date.m, date.d, hhmm, tz);
  else at = localTimeOnDay(now, dayOffset ?? 0, hhmm, tz);
  // "10点" said at 15:00 means tomorrow's 10:00.
  if (at <= now && dayOffset === null && date === null) at = localTimeOnDay(now, 1, hhmm, tz);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Puts a ticket on hold until the agreed time; its clocks stop. */
export async function pauseTicket(
  tx: Tx, ticket: { id: number; number: number; status: string; communityId: number; reporterId: number | null; waitingUntil: Date | null },
  input: { actor: string; reason: string; now: Date; settings: Settings; tz: string },
): Promise<Date> {
  const { now } = input;
  if (!OPEN_STATUSES.includes(ticket.status as (typeof OPEN_STATUSES)[number])) throw new DomainError("ticket.not_open", { number: ticket.number });
  if (ticket.waitingUntil) await resumeTicket(tx, ticket.id, now, input.actor, "rescheduled");
  const until = parseAppointment(input.reason, now, input.tz) ?? new Date(now.getTime() + input.settings.defaultWaitHours * 3_600_000);
  if (until <= now) throw new DomainError("ticket.wait_in_past", { number: ticket.number });
  const pending = await tx.scheduledTask.findMany({ where: { ticketId: ticket.id, claimedAt: null, kind: { in: CLOCK_TASK_KINDS } } });
  const urgency = (await tx.ticket.findUnique({ where: { id: ticket.id }, select: { urgency: true } }))?.urgency;
  const frozen: Frozen[] = pending.map((t) => ({
    kind: t.kind, data: t.data, remainingMs: Math.max(0, t.dueAt.getTime() - now.getTime()),
    // A routine ticket's visit and same-day work count business hours (deadline-plan.ts): so does what is left of them.
    ...(urgency === 3 && BUSINESS_CLOCK.test(`${t.kind} ${t.data}`) ? { businessMs: businessMsBetween(now, t.dueAt, input.settings, input.tz) } : {}),
  }));
  await tx.scheduledTask.updateMany({ where: { id: { in: pending.map((t) => t.id) } }, data: { claimedAt: now, doneAt: now } });
  // (Numbered: a wait moved in the same instant it was agreed is a second wait, not the first again.)
  const waits = await tx.scheduledTask.count({ where: { ticketId: ticket.id, kind: WAIT_END } });
  await scheduleTask(tx, { communityId: ticket.communityId, kind: WAIT_END, ticketId: ticket.id, data: { frozen }, dueAt: until, dedupeKey: `${WAIT_END}:${ticket.id}:${now.getTime()}:${waits}` });
  await tx.ticket.update({ where: { id: ticket.id }, data: { waitingSince: now, waitingUntil: until } });
  await recordEvent(tx, ticket.id, "waiting", { actor: input.actor, at: now, note: `until ${until.toISOString()}: ${input.reason}`.slice(0, 2000) });
  if (ticket.reporterId) {
    const reporter = await tx.chatUser.findUnique({ where: { id: ticket.reporterId } });
    // Agreed by staff at night ("业主睡了，明早再联系"): the resident reads it in the morning.
    // (…unless the visit itself comes before the morning — "明早7点半上门": then it goes now, or it would arrive stale.)
    const held = input.actor.startsWith("staff:") ? outsideQuietHours(now, input.settings.quietHours, input.tz) : now;
    const notBefore = until < held ? now : held;
    if (reporter) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: reporter.platformId }, key: "resident.ticket_waiting", params: { number: ticket.number, until: until.toISOString() }, notBefore });
  }
  return until;
}

/** Clock tasks of the work itself (on site, same-day resolution, and their warnings). */
const BUSINESS_CLOCK = /sla\.(onsite|resolve)|sla\.warn .*"step":"(onsite|resolve)"/;
/** Clocks counted in days (feedback, completion): restarted, they still never fall due at night. */
const DAY_CLOCK = /sla\.(feedback|complete)/;

/**
 * Ends a wait (early or at the agreed time): the frozen clocks restart with what was left of them.
 * Returns false when the ticket was not waiting.
 */
export async function resumeTicket(tx: Tx, ticketId: number, now: Date, actor: string, why: string): Promise<boolean> {
  const t = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (!t?.waitingSince) return false;
  const task = await tx.scheduledTask.findFirst({ where: { ticketId, kind: WAIT_END, claimedAt: null }, orderBy: { id: "desc" } });
  // At the agreed time the runner has already claimed the task; early, we close it here.
  const source = task ?? (await tx.scheduledTask.findFirst({ where: { ticketId, kind: WAIT_END }, orderBy: { id: "desc" } }));
  if (task) await tx.scheduledTask.update({ where: { id: task.id }, data: { claimedAt: now, doneAt: now } });
  const frozen = ((source ? JSON.parse(source.data) : {}) as { frozen?: Frozen[] }).frozen ?? [];
  const community = frozen.length > 0 ? await tx.community.findUnique({ where: { id: t.communityId } }) : null;
  const settings = community ? getSettings(community) : null;
  let resolveAt: Date | null = null;
  for (const [i, f] of frozen.entries()) {
    let dueAt = new Date(now.getTime() + f.remainingMs);
    if (settings && community) {
      if (f.businessMs !== undefined) dueAt = addBusinessMinutes(now, f.businessMs / 60_000, settings, community.timezone);
      else if (DAY_CLOCK.test(f.kind)) dueAt = outsideQuietHours(dueAt, settings.quietHours, community.timezone);
    }
    if (f.kind === "sla.resolve" && (!resolveAt || dueAt < resolveAt)) resolveAt = dueAt;
    await scheduleTask(tx, { communityId: t.communityId, kind: f.kind, ticketId, data: JSON.parse(f.data) as object, dueAt, dedupeKey: `${f.kind}:${ticketId}:resume:${source?.id ?? now.getTime()}:${i}` });
  }
  const pausedMs = Math.max(0, now.getTime() - t.waitingSince.getTime());
  const shift = (d: Date | null) => (d ? new Date(d.getTime() + pausedMs) : null);
  await tx.ticket.update({
    where: { id: ticketId },
    data: {
      waitingSince: null, waitingUntil: null, pausedMinutes: t.pausedMinutes + Math.round(pausedMs / 60_000),
      acceptBy: t.acceptedAt ? t.acceptBy : shift(t.acceptBy), resolveBy: resolveAt ?? shift(t.resolveBy),
    },
  });
  await recordEvent(tx, ticketId, "resumed", { actor, at: now, note: why });
  return true;
}

/** The agreed time came: clocks restart and the assignee is reminded of the appointment. */
export const waitEnded: TaskHandler = async (tx, _deps, task, now) => {
  const t = await tx.ticket.findUnique({ where: { id: task.ticketId ?? -1 }, include: { assignee: { include: { chatUser: true } } } });
  if (!t || !t.waitingSince || !OPEN_STATUSES.includes(t.status as (typeof OPEN_STATUSES)[number])) return;
  await resumeTicket(tx, t.id, now, "system", "appointment time");
  if (t.assignee?.chatUser) {
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: t.assignee.chatUser.platformId }, key: "staff.appointment_due", params: { number: t.number, place: t.place, text: t.summary.slice(0, 200) }, notBefore: now, dedupeKey: `wait.end.msg:${task.id}` });
  }
};

/** Ending a ticket (done, cancelled) also ends its wait, without restarting clocks that no longer matter. */
export async function clearWait(tx: Tx, ticketId: number, now: Date): Promise<void> {
  await tx.scheduledTask.updateMany({ where: { ticketId, kind: WAIT_END, claimedAt: null }, data: { claimedAt: now, doneAt: now } });
  const t = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (t?.waitingSince) {
    await tx.ticket.update({ where: { id: ticketId }, data: { waitingSince: null, waitingUntil: null, pausedMinutes: t.pausedMinutes + Math.round((now.getTime() - t.waitingSince.getTime()) / 60_000) } });
  }
}
