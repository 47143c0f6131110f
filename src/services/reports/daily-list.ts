// The daily unresolved list (日未处理工作盘点表): at dailyListAt each housekeeper gets their open
// tickets with age and next deadline, the supervisors the whole list; at morningListAt the next day,
// tickets still open from before today are re-announced to their owners. Both are recurring tasks
// that schedule their next run, so a restart or a missed tick never skips or repeats a day.
import type { DbOrTx, Tx } from "../../db.js";
import { getSettings } from "../community/community.js";
import { enqueue } from "../outbox.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { supervisorsOf } from "../staff/routing.js";
import { nextPromises } from "../tickets/deadlines.js";
import { OPEN_STATUSES } from "../tickets/transitions.js";
import { atLocal, formatLocal, localParts, localTimeOnDay } from "../time.js";

const dateKey = (d: Date, tz: string) => {
  const p = localParts(d, tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
};

/** The next occurrence of local HH:MM strictly after `now`. */
function nextAt(now: Date, hhmm: string, tz: string): Date {
  const p = localParts(now, tz);
  const today = atLocal(p.year, p.month, p.day, hhmm, tz);
  return today > now ? today : localTimeOnDay(now, 1, hhmm, tz);
}

/** Makes sure each community's daily list and morning overdue list have their next run scheduled (idempotent). */
export async function ensureDailyLists(db: DbOrTx, now: Date): Promise<void> {
  for (const c of await db.community.findMany()) {
    const settings = getSettings(c);
    for (const [kind, at] of [["report.daily_list", settings.dailyListAt], ["report.morning_overdue", settings.morningListAt]] as const) {
      const due = nextAt(now, at, c.timezone);
      await scheduleTask(db, { communityId: c.id, kind, dueAt: due, dedupeKey: `${kind}:${c.id}:${dateKey(due, c.timezone)}` });
    }
  }
}

/** Open tickets (oldest number first), each with its next open promise (one query for all of them). */
async function openTickets(tx: Tx, communityId: number, createdBefore?: Date) {
  const tickets = await tx.ticket.findMany({
    where: { communityId, status: { in: OPEN_STATUSES }, ...(createdBefore ? { createdAt: { lt: createdBefore } } : {}) },
    include: { assignee: { include: { chatUser: true } }, grid: { select: { name: true, housekeeper: { include: { chatUser: true } } } } },
    orderBy: { number: "asc" },
  });
  const promises = await nextPromises(tx, communityId, tickets);
  return tickets.map((t) => ({ ...t, promise: t.waitingUntil ? null : (promises.get(t.id) ?? null) }));
}

type Open = Awaited<ReturnType<typeof openTickets>>[number];
type Owner = NonNullable<Open["assignee"]>;

/**
 * Whose list each ticket is on: its assignee's, and its grid's housekeeper's when someone else holds
 * it (a craftsman it was handed to) — the housekeeper stays answerable for everything in the grid.
 */
function byOwner(tickets: Open[]): { owner: Owner; list: Open[] }[] {
  const out = new Map<number, { owner: Owner; list: Open[] }>();
  const add = (owner: Owner, t: Open) => {
    const entry = out.get(owner.id) ?? { owner, list: [] };
    entry.list.push(t);
    out.set(owner.id, entry);
  };
  for (const t of tickets) {
    if (t.assignee) add(t.assignee, t);
    const hk = t.grid?.housekeeper;
    if (hk?.active && hk.id !== t.assigneeId && t.assignee?.role === "maintenance") add(hk, t);
  }
  return [...out.values()];
}

const STEP_NAMES = { accept: "受理", onsite: "到场", resolve: "完成", feedback: "反馈", complete: "最终完成" } as const;
/** Where each open ticket stands, so the list shows what is still to be taken from what is under way. */
const STATE_NAMES: Record<string, string> = { open: "待受理", reopened: "待重新受理", accepted: "已受理", onsite: "已到场" };

const ageOf = (t: Open, now: Date) => {
  const hours = Math.floor((now.getTime() - t.createdAt.getTime()) / 3_600_000);
  return hours >= 24 ? `${Math.floor(hours / 24)}天${hours % 24}小时` : `${hours}小时`;
};

/** `withOwner`: true for every line, or the id of the list's owner (their own tickets need no name). */
function lines(tickets: Open[], now: Date, tz: string, withOwner: boolean | number): string {
  return tickets.map((t) => {
    const next = t.waitingUntil ? `约定 ${formatLocal(t.waitingUntil, tz)}` : t.promise ? `${STEP_NAMES[t.promise.step]}时限 ${formatLocal(t.promise.at, tz)}` : "已超过全部时限";
    const state = t.waitingUntil ? "等住户" : (STATE_NAMES[t.status] ?? t.status);
    return `#${t.number} ${t.place} ${t.summary.slice(0, 20)}｜${state}｜已${ageOf(t, now)}｜${next}${withOwner === true || (typeof withOwner === "number" && t.assigneeId !== withOwner) ? `｜${t.assignee?.name ?? "未分配"}` : ""}`;
  }).join("\n");
}

/** Above this many tickets the supervisors' list is a summary plus this many lines (a WeChat message holds a few KB). */
export const FULL_LIST_MAX = 30;

/**
 * Overdue: not accepted by its acceptance deadline, past its resolution deadline, or past every
 * deadline (no promise left). A ticket waiting on the resident has its clocks stopped: not overdue.
 */
const overdue = (t: Open, now: Date) =>
  !t.waitingUntil && ((t.acceptedAt === null && t.acceptBy !== null && t.acceptBy < now) || (t.resolveBy !== null && t.resolveBy < now) || !t.promise);

/**
 * The supervisors' list when it is long: per grid and assignee the count, how many are overdue and
 * the oldest; then the FULL_LIST_MAX most pressing tickets (overdue first, then by grade, then oldest).
 * Housekeepers still get their own full lists.
 */
function summary(tickets: Open[], now: Date, tz: string): { groups: string; lines: string; overdue: number } {
  const byOwner = new Map<string, { count: number; overdue: number; oldest: Open }>();
  for (const t of tickets) {
    const key = `${t.grid?.name ?? "未分网格"} ${t.assignee?.name ?? "未分配"}`;
    const g = byOwner.get(key) ?? { count: 0, overdue: 0, oldest: t };
    g.count++;
    if (overdue(t, now)) g.overdue++;
    if (t.createdAt < g.oldest.createdAt) g.oldest = t;
    byOwner.set(key, g);
  }
  const groups = [...byOwner]
    .sort(([ka, a], [kb, b]) => b.overdue - a.overdue || b.count - a.count || ka.localeCompare(kb))
    .map(([key, g]) => `${key}：${g.count} 单，超时 ${g.overdue} 单，最早 #${g.oldest.number}（已${ageOf(g.oldest, now)}）`);
  const pressing = [...tickets]
    .sort((a, b) => Number(overdue(b, now)) - Number(overdue(a, now)) || a.urgency - b.urgency || a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number)
    .slice(0, FULL_LIST_MAX);
  return { groups: groups.join("\n"), lines: lines(pressing, now, tz, true), overdue: tickets.filter((t) => overdue(t, now)).length };
}

function reschedule(tx: Tx, communityId: number, kind: string, now: Date, hhmm: string, tz: string) {
  const due = nextAt(now, hhmm, tz);
  return scheduleTask(tx, { communityId, kind, dueAt: due, dedupeKey: `${kind}:${communityId}:${dateKey(due, tz)}` });
}

export const sendDailyList: TaskHandler = async (tx, _deps, task, now) => {
  const community = await tx.community.findUniqueOrThrow({ where: { id: task.communityId } });
  const tz = community.timezone;
  const settings = getSettings(community);
  const date = dateKey(now, tz);
  const tickets = await openTickets(tx, community.id);
  const supervisors = tickets.length > 0 ? await supervisorsOf(tx, community.id) : [];
  const long = tickets.length > FULL_LIST_MAX;
  // A supervisor holding tickets finds them in the whole list; a second list of their own would repeat it.
  const getsWholeList = new Set(long ? [] : supervisors.map((s) => s.id));
  for (const { owner, list } of byOwner(tickets)) {
    if (!owner.chatUser || getsWholeList.has(owner.id)) continue;
    await enqueue(tx, { communityId: community.id, to: { kind: "user", platformId: owner.chatUser.platformId }, key: "staff.daily_list", params: { date, count: list.length, lines: lines(list, now, tz, owner.id) }, notBefore: now, dedupeKey: `daily.list:${community.id}:${date}:${owner.id}` });
  }
  if (tickets.length > 0) {
    // Up to FULL_LIST_MAX tickets: the whole list; more: a summary (the same message key, so one per supervisor and day).
    const params = long
      ? { date, count: tickets.length, ...summary(tickets, now, tz), shown: FULL_LIST_MAX }
      : { date, count: tickets.length, lines: lines(tickets, now, tz, true) };
    for (const s of supervisors) {
      if (s.chatUser) await enqueue(tx, { communityId: community.id, to: { kind: "user", platformId: s.chatUser.platformId }, key: long ? "staff.daily_list_summary" : "staff.daily_list_all", params, notBefore: now, dedupeKey: `daily.list.all:${community.id}:${date}:${s.id}` });
    }
  }
  await reschedule(tx, community.id, "report.daily_list", now, settings.dailyListAt, tz);
};

export const sendMorningOverdue: TaskHandler = async (tx, _deps, task, now) => {
  const community = await tx.community.findUniqueOrThrow({ where: { id: task.communityId } });
  const tz = community.timezone;
  const p = localParts(now, tz);
  const startOfToday = atLocal(p.year, p.month, p.day, "00:00", tz);
  const date = dateKey(now, tz);
  for (const { owner, list } of byOwner(await openTickets(tx, community.id, startOfToday))) {
    if (owner.chatUser) await enqueue(tx, { communityId: community.id, to: { kind: "user", platformId: owner.chatUser.platformId }, key: "staff.morning_overdue", params: { date, lines: lines(list, now, tz, owner.id) }, notBefore: now, dedupeKey: `morning.overdue:${community.id}:${date}:${owner.id}` });
  }
  await reschedule(tx, community.id, "report.morning_overdue", now, getSettings(community).morningListAt, tz);
};
