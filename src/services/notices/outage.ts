// Outage notices (停水/停电/停气). A notice whose text announces an outage is stored with its kind and
// time window; while the window is open, a resident in scope who reports that outage ("家里没水了")
// is answered with the notice instead of opening a new ticket (DOMAIN.md makes outages grade 1: one
// announced water cut would otherwise page the manager once per household).
//
// Only "no water / no power / no gas" reports are answered. Anything that also mentions a leak, burst,
// flood, smell, smoke, sparks, someone trapped or hurt is a different problem — possibly an emergency
// — and goes on to become a ticket as usual: when in doubt, a ticket. So does a complaint about the
// office ("停水也不提前通知", or any complaint): the notice does not answer that.
//
// The link between the resident's message and the notice is the answer itself: an outbox row with
// key "notice.outage_answer" and dedupeKey `notice.answer:<noticeId>:<inboundMessageId>` (the schema
// has no column for it), so the office can count per notice how many reports it answered.
import type { DbOrTx } from "../../db.js";
import { enqueue, type Recipient } from "../outbox.js";
import { batchOf, withDates } from "./deliver.js";
import { groupBuildings, parseStoredScope, scopeBuildings, scopeCovers } from "./scope.js";

export type OutageKind = "water" | "power" | "gas";
const KINDS: OutageKind[] = ["water", "power", "gas"];

/** How a notice announces an outage. ("停电梯" is lift maintenance, not a power cut.) */
const ANNOUNCED: Record<OutageKind, RegExp> = {
  water: /停水|停止供水|暂停供水|停供水|断水|供水中断|停止用水/,
  power: /停电(?!梯)|停止供电|暂停供电|停供电|断电|供电中断/,
  gas: /停气|停止供气|暂停供气|停供燃气|燃气停供|停燃气|停天然气|停煤气/,
};

/** How a resident reports having none. */
const REPORTED: Record<OutageKind, RegExp> = {
  water: /停水|没水|没有水|断水|无水|不出水|不来水|没来水|水停了|来水|没得水|(一滴|一点)水(都|也)?(没|不)|水(都|也)没(了|有)|恢复供水|供水[^，。]{0,4}(什么时候|几点)|水[^，。]{0,2}(啥|什么)时候[^，。]{0,2}(来|恢复|有)/,
  power: /停电(?!梯)|没电|没有电|断电|无电|不来电|没来电|电停了|来电|没得电|一点电(都|也)?没|电器(都|全)(用不了|不能用|没反应)|(屋里|家里|楼里|全楼)(突然|一下)?(全)?黑了|恢复供电|供电[^，。]{0,4}(什么时候|几点)|电[^，。]{0,2}(啥|什么)时候[^，。]{0,2}(来|恢复|有)/,
  gas: /停气|没气|没有气|没燃气|没有燃气|没煤气|没有煤气|没天然气|燃气停|煤气停|天然气停|打不着火|点不着火|来气|没得气|没得燃气|恢复供气|供气[^，。]{0,4}(什么时候|几点)|(燃气|煤气|天然气|气)[^，。]{0,2}(啥|什么)时候[^，。]{0,2}(来|恢复|有)/,
};
/** The same in English ("no water coming out of any tap", "is the power out?", "when will the water be back?"). */
const REPORTED_EN: Record<OutageKind, RegExp> = {
  water: /\bno (running )?water\b|\bwater (is |has been )?(off|out|cut( off)?|gone)\b|\bwhen will (the )?water\b|\bwater (be )?back\b/i,
  power: /\bno (power|electricity)\b|\b(power|electricity) (is |has been )?(off|out|cut( off)?|gone)\b|\bblackout\b|\bpower cut\b|\bwhen will (the )?(power|electricity)\b|\b(power|electricity) (be )?back\b/i,
  gas: /\bno gas\b|\bgas (is |has been )?(off|out|cut( off)?)\b|\bwhen will (the )?gas\b|\bgas (be )?back\b/i,
};
/** "怎么停了", "什么时候恢复": an outage report when the classifier says which supply it is about. */
const GENERIC_LOSS = /停了|断了|没了|什么时候(恢复|来)|几点(恢复|来)|还没(恢复|来)|停多久|还要停|停到(几点|什么时候)/;
const CATEGORY_KIND: Record<string, OutageKind> = { water: "water", electricity: "power", gas: "gas" };

/** Words of a problem other than a missing supply: these reports always become tickets. */
// ("打不着火" is a stove without gas, not a fire.)
const OTHER_PROBLEM = /关着人|关着|(里面|里头|里边|电梯里|梯里)还?有人|出不来|卡在|停在[^，。]{0,4}(中间|之间)|漏|渗|爆|裂|淹|漫|喷|涌|冒|(?<!一)滴|(全|都)是水|一地(的)?水|积水|流水|淌|(?<![不没])着火|起火|火花|烧|焦|味|臭|困|触电|(?<![停断])电到(?!几|什么|哪)|受伤|晕|救命|危险|堵|\b(leak\w*|burst|flood\w*|smell\w*|smok\w*|fire|sparks?|trapped|stuck|hurt|injured)\b/i;

const GUESSED_CAUSE = /(是不是|会不会|可能是?|估计是?|怕是|好像是?|应该是)[^，。,!！]{0,10}(冻裂|裂|爆|漏|坏)了?(吧|吗|么)?[?？]?/g;

/** A cut called off: "原定…的停电取消", "取消停水", "明天正常供电". */
const CALLED_OFF = /(停水|停电|停气|检修|施工)[^。]{0,8}(取消|不停了|暂缓)|取消[^。]{0,6}(停水|停电|停气)|正常供(水|电|气)/;

/** The outages a notice's text announces, in the order written. */
export function announcedOutages(text: string): OutageKind[] {
  text = text.normalize("NFKC");
  // "原定3月6日8:00-12:00的11栋停电取消，明天正常供电": a cut called off announces none.
  if (CALLED_OFF.test(text) && !/(延长|延至|改为|改到|调整为)/.test(text)) return [];
  return KINDS.map((k) => ({ k, at: ANNOUNCED[k].exec(text)?.index ?? -1 }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.k);
}

/** The outages a resident's message reports having; empty when it is about anything else as well. */
export function reportedOutages(text: string, category: string | null): OutageKind[] {
  // ("6栋没水了…是不是水管冻裂了": a guessed cause is no second problem.)
  if (OTHER_PROBLEM.test(text.replace(GUESSED_CAUSE, ""))) return [];
  const kinds = KINDS.filter((k) => REPORTED[k].test(text) || REPORTED_EN[k].test(text));
  if (kinds.length) return kinds;
  const byCategory = category ? CATEGORY_KIND[category] : undefined;
  return byCategory && GENERIC_LOSS.test(text) ? [byCategory] : [];
}

export type OutageReport = {
  communityId: number; text: string; intent: string; category: string | null;
  /** The building the report is about (named in it, or the reporter's home); null when unknown. */
  building: string | null;
  /** The group it was written in, if any: its buildings stand in for an unknown building. */
  groupPlatformId: string | null;
  messageId: number; to: Recipient; now: Date;
};

/** A complaint about the office's handling ("停水也不提前通知"), not just the missing supply. */
const ABOUT_THE_OFFICE = /通知|提前|说一声|告诉|你们|物业|服务|态度|投诉|凭什么|补偿|赔/;
/** How long after an announced window ends a report of the same outage is the outage overrunning. */
const OVERRUN_MS = 24 * 3_600_000;

/** The announced outage (sent, window open, in scope) that a report is about; null if none. */
export async function findOutageNotice(db: DbOrTx, r: Omit<OutageReport, "messageId" | "to">) {
  // A complaint ("停水也不提前通知") is about the office, not the outage: it is always a ticket.
  if (r.intent === "complaint" && ABOUT_THE_OFFICE.test(r.text)) return null;
  return outageNoticeFor(db, r, { outageFrom: { lte: r.now }, outageTo: { gt: r.now } });
}

/**
 * An announced outage whose window has ended (within a day) and that the report says is still on
 * ("6栋还是没水，说好的五点恢复呢"): the promised supply is missing for everyone in scope — grade 1.
 */
export async function overranOutageNotice(db: DbOrTx, r: Omit<OutageReport, "messageId" | "to">) {
  return outageNoticeFor(db, r, { outageTo: { lte: r.now, gt: new Date(r.now.getTime() - OVERRUN_MS) } });
}

async function outageNoticeFor(db: DbOrTx, r: Omit<OutageReport, "messageId" | "to">, window: { outageFrom?: { lte: Date } | { gt: Date; lte: Date }; outageTo: { gt: Date; lte?: Date } }) {
  const kinds = reportedOutages(r.text, r.category);
  if (kinds.length === 0) return null;
  let where: string[] | null = r.building ? [r.building] : null;
  if (!where && r.groupPlatformId) {
    const group = await db.chatGroup.findUnique({ where: { platformId: r.groupPlatformId }, select: { buildings: true } });
    const served = group ? groupBuildings(group.buildings) : [];
    if (served.length) where = served;
  }
  const notices = await db.notice.findMany({
    where: { communityId: r.communityId, status: { in: ["sending", "sent"] }, kind: { not: "general" }, ...window },
    orderBy: { id: "desc" },
  });
  // Notices sent later that call a cut off ("原定…的11栋停电取消"): the cut they name is no longer announced.
  const callOffs = notices.length ? await db.notice.findMany({ where: { communityId: r.communityId, status: { in: ["sending", "sent"] }, kind: "general", id: { gt: Math.min(...notices.map((n) => n.id)) } }, select: { id: true, text: true, scope: true } }) : [];
  for (const n of notices) {
    const announced = new Set<string>([n.kind, ...announcedOutages(n.text)]);
    if (!kinds.some((k) => announced.has(k))) continue;
    const inScope = await scopeBuildings(db, r.communityId, parseStoredScope(n.scope));
    let calledOff = false;
    for (const c of callOffs.filter((x) => x.id > n.id && CALLED_OFF.test(x.text) && kinds.some((k) => ANNOUNCED[k].test(x.text)))) {
      const offScope = await scopeBuildings(db, r.communityId, parseStoredScope(c.scope));
      if (offScope === null || inScope === null || offScope.some((b) => inScope.includes(b))) calledOff = true;
    }
    if (calledOff) continue;
    // Where the reporter is unknown, only a community-wide notice can be said to cover them.
    if (where === null ? inScope === null : scopeCovers(inScope, where)) return n;
  }
  return null;
}

/**
 * Answers a report of an announced outage with the notice, linking the message to it. Returns the
 * notice, or null when the report is not about an announced outage (the caller files a ticket).
 */
export async function answerOutageReport(db: DbOrTx, r: OutageReport, upcoming = false) {
  // (Asked ahead — "明天停水到几点？" the evening before — the coming cut's notice answers it.)
  const notice = upcoming ? await outageNoticeFor(db, r, { outageFrom: { gt: r.now, lte: new Date(r.now.getTime() + UPCOMING_MS) }, outageTo: { gt: r.now } }) : await findOutageNotice(db, r);
  if (!notice) return null;
  // In a group where the notice was just posted or quoted, a short pointer instead of the whole text again.
  const since = new Date(r.now.getTime() - GROUP_REPEAT_MS);
  const quotedRecently = r.to.kind === "group" && (await db.outboxMessage.count({
    where: {
      toKind: "group", toPlatformId: r.to.platformId,
      OR: [
        { dedupeKey: { startsWith: `notice.answer:${notice.id}:` }, notBefore: { gte: since } },
        { batch: batchOf(notice.id), status: "sent", sentAt: { gte: since } },
      ],
    },
  })) > 0;
  const tz = (await db.community.findUniqueOrThrow({ where: { id: r.communityId }, select: { timezone: true } })).timezone;
  await enqueue(db, {
    communityId: r.communityId, to: r.to, key: upcoming ? "notice.outage_upcoming" : quotedRecently ? "notice.outage_answer_short" : "notice.outage_answer", notBefore: r.now,
    // "明天9:00-12:00停电" quoted the next day would contradict itself: relative days as dates,
    // counted from when the notice went out (not from when its last copy, held overnight, was sent).
    params: { noticeId: notice.id, messageId: r.messageId, kind: notice.kind, text: withDates(notice.text, publishedAt(notice), tz), from: notice.outageFrom!.toISOString(), to: notice.outageTo!.toISOString() },
    dedupeKey: `notice.answer:${notice.id}:${r.messageId}`,
  });
  return notice;
}

/** The announced cut still to come (within two days) that a report names, or null. */
export async function upcomingOutageNotice(db: DbOrTx, r: Omit<OutageReport, "messageId" | "to">) {
  return outageNoticeFor(db, r, { outageFrom: { gt: r.now, lte: new Date(r.now.getTime() + UPCOMING_MS) }, outageTo: { gt: r.now } });
}

/** How far ahead a question about a coming cut is answered from its notice. */
const UPCOMING_MS = 48 * 3_600_000;
/** Within this time a group that was given the notice gets the short answer. */
const GROUP_REPEAT_MS = 30 * 60_000;

/** How many residents' reports a notice has answered. */
export async function answeredReports(db: DbOrTx, noticeId: number): Promise<number> {
  return db.outboxMessage.count({ where: { dedupeKey: { startsWith: `notice.answer:${noticeId}:` } } });
}

/** When a notice was published: its scheduled time, or when it was confirmed (its text's "明天" counts from then). */
function publishedAt(n: { sendAt: Date | null; confirmedAt: Date | null; sentAt: Date | null; createdAt: Date }): Date {
  return n.sendAt ?? n.confirmedAt ?? n.sentAt ?? n.createdAt;
}
