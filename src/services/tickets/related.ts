// Repeat and duplicate reports. The same household reporting the same unfixed problem again raises
// the ticket to grade 2 and tells the supervisor (it counts against one-visit resolution); several
// households reporting the same public fault (same building and category, within a window) are
// linked to one incident, and every reporter hears when it is fixed.
import type { Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { managersOf, supervisorsOf } from "../staff/routing.js";
import { getSettings } from "../community/community.js";
import { replanDeadlines } from "./deadlines.js";
import { OPEN_STATUSES, recordEvent, transition } from "./transitions.js";
import { buildingLabel } from "../community/building-names.js";

const UNFIXED = [...OPEN_STATUSES, "done"];
/** A second report says so: "又", "还没修", "再次"… Without such words a new problem gets its own ticket. */
const REPEAT_CUE = /又|还没|还是|还在|仍在|仍然|依然|依旧|再次|第[二三四五2-5]次|没修好|没人来|没来修|到现在[^，。,.]{0,3}没|没人(给我)?(回复|回应|理|管|联系)|再(投诉|反映|报|说)一?(次|遍)|(跟|和|等于)没(处理|修|管)一样|等于没(处理|修|管)|again|still|second time|third time|once more/i;

export async function findRelatedTicket(tx: Tx, q: { text: string; communityId: number; scope: "home" | "public"; householdId: number | null; building: string | null; unit?: string | null; gate?: string | null; category: string | null; urgency?: number; now: Date; settings: Settings }) {
  if (!q.category || q.category === "other") return null;
  if (q.scope === "home" && q.householdId) {
    const unfixed = await tx.ticket.findMany({ where: { communityId: q.communityId, householdId: q.householdId, category: q.category, status: { in: UNFIXED } }, orderBy: { id: "desc" }, take: 5 });
    if (REPEAT_CUE.test(q.text)) {
      if (unfixed[0]) return { kind: "repeat" as const, ticket: unfixed[0] };
      // "客厅灯又不亮了" days after the revisit said 满意: the same work failed again — reopened, not new.
      const closed = await tx.ticket.findFirst({ where: { communityId: q.communityId, householdId: q.householdId, category: q.category, status: "closed", closedAt: { gte: new Date(q.now.getTime() - REOPEN_CLOSED_DAYS * 86_400_000) } }, orderBy: { id: "desc" } });
      return closed && likelySameThing(q.text, closed.summary) ? { kind: "repeat" as const, ticket: closed } : null;
    }
    // The same problem in other words and no repeat cue: within a couple of hours it is the same report
    // sent again (in the group, then in the direct chat); later, with the ticket still unfixed, a repeat.
    // Said first in English, then in Chinese (or the other way) minutes apart, in the same category: the same.
    const han = (t: string) => /[\u4e00-\u9fff]/.test(t);
    const same = unfixed.find((t) => sameProblem(q.text, t.summary)) ??
      // "客厅吸顶灯不亮了" then "我家客厅的灯坏了" minutes later: the same thing in the same room, in other words.
      unfixed.find((t) => t.status !== "done" && q.now.getTime() - t.createdAt.getTime() < SAME_REPORT_WINDOW_MS && sameThingInRoom(q.text, t.summary)) ??
      unfixed.find((t) => han(t.summary) !== han(q.text) && t.status !== "done" && q.now.getTime() - t.createdAt.getTime() < LANGUAGE_SWITCH_WINDOW_MS) ??
      // An emergency of the home told again minutes later, however worded ("煤气味好重" in the direct
      // chat, "家里煤气味好重，物业快来人" in the group): one emergency, one alert stream.
      (q.urgency === 1 ? unfixed.find((t) => t.urgency === 1 && t.status !== "done" && q.now.getTime() - t.createdAt.getTime() < LANGUAGE_SWITCH_WINDOW_MS) : undefined);
    if (!same) return null;
    const resent = same.status !== "done" && q.now.getTime() - same.createdAt.getTime() < SAME_REPORT_WINDOW_MS;
    return { kind: resent ? ("duplicate" as const) : ("repeat" as const), ticket: same };
  }
  // A community gate ("北门") has no building: its reports are one incident by the gate's name.
  if (q.scope === "public" && q.gate) return openIncident(tx, q, { contains: q.gate });
  if (q.scope === "public" && q.building) {
    const b = await tx.building.findUnique({ where: { communityId_name: { communityId: q.communityId, name: q.building } } });
    if (!b) return null;
    const open = await openIncident(tx, q, { startsWith: buildingLabel(q.building) });
    if (open || !REPEAT_CUE.test(q.text)) return open;
    // "9栋电梯又坏了，昨天刚修的": the shared fault fixed (and revisited) lately failed again — reopened,
    // so it counts against one-visit resolution, not as a new fault.
    const since = new Date(q.now.getTime() - REOPEN_CLOSED_DAYS * 86_400_000);
    const fixed = await tx.ticket.findFirst({ where: { communityId: q.communityId, scope: "public", category: q.category, status: { in: ["done", "closed"] }, place: { startsWith: buildingLabel(q.building) }, doneAt: { gte: since } }, orderBy: { id: "desc" } });
    return fixed && !(q.unit && /单元/.test(fixed.place) && !fixed.place.includes(`${q.unit}单元`)) ? { kind: "repeat" as const, ticket: fixed } : null;
  }
  return null;
}

/**
 * The open public ticket of this category at the place, reported within the incident window. The
 * window runs from the latest report on the incident: a fault still open and still being reported
 * ("电梯坏了一整天了") keeps gathering its reports on one ticket.
 */
async function openIncident(tx: Tx, q: { communityId: number; category: string | null; unit?: string | null; now: Date; settings: Settings }, place: { startsWith: string } | { contains: string }) {
  const since = new Date(q.now.getTime() - q.settings.incidentWindowHours * 3_600_000);
  const open = await tx.ticket.findMany({
    where: { communityId: q.communityId, scope: "public", category: q.category, status: { in: OPEN_STATUSES }, place },
    // (A report joining it, or a repeat that reopened it, keeps it current.)
    include: { events: { where: { type: { in: ["linked_report", "repeat_report"] } }, orderBy: { at: "desc" }, take: 1 } }, orderBy: { id: "asc" }, take: 10,
  });
  // "1栋2单元电梯坏了" is not unit 1's lift: an incident of another unit of the building is another fault.
  const otherUnit = (o: { place: string }) => Boolean(q.unit) && /单元/.test(o.place) && !o.place.includes(`${q.unit}单元`);
  const t = open.find((o) => ((o.events[0]?.at ?? o.createdAt) >= since || o.createdAt >= since) && !otherUnit(o));
  if (!t) return null;
  const { events: _events, ...ticket } = t;
  return { kind: "incident" as const, ticket };
}

/** A closed ticket of the home is reopened by a repeat report this many days after it was closed. */
const REOPEN_CLOSED_DAYS = 7;
/** Within this time the same problem of the same home, in other words, is one report sent twice. */
const SAME_REPORT_WINDOW_MS = 2 * 3_600_000;
const LANGUAGE_SWITCH_WINDOW_MS = 30 * 60_000;
/** Words that carry no problem: left out before comparing ("客厅的吸顶灯还是不亮" ~ "客厅吸顶灯不亮了"). */
const FILLER = /还是|一直|麻烦|来看看|看看|一下|帮忙|我家|家里|[的了吧啊呢吗呀哦在请]/g;
const ROOMS = /厨房|卫生间|洗手间|厕所|浴室|主卧|次卧|卧室|客厅|餐厅|阳台|书房|儿童房/g;
/** The rooms a text names, one name per room ("厕所", "洗手间" and "卫生间" are one room). */
function roomsOf(t: string): Set<string> {
  return new Set((t.match(ROOMS) ?? []).map((r) => (/厕所|洗手间|浴室/.test(r) ? "卫生间" : r)));
}

/**
 * Whether two reports of one home are about the same problem: most of the shorter one's problem words
 * (character pairs) are in the other, and they do not name different rooms ("厨房水龙头漏水" is not
 * "卫生间水龙头漏水").
 */
export function sameProblem(a: string, b: string): boolean {
  const ra = roomsOf(a), rb = roomsOf(b);
  if (ra.size && rb.size && ![...ra].some((r) => rb.has(r))) return false;
  // The rooms are compared above; the problem is in the other words.
  const words = (t: string) => [...bigrams(t.replace(ROOMS, " ").replace(FILLER, ""))].filter((w) => !NOT_PROBLEM_WORDS.has(w));
  const wa = words(a), wb = new Set(words(b));
  const shorter = Math.min(wa.length, wb.size);
  const shared = wa.filter((w) => wb.has(w)).length;
  // The same room named in both: one problem word in common is enough ("厨房水管漏水了" ~ "我家厨房漏水了").
  const sameRoom = [...ra].some((r) => rb.has(r));
  if (sameRoom && shorter >= 1 && shared >= 1 && shared / shorter >= 0.6) return true;
  // ...or three in common however long the rest ("卫生间热水器坏了 不出热水" ~ "卫生间热水器坏了 没热水洗澡").
  if (sameRoom && shared >= 3) return true;
  if (shorter < 2) return false;
  return shared >= 2 && shared / shorter >= 0.6;
}

/**
 * Of a sender's open tickets, the one a message names by its room or its words ("厨房那个不用修了" with
 * a kitchen tap and a bathroom light open); null when it names none or several equally.
 */
export function ticketNamedByWords<T extends { summary: string }>(text: string, tickets: readonly T[]): T | null {
  const rt = roomsOf(text);
  const wt = new Set([...bigrams(text.replace(ROOMS, " ").replace(FILLER, ""))].filter((w) => !NOT_PROBLEM_WORDS.has(w)));
  const scored = tickets.map((t) => {
    const rooms = [...roomsOf(t.summary)].filter((r) => rt.has(r)).length;
    const words = [...bigrams(t.summary.replace(ROOMS, " ").replace(FILLER, ""))].filter((w) => wt.has(w)).length;
    return { t, score: rooms * 10 + words };
  }).sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  return best && best.score > 0 && (!next || next.score < best.score) ? best.t : null;
}

/** The things of a home a report names, by a short generic name ("吸顶灯" and "灯" are both a light). */
const THINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/灯/, "灯"], [/插座|插头/, "插座"], [/开关|电闸|空开|跳闸/, "开关"], [/水龙头|龙头/, "龙头"], [/马桶|坐便/, "马桶"], [/地漏/, "地漏"],
  [/下水|排水|堵/, "下水"], [/热水器/, "热水器"], [/空调/, "空调"], [/窗/, "窗"], [/门锁|锁/, "锁"], [/天花板|吊顶|屋顶|顶上/, "吊顶"],
  [/墙/, "墙"], [/暖气|地暖/, "暖气"], [/燃气灶|灶/, "灶"], [/水管|管子/, "水管"],
];
const thingsOf = (t: string) => new Set(THINGS.filter(([re]) => re.test(t)).map(([, name]) => name));
/** Both name the same room and the same thing in it, and nothing else each: the same problem. */
function sameThingInRoom(a: string, b: string): boolean {
  const ra = roomsOf(a), rb = roomsOf(b);
  if (ra.size !== 1 || rb.size !== 1 || [...ra][0] !== [...rb][0]) return false;
  const ta = thingsOf(a), tb = thingsOf(b);
  return ta.size === 1 && tb.size === 1 && [...ta][0] === [...tb][0];
}

/** Looser than sameProblem, for a repeat said with 又/还是 in the same category: the same room (or none
 * named) and a word of the problem in common ("客厅灯又不亮了" ~ "客厅的灯不亮了"). */
function likelySameThing(a: string, b: string): boolean {
  const ra = roomsOf(a), rb = roomsOf(b);
  if (ra.size && rb.size && ![...ra].some((r) => rb.has(r))) return false;
  const words = (t: string) => [...bigrams(t.replace(ROOMS, " ").replace(FILLER, ""))].filter((w) => !NOT_PROBLEM_WORDS.has(w));
  const wb = new Set(words(b));
  // …or the same thing named ("卫生间灯坏了" ~ "卫生间灯又不亮了": 灯).
  const tb = thingsOf(b);
  return words(a).some((w) => wb.has(w)) || [...thingsOf(a)].some((t) => tb.has(t));
}

const bigrams = (t: string) => {
  const han = t.replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
};
/** English content words of four letters or more ("north", "gate", "guard"), for reports written in English. */
const EN_STOP = new Set(["this", "that", "with", "have", "been", "still", "again", "time", "second", "third", "nothing", "done", "want", "speak", "manager", "please", "what", "when", "there", "their", "they", "about", "complaining", "complain", "reported", "reporting", "from", "your", "just", "would", "could", "should"]);
const englishWords = (t: string) => new Set((t.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !EN_STOP.has(w)));
const THING_WORDS = new Set(["门禁", "电梯", "水管", "马桶", "地漏", "路灯", "空调", "插座", "开关", "窗户", "暖气", "燃气", "煤气", "天花", "吊顶", "墙皮", "对讲", "道闸", "下水", "水龙", "龙头", "热水", "灯泡", "防盗"]);
const NOT_PROBLEM_WORDS = new Set(["还没", "没人", "人来", "来修", "报的", "昨天", "今天", "前天", "已经", "怎么", "什么", "时候", "一下", "麻烦", "我家", "家里", "还是", "又坏", "没有"]);

/**
 * A message read as a progress question that names the problem of an unfixed ticket of the sender or
 * their household with a repeat cue ("客厅吊顶还在渗水，昨天报的还没人来修") is a second report of it.
 */
export async function findRepeatByText(tx: Tx, q: { text: string; communityId: number; reporterChatUserId: number; householdId: number | null }) {
  if (!REPEAT_CUE.test(q.text)) return null;
  // (Bigrams of grammar — "下不", "不下", "了 " — say nothing of which problem it is.)
  const words = [...bigrams(q.text), ...englishWords(q.text)].filter((w) => !NOT_PROBLEM_WORDS.has(w) && !/^[不了的来去上下得着过]|[不了的来去得着过]$/.test(w));
  if (words.length === 0) return null;
  const candidates = await tx.ticket.findMany({
    where: { communityId: q.communityId, status: { in: UNFIXED }, intent: { in: ["repair", "complaint"] }, OR: [{ reporterId: q.reporterChatUserId }, ...(q.householdId ? [{ householdId: q.householdId }] : [])] },
    orderBy: { id: "desc" }, take: 20,
  });
  for (const t of candidates) {
    const summary = new Set([...bigrams(t.summary), ...englishWords(t.summary)]);
    const shared = words.filter((w) => summary.has(w));
    // (One word is enough when it names the thing itself: "门禁还没修好吗？…进不了门".)
    if (shared.length >= 2 || shared.some((w) => THING_WORDS.has(w))) return t;
  }
  return null;
}

/**
 * A second report of the same unfixed problem: grade 2, the supervisor and the assignee hear. A
 * complaint made again is an escalated complaint (DOMAIN: grade 1): the manager hears too.
 */
export async function recordRepeatReport(tx: Tx, ticket: { id: number; number: number; communityId: number; intent: string; category: string | null; urgency: number; place: string; summary: string; assigneeId: number | null; status: string; waitingUntil?: Date | null }, reporterChatUserId: number, text: string, now: Date, threat = false) {
  // A threat to go to the media or a hotline over it makes it an escalated complaint, whatever it began as.
  const urgency = threat ? 1 : Math.min(ticket.urgency, ticket.intent === "complaint" ? 1 : 2);
  await tx.ticket.update({ where: { id: ticket.id }, data: { urgency } });
  const done = ticket.status === "done" || ticket.status === "closed";
  // "Done" but not fixed: the work is reopened with fresh promises (same day, feedback, completion)
  // from now, as after an unsatisfied revisit — the old ones may all have passed already.
  if (done) await transition(tx, ticket, "reopen", { actor: `resident:${reporterChatUserId}`, at: now });
  // Still open and now more urgent (an escalated complaint is grade 1): the promises of the new grade
  // from now, as a regrade does — grade 1 alerts again every few minutes until someone accepts.
  if (done || (urgency < ticket.urgency && !ticket.waitingUntil)) {
    const community = await tx.community.findUniqueOrThrow({ where: { id: ticket.communityId } });
    await replanDeadlines(tx, { ...ticket, urgency }, now, getSettings(community), community.timezone, `:repeat${now.getTime()}`);
  }
  await recordEvent(tx, ticket.id, "repeat_report", { actor: `resident:${reporterChatUserId}`, at: now, note: text.slice(0, 500) });
  const assignee = ticket.assigneeId ? await tx.staff.findUnique({ where: { id: ticket.assigneeId }, include: { chatUser: true } }) : null;
  const managers = urgency === 1 ? await managersOf(tx, ticket.communityId) : [];
  // The grid's housekeeper answers for the grid's work even when a craftsman did it: they hear too.
  const gridId = (await tx.ticket.findUnique({ where: { id: ticket.id }, select: { gridId: true } }))?.gridId ?? null;
  const grid = gridId !== null ? await tx.grid.findUnique({ where: { id: gridId }, include: { housekeeper: { include: { chatUser: true } } } }) : null;
  const housekeeper = grid?.housekeeper?.active ? [grid.housekeeper] : [];
  const seen = new Set<number>();
  for (const s of [...managers, ...(await supervisorsOf(tx, ticket.communityId)), ...(assignee ? [assignee] : []), ...housekeeper]) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    if (s.chatUser) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.repeat_report", params: { number: ticket.number, place: ticket.place, text: text.slice(0, 300), intent: threat ? "complaint" : ticket.intent, urgency, raised: urgency < ticket.urgency ? 1 : 0 }, notBefore: now });
  }
  return { ...ticket, urgency };
}

/** Another household reporting the same public fault: linked to the incident, told its number. */
export async function linkToIncident(tx: Tx, ticket: { id: number }, reporterChatUserId: number, text: string, now: Date) {
  await recordEvent(tx, ticket.id, "linked_report", { actor: `resident:${reporterChatUserId}`, at: now, note: text.slice(0, 500) });
}

/** Tickets this person was linked to as another reporter of a public fault (a Prisma `where` clause). */
export function linkedReporter(chatUserId: number) {
  return { events: { some: { type: "linked_report", actor: `resident:${chatUserId}` } } };
}

/** Those linked to an incident who still wait on it: linked, and not withdrawn since (staff's counts). */
export async function waitingLinkedReporters(tx: Tx, ticketId: number): Promise<number[]> {
  const events = await tx.ticketEvent.findMany({ where: { ticketId, type: { in: ["linked_report", "resident_withdraw"] } }, orderBy: { id: "asc" } });
  const waiting = new Set<number>();
  for (const e of events) {
    const id = Number(e.actor.split(":")[1]);
    if (!Number.isInteger(id)) continue;
    if (e.type === "linked_report" && !/withdrew/.test(e.note ?? "")) waiting.add(id);
    else waiting.delete(id);
  }
  return [...waiting];
}

/** Everyone linked to an incident (besides its first reporter), to tell them it is fixed. */
export async function linkedReporters(tx: Tx, ticketId: number): Promise<number[]> {
  const events = await tx.ticketEvent.findMany({ where: { ticketId, type: "linked_report" } });
  return [...new Set(events.map((e) => Number(e.actor.split(":")[1])).filter((n) => Number.isInteger(n)))];
}

/** How many reporters each shared fault has (its first reporter and everyone linked to it since). */
export async function reportingHouseholds(tx: Tx, ticketIds: number[]): Promise<Map<number, number>> {
  if (ticketIds.length === 0) return new Map();
  const events = await tx.ticketEvent.findMany({ where: { ticketId: { in: ticketIds }, type: "linked_report" }, select: { ticketId: true, actor: true } });
  const people = new Map<number, Set<string>>();
  for (const e of events) {
    if (!people.has(e.ticketId)) people.set(e.ticketId, new Set());
    people.get(e.ticketId)!.add(e.actor);
  }
  return new Map(ticketIds.map((id) => [id, 1 + (people.get(id)?.size ?? 0)]));
}
