// The revisit conversation: the question, the resident's answer, and what no answer means.
import type { Tx } from "../../db.js";
import type { Deps } from "../deps.js";
import { enqueue } from "../outbox.js";
import { cachedCommunity, getSettings } from "../community/community.js";
import { clearState, getState, setState } from "../residents/conversation.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { replanDeadlines } from "../tickets/deadlines.js";
import { recordEvent, transition } from "../tickets/transitions.js";
import { staffWithRole, supervisorsOf } from "../staff/routing.js";
import { outsideQuietHours } from "../time.js";
import { resumeInterruptedSurvey } from "../surveys/tasks.js";

/** 1 satisfied, 2 basically satisfied, 3 unsatisfied; null when the text is not an answer. */
export function parseSatisfaction(text: string): 1 | 2 | 3 | null {
  const whole = satisfactionOf(text);
  if (whole) return whole;
  // Several short words saying the same ("好好 冇问题 多谢晒", "满意，谢谢师傅"): their common answer;
  // thanks and emoji alone say nothing either way.
  const parts = text.split(/[\s，,。.！!？?、；;~～]+/).filter((p) => p && !THANKS_ONLY.test(simplify(p)));
  if (parts.length < 2 || parts.length > 4) return null;
  const answers = new Set(parts.map(satisfactionOf));
  return answers.size === 1 ? [...answers][0]! : null;
}

/** Lower case, without spaces, punctuation or emoji. */
const simplify = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0f]/gu, "");
const THANKS_ONLY = /^(谢谢|谢谢你|谢谢您|谢谢师傅|谢谢你们|感谢|多谢|多谢晒|唔该|唔该晒|辛苦了|辛苦|thanks|thankyou|thx|ty)?$/;

/** "All good now, very satisfied. Thank you!", "it's still leaking": a short answer in English, read whole
 * (after the answer-then-detail split has had its go: "not really, still leaking" keeps its detail). */
export function englishSatisfaction(text: string): 1 | 2 | 3 | null {
  const t = text.toLowerCase();
  if (t.length > 160 || /[\u4e00-\u9fff]/.test(t)) return null;
  if (/\b(not|isn'?t|wasn'?t|never|hardly)\b[^.!?]{0,15}\b(satisfied|fixed|working|good|happy|solved|resolved)\b|\b(unsatisfied|unhappy|dissatisfied|disappointed)\b|\bstill\b[^.!?]{0,12}\b(broken|leaking|blocked|dripping|not|no|the same)\b|\b(same problem|worse)\b/.test(t)) return 3;
  if (/\b(mostly|somewhat|fairly|partly|more or less|kind of|sort of)\b[^.!?]{0,12}\b(satisfied|fine|ok|okay|good|fixed)\b|^\W*(ok|okay|fine|so-so|not bad)\W*$/.test(t)) return 2;
  if (/\b(satisfied|happy|all good|all fixed|fixed|perfect|great|excellent|working (fine|now|again|well)|works (fine|now|again|well))\b/.test(t)) return 1;
  return null;
}

function satisfactionOf(text: string): 1 | 2 | 3 | null {
  if (/👎/u.test(text) && !/[👍👌💯]/u.test(text)) return 3;
  const thumbs = /[👍👌💯]/u.test(text);
  const t = simplify(text).replace(/^(?:回复|选|选择|我选|评价|答)[:：]?/, "")
    .replace(/(?:吧|啊|呀|哦|噢|哈|呢|了|的|啦|喔|嘅|咗|谢谢|谢谢你|谢谢您|谢谢师傅|谢谢你们|感谢|多谢|多谢晒|唔该|唔该晒|辛苦了|thanks|thankyou|thx)+$/, "");
  if (!t) return thumbs ? 1 : null;
  // "修好了修好了", "满意满意": said twice.
  const twice = /^(.{2,6})\1$/.exec(simplify(text));
  if (twice) return satisfactionOf(twice[1]!);
  // "这回可以了", "现在好了", "已经不漏了": said of the repair, the answer is in the rest.
  const u = t.replace(/^(这回|这次|这下|现在|已经|都|终于|总算|目前|修完)+(?=.)/, "");
  if (u !== t && /^(可以|好|好了|行|正常|没事|没问题|搞定|不漏|不漏水|通|通了|亮|亮了|好用|能用|修好)$/.test(u)) return 1;
  if (/^(1|一|满意|非常满意|很满意|挺满意|特别满意|十分满意|满意满意|非常好|很好|挺好|好好|几好|好满意|非常之好|好|好了|修好|修好了|可以|没问题|冇问题|无问题|没毛病|很棒|太好|满意谢谢|谢谢满意|1满意|五星好评|五星|好评|满分|给好评|非常棒|真棒|棒|赞|点赞|satisfied|verysatisfied|yes|good|verygood|great|excellent|perfect|allgood|happy)$/.test(t)) return 1;
  if (/^(2|二|基本满意|比较满意|还算满意|还行|还可以|还不错|不错|一般|一般般|凑合|还凑合|马马虎虎|麻麻|麻麻地|还好|都几好|ok|okay|fine|notbad|soso|prettygood|2基本满意)$/.test(t)) return 2;
  if (/^(3|三|不满意|很不满意|非常不满意|不太满意|不大满意|特别不满意|唔满意|好唔满意|不行|唔得|不好|很差|太差|差|没修好|没有修好|还没修好|未修好|还是坏的|还是不行|没解决|没有解决|还没解决|问题依旧|依旧|还是老样子|老样子|差评|给差评|不咋地|不咋样|不怎么样|没好|没有好|一点没好|还没好|没用|no|notreally|notsatisfied|unsatisfied|dissatisfied|notgood|bad|notfixed|3不满意)$/.test(t)) return 3;
  return null;
}

/**
 * Complaints are revisited on behalf of the supervisor, escalated ones on behalf of the manager:
 * grade 1, or a complaint whose missed deadline went up to the manager (an `escalated` event, deadlines.ts).
 */
async function onBehalfOf(tx: Tx, ticket: { id: number; intent: string; urgency: number }): Promise<"desk" | "supervisor" | "manager"> {
  if (ticket.intent !== "complaint") return "desk";
  if (ticket.urgency === 1) return "manager";
  const toManager = await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "escalated", note: { contains: "经理" } } });
  return toManager > 0 ? "manager" : "supervisor";
}

export const askRevisit: TaskHandler = async (tx, deps, task, now) => {
  const ticket = await tx.ticket.findUnique({ where: { id: task.ticketId ?? -1 } });
  if (!ticket || ticket.status !== "done") return;
  // Nobody to ask on WeChat (a request the desk logged for a resident without it): the phone list.
  // (Staff who live here and reported their own home are residents for this.)
  const reporterIsResident = ticket.reporterId !== null && ((await tx.staff.count({ where: { chatUserId: ticket.reporterId } })) === 0 || (await tx.resident.count({ where: { chatUserId: ticket.reporterId, verified: true } })) > 0);
  if (!reporterIsResident) return toPhoneList(tx, deps, ticket, task.id, now, 0);
  if (!ticket.reporterId) return;
  const community = await cachedCommunity(deps.db, ticket.communityId);
  if (!community) return;
  const reporter = await tx.chatUser.findUniqueOrThrow({ where: { id: ticket.reporterId } });
  const settings = getSettings(community);
  // One question at a time: while the resident is binding or answering another revisit, ask again
  // in 30 minutes (outside quiet hours). A survey in progress gives way: its reminder asks again, and
  // so does a wait for "what is still wrong" about this same ticket (it was redone since).
  const current = await getState(tx, reporter.id, now);
  const sameTicket = (current?.kind === "revisit" || current?.kind === "revisit_detail") && current.ticketId === ticket.id;
  if (current && current.kind !== "survey" && !sameTicket) {
    const later = outsideQuietHours(new Date(now.getTime() + 30 * 60_000), settings.quietHours, community.timezone);
    await scheduleTask(tx, { communityId: ticket.communityId, kind: "revisit.ask", ticketId: ticket.id, dueAt: later, dedupeKey: `revisit.ask:${ticket.id}:after:${task.id}` });
    return;
  }
  const expiresAt = new Date(now.getTime() + settings.revisitTimeoutHours * 3600_000);
  await setState(tx, reporter.id, { kind: "revisit", ticketId: ticket.id }, expiresAt);
  await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: reporter.platformId }, key: "resident.revisit_question", params: { number: ticket.number, summary: ticket.summary.slice(0, 40), onBehalf: await onBehalfOf(tx, ticket) }, notBefore: now, dedupeKey: `revisit.q:${task.id}` });
  await recordEvent(tx, ticket.id, "revisit_asked", { actor: "system", at: now });
  await scheduleTask(tx, { communityId: ticket.communityId, kind: "revisit.timeout", ticketId: ticket.id, data: { askedAt: now.toISOString() }, dueAt: expiresAt, dedupeKey: `revisit.timeout:${task.id}` });
  deps.log.debug({ ticket: ticket.number }, "revisit asked");
};

/** No answer in time: recorded as no answer (never as satisfied); the front desk phones instead. */
export const revisitTimeout: TaskHandler = async (tx, deps, task, now) => {
  const ticket = await tx.ticket.findUnique({ where: { id: task.ticketId ?? -1 } });
  if (!ticket || ticket.status !== "done") return;
  const community = await cachedCommunity(deps.db, ticket.communityId);
  const hours = community ? getSettings(community).revisitTimeoutHours : 48;
  // The question this timeout belongs to (tasks queued before askedAt was recorded: dueAt − the timeout).
  const askedAt = typeof task.data.askedAt === "string" ? new Date(task.data.askedAt) : new Date(task.dueAt.getTime() - hours * 3600_000);
  // Answered since it was asked? (Not `satisfaction`: after an unsatisfied answer, a re-fix and a
  // second revisit, it still holds the first answer — and the second must not go unanswered.) And a
  // later question (the revisit after a re-fix) has its own timeout: this one is then spent.
  if (await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "revisit_answer", at: { gte: askedAt } } })) return;
  if (await tx.ticketEvent.count({ where: { ticketId: ticket.id, type: "revisit_asked", at: { gt: new Date(askedAt.getTime() + 1000), lte: now } } })) return;
  await recordEvent(tx, ticket.id, "revisit_no_answer", { actor: "system", at: now });
  if (ticket.reporterId) {
    const state = await getState(tx, ticket.reporterId, new Date(now.getTime() - 1000));
    if (state?.kind === "revisit" && state.ticketId === ticket.id) await clearState(tx, ticket.reporterId);
  }
  await toPhoneList(tx, deps, ticket, task.id, now, hours);
};

/**
 * The front desk phones (an office without one on the assistant: the ticket's assignee — DOMAIN: front
 * desk / housekeeper), with the owner on file to call. `hours` 0: there was nobody to ask on WeChat.
 */
async function toPhoneList(tx: Tx, deps: Deps, ticket: { id: number; number: number; communityId: number; place: string; assigneeId: number | null; householdId: number | null }, taskId: number, now: Date, hours: number) {
  let desk: { id: number; chatUser: { platformId: string } | null }[] = (await staffWithRole(tx, ticket.communityId, "frontdesk", deps.sweep)).filter((s) => s.chatUser);
  if (desk.length === 0 && ticket.assigneeId) {
    const assignee = await tx.staff.findUnique({ where: { id: ticket.assigneeId }, include: { chatUser: true } });
    if (assignee?.active && assignee.chatUser) desk = [assignee];
  }
  // Whom to call: the owner on file (staff may see it), so the desk need not look the number up.
  const household = ticket.householdId ? await tx.household.findUnique({ where: { id: ticket.householdId } }) : null;
  for (const s of desk) {
    if (s.chatUser) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.revisit_phone", params: { number: ticket.number, place: ticket.place, hours, owner: household?.ownerName ?? "", phone: household?.phone ?? "" }, notBefore: now, dedupeKey: `revisit.phone:${taskId}:${s.id}` });
  }
}

/**
 * A revisit question asked and still unanswered whose conversation was taken over (the resident
 * started binding right after it): asked again, so the next "1" answers it. False when none.
 */
export async function resumeInterruptedRevisit(tx: Tx, chatUserId: number, now: Date): Promise<boolean> {
  const asked = await tx.ticketEvent.findFirst({
    where: { type: "revisit_asked", ticket: { reporterId: chatUserId, status: "done", satisfaction: null } },
    orderBy: { at: "desc" }, include: { ticket: true },
  });
  if (!asked) return false;
  // Timed out already (recorded as no answer): not asked again.
  if (await tx.ticketEvent.count({ where: { ticketId: asked.ticketId, type: "revisit_no_answer", at: { gte: asked.at } } })) return false;
  const community = await tx.community.findUnique({ where: { id: asked.ticket.communityId } });
  const hours = community ? getSettings(community).revisitTimeoutHours : 48;
  const expiresAt = new Date(asked.at.getTime() + hours * 3600_000);
  if (expiresAt <= now) return false;
  const user = await tx.chatUser.findUnique({ where: { id: chatUserId } });
  if (!user) return false;
  await setState(tx, chatUserId, { kind: "revisit", ticketId: asked.ticketId }, expiresAt);
  await enqueue(tx, { communityId: asked.ticket.communityId, to: { kind: "user", platformId: user.platformId }, key: "resident.revisit_question", params: { number: asked.ticket.number, summary: asked.ticket.summary.slice(0, 40), onBehalf: await onBehalfOf(tx, asked.ticket) }, notBefore: now });
  return true;
}

/** The resident answered a revisit. Unsatisfied reopens the ticket and tells the supervisor, the assignee and the grid's housekeeper. */
export async function answerRevisit(tx: Tx, input: { chatUserId: number; ticketId: number; answer: 1 | 2 | 3; now: Date }) {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId }, include: { assignee: { include: { chatUser: true } } } });
  const actor = `resident:${input.chatUserId}`;
  await recordEvent(tx, ticket.id, "revisit_answer", { actor, at: input.now, note: String(input.answer) });
  if (input.answer !== 3) {
    if (ticket.status === "done") await transition(tx, ticket, "close", { actor, at: input.now, data: { satisfaction: input.answer } });
    else await tx.ticket.update({ where: { id: ticket.id }, data: { satisfaction: input.answer } });
    await clearState(tx, input.chatUserId);
    await resumeInterruptedSurvey(tx, input.chatUserId, input.now);
    return { ticket, reopened: false, managerTold: false };
  }
  const reopened = ticket.status === "done" || ticket.status === "closed";
  if (reopened) {
    await transition(tx, ticket, "reopen", { actor, at: input.now, data: { satisfaction: 3 } });
    // The reopened work gets fresh promises (same day, feedback, completion) from now.
    const community = await tx.community.findUniqueOrThrow({ where: { id: ticket.communityId } });
    await replanDeadlines(tx, ticket, input.now, getSettings(community), community.timezone, `:reopen${input.now.getTime()}`);
  }
  // The supervisor, whoever holds the ticket, and the grid's housekeeper (who answers for the grid's
  // work even when a maintenance worker did it), each once.
  const grid = ticket.gridId ? await tx.grid.findUnique({ where: { id: ticket.gridId }, include: { housekeeper: { include: { chatUser: true } } } }) : null;
  // An escalated complaint was revisited on the manager's behalf: the manager hears its failure too.
  const managers = (await onBehalfOf(tx, ticket)) === "manager" ? await staffWithRole(tx, ticket.communityId, "manager") : [];
  const candidates = [...managers, ...(await supervisorsOf(tx, ticket.communityId)), ...(ticket.assignee ? [ticket.assignee] : []), ...(grid?.housekeeper?.active ? [grid.housekeeper] : [])];
  const notify = candidates.filter((s, i) => candidates.findIndex((o) => o.id === s.id) === i);
  for (const s of notify) {
    if (s.chatUser) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.revisit_unsatisfied", params: { number: ticket.number, place: ticket.place, summary: ticket.summary.slice(0, 200) }, notBefore: input.now });
  }
  await setState(tx, input.chatUserId, { kind: "revisit_detail", ticketId: ticket.id }, new Date(input.now.getTime() + 24 * 3600_000));
  return { ticket, reopened, managerTold: managers.length > 0 };
}

/** What the unsatisfied resident says is still wrong: a note on the ticket, forwarded to its owner. */
export async function addRevisitDetail(tx: Tx, input: { chatUserId: number; ticketId: number; text: string; now: Date }) {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId }, include: { assignee: { include: { chatUser: true } } } });
  await recordEvent(tx, ticket.id, "resident_detail", { actor: `resident:${input.chatUserId}`, at: input.now, note: input.text.slice(0, 2000) });
  if (ticket.assignee?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: ticket.assignee.chatUser.platformId }, key: "staff.resident_detail", params: { number: ticket.number, text: input.text.slice(0, 500) }, notBefore: input.now });
  }
  await clearState(tx, input.chatUserId);
  await resumeInterruptedSurvey(tx, input.chatUserId, input.now);
  return ticket;
}
