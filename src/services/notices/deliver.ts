// Sending a notice: one outbox row per group and (with 私信) per verified resident in scope, all in
// batch `notice:<id>`, staggered `noticeGapSeconds` apart plus up to `noticeJitterSeconds` of jitter,
// so a broadcast to hundreds of residents trickles out instead of bursting (the outbox sender adds
// its own per-send pacing on top). Groups go first. Direct messages never start in quiet hours: they
// wait for the quiet hours to end (the groups, which people read when they choose, do not wait).
//
// The audience is worked out when the notice goes out, not when it was drafted: a scheduled notice
// reaches whoever is in scope at its time. A check task (`notice.check`) runs after the last row's
// time; while rows are still pending (retries with backoff) it looks again, then it marks the notice
// sent and tells the author the final count.
import type { DbOrTx, Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { scheduleTask } from "../scheduler.js";
import { localParts, outsideQuietHours } from "../time.js";
import { audienceOf, parseStoredScope } from "./scope.js";

export const SEND_KIND = "notice.send";
export const CHECK_KIND = "notice.check";
export const batchOf = (noticeId: number) => `notice:${noticeId}`;
/** How long after the last row's time the first check runs, and between later checks. */
export const CHECK_AFTER_MS = 60_000;
export const RECHECK_MS = 2 * 60_000;
/** After this many re-checks (about an hour) the author gets the count, even with rows still retrying. */
export const MAX_CHECKS = 30;

/**
 * Jitter without a global random source: a hash of the notice and the row's position, so a run is
 * reproducible (tests, scenarios) and still spread out.
 */
export function jitterMs(noticeId: number, index: number, maxMs: number): number {
  if (maxMs <= 0) return 0;
  let x = (Math.imul(noticeId, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  return x % (maxMs + 1);
}

const RELATIVE_DAYS: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/今天|今日/g, 0, ""], [/今晚/g, 0, "晚"], [/明天|明日/g, 1, ""], [/明早/g, 1, "早上"], [/明晚/g, 1, "晚上"], [/后天/g, 2, ""],
];

/** "明天14:00-16:00停电" published on 3月2日 → "3月3日14:00-16:00停电". */
export function withDates(text: string, published: Date, tz: string): string {
  let out = text;
  for (const [re, days, suffix] of RELATIVE_DAYS) {
    const p = localParts(new Date(published.getTime() + days * 86_400_000), tz);
    out = out.replace(re, `${p.month}月${p.day}日${suffix}`);
  }
  return out;
}

export type Delivery = { groups: number; residents: number; lastAt: Date };

/** Queues the notice's messages and its completion check; marks it sending. */
export async function deliverNotice(tx: Tx, noticeId: number, now: Date, settings: Settings, tz: string): Promise<Delivery> {
  const notice = await tx.notice.findUniqueOrThrow({ where: { id: noticeId } });
  const audience = await audienceOf(tx, notice.communityId, parseStoredScope(notice.scope));
  let residents = notice.directToResidents ? audience.residents : [];
  const gapMs = settings.noticeGapSeconds * 1000;
  const jitterMax = settings.noticeJitterSeconds * 1000;
  const community = await tx.community.findUniqueOrThrow({ where: { id: notice.communityId }, select: { name: true } });
  const params = { noticeId, text: notice.text, community: community.name };
  const batch = batchOf(noticeId);
  let index = 0;
  let lastAt = now;
  const queue = async (to: { kind: "user" | "group"; platformId: string }, at: Date, p: typeof params = params) => {
    const notBefore = new Date(at.getTime() + jitterMs(noticeId, index, jitterMax));
    await enqueue(tx, { communityId: notice.communityId, to, key: "notice.broadcast", params: p, notBefore, batch, dedupeKey: `${batch}:${to.kind}:${to.platformId}` });
    if (notBefore > lastAt) lastAt = notBefore;
    index++;
  };
  for (const [i, g] of audience.groups.entries()) await queue({ kind: "group", platformId: g.platformId }, new Date(now.getTime() + i * gapMs));
  const afterGroups = new Date(now.getTime() + audience.groups.length * gapMs);
  const directFrom = outsideQuietHours(afterGroups, settings.quietHours, tz);
  // Direct copies held over quiet hours arrive the next day: "明天14:00停电" would then read as the day
  // after. Their relative days are written as dates ("3月3日14:00停电"); the group copy stays as typed.
  // An outage over before the held copies could go (a night cut announced at 22:30, copies at 09:00):
  // "请提前储水" the next morning is noise — the groups had it, the direct copies are dropped.
  if (notice.outageTo && directFrom >= notice.outageTo) residents = [];
  const datedParams = { ...params, text: withDates(notice.text, now, tz) };
  // Paced copies never run on into quiet hours: one that would fall after 21:00 waits for the morning
  // with the rest after it (and, being read the next day, carries dates).
  let at = directFrom;
  let queued = 0;
  for (const r of residents) {
    at = outsideQuietHours(at, settings.quietHours, tz);
    if (notice.outageTo && at >= notice.outageTo) break;
    const nextDay = localParts(at, tz).day !== localParts(now, tz).day;
    await queue({ kind: "user", platformId: r.platformId }, at, nextDay ? datedParams : params);
    queued++;
    at = new Date(at.getTime() + gapMs);
  }

  await tx.notice.update({ where: { id: noticeId }, data: { status: "sending", groupCount: audience.groups.length, residentCount: queued } });
  await scheduleTask(tx, { communityId: notice.communityId, kind: CHECK_KIND, data: { noticeId, round: 0 }, dueAt: new Date(lastAt.getTime() + CHECK_AFTER_MS), dedupeKey: `${CHECK_KIND}:${noticeId}:0` });
  return { groups: audience.groups.length, residents: queued, lastAt };
}

export type Progress = { total: number; sent: number; dead: number; pending: number };

/** How far a notice's batch has got. */
export async function noticeProgress(db: DbOrTx, noticeId: number): Promise<Progress> {
  const rows = await db.outboxMessage.groupBy({ by: ["status"], where: { batch: batchOf(noticeId) }, _count: { _all: true } });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  const sent = count("sent");
  const dead = count("dead");
  const pending = count("pending");
  return { total: sent + dead + pending, sent, dead, pending };
}

/** The community's latest notices that went out or will (not drafts or cancelled ones), newest first. */
export async function recentNotices(db: DbOrTx, communityId: number, take = 5) {
  const notices = await db.notice.findMany({ where: { communityId, status: { in: ["scheduled", "sending", "sent"] } }, orderBy: { id: "desc" }, take });
  return Promise.all(notices.map(async (n) => ({ notice: n, progress: await noticeProgress(db, n.id) })));
}

/** When the rows' times have passed: the final count to the author, or another look if some still wait. */
export async function checkDelivery(tx: Tx, noticeId: number, round: number, now: Date): Promise<void> {
  const notice = await tx.notice.findUnique({ where: { id: noticeId } });
  if (!notice || notice.status !== "sending") return;
  const progress = await noticeProgress(tx, noticeId);
  if (progress.pending > 0 && round < MAX_CHECKS) {
    const next = round + 1;
    await scheduleTask(tx, { communityId: notice.communityId, kind: CHECK_KIND, data: { noticeId, round: next }, dueAt: new Date(now.getTime() + RECHECK_MS), dedupeKey: `${CHECK_KIND}:${noticeId}:${next}` });
    return;
  }
  await tx.notice.update({ where: { id: noticeId }, data: { status: "sent", sentAt: now } });
  const author = await tx.staff.findUnique({ where: { id: notice.authorStaffId }, include: { chatUser: true } });
  if (!author?.chatUser) return;
  await enqueue(tx, {
    communityId: notice.communityId, to: { kind: "user", platformId: author.chatUser.platformId }, key: "staff.notice_done", notBefore: now,
    params: { noticeId, groups: notice.groupCount, residents: notice.residentCount, ...progress },
    dedupeKey: `notice.done:${noticeId}`,
  });
}
