// Repeat and duplicate reports. The same household reporting the same unfixed problem again raises
// the ticket to grade 2 and tells the supervisor (it counts against one-visit resolution); several
// households reporting the same public fault (same building and category, within a window) are
// linked to one incident, and every reporter hears when it is fixed.
import type { Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { managersOf, supervisorsOf } from "../staff/routing.js";
import { getSettings } from "../community/community.js";
import { scheduleDeadlines } from "./deadlines.js";
import { OPEN_STATUSES, recordEvent, transition } from "./transitions.js";
import { buildingLabel } from "../community/building-names.js";

const UNFIXED = [...OPEN_STATUSES, "done"];
/** A second report says so: "又", "还没修", "再次"… Without such words a new problem gets its own ticket. */
const REPEAT_CUE = /又|还没|还是|仍然|依然|再次|第[二三四五2-5]次|没修好|没人来|没来修|again|still/i;

export async function findRelatedTicket(tx: Tx, q: { text: string; communityId: number; scope: "home" | "public"; householdId: number | null; building: string | null; category: string | null; now: Date; settings: Settings }) {
  if (!q.category || q.category === "other") return null;
  if (q.scope === "home" && q.householdId && REPEAT_CUE.test(q.text)) {
    const t = await tx.ticket.findFirst({ where: { communityId: q.communityId, householdId: q.householdId, category: q.category, status: { in: UNFIXED } }, orderBy: { id: "desc" } });
    return t ? { kind: "repeat" as const, ticket: t } : null;
  }
  if (q.scope === "public" && q.building) {
    const since = new Date(q.now.getTime() - q.settings.incidentWindowHours * 3_600_000);
    const b = await tx.building.findUnique({ where: { communityId_name: { communityId: q.communityId, name: q.building } } });
    if (!b) return null;
    const t = await tx.ticket.findFirst({ where: { communityId: q.communityId, scope: "public", category: q.category, status: { in: OPEN_STATUSES }, createdAt: { gte: since }, place: { startsWith: buildingLabel(q.building) } }, orderBy: { id: "asc" } });
    return t ? { kind: "incident" as const, ticket: t } : null;
  }
  return null;
}

const bigrams = (t: string) => {
  const han = t.replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
};
const NOT_PROBLEM_WORDS = new Set(["还没", "没人", "人来", "来修", "报的", "昨天", "今天", "前天", "已经", "怎么", "什么", "时候", "一下", "麻烦", "我家", "家里", "还是", "又坏", "没有"]);

/**
 * A message read as a progress question that names the problem of an unfixed ticket of the sender or
 * their household with a repeat cue ("客厅吊顶还在渗水，昨天报的还没人来修") is a second report of it.
 */
export async function findRepeatByText(tx: Tx, q: { text: string; communityId: number; reporterChatUserId: number; householdId: number | null }) {
  if (!REPEAT_CUE.test(q.text)) return null;
  const words = [...bigrams(q.text)].filter((w) => !NOT_PROBLEM_WORDS.has(w));
  if (words.length === 0) return null;
  const candidates = await tx.ticket.findMany({
    where: { communityId: q.communityId, status: { in: UNFIXED }, intent: { in: ["repair", "complaint"] }, OR: [{ reporterId: q.reporterChatUserId }, ...(q.householdId ? [{ householdId: q.householdId }] : [])] },
    orderBy: { id: "desc" }, take: 20,
  });
  for (const t of candidates) {
    const summary = bigrams(t.summary);
    if (words.filter((w) => summary.has(w)).length >= 2) return t;
  }
  return null;
}

/**
 * A second report of the same unfixed problem: grade 2, the supervisor and the assignee hear. A
 * complaint made again is an escalated complaint (DOMAIN: grade 1): the manager hears too.
 */
export async function recordRepeatReport(tx: Tx, ticket: { id: number; number: number; communityId: number; intent: string; category: string | null; urgency: number; place: string; summary: string; assigneeId: number | null; status: string }, reporterChatUserId: number, text: string, now: Date) {
  const urgency = Math.min(ticket.urgency, ticket.intent === "complaint" ? 1 : 2);
  await tx.ticket.update({ where: { id: ticket.id }, data: { urgency } });
  if (ticket.status === "done") {
    // "Done" but not fixed: the work is reopened with fresh promises (same day, feedback, completion)
    // from now, as after an unsatisfied revisit — the old ones may all have passed already.
    await transition(tx, ticket, "reopen", { actor: `resident:${reporterChatUserId}`, at: now });
    const community = await tx.community.findUniqueOrThrow({ where: { id: ticket.communityId } });
    await scheduleDeadlines(tx, { ...ticket, urgency }, now, getSettings(community), community.timezone, `:repeat${now.getTime()}`);
  }
  await recordEvent(tx, ticket.id, "repeat_report", { actor: `resident:${reporterChatUserId}`, at: now, note: text.slice(0, 500) });
  const assignee = ticket.assigneeId ? await tx.staff.findUnique({ where: { id: ticket.assigneeId }, include: { chatUser: true } }) : null;
  const managers = urgency === 1 ? await managersOf(tx, ticket.communityId) : [];
  const seen = new Set<number>();
  for (const s of [...managers, ...(await supervisorsOf(tx, ticket.communityId)), ...(assignee ? [assignee] : [])]) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    if (s.chatUser) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.repeat_report", params: { number: ticket.number, place: ticket.place, text: text.slice(0, 300), intent: ticket.intent }, notBefore: now });
  }
  return { ...ticket, urgency };
}

/** Another household reporting the same public fault: linked to the incident, told its number. */
export async function linkToIncident(tx: Tx, ticket: { id: number }, reporterChatUserId: number, text: string, now: Date) {
  await recordEvent(tx, ticket.id, "linked_report", { actor: `resident:${reporterChatUserId}`, at: now, note: text.slice(0, 500) });
}

/** Everyone linked to an incident (besides its first reporter), to tell them it is fixed. */
export async function linkedReporters(tx: Tx, ticketId: number): Promise<number[]> {
  const events = await tx.ticketEvent.findMany({ where: { ticketId, type: "linked_report" } });
  return [...new Set(events.map((e) => Number(e.actor.split(":")[1])).filter((n) => Number.isInteger(n)))];
}
