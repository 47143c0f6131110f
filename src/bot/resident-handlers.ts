// What the assistant does for residents (and anyone not on staff): conversation steps (binding,
// revisit answers), resident commands, and one handler per intent.
import type { Logger } from "pino";
import type { Tx } from "../db.js";
import { parseAddress, parseLocation } from "../intents/location.js";
import { outsideOffice, type Elsewhere } from "../intents/responsibility.js";
import { placeOf } from "../intents/scope.js";
import type { Classification, Intent } from "../intents/types.js";
import type { Settings } from "../services/community/settings.js";
import { enqueue, type Recipient } from "../services/outbox.js";
import { checkPhoneTail, findHousehold, homesWithoutUnit, isLocked, unbindHome } from "../services/residents/binding.js";
import { setState, clearState, type ConversationState } from "../services/residents/conversation.js";
import { householdAddress, type Sender } from "../services/residents/identity.js";
import { answerOutageReport, overranOutageNotice, reportedOutages, upcomingOutageNotice } from "../services/notices/outage.js";
import { feeSummary, yuan } from "../services/fees/fee-summary.js";
import { recentReminderHouseholds, askToCheckPayment, fileFeeQuestion, isFeeAmountQuestion, openFeeQuestion, parseReminderReply, recentReminderHousehold } from "../services/fees/fee-questions.js";
import { answerRevisit, addRevisitDetail, englishSatisfaction, parseSatisfaction, resumeInterruptedRevisit } from "../services/revisits/revisit.js";
import { answerSurvey, surveyDone } from "../services/surveys/answers.js";
import { createTicket } from "../services/tickets/create-ticket.js";
import { STAFF_CARD_CHARS } from "../services/excerpt.js";
import { CLASSIFY_WHOLE, dangerPassage, requestPassage } from "../intents/long-text.js";
import { classifyOffline, CODE_LIKE } from "../intents/offline.js";
import { normalize } from "../intents/normalize.js";
import { dangerCue, escalates, PIVOT, safetySignal } from "../intents/rules.js";
import { findRelatedTicket, findRepeatByText, linkedReporter, linkToIncident, recordRepeatReport, ticketNamedByWords } from "../services/tickets/related.js";
import { nextPromise } from "../services/tickets/deadlines.js";
import { parseAppointment } from "../services/tickets/waiting.js";
import { OPEN_STATUSES, recordEvent } from "../services/tickets/transitions.js";
import { addResidentDetail, correctByResident, openTicketsOf, rescheduleByResident, restoreWithdrawn, withdrawByResident, withdrawLinkedReporter } from "../services/tickets/resident-followups.js";
import { housekeeperOfBuilding, staffWithRole, supervisorsOf } from "../services/staff/routing.js";
import { formatRelative } from "../services/time.js";
import type { Reply } from "./commands.js";
import { normalizeForDispatch } from "./inbound-text.js";
import { categoryLabel, intentLabel, statusLabel } from "./texts.js";
import { maskIds } from "./text-format.js";
import type { ProgressItem } from "./texts/english.js";
import type { Inbound } from "./transport.js";
import { addressLabel, buildingLabel } from "../services/community/building-names.js";

export type MessageContext = {
  tx: Tx; now: Date; log: Logger; settings: Settings; tz: string; botName: string;
  community: { id: number; name: string; timezone: string };
  sender: Sender; inbound: Inbound; messageId: number; text: string; inGroup: boolean; replyTo: Recipient;
  classification: Classification | null; state: ConversationState | null;
  /** Set by a handler that created a ticket; stored on the message. */
  ticketId: number | null;
  /** A member of staff logging a request taken by phone or in person ("刚接到电话：4栋电梯困人了"). */
  forOthers?: boolean;
  /** One of two problems told in one message, being filed on its own (never split again). */
  part?: boolean;
  /** An un-mentioned group message looked at only because it agrees with a neighbour ("我家6楼那层也不亮"):
   * it joins that neighbour's open report, or is left as chat — never a ticket of its own. */
  joinOnly?: boolean;
};
type ReplyFn = (r: Reply, to?: Recipient) => Promise<void>;

const BIND_TTL_MS = 30 * 60_000;
/** The sender's own address introduced as such ("我是4栋1单元301的", "我住3-2-1201"), not a neighbour's. */
const OWN_ADDRESS = /(我是|我住|我家是|我家在|我家住|住在|我们家在?|我们是|我们住|俺家是|我这里是|阿拉是|阿拉住|阿拉屋里(是|在))\s*[^，。,\s]{0,2}[\dA-Z一二三四五六七八九十]/;
/** A corrected address while binding: "地址发错了", "不对，是…", "应该是…". */
const ADDRESS_FIX = /发错|写错|打错|输错|说错|搞错|弄错|不对|错了|应该是|更正|改成|改为|不是|\b(wrong|sorry|I mean|actually)\b/i;
const direct = (ctx: MessageContext): Recipient => ({ kind: "user", platformId: ctx.inbound.userId });
const verifiedHome = (ctx: MessageContext) => ctx.sender.residents[0]?.household ?? null;
/** The sender's verified home at `location` ("5栋602卫生间漏水" from an owner of two homes); null when none there. */
const verifiedHomeAt = (ctx: MessageContext, location: { building: string | null; unit: string | null; room: string | null } | null | undefined) =>
  location?.building && location.room
    ? ctx.sender.residents.find((r) => r.household.building.name === location.building && r.household.room === location.room && (!location.unit || !r.household.unit || r.household.unit === location.unit))?.household ?? null
    : null;
/** The sender's verified home a message names, by building (and room when given): "3栋那套已经交了". */
const verifiedHomeNamed = (ctx: MessageContext, location: { building: string | null; unit: string | null; room: string | null } | null | undefined) => {
  if (!location?.building) return null;
  if (location.room) return verifiedHomeAt(ctx, location);
  const inBuilding = ctx.sender.residents.filter((r) => r.household.building.name === location.building);
  return inBuilding.length === 1 ? inBuilding[0]!.household : null;
};

/**
 * Of a sender's verified homes, the one a report is about: the one it names (by address, or by building
 * when only one is there: "另外6栋那套卫生间…"), the newest for "新家…" (after a move), else the first.
 */
function homeOfReport(ctx: MessageContext, location: { building: string | null; unit: string | null; room: string | null } | null | undefined) {
  if (ctx.sender.residents.length > 1) {
    const named = verifiedHomeNamed(ctx, location);
    if (named) return named;
    if (/新家|新房|刚搬的|现在住的|新搬的/.test(ctx.text)) return [...ctx.sender.residents].sort((a, b) => b.id - a.id)[0]!.household; // the latest binding
  }
  return verifiedHomeAt(ctx, location) ?? verifiedHome(ctx);
}

// ——— conversation steps ———

/** Returns true when the message was an answer to the question the assistant asked last. */
export async function handleConversationState(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  const { state, text, tx, sender, now } = ctx;
  if (!state) return ctx.inGroup ? false : answerLateRevisit(ctx, reply);
  switch (state.kind) {
    case "bind_phone": {
      const tail = phoneTailOf(text);
      // "12345", "139123": digits, but not four of them (nor a whole mobile number) — say what is wanted.
      if (!tail && /^\s*(?:尾号|后四位)?[:：]?\s*\d{2,12}\s*$/.test(text) && !/^\s*\d{4}\s*$/.test(text)) {
        return void (await reply({ key: "bind.tail_format" })), true;
      }
      // "{{phone_last4}}", "abcd", "1234; DELETE …": no tail, nothing to act on — the question again, never a ticket.
      if (!tail && ctx.classification?.urgency !== 1 && !parseAddress(text)?.building && (CODE_LIKE.test(text) || (!/[\u4e00-\u9fff]/.test(text) && text.length <= 24 && !/\b(leak\w*|broken|fire|smoke|gas|flood\w*|stuck|trapped|help)\b/i.test(text)))) {
        return void (await reply({ key: "bind.tail_format" })), true;
      }
      // "档案里预留的应该还是原房主的手机号吧": the owner file is out of date — the front desk updates it.
      // (The binding stays open: the right tail, if they find it, still binds.)
      if (!tail && OWNER_FILE_OUTDATED.test(text)) {
        // (Kept for a week: the front desk takes days, and a leak meanwhile is filed at this home, unverified.)
        await setState(tx, sender.id, { ...state, ownerFileOutdated: true }, new Date(now.getTime() + 7 * 86_400_000));
        return void (await reply({ key: "bind.owner_file_outdated" })), true;
      }
      // "I don't know the phone, let me ask my landlord", "我问下房东": waiting for the tail, nothing to file.
      if (!tail && ctx.classification?.urgency !== 1 && !parseAddress(text)?.building && TAIL_LATER.test(text) && !A_FAULT_SAID.test(text) && !EN_FAULT.test(text)) {
        return void (await reply({ key: "bind.tail_wait" })), true;
      }
      if (!tail) {
        // "不好意思地址发错了，是3栋2单元801": binding starts again with the corrected home.
        let address = ADDRESS_FIX.test(text) ? parseAddress(text) : null;
        // "不对，是1202": only the room corrected — the building and unit of the home being bound stay.
        const room = ADDRESS_FIX.test(text) && !address?.building ? /(?<!\d)(\d{3,4})(?!\d)/.exec(text)?.[1] : undefined;
        if (room) {
          const asked = await tx.household.findUnique({ where: { id: state.householdId }, include: { building: true } });
          if (asked) address = { building: asked.building.name, unit: address?.unit ?? asked.unit, room };
        }
        if (!address?.building || !address.room) return false;
        await startBinding(ctx, address, state.pendingMessageId, reply);
        return true;
      }
      const result = await checkPhoneTail(tx, { chatUserId: sender.id, householdId: state.householdId, tail, now, settings: ctx.settings });
      if (result.kind === "wrong") return void (await reply({ key: "bind.wrong", params: { tries: result.triesLeft } })), true;
      if (result.kind === "locked") {
        // Still binding this household: the right tail after the lock ends binds without the address again.
        await setState(tx, sender.id, { kind: "bind_phone", householdId: state.householdId, pendingMessageId: state.pendingMessageId }, new Date(result.until.getTime() + BIND_TTL_MS));
        return void (await reply({ key: "bind.locked", params: { until: result.until.toISOString() } })), true;
      }
      await clearState(tx, sender.id);
      const household = await tx.household.findUniqueOrThrow({ where: { id: result.householdId }, include: { building: true } });
      const hk = await housekeeperOfBuilding(tx, household.communityId, household.building.name);
      await reply({ key: "bind.success", params: { address: householdAddress(household), staff: hk?.name ?? "" } });
      if (state.pendingMessageId) await filePendingReport(ctx, state.pendingMessageId, reply);
      // A revisit question the binding interrupted is asked again (the next "1" answers it).
      else await resumeInterruptedRevisit(tx, sender.id, now);
      return true;
    }
    case "bind_address": {
      // "1单元301" after "4栋的": the building said before completes it.
      const said = parseAddress(text);
      // "2单元" / "unit 2" after "8栋602" matched two homes: the unit completes the address.
      const unitOnly = state.building && state.room && !said?.room ? /(\d{1,2})\s*单元|\bunit\s*(\d{1,2})\b|^\s*(\d{1,2})\s*$/i.exec(text) : null;
      if (unitOnly) return void (await startBinding(ctx, { building: state.building!, unit: unitOnly[1] ?? unitOnly[2] ?? unitOnly[3]!, room: state.room! }, state.pendingMessageId, reply)), true;
      let address = !said?.building && state.building ? parseAddress(`${buildingLabel(state.building)}${text}`) : said;
      // "不对，是1102" after "5栋1单元1120" matched no home: the building and unit stay, the room is new.
      if (address?.room && !said?.building && !address.unit && state.unit) address = { ...address, unit: state.unit };
      // "楼号写错了，是8栋" after "7栋2单元301" matched no home: the building corrected, unit and room kept.
      if (said?.building && !said.room && state.room && state.building && said.building !== state.building && text.replace(/\s/g, "").length <= 16) {
        return void (await startBinding(ctx, { building: said.building, unit: said.unit ?? state.unit ?? null, room: state.room }, state.pendingMessageId, reply)), true;
      }
      // "4栋的": a building alone — ask for the rest rather than take it as a report.
      if (address?.building && !address.room && !ctx.inGroup && text.replace(/\s/g, "").length <= 12) {
        await setState(tx, sender.id, { kind: "bind_address", pendingMessageId: state.pendingMessageId, building: address.building }, new Date(now.getTime() + BIND_TTL_MS));
        return void (await reply({ key: "bind.need_room", params: { building: buildingLabel(address.building) } })), true;
      }
      if (!address?.building || !address.room) return false;
      // "Who owns 3-2-1201? Give me the owner's number": a question about that home, not the sender's address.
      if (PERSONAL_DETAILS.test(text) || /\bwho owns\b|谁的房子|房主是谁|业主是谁/i.test(text)) return false;
      await startBinding(ctx, address, state.pendingMessageId, reply);
      return true;
    }
    case "revisit":
      return answerRevisitMessage(ctx, state.ticketId, reply);
    case "revisit_detail": {
      if (RESIDENT_COMMAND.test(text)) return false;
      // "算了 其实修好了" after 不满意: a withdrawal of the reopened work, not more detail for it.
      if (WITHDRAW_CUE.test(text) && !isQuestion(text)) {
        await clearState(tx, sender.id);
        return false;
      }
      const ticket = await addRevisitDetail(tx, { chatUserId: sender.id, ticketId: state.ticketId, text, now });
      await reply({ key: "resident.revisit_detail_thanks", params: { number: ticket.number } });
      return true;
    }
    case "survey": {
      // A survey answer or closing comment (src/services/surveys/answers.ts); anything else ("厨房漏水了")
      // goes on as a normal message. A comment the classifier reads as a repair/complaint is filed as a ticket.
      const step = await answerSurvey(tx, { chatUserId: sender.id, inviteId: state.inviteId, text, intent: ctx.classification?.intent ?? null, now });
      if (step.kind === "ignored") return false;
      if (step.kind === "done" && step.fileTicket && ctx.classification) await fileTicket(ctx, ctx.classification, reply, ctx.messageId);
      else if (step.kind === "reply" && step.fileTicket && ctx.classification) await fileTicket(ctx, ctx.classification, reply, ctx.messageId);
      // "垃圾桶老是有异味，希望每天多清理一次": a wish or a question in the comment still reaches people.
      else if (step.kind === "done" && step.commented && ctx.classification && ["suggestion", "inquiry"].includes(ctx.classification.intent)) await tellHomeStaff(ctx, "staff.survey_comment", { supervisors: true });
      await reply(step.kind === "reply" ? step : await surveyDone(tx, step.inviteId, step.fileTicket ? ctx.ticketId : null));
      return true;
    }
  }
}

/**
 * The phone tail in an answer to "the last four digits?": "4321", "尾号4321", "是4321。", "4 3 2 1", or the
 * whole number on file (its last four digits). Null when the message is something else.
 */
export function phoneTailOf(text: string): string | null {
  const compact = text.replace(/[\s\-—–.。,，!！~～]/g, "");
  const m = /^(?:(?:手机)?(?:号码?)?(?:尾号|后四位|后4位)?(?:是|为)?[:：]?)(\d{4}|1\d{10})(?:的?吧|呀|啊|哦|的)?$/.exec(compact);
  if (m) return m[1]!.slice(-4);
  // "my landlord's number ends in 7702", "the last four are 7702", "尾号是7702的那个": one four-digit
  // number said to be the tail (never a room: a tail word is required).
  const said = /(尾号|后四位|后4位|(房东|业主|户主|我老公|我老婆|我爸|我妈|家里人?|他|她)[^\d，。,]{0,3}(说|讲|告诉我)|(应该|好像|可能|大概)是|\b(landlord|owner|wife|husband|dad|mum|mom|he|she)\b[^\d.]{0,20}\b(says?|said|told me)\b|\bends? (in|with)\b|\blast (four|4)( digits)?\b|\bit'?s\b|\bit is\b)[^\d]{0,12}(?<!\d)(?<tail>\d{4})(?!\d)/i.exec(text);
  return said?.groups && (text.match(/\d+/g) ?? []).length === 1 ? said.groups.tail! : null;
}

/** A revisit answer: "3" / "不太满意" alone, or the answer first and what is still wrong after it. */
/** How many two-character pieces of `a` appear in `b` (which of two tickets a clause is about). */
const overlap = (a: string, b: string) => { let n = 0; for (let i = 0; i + 2 <= a.length; i++) if (/[\u4e00-\u9fff]{2}/.test(a.slice(i, i + 2)) && b.includes(a.slice(i, i + 2))) n++; return n; };

/**
 * "地漏那个挺好的，不臭了。窗户还是有点漏风，不太满意" asked about the drain, with the window also just done:
 * a verdict for each — the drain closed as satisfied, the window reopened as not — rather than both
 * verdicts on the one asked about.
 */
async function answerTwoRevisits(ctx: MessageContext, askedId: number, reply: ReplyFn): Promise<boolean> {
  const sentences = ctx.text.split(/[。；;！!\n]+/).map((x) => x.trim()).filter((x) => x.length >= 4);
  if (sentences.length < 2) return false;
  const verdicts = sentences.map((x) => ({ text: x, answer: parseSatisfactionWithDetail(x)?.answer ?? (STILL_WRONG.test(x) ? 3 : /挺好|很好|不错|好了|没问题|不(臭|漏|响|堵)了|通了|修好了/.test(x) ? 1 : null) }));
  if (verdicts.some((v) => v.answer === null) || new Set(verdicts.map((v) => v.answer)).size < 2 || verdicts.length > 2) return false;
  const done = await ctx.tx.ticket.findMany({ where: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: { in: ["done", "closed"] }, doneAt: { gte: new Date(ctx.now.getTime() - RECENTLY_DONE_MS) } }, orderBy: { id: "desc" }, take: 5 });
  if (done.length < 2 || !done.some((t) => t.id === askedId)) return false;
  const about = verdicts.map((v) => {
    const scored = done.map((t) => ({ t, n: overlap(v.text, t.summary) })).sort((a, b) => b.n - a.n);
    return scored[0]!.n > 0 && scored[0]!.n > (scored[1]?.n ?? 0) ? scored[0]!.t : null;
  });
  if (!about[0] || !about[1] || about[0].id === about[1].id || !about.some((t) => t!.id === askedId)) return false;
  for (let i = 0; i < 2; i++) {
    const t = about[i]!;
    const answer = verdicts[i]!.answer as 1 | 2 | 3;
    ctx.ticketId = ctx.ticketId ?? t.id;
    await answerRevisit(ctx.tx, { chatUserId: ctx.sender.id, ticketId: t.id, answer, now: ctx.now });
    if (answer === 3) {
      await addRevisitDetail(ctx.tx, { chatUserId: ctx.sender.id, ticketId: t.id, text: verdicts[i]!.text, now: ctx.now });
      await reply({ key: "resident.revisit_unsatisfied", params: { number: t.number, reopened: 1 } });
    } else await reply({ key: "resident.revisit_thanks", params: { number: t.number, reopened: 0 } });
  }
  await clearState(ctx.tx, ctx.sender.id);
  return true;
}

async function answerRevisitMessage(ctx: MessageContext, ticketId: number, reply: ReplyFn, lateOnly = false): Promise<boolean> {
  const { text, tx, sender, now } = ctx;
  // "还是漏" / "still leaking" in answer to the revisit: not satisfied, and that is what is still wrong.
  const c = ctx.classification;
  // ("😡😡😡 昨晚又跳了两次": read as chat, but angry and the fault back — not satisfied.)
  const stillWrong = !lateOnly && c && c.urgency !== 1 && STILL_WRONG.test(text) && ((c.intent === "repair" || c.intent === "complaint" || c.intent === "progress") || (/😡|😤|🤬|😠|💢|生气|气死/.test(text) && /又|还是|还在/.test(text)));
  if (!lateOnly && (await answerTwoRevisits(ctx, ticketId, reply))) return true;
  const parsed = parseSatisfactionWithDetail(text) ?? (stillWrong ? { answer: 3 as const, detail: text.trim() } : null);
  if (!parsed) return false;
  const { answer, detail } = parsed;
  const { ticket, reopened, managerTold } = await answerRevisit(tx, { chatUserId: sender.id, ticketId, answer, now });
  if (answer === 3 && detail) {
    // "灯还是一闪一闪的。另外厨房水龙头也在滴水": what is still wrong, then another problem — a ticket of its own.
    const turn3 = /[。，,；;\s]*(另外|还有|对了|顺便|by the way|btw|also)/i.exec(detail);
    const other = turn3 && turn3.index > 0 ? detail.slice(turn3.index).replace(/^[。，,；;\s]+/, "") : "";
    const oc = other ? classifyOffline({ text: other, chat: "direct", mentioned: false }) : null;
    const separate = oc && (oc.intent === "repair" || oc.intent === "complaint") && oc.category && oc.category !== "other" && oc.category !== ticket.category;
    await addRevisitDetail(tx, { chatUserId: sender.id, ticketId, text: separate ? detail.slice(0, turn3!.index) : detail, now });
    await reply({ key: "resident.revisit_detail_thanks", params: { number: ticket.number } });
    if (separate) await fileTicket({ ...ctx, text: other, classification: oc }, oc, reply, ctx.messageId);
    return true;
  }
  // "基本满意吧 就是地上的灰没扫 还有我家厨房的水龙头也有点松了": a comment, then a new problem —
  // the comment kept on this ticket, the problem reported as such.
  const turn = detail && !NEW_PROBLEM_AFTER.test(detail) ? /\s*(还有(就是)?|另外|对了|顺便说一下|顺便)/.exec(detail) : null;
  if (turn && turn.index > 0) {
    const comment = detail.slice(0, turn.index).trim();
    const problem = detail.slice(turn.index).trim();
    const pc = classifyOffline({ text: problem, chat: "direct", mentioned: false });
    if ((pc.intent === "repair" || pc.intent === "complaint") && (NAMES_A_FAULT.test(problem) || pc.confidence >= 0.8)) {
      await addRevisitDetail(tx, { chatUserId: sender.id, ticketId, text: comment, now });
      await reply({ key: "resident.revisit_comment_thanks", params: { number: ticket.number } });
      await fileTicket({ ...ctx, text: problem, classification: pc }, pc, reply, ctx.messageId);
      return true;
    }
  }
  // "挺好的，对了阳台的灯也不亮了": satisfied with this one, and a new problem — reported as such.
  if (detail && NEW_PROBLEM_AFTER.test(detail)) {
    const dc = classifyOffline({ text: detail, chat: "direct", mentioned: false });
    if (dc.intent === "repair" || dc.intent === "complaint") {
      await reply({ key: "resident.revisit_thanks", params: { number: ticket.number, reopened: 0 } });
      await fileTicket({ ...ctx, text: detail, classification: dc }, dc, reply, ctx.messageId);
      return true;
    }
  }
  // "一般般吧，来的有点慢": the comment is kept on the ticket and reaches its owner.
  if (detail) {
    await addRevisitDetail(tx, { chatUserId: sender.id, ticketId, text: detail, now });
    await reply({ key: "resident.revisit_comment_thanks", params: { number: ticket.number } });
    return true;
  }
  await reply({ key: answer === 3 ? "resident.revisit_unsatisfied" : "resident.revisit_thanks", params: { number: ticket.number, reopened: reopened ? 1 : 0, manager: managerTold ? 1 : 0 } });
  return true;
}

/** What follows a revisit answer that turns to another problem ("对了阳台的灯也不亮了"). */
const NEW_PROBLEM_AFTER = /^(对了|另外|还有|顺便|by the way|btw|also|another thing|one more thing)|也(坏|漏|不|没|堵)了?|另(一|外一)个/i;

/** How long after a revisit went unanswered a "不满意" still answers it. */
const LATE_REVISIT_DAYS = 7;
const BARE_LATE_MS = 24 * 3_600_000;

/**
 * "不满意，还是臭" days after the revisit question timed out: still that revisit's answer (the ticket is
 * reopened and the supervisor told), not a new, vague report. Only words that answer a revisit count
 * (a bare "3" is too easily something else), and only for the sender's own unanswered revisit.
 */
async function answerLateRevisit(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  if (!parseSatisfactionWithDetail(ctx.text)) return false;
  // A bare "3" only within a day of the question timing out (later it is too easily something else).
  const bare = /^\s*[123]\s*$/.test(ctx.text);
  const since = new Date(ctx.now.getTime() - (bare ? BARE_LATE_MS : LATE_REVISIT_DAYS * 86_400_000));
  // (Not `satisfaction: null`: a ticket reopened after an unsatisfied answer keeps that answer while its
  // second revisit goes unanswered; what counts is no answer since the question timed out.)
  const timedOut = await ctx.tx.ticketEvent.findMany({
    where: { type: "revisit_no_answer", at: { gte: since }, ticket: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: "done" } },
    orderBy: { at: "desc" }, take: 5,
  });
  for (const e of timedOut) {
    const answered = await ctx.tx.ticketEvent.count({ where: { ticketId: e.ticketId, type: "revisit_answer", at: { gte: e.at } } });
    if (!answered) return answerRevisitMessage(ctx, e.ticketId, reply, true);
  }
  return false;
}

/** The problem a revisit asks about is not fixed: "还是漏", "又坏了", "still leaking", "仲系漏". */
const STILL_WRONG = /还是|还在|仍然|依然|又|没修好|没好|没有好|没解决|still|again|not fixed|仲系|仲未|仲喺/i;

/** A revisit answer alone, or followed by what is still wrong (kept as the detail). */
export function parseSatisfactionWithDetail(text: string): { answer: 1 | 2 | 3; detail: string } | null {
  // "#3 怎么样了", "#2 不用修了": a ticket named by its number is about that ticket, never a 1/2/3 answer.
  if (/[#＃]\s*\d/.test(text)) return null;
  const whole = parseSatisfaction(text);
  if (whole) return { answer: whole, detail: "" };
  // The answer ends at the first punctuation ("not really, still leaking"), or at the first space
  // ("唔满意 仲系漏紧水"), or after a short word glued to the rest ("不满意还是滴水" is not split).
  for (const m of [/^\s*([^，,。.！!、；;：:]{1,20}?)\s*[，,。.！!、；;：:]+\s*([\s\S]+)$/.exec(text), /^\s*(\S{1,12})\s+([\s\S]+)$/.exec(text)]) {
    if (!m) continue;
    const answer = parseSatisfaction(m[1]!);
    if (answer) return { answer, detail: m[2]!.trim() };
  }
  // "修得不错，满意", "…马桶修好以后一直没问题，挺满意的，谢谢师傅": the answer said inside a short reply.
  // ("谈不上满意，柜门还是歪的" is the other answer, with what is still wrong.)
  const negated = /(不|没|谈不上|说不上|称不上|算不上|唔)[^，。,]{0,2}满意/.test(text);
  if (text.length <= 80 && /满意/.test(text) && (negated || !A_FAULT_SAID.test(text.replace(/没问题/g, "")))) {
    const answer = negated ? 3 : /基本满意|比较满意|还算满意/.test(text) ? 2 : 1;
    return { answer, detail: answer === 1 ? "" : text.trim() };
  }
  // "…修好以后到现在一滴都没漏过了，我们老两口都说你们物业现在是越来越好了": the fix held, told as a story.
  if (text.length <= 120 && FIX_HELD.test(text) && !STILL_WRONG.test(text.replace(new RegExp(FIX_HELD.source, "g"), "")) && !A_FAULT_SAID.test(text.replace(new RegExp(FIX_HELD.source, "g"), ""))) return { answer: 1, detail: "" };
  // "It's fine now, the door locks. By the way, the hallway light is out": the answer, then another problem.
  const turnEn = /\b(by the way|btw|also|another thing|one more thing)\b[,:]?\s*/i.exec(text);
  const head = turnEn && turnEn.index > 0 ? text.slice(0, turnEn.index) : text;
  const english = englishSatisfaction(head) ?? (/^\W*(it'?s|its|all) (fine|ok|okay|good|working)( now)?\b/i.test(head) ? 1 : null);
  if (!english) return null;
  // (Unhappy, the rest says what is still wrong; satisfied, what follows "by the way" is kept for a ticket.)
  return { answer: english, detail: english === 3 ? (text.length > 40 ? text.trim() : "") : turnEn && turnEn.index > 0 ? text.slice(turnEn.index).trim() : "" };
}
/** The repair held: "一滴都没漏过", "一直没问题", "再也没堵过". */
const FIX_HELD = /一滴(水)?都没(再)?漏(过)?|没再(漏|坏|堵|响|跳)(过)?|再也没(漏|坏|堵|响|跳)(过)?|一直(都)?没(出)?问题|一直好好的|(用着|现在)(挺|很|都)?(好|正常)(的|了)?|越来越好/;

async function startBinding(ctx: MessageContext, address: { building: string | null; unit: string | null; room: string | null }, pendingMessageId: number | null, reply: ReplyFn) {
  const household = await findHousehold(ctx.tx, ctx.community.id, address);
  const written = addressLabel(address);
  if (!household && (await homesWithoutUnit(ctx.tx, ctx.community.id, address)) > 1) {
    // "Building 8, we're in 602" with a 602 in units 1 and 2: the unit is asked for, building and room kept.
    await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId, building: address.building!, room: address.room! }, new Date(ctx.now.getTime() + BIND_TTL_MS));
    return reply({ key: "bind.need_unit", params: { address: written } }, direct(ctx));
  }
  if (!household) {
    // Still binding: the corrected address that follows ("哦打错了 4栋1单元301") is read as one.
    const kept = address.building ? { building: address.building, ...(address.unit ? { unit: address.unit } : {}), ...(address.room ? { room: address.room } : {}) } : {};
    await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId, ...kept }, new Date(ctx.now.getTime() + BIND_TTL_MS));
    return reply({ key: "bind.unknown_household", params: { address: written } }, direct(ctx));
  }
  if (isLocked(household, ctx.now)) return reply({ key: "bind.locked", params: { until: household.bindLockedUntil!.toISOString() } }, direct(ctx));
  // No phone on file: nothing to check a tail against, so no online binding (and no guessing).
  if (!household.phone) {
    await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId: null, noPhoneHouseholdId: household.id }, new Date(ctx.now.getTime() + BIND_TTL_MS));
    await reply({ key: "bind.no_phone", params: { address: householdAddress(household) } }, direct(ctx));
    // A report kept for the binding is filed now, unverified, rather than lost.
    const msg = pendingMessageId ? await ctx.tx.inboundMessage.findUnique({ where: { id: pendingMessageId } }) : null;
    if (msg && (msg.intent === "repair" || msg.intent === "complaint")) {
      const c: Classification = { intent: msg.intent, category: (msg.category ?? "other") as Classification["category"], urgency: (msg.urgency ?? 3) as 1 | 2 | 3, location: null, confidence: 1, decidedBy: (msg.decidedBy ?? "offline") as Classification["decidedBy"] };
      await fileUnverified({ ...ctx, text: normalizeForDispatch(msg.text, ctx.botName), inGroup: false, replyTo: direct(ctx), messageId: msg.id }, c, reply, msg.id, household, "业主档案无手机号，报事人未核实");
    }
    return;
  }
  await setState(ctx.tx, ctx.sender.id, { kind: "bind_phone", householdId: household.id, pendingMessageId }, new Date(ctx.now.getTime() + BIND_TTL_MS));
  await reply({ key: "bind.ask_tail", params: { address: householdAddress(household) } }, direct(ctx));
}

/** Asks an unbound sender for their address, keeping the report to file once they are bound. */
async function askToBind(ctx: MessageContext, pendingMessageId: number | null, reply: ReplyFn, why: "report" | "fee" | null = null) {
  // Already asked for the phone tail of a home ("对了 我家厨房漏水" / "为什么要尾号？" before answering):
  // the binding goes on — the report is kept for it — and the question is asked again, with its reason.
  if (ctx.state?.kind === "bind_phone") {
    const household = await ctx.tx.household.findUnique({ where: { id: ctx.state.householdId }, include: { building: true } });
    if (household) {
      await setState(ctx.tx, ctx.sender.id, { kind: "bind_phone", householdId: household.id, pendingMessageId: pendingMessageId ?? ctx.state.pendingMessageId }, new Date(ctx.now.getTime() + BIND_TTL_MS));
      // Locked after wrong tails: say so (the message is kept for when binding succeeds), never "reply the tail".
      if (isLocked(household, ctx.now)) return reply({ key: "bind.locked", params: { until: household.bindLockedUntil!.toISOString() } }, direct(ctx));
      return reply({ key: "bind.ask_tail_again", params: { address: householdAddress(household), kept: pendingMessageId ? (why === "fee" ? "fee" : "report") : "" } }, direct(ctx));
    }
  }
  await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId }, new Date(ctx.now.getTime() + BIND_TTL_MS));
  if (ctx.inGroup) await reply({ key: "bind.need_in_group" });
  await reply({ key: why === "fee" ? "bind.ask_address_fee" : pendingMessageId ? "bind.ask_address_pending" : "bind.ask_address" }, direct(ctx));
}

/** After binding, the report that started it becomes a ticket: nothing the resident said is lost. */
async function filePendingReport(ctx: MessageContext, messageId: number, reply: ReplyFn) {
  const msg = await ctx.tx.inboundMessage.findUnique({ where: { id: messageId } });
  if (!msg?.intent || (msg.intent !== "repair" && msg.intent !== "complaint" && msg.intent !== "fee")) return;
  const sender = await ctx.tx.chatUser.findUniqueOrThrow({ where: { id: ctx.sender.id }, include: { residents: { where: { verified: true }, include: { household: { include: { building: true } } } } } });
  const classification: Classification = { intent: msg.intent as Intent, category: (msg.category ?? "other") as Classification["category"], urgency: (msg.urgency ?? 3) as 1 | 2 | 3, location: null, confidence: 1, decidedBy: (msg.decidedBy ?? "offline") as Classification["decidedBy"] };
  const text = normalizeForDispatch(msg.text, ctx.botName);
  const next = { ...ctx, sender: { ...ctx.sender, residents: sender.residents }, text, inGroup: false, replyTo: direct(ctx), messageId };
  // The fee question that started the binding is answered now (in the direct chat).
  if (msg.intent === "fee") return answerFee(next, classification, reply);
  await fileTicket(next, classification, reply, messageId);
}

// ——— resident commands ———

export async function handleResidentCommand(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  const { text } = ctx;
  if (UNBIND.test(text) && !ctx.inGroup) return void (await unbind(ctx, reply)), true;
  // "3栋那套，已经卖掉了" in answer to "which home shall I unlink?": that one.
  if (!ctx.inGroup && ctx.sender.residents.length > 1 && parseAddress(text)?.building && text.length <= 30 && (await lastReplyKey(ctx)) === "bind.unbind_which") return void (await unbind(ctx, reply)), true;
  // "新业主，档案手机号还是原房主的，怎么更新？": how to update the owner file (asked anywhere).
  if (OWNER_FILE_OUTDATED.test(text) && (!ctx.inGroup || ctx.inbound.mentionsSelf)) return void (await reply({ key: "bind.owner_file_outdated" })), true;
  if (PROGRESS_COMMAND.test(text)) return void (await showProgress(ctx, reply)), true;
  if (HELP_COMMAND.test(text)) return void (await reply({ key: "resident.hello" })), true;
  if (BIND_COMMAND.test(text)) return void (await askToBind(ctx, null, reply)), true;
  // An unbound person sending an address (and nothing that needs action) wants to bind — in a direct
  // chat, or @-mentioning the assistant in a group with "绑定" (the rest goes on in the direct chat).
  const address = parseAddress(text);
  const asksToBind = BIND_WORDS.test(text);
  // "4栋的" as a first message from someone unbound: the start of an address — ask for the rest.
  if (address?.building && !address.room && !ctx.inGroup && !verifiedHome(ctx) && addressFiller(text).length <= 2) {
    await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId: null, building: address.building }, new Date(ctx.now.getTime() + BIND_TTL_MS));
    return void (await reply({ key: "bind.need_room", params: { building: buildingLabel(address.building) } })), true;
  }
  if (!address?.building || !address.room || (ctx.inGroup && !(ctx.inbound.mentionsSelf && asksToBind))) return false;
  if (!verifiedHome(ctx)) {
    const c = ctx.classification;
    // ("3栋2单元1201的业主电话多少" asks about someone else: not a binding.)
    const mostlyAddress = !PERSONAL_DETAILS.test(text) && (asksToBind || !c || c.intent === "other" || c.intent === "inquiry" || addressFiller(text).length <= 4);
    // "4-1-301 厨房漏水": the report is kept and filed once bound.
    const report = !asksToBind && (c?.intent === "repair" || c?.intent === "complaint") && addressFiller(text).length > 1 ? ctx.messageId : null;
    if (!mostlyAddress) return false;
    // A report kept from earlier in the binding ("我家热水器打不着火" before a lockout) stays kept.
    const kept = ctx.state?.kind === "bind_address" || ctx.state?.kind === "bind_phone" ? ctx.state.pendingMessageId : null;
    await startBinding(ctx, address, report ?? kept, reply);
    if (ctx.inGroup) await reply({ key: "bind.sent_privately" });
    return true;
  }
  // A bound resident sending the bare address of a home they are not bound to: a second home to bind.
  if (!verifiedHomeAt(ctx, address) && (isBareAddress(text) || asksToBind)) {
    await startBinding(ctx, address, null, reply);
    if (ctx.inGroup) await reply({ key: "bind.sent_privately" });
    return true;
  }
  return false;
}

// Resident commands: the word alone, with trailing punctuation allowed ("进度？").
const END = "[\\s?？!！。.~～]*$";
const PROGRESS_COMMAND = new RegExp(`^(进度|查进度|查询进度|我的报修|我的工单|报修进度|工单进度)${END}|^\\W*(any|my) open (tickets|requests|repairs)\\W*$|\\bhow is (the|my) [^.?]{0,30}(ticket|request|repair) going\\b|\\bstatus of (my|the) (ticket|request|repair)s?\\b`, "i");
const HELP_COMMAND = new RegExp(`^(帮助|help)${END}`, "i");
const BIND_COMMAND = new RegExp(`^(绑定|绑定房屋|房屋绑定|我要绑定)${END}|\\b(how (do|can) i|i want to|i'?d like to|can i) (register|link|bind|connect|add) (my )?(apartment|flat|home|unit|house)\\b`, "i");
/** The owner file still has the previous owner's phone (a home bought, a number changed). */
const OWNER_FILE_OUTDATED = /(原房主|前房主|原业主|前业主|上一任(房主|业主)|以前的房主|老房主|卖家)[^。]{0,12}(手机|电话|号码)|(档案|预留)[^。]{0,10}(手机|电话|号码)[^。]{0,10}(不对|错了|换了|不是我的|是原|还是原|更新|改一下|怎么改|停用|停机|注销|不用了|没用了|以前的|旧的|老的)|(以前|原来|之前|旧)的?(手机|电话)号?(码)?[^。]{0,8}(停用|停机|注销|不用了|没了|丢了)|(手机号|电话号码?)换了[^。]{0,10}(绑定|验证|尾号)/;

/** "解绑", "房子卖了，帮我解除绑定", "我不住这里了，以后别再发给我了": ending the link to a home. */
const UNBIND = /\b(unbind|unlink)\b[^.?]{0,12}\b(home|flat|apartment|me|binding|account)\b|\b(the|our|my) (flat|apartment|home|house) (is|was|has been) sold\b[^.]{0,40}\b(unbind|unlink|remove|stop)\b|解绑|解除绑定|取消绑定|^\s*(我|我们)?(家)?(已经)?(不住(这|这里|这儿)了|搬走了|搬家了|把房子卖了|房子卖了)[\s。.!！~]*$|(房子|房)[^，。]{0,6}(卖了|卖掉了|已经卖|过户了)[^。]{0,20}(解|取消|别再|不用再|不要再)|不住(这|这里|这儿)了[^。]{0,16}(解|别再|不用再|不要再)|^\s*(我|我们)?(已经)?不住(这|这里|这儿)了[，,\s]*(合同到期|租期到了|租约到期|退租|搬走|搬家|房子卖)[^。？?]{0,16}$|以后[^。]{0,16}(不用|别|不要)再?(发|通知|推送)给我/;

/** Unbinds the home the message names (or the only one); several and none named: which, listing them. */
async function unbind(ctx: MessageContext, reply: ReplyFn): Promise<void> {
  const homes = ctx.sender.residents.filter((r) => r.verified).map((r) => r.household);
  if (homes.length === 0) return reply({ key: "bind.unbind_none" });
  const address = parseAddress(ctx.text);
  const named = address?.building ? homes.filter((h) => h.building.name === address.building && (!address.room || h.room === address.room) && (!address.unit || h.unit === address.unit)) : [];
  const home = named.length === 1 ? named[0]! : homes.length === 1 && !address?.building ? homes[0]! : null;
  if (!home) return reply({ key: "bind.unbind_which", params: { homes: homes.map((h) => householdAddress(h)).join("、") } });
  await unbindHome(ctx.tx, ctx.sender.id, home.id);
  // The housekeeper hears it, to update the owner file (a sale, a tenant moving out).
  const hk = await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name);
  const hkUser = hk?.chatUserId ? await ctx.tx.chatUser.findUnique({ where: { id: hk.chatUserId } }) : null;
  if (hkUser) await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: hkUser.platformId }, key: "staff.resident_unbound", params: { address: householdAddress(home), name: ctx.sender.name || ctx.inbound.userName, text: ctx.text.slice(0, 200) }, notBefore: ctx.now });
  await reply({ key: "bind.unbound", params: { address: householdAddress(home) } });
}

export const RESIDENT_COMMAND = new RegExp(`^(进度|查进度|查询进度|我的报修|我的工单|报修进度|工单进度|帮助|help|绑定|绑定房屋|房屋绑定|我要绑定)${END}`, "i");

/** What is left of a message once the address, greetings and "I live at / I am the owner of" are taken out. */
const BIND_WORDS = /绑定|绑(一下|下|上|个)|认证|验证|登记(我家|房屋|房子)|\bbind\b/i;

/** "5栋2单元301" and little else: an address sent to bind a home. */
export function isBareAddress(text: string): boolean {
  const a = parseAddress(text);
  return Boolean(a?.building && a.room) && addressFiller(text).length <= 4;
}

function addressFiller(text: string): string {
  return text
    .replace(/\b(block|blk|building|bldg|tower|unit|flat|room|rm|apt|apartment|no|number|my|home|address|is|it'?s|i|live|in|at|hi|hello|please|bind)\b\.?/gi, "")
    .replace(/(?:帮我|帮忙|给我|请|我要|我想|想|也)?(?:申请)?(?:绑定|绑|认证|验证)(?:一下|下|上)?/g, "")
    .replace(/你好|您好|哈喽|嗨|在吗|请问|麻烦|谢谢|我家|我住|住在|我是|我们是|我们家|我的房子|房子|地址|绑定|房屋|业主|住户|租户|是|在|的|了|呀|啊|哦/g, "")
    .replace(/[\s\d\-栋幢座号楼单元室房#，,。.!！?？:：;；~～、零〇一二两三四五六七八九十百]/g, "");
}

/** Work finished this recently is still "yours" when a resident asks after it. */
const RECENTLY_DONE_MS = 7 * 24 * 3_600_000;
const PROMISE_LABELS = { accept: "受理", onsite: "上门", resolve: "处理完成", feedback: "反馈进展", complete: "处理完成" } as const;

async function showProgress(ctx: MessageContext, reply: ReplyFn) {
  // Every verified home's tickets (an owner of two homes sees both).
  const homeIds = ctx.sender.residents.map((r) => r.householdId);
  const tickets = await ctx.tx.ticket.findMany({
    where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, OR: [{ reporterId: ctx.sender.id }, linkedReporter(ctx.sender.id), ...(homeIds.length ? [{ householdId: { in: homeIds } }] : [])] },
    include: { assignee: true }, orderBy: { number: "asc" }, take: 20,
  });
  if (tickets.length === 0) {
    // "3栋电梯还没修好吗" from someone who did not report it: the building's open incident, and they are
    // told when it is fixed like its reporters.
    const asked = await publicFaultAskedAbout(ctx);
    if (asked) {
      await linkToIncident(ctx.tx, asked, ctx.sender.id, ctx.text, ctx.now);
      ctx.ticketId = asked.id;
      await reply({ key: "resident.incident_linked", params: { number: asked.number, place: asked.place, summary: asked.summary.slice(0, 40), intent: asked.intent } }, direct(ctx));
      if (ctx.inGroup) await reply({ key: "resident.progress_sent_privately" });
      return;
    }
    // Nothing open, but work finished lately ("换下来的旧阀芯你们拿走了吗？" while its revisit waits):
    // say it was done, and a question about it reaches whoever did it.
    const recent = await ctx.tx.ticket.findFirst({
      where: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: { in: ["done", "closed"] }, doneAt: { gte: new Date(ctx.now.getTime() - RECENTLY_DONE_MS) } },
      include: { assignee: true }, orderBy: { doneAt: "desc" },
    });
    if (recent && !ctx.inGroup && !PROGRESS_COMMAND.test(ctx.text)) {
      await addResidentDetail(ctx.tx, recent, ctx.sender.id, ctx.text, ctx.now);
      ctx.ticketId = recent.id;
      return reply({ key: "resident.recently_done", params: { number: recent.number, summary: recent.summary.slice(0, 30), doneAt: recent.doneAt!.toISOString(), staff: recent.assignee?.name ?? "" } });
    }
    return reply({ key: "resident.progress_none" }, ctx.inGroup ? direct(ctx) : ctx.replyTo);
  }
  const lines: string[] = [];
  const items: ProgressItem[] = []; // the same, for the English text (texts/english.ts)
  for (const t of tickets) {
    // The next promised time (no silent waits), or the time agreed with the resident.
    const promise = t.waitingUntil ? null : await nextPromise(ctx.tx, t);
    const next = t.waitingUntil
      ? `　已约定 ${formatRelative(t.waitingUntil, ctx.now, ctx.tz)} 处理`
      : promise ? `　预计 ${formatRelative(promise.at, ctx.now, ctx.tz)} 前${PROMISE_LABELS[promise.step]}` : "";
    // A neighbour's report the sender joined (a public fault) is named by its place: its words may carry
    // the reporter's name, phone or ID number.
    const ours = t.reporterId === ctx.sender.id || (t.householdId !== null && ctx.sender.residents.some((r) => r.householdId === t.householdId));
    const summary = ours ? maskIds(t.summary).slice(0, 30) : t.place;
    items.push({ number: t.number, intent: t.intent, category: t.category ?? "other", status: t.status, staff: t.assignee?.name ?? "", createdAt: t.createdAt.toISOString(), waitingUntil: t.waitingUntil?.toISOString(), promiseAt: promise?.at.toISOString(), promiseStep: promise?.step });
    lines.push(`#${t.number} ${intentLabel(t.intent)}·${categoryLabel(t.category ?? "other")}：${summary}\n  状态：${statusLabel(t.status)}　负责人：${t.assignee?.name ?? "物业服务中心"}　登记于 ${formatRelative(t.createdAt, ctx.now, ctx.tz)}${next}`);
  }
  // Progress names the household's tickets: only ever in a direct chat.
  await reply({ key: "resident.progress", params: { lines: lines.join("\n"), items: JSON.stringify(items) } }, direct(ctx));
  if (ctx.inGroup) await reply({ key: "resident.progress_sent_privately" });
}

// ——— intents ———

type IntentHandler = (ctx: MessageContext, c: Classification, reply: ReplyFn) => Promise<void>;

const INTENT_HANDLERS: Record<Intent, IntentHandler> = {
  repair: (ctx, c, reply) => fileTicket(ctx, c, reply, ctx.messageId),
  complaint: (ctx, c, reply) => fileTicket(ctx, c, reply, ctx.messageId),
  fee: answerFee,
  progress: async (ctx, _c, reply) => {
    // "客厅吊顶还在渗水，昨天报的还没人来修": asking after an unfixed problem is reporting it again.
    const home = verifiedHome(ctx);
    // "怎么还没人来？？孩子在里面一直哭": chasing an emergency nobody has taken yet is said to its staff
    // at once (as a repeat report), not only answered with the ticket's status.
    const repeat = (await findRepeatByText(ctx.tx, { text: ctx.text, communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdId: home?.id ?? null }))
      ?? (asksAfterTicket(ctx.text) ? await untakenEmergencyOf(ctx) : null);
    if (!repeat) return showProgress(ctx, reply);
    ctx.ticketId = repeat.id;
    await recordRepeatReport(ctx.tx, repeat, ctx.sender.id, ctx.text, ctx.now);
    await reply({ key: "resident.repeat_report", params: { number: repeat.number, place: repeat.place, summary: repeat.summary.slice(0, 40), intent: repeat.intent } }, direct(ctx));
    if (ctx.inGroup) await reply({ key: "resident.progress_sent_privately" });
  },
  inquiry: async (ctx, c, reply) => {
    const home = verifiedHome(ctx);
    // "停电了什么时候来电" during an announced power cut: the notice is the answer.
    const groupBuilding = ctx.inGroup && !c.location?.building ? await singleBuildingOfGroup(ctx) : null;
    if (await answerFromOutageNotice(ctx, c, c.location?.building ?? groupBuilding ?? home?.building.name ?? null, ctx.messageId)) return;
    // "3栋电梯还不能用吗" while the building's lift is being fixed: that incident, and told when it is fixed.
    const asked = FAULT_STATE_ASKED.test(ctx.text) ? await publicFaultAskedAbout(ctx) : null;
    if (asked) {
      if (asked.reporterId !== ctx.sender.id) await linkToIncident(ctx.tx, asked, ctx.sender.id, ctx.text, ctx.now);
      ctx.ticketId = asked.id;
      await reply({ key: "resident.incident_linked", params: { number: asked.number, place: asked.place, summary: asked.summary.slice(0, 40), intent: asked.intent } }, direct(ctx));
      if (ctx.inGroup) await reply({ key: "resident.progress_sent_privately" });
      return;
    }
    await logUnanswered(ctx, c);
    // The answer promises a reply from the housekeeper (or the service centre): they are told the question.
    const { housekeeper } = await tellHomeStaff(ctx, "staff.inquiry");
    await reply({ key: "resident.inquiry", params: { staff: housekeeper ?? "" } });
  },
  suggestion: async (ctx, c, reply) => {
    await logUnanswered(ctx, c);
    for (const s of await supervisorsOf(ctx.tx, ctx.community.id)) {
      if (s.chatUser) await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.suggestion", params: { place: placeName(ctx), text: ctx.text.slice(0, 500) }, notBefore: ctx.now });
    }
    await reply({ key: "resident.suggestion" });
  },
  praise: async (ctx, c, reply) => {
    // A bare "谢谢" / "👍" after a reply is courtesy, not praise to pass on.
    if (ACKNOWLEDGEMENT.test(ctx.text)) return ctx.inGroup && !ctx.inbound.mentionsSelf ? undefined : reply({ key: "resident.ack" });
    await logUnanswered(ctx, c);
    const home = verifiedHome(ctx);
    const hk = home ? await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name) : null;
    const hkUser = hk?.chatUserId ? await ctx.tx.chatUser.findUnique({ where: { id: hk.chatUserId } }) : null;
    if (hkUser) await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: hkUser.platformId }, key: "staff.praise", params: { place: placeName(ctx), text: ctx.text.slice(0, 500) }, notBefore: ctx.now });
    await reply({ key: "resident.praise" });
  },
  other: async (ctx, _c, reply) => {
    // Chit-chat in a group gets no answer unless the assistant was addressed. "好的", "收到", "谢谢",
    // "👍" after a reply close the exchange: a word back, not the introduction again.
    if (ctx.inGroup && !ctx.inbound.mentionsSelf) return;
    await reply({ key: ACKNOWLEDGEMENT.test(ctx.text) ? "resident.ack" : "resident.hello" });
  },
};

export async function handleIntent(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<void> {
  // "已交" / "金额不对" right after a fee reminder answers it, whatever the classifier made of it.
  if (await answerFeeReminderReply(ctx, c, reply)) return;
  // "还有9栋2单元1101那套，我表哥家的" right after a fee question: another home's fees, asked again.
  if (c.intent !== "fee" && c.intent !== "repair" && c.intent !== "complaint" && c.location?.room && !verifiedHomeAt(ctx, c.location) && /那套|家的|呢|家呢/.test(ctx.text) && (await lastMessageWasAbout(ctx, "fee"))) {
    return reply({ key: "fee.others_private" });
  }
  // "我家面积是89平，按这个算不是200" while the household's fee question is open: more on it.
  if (await addToOpenFeeQuestion(ctx, c, reply)) return;
  // "停水了吗？什么时候来水" asked during an announced water cut (read as a question, a progress or
  // even a fee question): the notice answers it, as it answers a report of the cut.
  const askedOutage = reportedOutages(ctx.text, c.category);
  if (c.intent !== "repair" && c.intent !== "complaint" && c.urgency !== 1 && (askedOutage.length > 0 || HOW_LONG_CUT.test(ctx.text))) {
    const home = verifiedHome(ctx);
    const building = c.location?.building ?? (ctx.inGroup ? await singleBuildingOfGroup(ctx) : null) ?? home?.building.name ?? null;
    // "3栋还要停多久？": no supply named — whichever cut is announced there answers it.
    const asked = askedOutage.length > 0 ? [c] : (["water", "electricity", "gas"] as const).map((category) => ({ ...c, category }));
    for (const q of asked) if (await answerFromOutageNotice(ctx, q, building, ctx.messageId)) return;
    // "明天停水到几点？" the evening before: the coming cut's notice.
    if (UPCOMING_ASKED.test(ctx.text)) for (const q of asked) if (await answerOutageReport(ctx.tx, { communityId: ctx.community.id, text: ctx.text, intent: q.intent, category: q.category, building, groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, messageId: ctx.messageId, to: ctx.replyTo, now: ctx.now }, true)) return;
    // "怎么还没来电？不是说12点吗" while the building's outage is a ticket: that ticket, told when it is back.
    const kind = askedOutage[0];
    const incident = building && kind ? await buildingOutageIncident(ctx, building, kind === "power" ? "electricity" : kind) : null;
    if (incident) {
      const t = incident.ticket;
      ctx.ticketId = t.id;
      if (t.reporterId !== ctx.sender.id) await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
      const params = { number: t.number, place: t.place, summary: t.summary.slice(0, 40), intent: t.intent };
      if (ctx.inGroup && !(await groupToldRecently(ctx, t.id))) {
        await reply({ key: "resident.linked_group", params });
        await rememberGroupTold(ctx, t);
      }
      return reply({ key: "resident.incident_linked", params }, direct(ctx));
    }
    // …and as the first report of it, past the announced end: the outage overrunning, filed as such.
    if (kind && !otherDanger(ctx.text) && (await overranOutageNotice(ctx.tx, { communityId: ctx.community.id, text: ctx.text, intent: "repair", category: kind === "power" ? "electricity" : kind, building, groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, now: ctx.now }))) {
      return fileTicket(ctx, { ...c, intent: "repair", category: kind === "power" ? "electricity" : kind }, reply, ctx.messageId);
    }
  }
  // "啥时候能来修啊 等半天了" from someone with an open ticket asks after it, whatever the label.
  if (c.intent !== "progress" && c.urgency !== 1 && asksAfterTicket(ctx.text) && (await hasOpenTicket(ctx))) return INTENT_HANDLERS.progress(ctx, c, reply);
  // "#2" alone: where that ticket stands (only the sender's own tickets are ever shown).
  if (/^\s*#\s*\d+\s*$/.test(ctx.text)) return INTENT_HANDLERS.progress(ctx, c, reply);
  // "what should we do now?? the kids are asleep" minutes after reporting a danger: that danger's advice
  // again, and the words to its owner — not a new ticket, not "I cannot answer".
  if (await adviseOnOpenEmergency(ctx, reply)) return;
  if (await newsOfOpenEmergency(ctx, c, reply)) return;
  // "+1 我家也是" alone in the group after a neighbour's public report: joined to it (told when it is fixed).
  // ("我家也还没水" without a mention, read as chat: the same, when it names the supply gone.)
  // ("我家也不热，暖气片是凉的" after the building's heating was reported: the same.)
  if (ctx.inGroup && (ME_TOO_ONLY.test(ctx.text) || ctx.joinOnly || (ME_TOO.test(ctx.text) && (reportedOutages(ctx.text, null).length > 0 || HEATING_OFF.test(ctx.text)) && c.intent !== "repair" && c.intent !== "complaint"))) {
    const outage = reportedOutages(ctx.text, null);
    const groupBuilding = outage.length ? await singleBuildingOfGroup(ctx) : null;
    const building = groupBuilding ?? verifiedHome(ctx)?.building.name ?? null;
    const incident = (await incidentReportedInGroup(ctx, null, true)) ?? (building ? await buildingOutageIncident(ctx, building, outage[0] === "power" ? "electricity" : outage[0] ?? null) : null);
    if (incident) {
      const t = incident.ticket;
      ctx.ticketId = t.id;
      await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
      // (A building's outage joined from its group: the group hears the number once, and that it is back.)
      if (!ME_TOO_ONLY.test(ctx.text) && !(await groupToldRecently(ctx, t.id))) {
        await reply({ key: "resident.linked_group", params: { number: t.number, place: t.place, summary: t.summary.slice(0, 40), intent: t.intent } });
        await rememberGroupTold(ctx, t);
      }
      return void (await reply({ key: "resident.incident_linked", params: linkParams(ctx, t) }, direct(ctx)));
    }
    // (Agreeing with nobody's open report: chat.)
    if (ctx.joinOnly) return;
  }
  // "刚才在群里说的，现在滴得越来越快了" (read as chat): more on the ticket the group message made.
  if (c.intent !== "repair" && c.intent !== "complaint" && c.urgency !== 1) {
    const fromGroup = await reportFromGroup(ctx);
    if (fromGroup) {
      ctx.ticketId = fromGroup.id;
      const r = await addResidentDetail(ctx.tx, fromGroup, ctx.sender.id, ctx.text, ctx.now);
      return void (await reply({ key: "resident.detail_added", params: { number: fromGroup.number, staff: r.staff } }));
    }
  }
  // "不用修了，已经好了" / "补充一下，是主卧的" about a ticket the sender already has, whatever the label.
  if (await handleTicketFollowUp(ctx, c, reply)) return;
  // "3栋2单元1201的业主叫什么 电话多少": another household's name or phone is never given out — but a
  // complaint that came with the request ("楼上天天蹦迪…把他家电话给我") is still filed for the housekeeper.
  if (asksForSomeonesDetails(ctx, c)) {
    await reply({ key: "resident.details_private" });
    // "把报警的人告诉我，我要找他算账": a threat against whoever reported — the staff must know.
    if (/算账|收拾(他|她)|弄死|揍(他|她)|打(他|她)一顿|让(他|她)好看|报复/.test(ctx.text)) {
      await tellHomeStaff(ctx, "staff.threat_to_reporter", { supervisors: true });
      return void (await logUnanswered(ctx, c));
    }
    // ("3栋1101业主电话多少 我有个快递放错他家门口了" names no fault: nothing to file.)
    // ("孟先生电话打不通，给我一下他的号码": a phone not answering is no fault of the building.)
    // ("刚才是不是701又投诉我家漏水了？谁报的你告诉我": asking about a complaint against oneself reports nothing.)
    if (WHO_COMPLAINED.test(ctx.text) || (c.intent !== "repair" && c.intent !== "complaint") || !c.category || c.category === "other" || !A_FAULT_SAID.test(ctx.text.replace(/(电话|手机)[^，。]{0,4}(打不通|没人接|不接|关机|占线|联系不上)|联系不上/g, ""))) return void (await logUnanswered(ctx, c));
  }
  // A city-wide water cut, a broadband fault, a private loan: whom to turn to (DOMAIN.md), still logged.
  // A city's outage is graded 1 (the whole community is without water), yet the fix is the utility's.
  const elsewhere = NOT_OURS_INTENTS.has(c.intent) ? outsideOffice(ctx.text) : null;
  if (elsewhere && (c.urgency !== 1 || elsewhere === "water_utility" || elsewhere === "power_utility")) return answerNotOurs(ctx, c, elsewhere, reply);
  await INTENT_HANDLERS[c.intent](ctx, c, reply);
}

/** Asking for a person's name, phone or WeChat — someone else's, not one's own ("我的手机号换了"). */
const PERSONAL_DETAILS = /(报修|报|投诉)的(那家|那户|人|那个人)[^。]{0,6}(几楼|几号|哪|谁|电话)|(是)?谁(家)?报的|(查|要|问)[^。]{0,16}(业主|住户|房主|户主)[^。]{0,4}(名字|姓名|电话|手机|联系方式)|(叫什么|名字|姓名|电话|手机|联系方式|微信|\b(name|phone|number|wechat|contact)\b)[^。]{0,10}(发我|发给我|发一下|发下|发过来|告诉我|给我|多少|是什么|是啥|查一下|查查|列出来|列出|列一下|导出|\?|？)|(查|问)[^。]{0,3}[^。]{0,8}(家|的)(门牌号?|房号|住址|住哪)|(门牌号?|房号|住址)[^。]{0,4}(多少|是多少|告诉我|给我|发我)|住(在)?哪(一)?(栋|户|家|里)|住的是谁|是谁住|谁住在|\bwho lives\b|(给我|告诉我|发我)[^。]{0,12}(电话|手机|联系方式|微信|名字)|\b(what'?s|give me|send me)\b[^.]{0,30}\b(phone|number|name|wechat)\b/i;
const WHOSE = /谁家|谁报|报的(那家|那户|人)|他家|她家|家(门牌|住址|房号)|业主|住户|房主|户主|邻居|这家|那家|楼上|楼下|隔壁|对门|\d{3,4}\s*(室|的|住|家|是谁)|\b(owner|neighbou?r|resident|tenant)\b/i;
/** Not knowing the phone tail yet: asking someone, looking it up. */
const TAIL_LATER = /不知道|不记得|忘了|问(一?下|问)?(房东|业主|家里|我老公|我老婆|我爸|我妈|家人)|查(一?下|查)|等(一?下|会)|稍等|\b(don'?t know|not sure|no idea|ask (my|the)|check with|let me (ask|check)|forgot|can'?t remember|later)\b/i;
/** A fault said in English. */
const EN_FAULT = /\b(leak\w*|broken|blocked|flood\w*|fire|smoke|gas|sparks?|stuck|trapped|no (water|power|electricity|heating)|not working|doesn'?t work)\b/i;
/** Something wrong said in words (narrower than the classifier's PROBLEM_WORD, which counts "门" and "电"). */
const A_FAULT_SAID = /坏|漏|堵|断|渗|滴水|冒|裂|塌|淹|吵|噪|闹|臭|脏|满出来|溢出|味道(很|太|特别)?(大|重|冲)|没人(清|管|收|扫|修)|偷|撬|砸|不亮|不通|不灵|打不|停水|停电|没水|没电|蹦迪|电钻|危险|占了|挡了/;
/** Asking who complained about oneself, or for the complaint's words. */
// "是哪家报的漏气？几楼几号？", "刚才报电梯的是哪家？把他电话发我": who reported is the office's to know.
const WHO_REPORTED = /(把|将)?报(警|修|事)?的(人|那家|那户|那个人)[^。？?]{0,6}(告诉|发|给)(我|一下)|(谁|哪家|哪户|哪个|哪位)[^。？?,，]{0,3}报的|报[^。？?,，]{0,4}的(人)?(是)?(哪家|谁|哪户|哪位|几楼几号)|\bwho (called|reported) (it|this|that)\b/i;
const WHO_COMPLAINED = /是不是[^。？?]{0,10}(投诉|举报|告|反映)(的|了|我|我们|我家)|投诉人的?(名字|姓名|电话|手机|是谁)|(把|将)(他|她|他们|她们|那家|对方)的?投诉|(谁|哪个|哪位|哪家|哪户)[^。？?]{0,6}投诉(的|了)?(我|我家|我们)?|投诉(我|我家|我们家)的(是谁|人|是哪)|把投诉(的)?(内容|人|记录)[^。]{0,4}(发|给|告诉)|\bwho (complained|reported)\b/i;
/** "把我们楼欠费的都列出来", "哪几户没交物业费": other households' arrears. */
// ("602家欠了多少啊": a flat that is not the sender's, named with its debt.)
const ARREARS_OF_OTHERS = /(欠费|欠钱|没交|老赖)[^。]{0,10}(列出来|列一下|名单|是谁|哪几户|哪些户|公布|曝光)|(谁家|哪家|哪几户|哪些户|哪些人)[^。]{0,6}(欠费|没交|欠)|(?<![我\d-]|单元|栋|号楼|幢|座)\d{3,4}(家|那家|那户)[^。，,]{0,4}(欠了?多少|欠了?几个月|欠没欠|交没交|交了没|欠费了?吗)/;
function asksForSomeonesDetails(ctx: MessageContext, c: Classification): boolean {
  // "是哪个邻居投诉的？把投诉内容发我看看": who complained is never told (staff know; the neighbour must not).
  if (WHO_COMPLAINED.test(ctx.text) || WHO_REPORTED.test(ctx.text)) return true;
  // "电梯里贴了欠费名单…物业怎么能把业主隐私贴出来？我要投诉": a grievance about data, not a request for anyone's details.
  if (/投诉|举报|给个说法|曝光|侵犯|泄露/.test(ctx.text) && !/(发我|发给我|告诉我|给我)[^。]{0,8}(电话|手机|名字|联系方式)/.test(ctx.text)) return false;
  if (ARREARS_OF_OTHERS.test(ctx.text) && !/我家|我们家/.test(ctx.text)) return true;
  if (c.urgency === 1 || !PERSONAL_DETAILS.test(ctx.text) || !WHOSE.test(ctx.text)) return false;
  // Their own home named ("我家1201的…") or their own details ("我的手机号") is not someone else's.
  if (/我的(手机|电话|名字|微信)|我(手机|电话)换|换号/.test(ctx.text)) return false;
  return !(c.location?.building && c.location.room && verifiedHomeAt(ctx, c.location));
}

const ACKNOWLEDGEMENT = /^(?![\s啊呀哈啦嘞!！.。~～]*$)\s*(?:[\s,，]*(?:好的?|好滴|好嘞|好吧|收到|知道了|明白了?|了解|行|嗯+|哦+|ok|okay|谢谢|谢啦|谢了|多谢|感谢|辛苦了?|麻烦了|赞|👍|🙏|👌|好使了?|好用了|能用了|可以了|没问题了|搞定了|老妹儿?|老铁|兄弟|师傅|亲|大哥|大姐|美女|帅哥|啊|呀|哈+|啦|嘞|哈哈|thanks?|thank\s*you(?:\s*so\s*much|\s*very\s*much)?|thx|cheers|got\s*it|noted|great|cool|alright|sure|many\s*thanks|see\s*you(\s*then)?))+[\s!！。.~～呀啊哈的了]*$/i;

const NOT_OURS_INTENTS: ReadonlySet<Intent> = new Set(["repair", "complaint", "inquiry", "other"]);

async function answerNotOurs(ctx: MessageContext, c: Classification, who: Elsewhere, reply: ReplyFn) {
  await logUnanswered(ctx, c);
  const home = verifiedHome(ctx);
  const hk = home ? await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name) : null;
  // Nothing private in it: answered where it was asked.
  await reply({ key: "resident.not_ours", params: { who, staff: hk?.name ?? "" } });
  // A city outage touches every household: the office hears of it too (to post a notice), as information.
  if (who === "water_utility" || who === "power_utility" || who === "gas_utility") await tellHomeStaff(ctx, "staff.city_outage");
}

/** Asking when someone comes, or why nobody has: about a ticket already reported. */
const ASKING_AFTER = /的事(情)?[^。？?]{0,4}(到底)?(咋样|怎么样|怎样|如何)了?|(什么时候|啥时候|哪天|几点|多久|多长时间)(能|才|会|可以|再)?(来|过来|上门|修|到|处理|派人|联系)|(怎么|咋|为什么|为啥)还没(有)?(人|来|修|联系|动静|消息|回复|处理)|还没(有)?人(来|联系|管|理)|等(了)?(半天|好久|很久|一天|一上午|一下午|一整天)|给个准话|到底(哪天|什么时候|啥时候|几点|来不来)|\b(any (update|news)|when (will|is|are|can) (someone|the|you|they)|still waiting)\b/i;
/** …unless it names a problem too ("厨房灯坏了 什么时候能来修" is a report). */
/** Something named that could be at fault (a thing or a place), not only how bad it is ("又坏了？？"). */
const NAMES_THING = /水|电|气|灯|梯|门|锁|窗|墙|顶|管|路|车|树|草|垃圾|狗|猫|噪|吵|装修|楼道|楼梯|卫生间|厨房|马桶|空调|网|监控|道闸|井|\b(lift|elevator|light|lamp|door|gate|water|power|gas|pipe|toilet|bin|rubbish|trash|car|dog|noise)\b/i;
const NAMES_A_FAULT = /坏|漏|堵|不亮|没水|没电|裂|掉|异响|臭|不通|不出水|故障|停了|进不了|进不去|出不去|\b(broken|leak\w*|blocked|not working)\b/i;
function asksAfterTicket(text: string): boolean {
  // ("小区规定装修施工时间是几点到几点？": a rule asked about, not a visit chased.)
  if (/规定|几点到几点|允许|能不能|可不可以|可以吗/.test(text)) return false;
  const m = ASKING_AFTER.exec(text);
  return Boolean(m) && !NAMES_A_FAULT.test(text.replace(m![0], ""));
}
/** "我们单元", "本单元": the sender's own unit of their building. */
const OUR_UNIT = /(我们|咱们|我家|我这)(这个?)?单元|本单元/;

/** The sender's own grade-1 report of the last 6 hours that nobody has accepted yet, or null. */
async function untakenEmergencyOf(ctx: MessageContext) {
  return ctx.tx.ticket.findFirst({
    where: { communityId: ctx.community.id, reporterId: ctx.sender.id, urgency: 1, status: { in: ["open", "reopened"] }, acceptedAt: null, createdAt: { gte: new Date(ctx.now.getTime() - 6 * 3600_000) } },
    orderBy: { id: "desc" },
  });
}
async function hasOpenTicket(ctx: MessageContext): Promise<boolean> {
  const open = await openTicketsOf(ctx.tx, { communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdIds: ctx.sender.residents.map((r) => r.householdId), linked: true });
  return open.length > 0;
}

/** The resident withdraws a request: "不用来了", "自己弄好了", "取消报修", "never mind, it works now". */
const WITHDRAW_CUE = /其实(已经)?(修|弄|搞)?好了|其实没(事|问题)了|不用(再)?(来|修|弄|处理|上门|派人|麻烦)|不需要(再)?(来|修|维修|处理|上门|派人)|无需(再)?(来|修|维修|处理|上门)|(取消|撤销|撤回)(我的|刚才的?|这个|那个)?(报修|工单|维修|投诉|预约|单子)|^(取消|撤销)[\s!！。.]*$|(已经|自己|自行)(修|弄|搞|处理|通|解决)?(好|掂)了|已经解决了|已经没事了|唔(使|洗|驶)(嚟|来|整|修)|(整|搞)(好|掂)咗|no need (to come|for (the )?repair)|never ?mind|cancel (the |my )?(repair|request|ticket)|fixed it myself|(it'?s|it is) (fixed|fine|working) now|works now/i;
/** More about a problem already reported: "补充一下", "忘了说", "forgot to mention". */
/** How the visit should go: "来之前麻烦给我打个电话", "家里有老人在", "狗会关好". */
const VISIT_REQUEST = /(来之前|上门前|到了|来的时候|进门前|出发前)[^。]{0,8}(打(个)?电话|联系我|说一声|敲门|按门铃|发(个)?消息)|(可以|请|直接)?打(我|我爱人|我老公|我老婆|我家人|我儿子|我女儿)[^，。]{0,6}的?(电话|手机)|家里(只)?有(老人|小孩|孩子|宝宝|狗|猫)|(狗|猫)[^，。]{0,4}(关好|拴好|关起来)|(换|穿|带)鞋套/;
const DETAIL_CUE = /^(就是这个|就是这里|你看(一下|下)?|这个就是|照片(上|里)|图(上|里)|补充(一下|说明|一句|下)?|再补充|忘了说|忘记说了?|漏了说|对了|forgot to (mention|say)|p\.?s\.?|to add)/i;
/** "是卫生间的" just after a report that named no room: where it is, amending the report. */
const ROOM_ONLY = /^(是|在)(我家)?的?(厨房|卫生间|洗手间|厕所|浴室|客厅|卧室|主卧|次卧|阳台|书房|儿童房)(的|里|里面|那个|那边)?[。！!~～]*$/;
/** "还是来修吧", "还是要修": a repair called off, wanted after all. */
const RESTORE_CUE = /还是(来|过来|上门|派人)?修|还是要修|还是得修|还是(麻烦|请)?(你们)?(来|过来)(修|看看|一趟)|还是派(个)?人|还是需要(修|维修|处理)/;
/** The resident corrects what they just reported: "不对，是卫生间不是厨房", "说错了，是1202". */
const CORRECTION_CUE = /^(刚才|刚刚|前面|上面)?(我)?(不对|不是不是|说错了|我说错了|写错了|打错了|搞错了|更正(一下)?|纠正(一下)?|sorry[,，]?\s*(i meant|it'?s))|^(应该)?是[^，。]{1,8}(而)?不是[^，。]{1,8}[。!！]?$/i;
/** "搞错了，没着火", "电梯里没人，是我看错了": an urgent report called off as a false alarm. */
const FALSE_ALARM = /搞错了|看错了|听错了|误报|虚惊一场|没(有)?着火|不是着火|没(有)?漏气|不是漏气|没人(被)?困|里面没人|没有人(被)?困|\bfalse alarm\b/i;
/** How long after a report a correction is taken as one (later it is a detail). */
const CORRECTION_WINDOW_MS = 60 * 60_000;
/** …unless it introduces another problem ("补充一下，客厅灯也坏了"). */
const ANOTHER_PROBLEM = /也(坏|漏|不|没|堵|有)|另(一|外一)个|还有一个|another|also broken/i;
const isQuestion = (text: string) => /[吗嘛么]\s*[?？]?\s*$|[?？]\s*$/.test(text);

/** Moving an agreed visit: "改到明天下午", "那天我不在家", "推迟一天". */
/** A day or a time of day said: "下午3点", "明天", "周六上午". */
const TIME_SAID = /今天|今晚|明天|后天|周[一二三四五六日末]|星期[一二三四五六日天]|上午|下午|晚上|\d+\s*点|[一二三四五六七八九十两]+点/;
/** A time offered for the visit: "明天下午再来吧", "周六上午来可以". */
const VISIT_OFFERED = /(今天|今晚|明天|后天|周[一二三四五六日末]|星期[一二三四五六日天]|上午|下午|晚上|\d+\s*点)[^。]{0,8}(再来|过来|来吧|来可以|来行|上门|家里有人|家里有空|在家|有人在家|有空)/;
/** How to get in or reach someone at the visit: "到了直接敲门，门铃坏了", "打我爱人电话". */
const ACCESS_DETAIL = /敲门|门铃|打(我|他|她)[^，。]{0,6}电话|钥匙|密码|保姆|阿姨在家|老人在家|狗|放在|物业前台|楼下等|\d{11}/;
/** "周六确定会来吧？": asking whether the agreed visit stands, not moving it. */
const CONFIRMS_VISIT = /确定|确认一下|是不是|会来(吗|吧|的吧)|对吧|没错吧|还来(吗|吧)|来(吗|吧)[?？]|几点(来|到)?[?？]|什么时候(来|到)[?？]?|哪天来/;
const RESCHEDULE_CUE = /改(到|成|在|约|时间|天|期)|换(到|个时间|一天|个日子)|推迟|延后|往后推|提前到|不在家|没空|来不了|约(到|在)|临时(有事|要)|要陪|去医院|\b(reschedule|another time|not (be )?(at )?home|nobody('?s| is)? (at )?home|no one('?s| is)? (at )?home|come (at|on|later|tomorrow|in the)|instead|no good)\b/i;

/** "电梯自己好了", "已经恢复了": the fault is gone — a shared one may be called off too. */
const WORKS_AGAIN = /自己(又)?好了|(已经|又)(好了|恢复了|能用了|正常了)|(恢复|能用)了|没事了/;

/** How long after reporting in a group a reporter's "搞错了" there still calls the report off. */
const GROUP_CALL_OFF_MS = 3 * 3600_000;

/**
 * "搞错了 是隔壁在烧烤" in the group where the sender reported smoke (mentioned or not): their own recent
 * report called off, as in a direct chat — the manager and supervisors told of a withdrawn emergency.
 * The details go by direct message; the group hears one line. False when there is nothing to call off.
 */
export async function callOffInGroup(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  const c = ctx.classification;
  if (!ctx.inGroup || ctx.sender.staff || (c && c.urgency === 1) || isQuestion(ctx.text)) return false;
  if (!(WITHDRAW_CUE.test(ctx.text) || FALSE_ALARM.test(ctx.text)) || /(还是|还没|仍然|依然|又)/.test(ctx.text)) return false;
  const named = /#\s*(\d+)/.exec(ctx.text);
  const ticket = await ctx.tx.ticket.findFirst({
    where: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: { in: OPEN_STATUSES }, ...(named ? { number: Number(named[1]) } : { createdAt: { gte: new Date(ctx.now.getTime() - GROUP_CALL_OFF_MS) } }) },
    orderBy: { id: "desc" },
  });
  if (!ticket) return false;
  const r = await withdrawByResident(ctx.tx, ticket, ctx.sender.id, ctx.text, ctx.now, FALSE_ALARM.test(ctx.text) || WORKS_AGAIN.test(ctx.text));
  ctx.ticketId = ticket.id;
  const params = { number: ticket.number, summary: ticket.summary.slice(0, 30), staff: r.staff, staffRole: r.staffRole };
  await reply({ key: r.others > 0 ? "resident.withdrawn_shared" : r.cancelled ? "resident.withdrawn" : "resident.withdraw_requested", params }, direct(ctx));
  await reply({ key: "resident.withdrawn_group", params: { number: ticket.number } });
  return true;
}

async function handleTicketFollowUp(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<boolean> {
  if (ctx.inGroup || c.urgency === 1) return false;
  // "明天下午4点可以的，到了直接敲门就行，门铃坏了": the agreed time confirmed, with how to get in — for the
  // person coming (not a new ticket for the doorbell, not the time moved).
  if (TIME_SAID.test(ctx.text) && ACCESS_DETAIL.test(ctx.text)) {
    const own = await openTicketsOf(ctx.tx, { communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdIds: ctx.sender.residents.map((r) => r.householdId) });
    const booked = own.find((t) => t.waitingUntil);
    const at = booked ? parseAppointment(ctx.text, ctx.now, ctx.tz) : null;
    if (booked && at && Math.abs(at.getTime() - booked.waitingUntil!.getTime()) <= 60 * 60_000) {
      ctx.ticketId = booked.id;
      const r = await addResidentDetail(ctx.tx, booked, ctx.sender.id, ctx.text, ctx.now);
      await reply({ key: "resident.detail_added", params: { number: booked.number, staff: r.staff } });
      return true;
    }
  }
  // "我家那个花洒周六确定会来吧？": whether the agreed visit stands — where the ticket stands, nothing moved.
  if (CONFIRMS_VISIT.test(ctx.text) && isQuestion(ctx.text) && !RESCHEDULE_CUE.test(ctx.text) && !/规定|几点到几点|允许|开门|营业|上班时间/.test(ctx.text) && (await hasOpenTicket(ctx))) {
    await INTENT_HANDLERS.progress(ctx, c, reply);
    return true;
  }
  // A visit agreed with the resident, moved by the resident: whatever the classifier made of it.
  if ((RESCHEDULE_CUE.test(ctx.text) || VISIT_OFFERED.test(ctx.text)) && !(CONFIRMS_VISIT.test(ctx.text) && isQuestion(ctx.text) && !RESCHEDULE_CUE.test(ctx.text))) {
    const own = await openTicketsOf(ctx.tx, { communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdIds: ctx.sender.residents.map((r) => r.householdId) });
    const named = /#\s*(\d+)/.exec(ctx.text);
    // (No visit agreed yet, "今天家里没人，明天下午再来吧" still sets one for the latest ticket.)
    // ("明天上午不行，改到下午3点吧" with no visit agreed yet: a time offered all the same.)
    const offered = (VISIT_OFFERED.test(ctx.text) || (/改(到|成|在)|换(到|成)/.test(ctx.text) && TIME_SAID.test(ctx.text))) && !NAMES_A_FAULT.test(ctx.text);
    const waiting = named ? own.find((t) => t.number === Number(named[1])) : own.find((t) => t.waitingUntil) ?? (offered ? own[0] : undefined);
    if (waiting && (waiting.waitingUntil || named || offered)) {
      const r = await rescheduleByResident(ctx.tx, waiting, ctx.sender.id, ctx.text, ctx.now, ctx.settings, ctx.tz);
      ctx.ticketId = waiting.id;
      // With a new time, the resident's confirmation is the "已与您约定…" message pauseTicket sends.
      if (!r.until) await reply({ key: "resident.reschedule_forwarded", params: { number: waiting.number, staff: r.staff } });
      // (Moved by someone else of the household — "我是602郑丽的爱人，改到后天上午吧" — they hear it too.)
      else if (waiting.reporterId !== ctx.sender.id) await reply({ key: "resident.ticket_waiting", params: { number: waiting.number, until: r.until.toISOString() } });
      return true;
    }
  }
  // "算了不用修了" … "还是来修吧": the ticket called off is taken up again, not a new one without its words.
  if (RESTORE_CUE.test(ctx.text)) {
    const r = await restoreWithdrawn(ctx.tx, { communityId: ctx.community.id, chatUserId: ctx.sender.id, now: ctx.now });
    if (r) {
      ctx.ticketId = r.ticket.id;
      await reply({ key: "resident.restored", params: { number: r.ticket.number, summary: r.ticket.summary.slice(0, 30), staff: r.staff, staffRole: r.staffRole } });
      return true;
    }
  }
  // A fee question, an inquiry, a suggestion or praise after "对了" is that, not about the ticket.
  // ("补充：白天我不在家，可以打我爱人老刘的电话…" opens with the cue: more for the ticket, whatever it was read as.)
  if (!["other", "progress", "repair", "complaint"].includes(c.intent) && !(/^(补充|再补充|忘了说|忘记说|漏了说)/.test(ctx.text.trim()) && !isQuestion(ctx.text))) return false;
  const withdraw = WITHDRAW_CUE.test(ctx.text) && !isQuestion(ctx.text) && !/(还是|还没|仍然|依然|又)/.test(ctx.text);
  const falseAlarm = !withdraw && FALSE_ALARM.test(ctx.text) && !isQuestion(ctx.text);
  const correction = !withdraw && (CORRECTION_CUE.test(ctx.text.trim()) || ROOM_ONLY.test(ctx.text.trim())) && !ANOTHER_PROBLEM.test(ctx.text);
  const detail = !withdraw && !correction && (DETAIL_CUE.test(ctx.text.trim()) || (VISIT_REQUEST.test(ctx.text) && !NAMES_A_FAULT.test(ctx.text))) && !ANOTHER_PROBLEM.test(ctx.text);
  if (!withdraw && !detail && !correction && !falseAlarm) return false;
  const homeTickets = await openTicketsOf(ctx.tx, { communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdIds: ctx.sender.residents.map((r) => r.householdId) });
  // Only the reporter, or someone of the reporter's own household, may call off or amend a report: a
  // neighbour's report about this home ("1201家漏水，漏到我家了") is not this household's to cancel.
  const tickets: typeof homeTickets = [];
  for (const t of homeTickets) {
    if (t.reporterId === ctx.sender.id || (t.reporterId !== null && (await ctx.tx.resident.count({ where: { chatUserId: t.reporterId, verified: true, householdId: { in: ctx.sender.residents.map((r) => r.householdId) } } })) > 0)) tickets.push(t);
  }
  // "#12 不用修了" names it; "厨房那个不用修了" names it by its room or words; otherwise the latest one.
  const named = /#\s*(\d+)/.exec(ctx.text);
  const ticket = named ? tickets.find((t) => t.number === Number(named[1])) : (tickets.length > 1 ? ticketNamedByWords(ctx.text, tickets) : null) ?? tickets[0];
  if (!ticket && withdraw && !named) {
    // "算了，我家这边不用修了" from a neighbour joined to someone else's report: they stop waiting on it.
    const linked = (await openTicketsOf(ctx.tx, { communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdIds: ctx.sender.residents.map((r) => r.householdId), linked: true }))
      .find((t) => t.reporterId !== ctx.sender.id);
    if (linked) {
      const r = await withdrawLinkedReporter(ctx.tx, linked, ctx.sender.id, ctx.text, ctx.now);
      ctx.ticketId = linked.id;
      await reply({ key: "resident.withdrawn_linked", params: { number: linked.number, summary: linked.summary.slice(0, 30), staff: r.staff } });
      return true;
    }
  }
  if (!ticket) {
    // "#1 算了不用修了" about a number that is not theirs (whether it exists is not said), or a call-off
    // with nothing open: nothing to change, and no new report made of it.
    if (!named && !withdraw) return false;
    await reply({ key: "resident.no_such_ticket", params: { number: named?.[1] ?? "" } });
    return true;
  }
  const params = { number: ticket.number, summary: ticket.summary.slice(0, 30) };
  // An urgent report called off ("搞错了，没着火"): withdrawn, and the manager and supervisors told.
  if (withdraw || (falseAlarm && ticket.urgency === 1)) {
    const r = await withdrawByResident(ctx.tx, ticket, ctx.sender.id, ctx.text, ctx.now, falseAlarm || FALSE_ALARM.test(ctx.text) || WORKS_AGAIN.test(ctx.text));
    ctx.ticketId = ticket.id;
    await reply({ key: r.others > 0 ? "resident.withdrawn_shared" : r.cancelled ? "resident.withdrawn" : "resident.withdraw_requested", params: { ...params, staff: r.staff, staffRole: r.staffRole } });
    return true;
  }
  if ((correction || falseAlarm) && ctx.now.getTime() - ticket.createdAt.getTime() <= CORRECTION_WINDOW_MS) {
    const r = await correctByResident(ctx.tx, ticket, ctx.sender.id, ctx.text, ctx.now, ctx.sender.residents.filter((x) => x.verified).map((x) => ({ householdId: x.householdId, building: x.household.building.name, address: householdAddress(x.household) })));
    ctx.ticketId = ticket.id;
    await reply({ key: "resident.corrected", params: { number: ticket.number, summary: r.summary.slice(0, 60), staff: r.staff } });
    return true;
  }
  // A confident label of another kind of problem is a new report, not a detail of this one.
  // ("补充一下 师傅上门前先打电话" names no fault: a detail, whatever category the model guesses.)
  const otherProblem = (c.intent === "repair" || c.intent === "complaint") && NAMES_A_FAULT.test(ctx.text) && c.category && c.category !== "other" && ticket.category && c.category !== ticket.category && c.confidence >= 0.8;
  if (otherProblem) return false;
  const r = await addResidentDetail(ctx.tx, ticket, ctx.sender.id, ctx.text, ctx.now);
  ctx.ticketId = ticket.id;
  await reply({ key: "resident.detail_added", params: { ...params, staff: r.staff } });
  return true;
}

const placeName = (ctx: MessageContext) => {
  const home = verifiedHome(ctx);
  return home ? householdAddress(home) : ctx.inbound.userName;
};

/**
 * Tells the sender's grid housekeeper (the front desk when the sender has no home or the grid no
 * housekeeper on the assistant), and the supervisors too when asked, the message under `key`.
 * Returns the housekeeper's name when they were told.
 */
async function tellHomeStaff(ctx: MessageContext, key: string, opts: { supervisors?: boolean } = {}): Promise<{ housekeeper: string | null }> {
  const home = verifiedHome(ctx);
  const hk = home ? await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name) : null;
  const hkUser = hk?.chatUserId ? await ctx.tx.chatUser.findUnique({ where: { id: hk.chatUserId } }) : null;
  const first = hkUser ? [hkUser.platformId] : (await staffWithRole(ctx.tx, ctx.community.id, "frontdesk")).flatMap((s) => (s.chatUser ? [s.chatUser.platformId] : []));
  const sups = opts.supervisors ? (await supervisorsOf(ctx.tx, ctx.community.id)).flatMap((s) => (s.chatUser ? [s.chatUser.platformId] : [])) : [];
  for (const platformId of new Set([...first, ...sups])) {
    await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId }, key, params: { place: placeName(ctx), text: ctx.text.slice(0, 500) }, notBefore: ctx.now });
  }
  return { housekeeper: hkUser ? hk!.name : null };
}

/** Answers a report of an announced outage with its notice; false when no notice covers it. */
async function answerFromOutageNotice(ctx: MessageContext, c: Classification, building: string | null, sourceMessageId: number): Promise<boolean> {
  // A danger during the cut ("停电了，电梯里还关着人") is a danger: never answered with the notice.
  if (c.urgency === 1 && otherDanger(ctx.text)) return false;
  const notice = await answerOutageReport(ctx.tx, {
    communityId: ctx.community.id, text: ctx.text, intent: c.intent, category: c.category, building,
    groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, messageId: sourceMessageId, to: ctx.replyTo, now: ctx.now,
  });
  return Boolean(notice);
}

async function logUnanswered(ctx: MessageContext, c: Classification) {
  await ctx.tx.unansweredQuestion.create({ data: { communityId: ctx.community.id, inboundMessageId: ctx.messageId, intent: c.intent, text: ctx.text.slice(0, 2000), at: ctx.now } });
}

/** Parts of a building shared by its residents (as opposed to the grounds: gates, roads, squares). */
const INSIDE_BUILDING = /楼道|楼梯|电梯|单元门|门禁|大堂|走廊|过道|天台|楼顶|地下室|信报箱|消防通道|整栋|全楼|整个单元|这栋楼|我们(栋|楼)/;
/** The community's own gates: no building's, whoever reports them ("小区北门门禁坏了" from 3栋 or 5栋). */
/** Water from elsewhere reaching the sender's own home. */
const INTO_MY_HOME = /(漏|渗|滴|流|淹|灌)(到|进|下来到?)[^，。]{0,4}(我家|我们家|我屋|俺家)|(我家|我们家|俺家)[^，。]{0,8}(被)?(漏|渗|滴|泡|淹)/;
const COMMUNITY_GATE = /(东|西|南|北|正|后|侧)(大)?门|小区(大)?门|大门|道闸/;

/** "另外", "还有", "顺便说一下", "also": where a second problem starts. */
const SECOND_PROBLEM = /[；;。，,!！\s]\s*(另外|还有就是|还有|顺便(说一下|说下|提一下)?|对了|再有就是|\b(also|and another thing)\b)[,，:：\s]*/i;

/** The two problems of one message, each classified on its own; null unless both are faults of different kinds. */
function twoProblems(ctx: MessageContext, c: Classification): { text: string; c: Classification }[] | null {
  if (ctx.forOthers || ctx.text.length > 400) return null;
  const m = SECOND_PROBLEM.exec(ctx.text);
  if (!m || m.index < 4) return null;
  const firstText = ctx.text.slice(0, m.index).trim(), restText = ctx.text.slice(m.index + m[0].length).trim();
  if (restText.length < 4 || !(A_FAULT_SAID.test(firstText) || EN_FAULT.test(firstText)) || !(A_FAULT_SAID.test(restText) || EN_FAULT.test(restText))) return null;
  const chat = ctx.inGroup ? "group" : "direct";
  const first = classifyOffline({ chat, mentioned: true, text: firstText });
  const second = classifyOffline({ chat, mentioned: true, text: restText });
  const ticket = (x: Classification) => x.intent === "repair" || x.intent === "complaint";
  if (!ticket(first) || !ticket(second) || first.category === second.category) return null;
  // A danger in the whole message must stay a danger in one of the parts.
  if (c.urgency === 1 && first.urgency !== 1 && second.urgency !== 1) return null;
  const withPlace = (x: Classification): Classification => ({ ...x, location: x.location ?? c.location, decidedBy: c.decidedBy });
  return [{ text: firstText, c: withPlace(first) }, { text: restText, c: withPlace(second) }];
}

/** What a report is about: the whole text, or in a long letter the sentence asking for the work. */
const reportedPart = (text: string) => (text.length > CLASSIFY_WHOLE ? requestPassage(text) ?? text : text);

async function fileTicket(ctx: MessageContext, c: Classification, reply: ReplyFn, sourceMessageId: number) {
  // "厨房水槽下面漏水…；另外阳台的灯也不亮了": two problems, two tickets (nothing said is lost).
  const parts = ctx.part ? null : twoProblems(ctx, c);
  if (parts) {
    for (const p of parts) {
      const one: MessageContext = { ...ctx, text: p.text, part: true };
      await fileTicket(one, p.c, reply, sourceMessageId);
      ctx.ticketId = ctx.ticketId ?? one.ticketId; // the message is stored with the first
    }
    return;
  }
  // "6栋1单元502家的地漏几点修？" from a neighbour: another household's repair asked after — theirs to follow,
  // not a report of the sender's (nor shown to them).
  if (c.location?.room && c.urgency !== 1 && !verifiedHomeAt(ctx, c.location) && isQuestion(ctx.text) && /几点|什么时候|哪天|修好|怎么样|修了(吗|没)|来修|谁来/.test(ctx.text) && !INTO_MY_HOME.test(ctx.text) && !/我家|我们家|我这|我屋/.test(ctx.text)) {
    await logUnanswered(ctx, c);
    return reply({ key: "resident.details_private" });
  }
  const place = placeOf(reportedPart(ctx.text), c.location, c.category);
  // Of several verified homes, the one the message names; otherwise the first.
  const own = homeOfReport(ctx, c.location);
  // "4栋1单元301卫生间漏水了" from a verified resident of another home (a relative's flat, a neighbour's
  // leak): the named home is the place, routed to its grid; the reporter stays the contact. An unbound
  // sender is still walked through binding first.
  // (Not "1201家漏水，漏到我家卫生间了": the other home is the source, the damage is in the sender's own.)
  // (A complaint naming another home — "车主好像住11栋1601" — is never filed at that home: its people
  // would see it under 进度. It stays the sender's, or a staff member's log, like any complaint.)
  // ("我爸一个人住5栋2单元801…摔倒了": a relative's home in an emergency is the place staff must go.)
  const relativesEmergency = c.urgency === 1 && /(我爸|我妈|父亲|母亲|爷爷|奶奶|外公|外婆|姥姥|姥爷|老人|父母|公公|婆婆|岳父|岳母|家人|亲戚)[^。]{0,6}(一个人|独自)?住/.test(ctx.text);
  const namedOther = (own || ctx.forOthers) && (c.intent === "repair" || ctx.forOthers || relativesEmergency) && c.location?.building && c.location.room && !verifiedHomeAt(ctx, c.location) && !INTO_MY_HOME.test(ctx.text) ? await findHousehold(ctx.tx, ctx.community.id, c.location) : null;
  const home = namedOther ?? own;
  // A public problem reported in a building's own group ("电梯又坏了" in 5号楼业主群) is in that building.
  const gate = place.scope === "public" && !c.location?.building && !/单元门|楼门/.test(ctx.text) ? COMMUNITY_GATE.exec(ctx.text)?.[0] ?? null : null;
  if (gate && !place.description.includes(gate)) place.description = /^(小区|公共区域)$/.test(place.description) ? gate : `${gate} ${place.description}`;
  const groupBuilding = place.scope === "public" && !c.location?.building ? await singleBuildingOfGroup(ctx) : null;
  if (groupBuilding && !gate && !place.description.startsWith(buildingLabel(groupBuilding))) {
    // "我们单元楼道也有煤气味" from a resident of that building: their unit's stairwell, not just "9栋".
    const ownUnit = home && home.building.name === groupBuilding && OUR_UNIT.test(ctx.text) ? addressLabel({ building: home.building.name, unit: home.unit, room: null }) : null;
    place.description = `${ownUnit ?? buildingLabel(groupBuilding)} ${place.description}`;
  }
  // "楼道太脏" / "电梯坏了" from a verified resident, no building named: the reporter's own building
  // (and unit) — staff must know which stairwell or lift; routing already uses that building.
  if (place.scope === "public" && !c.location?.building && !groupBuilding && !gate && home && INSIDE_BUILDING.test(ctx.text)) {
    place.description = `${addressLabel({ building: home.building.name, unit: home.unit, room: null })} ${place.description === "公共区域" ? "" : place.description}`.trim();
  }
  // "我们26楼水压特别低", "高层水压特别低 我们25楼也是": the building's supply to its upper floors, not one
  // flat's tap — one public fault that neighbours' reports join.
  // "我想不开，今晚就想从楼上跳下去": the sender in danger — their home is where staff go.
  if (own && /我[^，。]{0,4}(想不开|不想活|活不下去|想死|要跳|想跳)/.test(ctx.text)) {
    place.scope = "home";
    place.description = addressLabel({ building: own.building.name, unit: own.unit, room: own.room });
  }
  if (place.scope === "home" && home && c.category === "water" && LOW_PRESSURE.test(ctx.text) && UPPER_FLOORS.test(ctx.text)) {
    place.scope = "public";
    place.description = `${buildingLabel(home.building.name)} 供水（水压低）`;
  }
  // "没水了" during an announced water cut: the notice answers it, no new ticket (src/services/notices/outage.ts).
  let overran = false;
  const outageBuilding = c.location?.building ?? groupBuilding ?? home?.building.name ?? null;
  if (await answerFromOutageNotice(ctx, c, outageBuilding, sourceMessageId)) return;
  // "又停水😩 上个月才停过" in the group minutes after tomorrow's cut was announced there: about that cut —
  // said to the group unaddressed, it is chat; addressed or in a direct chat, the notice answers it.
  // (Not a supply gone now: "家里停水了", "突然没电了" are reports, whatever is announced for tomorrow.)
  const cutNow = /(停|没|断)(水|电|气)了|没有(水|电|气)了|现在|已经|突然|怎么(又)?(停|没)|\b(now|just)\b/i.test(ctx.text);
  if (c.urgency !== 1 && !cutNow && reportedOutages(ctx.text, c.category).length > 0 && ((ctx.inGroup && !ctx.inbound.mentionsSelf) || UPCOMING_ASKED.test(ctx.text))) {
    const report = { communityId: ctx.community.id, text: ctx.text, intent: c.intent, category: c.category, building: outageBuilding, groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, now: ctx.now };
    if (await upcomingOutageNotice(ctx.tx, report)) {
      if (ctx.inGroup && !ctx.inbound.mentionsSelf) return;
      if (await answerOutageReport(ctx.tx, { ...report, messageId: sourceMessageId, to: ctx.replyTo }, true)) return;
    }
  }
  // "回复 @王桂芝：我家也没电，冰箱都停了" in the group minutes after a neighbour's building-wide report:
  // the same fault, joined to that incident (one ticket, every reporter told when it is fixed).
  // "我家也没水了，2栋是不是都停了" (in the group or a direct chat) while the building's outage is open:
  // that outage, whoever reported it and wherever.
  const outageSaid = reportedOutages(ctx.text, c.category).length > 0 || (c.category === "water" && LOW_PRESSURE.test(ctx.text));
  // "怎么又没水了，昨晚刚修好的": the building's outage fixed in the last days is back — reopened, not new.
  if (outageSaid && outageBuilding && /又|再次|又一次|还是/.test(ctx.text) && !otherDanger(ctx.text) && !(await buildingOutageIncident(ctx, outageBuilding, c.category))) {
    const back = await recentlyFixedOutage(ctx, outageBuilding, c.category);
    if (back) {
      ctx.ticketId = back.id;
      await recordRepeatReport(ctx.tx, back, ctx.sender.id, ctx.text, ctx.now);
      if (ctx.inGroup) await reply({ key: "resident.linked_group", params: { number: back.number, place: back.place, summary: back.summary.slice(0, 40), intent: back.intent } });
      return reply({ key: "resident.repeat_report", params: { number: back.number, place: back.place, summary: back.summary.slice(0, 40), intent: back.intent } }, direct(ctx));
    }
  }
  // ("终于有人报了，我也摸黑好几天了", read as a complaint about service; "又坏了？？这个月第几次了", naming
  // nothing: the group's open public report they are talking about, whatever category they were read as.)
  const vague = ctx.inGroup && c.urgency !== 1 && (c.category === "staff" || c.category === "other" || c.category === null || (!c.location && !NAMES_THING.test(ctx.text)));
  if (((ctx.inGroup && ME_TOO_WIDE.test(ctx.text)) || outageSaid || vague) && !otherDanger(ctx.text)) {
    const incident = (ctx.inGroup ? (await incidentReportedInGroup(ctx, c.category)) ?? (vague ? await incidentReportedInGroup(ctx, null, true) : null) : null) ?? (outageSaid && outageBuilding ? await buildingOutageIncident(ctx, outageBuilding, c.category) : null);
    if (incident) {
      const t = incident.ticket;
      ctx.ticketId = t.id;
      await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
      const params = linkParams(ctx, t);
      // (One line in the group, once; in a direct chat only the answer to the sender.)
      if (ctx.inGroup && !(await groupToldRecently(ctx, t.id))) {
        await reply({ key: "resident.linked_group", params });
        await rememberGroupTold(ctx, t);
      }
      return reply({ key: "resident.incident_linked", params }, direct(ctx));
    }
  }
  // Still off after the announced window ("说好的五点恢复呢"): an outage for everyone in scope, grade 1.
  if (!otherDanger(ctx.text) && (await overranOutageNotice(ctx.tx, { communityId: ctx.community.id, text: ctx.text, intent: c.intent, category: c.category, building: outageBuilding, groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, now: ctx.now }))) {
    const kind = reportedOutages(ctx.text, c.category)[0];
    c = { ...c, intent: "repair", category: kind === "power" ? "electricity" : kind === "gas" ? "gas" : kind === "water" ? "water" : c.category, urgency: 1 };
    overran = true;
    // The building's outage, not the flat's: neighbours who report it join it (one alert stream).
    if (outageBuilding) {
      place.scope = "public";
      place.description = `${buildingLabel(outageBuilding)} 整栋`;
    }
  }
  // Staff logging someone else's request must say whose home it is.
  if (place.scope === "home" && !home && ctx.forOthers) return reply({ key: "staff.report_needs_address" });
  if (place.scope === "home" && !home) {
    // "我是4栋1单元301的，楼上漏水…": the sender's own address is in the report — straight to the phone tail.
    const own = c.location?.building && c.location.room && !ctx.inGroup && OWN_ADDRESS.test(ctx.text) ? c.location : null;
    // A danger at home does not wait for the phone tail (the phone on file may be a spouse's, the family
    // may have fled the flat): it is filed and alerted now, at the place the sender names, marked as not
    // verified; binding goes on after it, for what comes next.
    if (c.urgency === 1) {
      await fileUnverifiedEmergency(ctx, c, reply, sourceMessageId);
      return own ? startBinding(ctx, own, null, reply) : askToBind(ctx, null, reply);
    }
    // The home they named has no phone on file (no online binding): filed there, unverified, for the
    // housekeeper to check in person — asking them to bind again would go round in circles.
    const noPhone = await claimedNoPhoneHome(ctx);
    if (noPhone) return fileUnverified(ctx, c, reply, sourceMessageId, noPhone, ctx.state?.kind === "bind_phone" ? "业主档案手机号待更新，报事人未核实" : "业主档案无手机号，报事人未核实");
    return own ? startBinding(ctx, own, sourceMessageId, reply) : askToBind(ctx, sourceMessageId, reply);
  }
  // (A gate is routed like any public place, to the reporter's grid; its reports are matched by the gate.)
  const building = place.scope === "home" ? home!.building.name : (c.location?.building ?? groupBuilding ?? home?.building.name ?? null);
  const owner = own ? { ownerName: own.ownerName, phone: own.phone } : null;
  // The same words sent again a moment later (a double tap, a resend while waiting), or "刚才在群里说的…"
  // in the direct chat about what the group already filed: the same ticket.
  const resent = (await recentSameReport(ctx)) ?? (await reportFromGroup(ctx));
  if (resent) {
    ctx.ticketId = resent.id;
    return reply({ key: ctx.inGroup ? "resident.duplicate_report_group" : "resident.duplicate_report", params: { number: resent.number } });
  }
  let related = await findRelatedTicket(ctx.tx, { text: ctx.text, communityId: ctx.community.id, scope: place.scope, householdId: place.scope === "home" ? home!.id : null, building, unit: place.scope === "public" ? (c.location?.unit ?? null) : null, gate, category: c.category, urgency: c.urgency, now: ctx.now, settings: ctx.settings });
  if (!related) {
    // "楼上又在剁肉了，昨天投诉到现在都没人管": a repeat cue and the words of one of the sender's unfixed
    // tickets is that ticket again, even when this message was put in another category.
    const again = await findRepeatByText(ctx.tx, { text: ctx.text, communityId: ctx.community.id, reporterChatUserId: ctx.sender.id, householdId: home?.id ?? null });
    if (again) related = { kind: "repeat", ticket: again };
  }
  if (!related && place.scope === "public" && ctx.inGroup && ctx.inbound.roomId && !c.location?.building && !gate) {
    // "对，那条路一盏灯都不亮" in the group minutes after a neighbour reported the path lights there:
    // a public fault of the same kind already reported in this group, with no other place named, is that one.
    related = await incidentReportedInGroup(ctx, c.category);
  }
  if (!related && c.urgency === 1 && building && SAME_DANGER_NEARBY.test(ctx.text)) {
    // "我家隔壁冒烟了，楼道里全是烟" a minute after a neighbour across the way reported smoke at this
    // building: one fire, seen from two places — joined to the open emergency of this building.
    const unit = c.location?.unit ?? (place.scope === "home" ? home?.unit ?? null : null);
    const open = await ctx.tx.ticket.findMany({
      // (Public reports only: a neighbour is never joined to — and so never told — someone's home.)
      where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, urgency: 1, scope: "public", category: c.category, place: { startsWith: buildingLabel(building) }, createdAt: { gte: new Date(ctx.now.getTime() - 2 * 3_600_000) } },
      orderBy: { id: "desc" }, take: 5,
    });
    const same = open.find((t) => !unit || !/单元/.test(t.place) || t.place.includes(`${unit}单元`));
    if (same) related = { kind: "incident", ticket: same };
  }
  if (!related && c.urgency === 1 && MISSING_TICKET.test(ctx.text)) {
    // "大家帮忙留意一下，10栋有位老太太走丢了" while the family's report of her is open: the same search.
    const open = await ctx.tx.ticket.findMany({ where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, urgency: 1, createdAt: { gte: new Date(ctx.now.getTime() - 6 * 3_600_000) } }, orderBy: { id: "desc" }, take: 10 });
    const search = open.find((t) => MISSING_TICKET.test(t.summary));
    if (search) related = { kind: "incident", ticket: search };
  }
  // (…even when the words also match a lesser ticket: "我妈还关在电梯里" chases the entrapment, not the lift
  // that broke down yesterday.)
  if ((!related || (c.urgency === 1 && related.ticket.urgency > 1)) && URGENT_CHASE.test(ctx.text)) {
    // "怎么还没人来？？水都流到电梯井了" an hour after the sender's burst pipe: that emergency chased and
    // getting worse — said again to everyone alerted about it, not a second emergency.
    const homes = ctx.sender.residents.map((r) => r.householdId);
    const urgent = await ctx.tx.ticket.findFirst({
      where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, urgency: 1, createdAt: { gte: new Date(ctx.now.getTime() - 6 * 3_600_000) }, OR: [{ reporterId: ctx.sender.id }, linkedReporter(ctx.sender.id), ...(homes.length ? [{ householdId: { in: homes } }] : [])] },
      orderBy: { id: "desc" },
    });
    if (urgent && (!c.category || !urgent.category || c.category === urgent.category || c.urgency > 1)) related = { kind: "repeat", ticket: urgent };
  }
  if (!related && !c.location && CHASE_ONLY.test(ctx.text) && !NAMES_A_FAULT.test(ctx.text)) {
    // "昨天就报了 到现在都没人来 到底有没有人管啊": chasing an earlier report without naming it again is
    // that report made again (the latest open one), not a new complaint about no place in particular.
    const homes = ctx.sender.residents.map((r) => r.householdId);
    const latest = await ctx.tx.ticket.findFirst({
      where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, intent: { in: ["repair", "complaint"] }, OR: [{ reporterId: ctx.sender.id }, ...(homes.length ? [{ householdId: { in: homes } }] : [])] },
      orderBy: { id: "desc" },
    });
    if (latest) related = { kind: "repeat", ticket: latest };
  }
  // "电梯里困人了" after "电梯坏了" was filed as grade 2: the danger is new, and is alerted as one —
  // its own grade-1 ticket (manager at once, again every 5 minutes), not a line on the old ticket.
  // (A threat to call the TV station about the same unfixed complaint is that complaint escalated; about
  // an unfixed repair it is a complaint of its own — about the service — beside the repair.)
  if (related && c.urgency === 1 && related.ticket.urgency > 1 && !(threatOnly(ctx.text) && related.ticket.intent === "complaint")) related = null;
  // "怎么还没人来？？我妈还关在电梯里": the first reporter chasing their own report of a public fault —
  // a second report of it (pushed to the assignee and the supervisor), not news of a neighbour's.
  // (…or anyone chasing an emergency nobody has reached yet: "怎么还没人来？？我妈还关在电梯里" from the family.)
  if (related?.kind === "incident" && (related.ticket.reporterId === ctx.sender.id || (related.ticket.urgency === 1 && URGENT_CHASE.test(ctx.text)))) related = { kind: "repeat", ticket: related.ticket };
  if (related?.kind === "duplicate") {
    ctx.ticketId = related.ticket.id;
    return reply({ key: ctx.inGroup ? "resident.duplicate_report_group" : "resident.duplicate_report", params: { number: related.ticket.number } });
  }
  if (related) {
    const t = related.ticket;
    ctx.ticketId = t.id;
    const threat = related.kind === "repeat" && threatOnly(ctx.text);
    // "3栋1单元电梯又坏了，昨天刚修的" from a household that did not report it: the fault reopened, and they
    // are told when it is fixed like its reporter (not "您之前报的…").
    const neighbours = related.kind === "repeat" && t.scope === "public" && t.reporterId !== ctx.sender.id && !(t.householdId !== null && ctx.sender.residents.some((r) => r.householdId === t.householdId));
    if (related.kind === "repeat") {
      await recordRepeatReport(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now, threat);
      if (neighbours) await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
    } else {
      await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
      // Another household in an emergency ("火就在我家门口"): its words reach whoever is handling it.
      if (t.urgency === 1) await addResidentDetail(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
    }
    const params = linkParams(ctx, t, threat ? "complaint" : t.intent);
    // In the group once per half hour: five neighbours reporting one lift do not make five posts.
    if (ctx.inGroup && !(await groupToldRecently(ctx, t.id))) {
      await reply({ key: "resident.linked_group", params });
      await rememberGroupTold(ctx, t);
    }
    return reply({ key: related.kind === "repeat" ? (neighbours ? "resident.incident_reopened" : "resident.repeat_report") : "resident.incident_linked", params }, direct(ctx));
  }
  const { ticket, assignee, acceptBy } = await createTicket(ctx.tx, ctx.now, ctx.settings, {
    communityId: ctx.community.id, intent: c.intent as "repair" | "complaint", category: c.category ?? "other", urgency: c.urgency,
    summary: await withLeadIn(ctx), place: place.scope === "home" ? householdAddress(home!) : place.description, scope: place.scope,
    householdId: place.scope === "home" ? home!.id : null, building,
    // (Logged by staff for a resident: the household's bound resident hears the updates and the revisit,
    // not the clerk who typed it; with nobody bound, no one does — the desk phones, as for any unanswered revisit.)
    reporter: ctx.forOthers ? await boundResidentOf(ctx, place.scope === "home" ? home : null) : { chatUserId: ctx.sender.id, name: ctx.sender.name }, contact: place.scope === "home" || c.urgency === 1 ? owner : null /* an emergency in a public place: responders must be able to call the reporter */, sourceMessageId,
    // A danger in the middle of a long message must be on the staff's card, not cut out of it.
    // (…or, in any long letter, the sentence that asks for the work: "麻烦派人来修一下".)
    highlight: ctx.text.length <= STAFF_CARD_CHARS ? null : (c.urgency === 1 ? dangerPassage(ctx.text, STAFF_CARD_CHARS) : null) ?? requestPassage(ctx.text),
  });
  ctx.ticketId = ticket.id;
  await tellTicketCreated(ctx, c, reply, ticket, assignee, acceptBy, overran);
}

/** The resident hears the ticket's number, who follows it and when (in a group: one line, details by direct message). */
/** Which safety advice a danger calls for beyond its category's: water at a light or socket, water from upstairs. */
function adviceKind(text: string, category: string | null): string {
  // A person in danger: what to do is a phone call and staying safe, whatever the category.
  const kind = safetySignal(normalize(text))?.kind;
  if (/不想活|想不开|跳楼|轻生|自杀|\b(suicid\w*|kill (my|him|her)self)\b/i.test(text)) return "selfharm";
  if (kind === "injury") return /咬|\bbit(e|ten)?\b/i.test(text) ? "bite" : "injury";
  if (kind === "fight") return "fight";
  if (kind === "missing") return "missing";
  // "3栋整栋没水了", "整栋楼停电了": a supply gone, not a leak — what to do until it is back.
  const cut = reportedOutages(text, category);
  if (cut.length > 0 && !/漏|滴|渗|淹|漫|喷|冒|流下来|往下流|火|烟|焦|困|关着/.test(text)) return `outage_${cut[0]}`;
  if (category !== "water") return "";
  if (/(灯|插座|电器|电线|电箱|电表|开关|配电)[^，。]{0,6}(滴水|进水|有水|漏水|渗水|流水|冒水|淌水|往下流|往下滴|流下来|在滴|在流)|(滴|漏|流|淌|渗|进)[^，。]{0,4}(到|进)[^，。]{0,6}(灯|插座|电箱|开关)|(灯|插座)[^，。]{0,3}(一闪一闪|闪|忽明忽暗|冒火|打火|啪啪)|\b(light|socket|switch)\b[^.]{0,20}\b(wet|water|dripping)\b/i.test(text)) return "water_power";
  if (/楼上|上面(那家|的人家|住户)|\bupstairs\b|flat above/i.test(text) && /漏|滴|渗|淹|流|淌|\b(leak|drip|pour)/i.test(text)) return "water_upstairs";
  return "";
}

/** What a neighbour joining an open fault hears: its number and place, and for a danger what to do until help comes. */
function linkParams(ctx: MessageContext, t: { number: number; place: string; summary: string; intent: string; urgency: number; category: string | null }, intent = t.intent) {
  return { number: t.number, place: t.place, summary: t.summary.slice(0, 40), intent, urgency: t.urgency, category: t.category ?? "", advice: t.urgency === 1 ? adviceKind(ctx.text, t.category) : "" };
}

async function tellTicketCreated(ctx: MessageContext, c: Classification, reply: ReplyFn, ticket: { id: number; number: number; place: string; scope: string }, assignee: { name: string; role: string } | null, acceptBy: Date, overran = false) {
  const params = {
    number: ticket.number, intent: c.intent, category: c.category ?? "other", urgency: c.urgency, summary: reportedPart(ctx.text).slice(0, 60),
    place: ticket.place, staff: assignee?.name ?? "", staffRole: assignee?.role ?? "", acceptBy: acceptBy.toISOString(),
    // Grade 1 for a threat to go to the media, not for a danger: no "leave and call 119" advice.
    ...(c.urgency === 1 && threatOnly(ctx.text) ? { threat: 1 } : {}),
    // Grade 1 because an announced outage overran its window: no flood advice either.
    ...(overran ? { overran: 1 } : {}),
    ...(c.urgency === 1 ? { advice: adviceKind(ctx.text, c.category) } : {}),
  };
  if (ctx.inGroup) {
    await reply({ key: "resident.ticket_created_group", params });
    await rememberGroupTold(ctx, ticket);
  }
  await reply({ key: "resident.ticket_created", params }, direct(ctx));
}

/** Asking what to do ("怎么办", "what should we do now"), nothing new reported. */
/** Help asked for while an emergency is being handled: the cameras, a sighting, where the staff are. */
const EMERGENCY_FOLLOW_UP = /调(一下|下)?监控|监控[^，。]{0,6}(调|看|查)|有没有(人)?看到|看到(没|了吗)|找到了吗|人(到哪|呢)|到哪(儿|里)?了|来了没|快点(派|来)/;
const WHAT_TO_DO = /怎么办|该怎么(做|弄|处理)|要怎么(做|弄)|要不要(先)?(跑|出去|下楼|撤|开窗|关闸|报警)|能不能(开灯|开窗|用电|用火)|\bwhat (should|do|can) (we|i) do\b|\bwhat now\b|\bshould (we|i) (leave|go out|stay|open|call|switch)\b/i;

async function adviseOnOpenEmergency(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  // (…and "监控能不能调一下？北门那边有没有看到小孩出去" during a search: help asked for the same emergency.)
  if (ctx.inGroup || !(WHAT_TO_DO.test(ctx.text) || EMERGENCY_FOLLOW_UP.test(ctx.text)) || A_FAULT_SAID.test(ctx.text.replace(/怎么办/g, ""))) return false;
  const since = new Date(ctx.now.getTime() - 2 * 3_600_000);
  const t = await ctx.tx.ticket.findFirst({ where: { communityId: ctx.community.id, reporterId: ctx.sender.id, urgency: 1, status: { in: OPEN_STATUSES }, createdAt: { gte: since } }, orderBy: { id: "desc" } });
  if (!t) return false;
  ctx.ticketId = t.id;
  const r = await addResidentDetail(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
  await reply({ key: "resident.urgent_advice", params: { number: t.number, category: t.category ?? "other", advice: adviceKind(`${t.summary} ${ctx.text}`, t.category), staff: r.staff } });
  return true;
}

/** A person missing, or a child at a drop: emergencies whose news comes from anyone. */
const MISSING_TICKET = /走丢|走失|不见了|找不到|失踪|没回来|联系不上/;
const LEDGE_TICKET = /窗台|窗外|阳台外|护栏外|栏杆外|空调(外机|架)|天台边|楼顶边/;
/** News of them: a sighting, found, brought in. */
const SIGHTING = /(看到|看见|瞧见|碰到|遇到|发现)[^。]{0,24}(老太太|老人|老爷子|大爷|奶奶|爷爷|阿姨|孩子|小孩|小朋友|男孩|女孩)|找到了|找着了|回来了|接到了|接回来了/;
const SAFE_NOW = /抱(下来|回来|进来)了|(已经)?(下来|进屋|抱走)了|没事了|安全了/;

/**
 * "我刚在南门公交站看到一个穿红外套的老太太在转圈", "找到了，在南门公交站", "是我家孩子，已经抱下来了":
 * news of an open emergency from anyone — passed to its owner (and the managers and supervisors who were
 * alerted hear it through the owner), not a greeting, a praise or a second emergency.
 */
async function newsOfOpenEmergency(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<boolean> {
  if (!(SIGHTING.test(ctx.text) || SAFE_NOW.test(ctx.text))) return false;
  const since = new Date(ctx.now.getTime() - 6 * 3_600_000);
  const open = await ctx.tx.ticket.findMany({ where: { communityId: ctx.community.id, urgency: 1, status: { in: OPEN_STATUSES }, createdAt: { gte: since } }, orderBy: { id: "desc" }, take: 10 });
  const t = open.find((x) => (MISSING_TICKET.test(x.summary) && SIGHTING.test(ctx.text)) || (LEDGE_TICKET.test(x.summary) && SAFE_NOW.test(ctx.text) && (x.reporterId === ctx.sender.id || ctx.sender.residents.some((r) => r.householdId === x.householdId) || /我家|我的|是我/.test(ctx.text))));
  if (!t || (c.urgency === 1 && !MISSING_TICKET.test(t.summary))) return false;
  ctx.ticketId = t.id;
  const r = await addResidentDetail(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
  await reply({ key: "resident.detail_added", params: { number: t.number, staff: r.staff } }, ctx.inGroup ? direct(ctx) : ctx.replyTo);
  return true;
}

/** A danger other than a missing supply (someone trapped, a fire, a flood…). */
function otherDanger(text: string): boolean {
  const s = safetySignal(normalize(text));
  return s !== null && s.kind !== "outage";
}

/** Grade 1 because the sender threatens the media, a hotline or a court — nothing dangerous is described. */
function threatOnly(text: string): boolean {
  const t = normalize(text);
  return escalates(t) && !dangerCue(t);
}

/**
 * A danger at home from someone not (yet) bound: a grade-1 ticket at once, at the home the message
 * names (found in the office's files, or as written) or "address unknown", marked as not verified so
 * that staff know the reporter has not been checked; the binding that follows is for later messages.
 */
async function fileUnverifiedEmergency(ctx: MessageContext, c: Classification, reply: ReplyFn, sourceMessageId: number) {
  const named = c.location?.building && c.location.room ? await findHousehold(ctx.tx, ctx.community.id, c.location) : await claimedNoPhoneHome(ctx);
  await fileUnverified(ctx, { ...c, urgency: 1 }, reply, sourceMessageId, named);
}

/** The home a sender named while binding whose file has no phone (state bind_address.noPhoneHouseholdId). */
async function claimedNoPhoneHome(ctx: MessageContext) {
  const id = ctx.state?.kind === "bind_address" ? ctx.state.noPhoneHouseholdId : ctx.state?.kind === "bind_phone" && ctx.state.ownerFileOutdated ? ctx.state.householdId : undefined;
  return id ? ctx.tx.household.findUnique({ where: { id }, include: { building: true } }) : null;
}

/** A report filed for someone not bound, at the home named (or as written, or "address unknown"), marked unverified. */
async function fileUnverified(ctx: MessageContext, c: Classification, reply: ReplyFn, sourceMessageId: number, named: Awaited<ReturnType<typeof findHousehold>> | null, why = "报事人未绑定房屋，地址未核实") {
  const written = c.location?.building ? addressLabel(c.location) : null;
  const place = `${named ? householdAddress(named) : written ?? "地址未知"}（${why}）`;
  const { ticket, assignee, acceptBy } = await createTicket(ctx.tx, ctx.now, ctx.settings, {
    communityId: ctx.community.id, intent: c.intent as "repair" | "complaint", category: c.category ?? "other", urgency: c.urgency,
    summary: ctx.text, place, scope: "home", householdId: named?.id ?? null, building: named?.building.name ?? c.location?.building ?? (await singleBuildingOfGroup(ctx)),
    // The owner on file is who staff can call while the reporter is unverified.
    reporter: { chatUserId: ctx.sender.id, name: ctx.sender.name }, contact: named ? { ownerName: named.ownerName, phone: named.phone } : null, sourceMessageId,
    highlight: ctx.text.length <= STAFF_CARD_CHARS ? null : (c.urgency === 1 ? dangerPassage(ctx.text, STAFF_CARD_CHARS) : null) ?? requestPassage(ctx.text),
  });
  ctx.ticketId = ticket.id;
  await tellTicketCreated(ctx, c, reply, ticket, assignee, acceptBy);
}

/** The first verified resident of a home, as a ticket's reporter. */
async function boundResidentOf(ctx: MessageContext, home: { id: number } | null) {
  if (!home) return null;
  const r = await ctx.tx.resident.findFirst({ where: { householdId: home.id, verified: true }, include: { chatUser: true }, orderBy: { id: "asc" } });
  return r ? { chatUserId: r.chatUserId, name: r.chatUser.name } : null;
}

/** A group that heard of a public fault's ticket hears when it is fixed ("修好后会通知大家"). */
async function rememberGroupTold(ctx: MessageContext, ticket: { id: number; scope: string }) {
  if (ticket.scope !== "public" || !ctx.inbound.roomId) return;
  await recordEvent(ctx.tx, ticket.id, "group_told", { actor: `resident:${ctx.sender.id}`, at: ctx.now, note: ctx.inbound.roomId });
}

async function groupToldRecently(ctx: MessageContext, ticketId: number): Promise<boolean> {
  if (!ctx.inbound.roomId) return false;
  return (await ctx.tx.ticketEvent.count({ where: { ticketId, type: "group_told", note: ctx.inbound.roomId, at: { gte: new Date(ctx.now.getTime() - 30 * 60_000) } } })) > 0;
}

/** Within this long, the same text from the same sender is one report sent twice, not a second report. */
const RESEND_WINDOW_MS = 10 * 60_000;
const compact = (t: string) => t.replace(/[\s，。！？、,.!?~～…]+/g, "");

/** How far back a short lead-in ("我家厨房" before "水管漏了") still belongs to the report. */
const LEAD_IN_MS = 3 * 60_000;
const LEAD_IN_SCAN = 500;
const LEAD_IN_PLACE = /厨房|卫生间|洗手间|厕所|浴室|客厅|卧室|主卧|次卧|儿童房|餐厅|玄关|阳台|书房|我家|家里|楼道|电梯|车库|地库|门口|\d+\s*(栋|号楼|幢|座|单元)/;
const GREETING = /^\s*(在吗|在不在|你好|您好|hello|hi|有人吗|喂|请问)[\s?？!！。~～]*$/i;
/**
 * The report's text, with the short fragments the sender typed just before it in the same chat
 * ("在吗" / "我家厨房" / "水管漏了" → "我家厨房 水管漏了"): the room must reach the housekeeper.
 */
async function withLeadIn(ctx: MessageContext): Promise<string> {
  // A report that names its place, or is long, needs no lead-in.
  // ("…全滴到楼下阳台了" names the neighbours' balcony, not where the fault is.)
  const ownPlaces = ctx.text.replace(/(楼下|楼上|隔壁|对门|邻居)(家|那家)?的?(阳台|厨房|卫生间|客厅|卧室|窗台|窗户)/g, "");
  if (!ctx.messageId || ctx.text.length > 30 || LEAD_IN_PLACE.test(ownPlaces)) return ctx.text;
  const before = await ctx.tx.inboundMessage.findMany({
    // The last few hundred messages by primary key (InboundMessage has no index on the sender).
    where: { id: { lt: ctx.messageId, gt: ctx.messageId - LEAD_IN_SCAN }, chatUserId: ctx.sender.id, groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, receivedAt: { gte: new Date(ctx.now.getTime() - LEAD_IN_MS) } },
    orderBy: { id: "desc" }, take: 3,
  });
  const lead: string[] = [];
  for (const m of before) {
    const t = normalizeForDispatch(m.text, ctx.botName);
    if (m.ticketId !== null || m.intent !== "other" || t.length > 12) break;
    // Only a place said first ("我家厨房", "3栋楼道"): a survey score or a "跳过" before it is not the report's.
    if (!GREETING.test(t) && !ACKNOWLEDGEMENT.test(t) && LEAD_IN_PLACE.test(t)) lead.unshift(t);
  }
  return lead.length ? `${lead.join(" ")} ${ctx.text}` : ctx.text;
}

/** Shared things a resident asks after by name: the open public ticket of that thing in the building named (or the sender's). */
const SHARED_THINGS = ["电梯", "门禁", "单元门", "道闸", "路灯", "楼道灯", "楼道的灯", "楼梯灯", "声控灯", "感应灯", "对讲"];
const STAIRWELL_LAMP = /楼道灯|楼道的灯|楼梯灯|声控灯|感应灯/;
/** Asking whether a shared thing works yet: "还不能用吗", "能用了吗", "好了没", "恢复了没有". */
const FAULT_STATE_ASKED = /还(不能|没法|用不了)[^，。]{0,3}(用|坐|开|走)?|能(用|坐|开)了(吗|没)|好了(吗|没)|修好(了)?(吗|没)|恢复(了)?(吗|没)|什么时候(能)?(修好|恢复|能用)/;

async function publicFaultAskedAbout(ctx: MessageContext) {
  const thing = SHARED_THINGS.find((w) => ctx.text.includes(w));
  if (!thing) return null;
  const building = ctx.classification?.location?.building ?? verifiedHome(ctx)?.building.name ?? (await singleBuildingOfGroup(ctx));
  if (!building) return null;
  const open = await ctx.tx.ticket.findMany({ where: { communityId: ctx.community.id, scope: "public", status: { in: OPEN_STATUSES }, place: { startsWith: buildingLabel(building) } }, orderBy: { id: "desc" }, take: 10 });
  // ("我们2单元楼道灯什么时候修": the stairwell's lamp ticket, however its reporter worded it.)
  const lamp = STAIRWELL_LAMP.test(thing);
  const unit = ctx.classification?.location?.unit ?? (OUR_UNIT.test(ctx.text) ? verifiedHome(ctx)?.unit ?? null : null);
  return open.filter((t) => !unit || !/单元/.test(t.place) || t.place.includes(`${unit}单元`)).find((t) => t.place.includes(thing) || t.summary.includes(thing) || (lamp && t.place.includes("楼道") && t.category === "electricity")) ?? null;
}

/** The open public ticket of this category reported in the sender's group within the incident window. */
async function incidentReportedInGroup(ctx: MessageContext, category: string | null, anyCategory = false) {
  if ((!anyCategory && (!category || category === "other")) || !ctx.inbound.roomId) return null;
  const since = new Date(ctx.now.getTime() - ctx.settings.incidentWindowHours * 3_600_000);
  const said = await ctx.tx.inboundMessage.findMany({ where: { groupPlatformId: ctx.inbound.roomId, ticketId: { not: null }, receivedAt: { gte: since } }, select: { ticketId: true }, orderBy: { id: "desc" }, take: 50 });
  const ids = [...new Set(said.map((m) => m.ticketId!))];
  if (!ids.length) return null;
  const tickets = await ctx.tx.ticket.findMany({ where: { id: { in: ids }, communityId: ctx.community.id, scope: "public", ...(anyCategory ? {} : { category }), status: { in: OPEN_STATUSES } }, orderBy: { id: "desc" } });
  // "6栋整栋楼突然停电了" after a neighbour's "楼道灯坏了": an outage joins an outage, never a lamp —
  // and a lamp or a lift does not join a building's outage either.
  const outage = reportedOutages(ctx.text, category).length > 0;
  // ("我们6栋楼道的灯也不亮" after 5栋's: another building's fault, never the one reported here.)
  const named = ctx.classification?.location?.building ?? parseLocation(normalize(ctx.text))?.building ?? null;
  const sameBuilding = (t: { place: string }) => !named || !/^\S+?(栋|座|幢)/.test(t.place) || t.place.startsWith(buildingLabel(named));
  const ticket = tickets.find((t) => sameBuilding(t) && (anyCategory || (reportedOutages(t.summary, t.category).length > 0) === outage));
  return ticket ? { kind: "incident" as const, ticket } : null;
}

/** Pressure said of the floors or the neighbours, not of one tap: "高层", "我们26楼", "好几家都". */
const UPPER_FLOORS = /高层|顶楼|楼上几层|好几家|大家|都|也是|也一样|(\d{1,2}|[一二三四五六七八九十]{1,3})楼/;

/** "还要停多久", "停到几点": how long a cut lasts, asked without naming the supply. */
const HOW_LONG_CUT = /(还要|要)停(多久|到几点|到什么时候)|停到(几点|什么时候)|停多久/;

/** A building's water pressure low ("高层水压特别低", "水很小"). */
const LOW_PRESSURE = /水压[^，。]{0,4}(小|低|弱|不够)|水流[^，。]{0,4}(小|细|弱)|水(也|都)?(很|太|特别|好)?小|细流|二次供水|供水泵|加压泵/;

/** The open outage of a building (a public ticket of this category whose words report the supply gone), or null. */
async function buildingOutageIncident(ctx: MessageContext, building: string, category: string | null) {
  if (!category || category === "other") return null;
  const since = new Date(ctx.now.getTime() - ctx.settings.incidentWindowHours * 3_600_000);
  const open = await ctx.tx.ticket.findMany({
    where: { communityId: ctx.community.id, scope: "public", category, status: { in: OPEN_STATUSES }, place: { startsWith: buildingLabel(building) }, createdAt: { gte: since } },
    orderBy: { id: "asc" }, take: 10,
  });
  // Like with like: a cut joins a cut, weak pressure joins weak pressure.
  const pressure = LOW_PRESSURE.test(ctx.text) && reportedOutages(ctx.text, category).length === 0;
  const ticket = open.find((t) => (pressure ? LOW_PRESSURE.test(t.summary) : reportedOutages(t.summary, t.category).length > 0));
  return ticket ? { kind: "incident" as const, ticket } : null;
}

/** A building's outage ticket done in the last 7 days (its supply said to be back), or null. */
async function recentlyFixedOutage(ctx: MessageContext, building: string, category: string | null) {
  if (!category || category === "other") return null;
  const done = await ctx.tx.ticket.findMany({
    where: { communityId: ctx.community.id, scope: "public", category, status: { in: ["done", "closed"] }, place: { startsWith: buildingLabel(building) }, doneAt: { gte: new Date(ctx.now.getTime() - 7 * 86_400_000) } },
    orderBy: { id: "desc" }, take: 5,
  });
  return done.find((t) => reportedOutages(t.summary, t.category).length > 0) ?? null;
}

/** A question about a cut still to come. */
const UPCOMING_ASKED = /明天|明早|后天|今晚|下午|上午|几点|什么时候|多久|多长时间|到几点|是不是要停|要停|会停|\b(tomorrow|when|how long|what time)\b/i;
/** Heating off or cold ("暖气片是凉的", "也不热"). */
export const HEATING_OFF = /暖气[^，。,]{0,6}(不热|凉|冰|停|没)|(也|都)不热|停暖/;
/** "我家也没电", "+1 我家也是", "我们这也停水了": the same as a neighbour just said. */
export const ME_TOO = /^\s*\+\s*1|(我家|我们家|我们这|我这|俺家|这边)(也|同样)|同上|一样(没|停|坏|漏)/;
/** Wider: "我家6楼那层也不亮", "我哋11楼都黑晒", "终于有人报了，我也摸黑好几天了", "Same on 9F". */
export const ME_TOO_WIDE = new RegExp(`${ME_TOO.source}|(我家|我们家|我们这|我这|俺家|这边|我们|我哋|我)[^，。,!！?？]{0,8}(也|都)(不(亮|通|热|行|动|灵|出水)|没(水|电|气|信号|人管)|坏|停|黑|摸黑|冇|漏|堵|一样[!！。~～]*$|是[!！。~～]*$)|终于有人报了|^\\s*(same (here|on|for|in|problem)|me too)\\b`, "i");
/** "+1", "+1 我家也是", "同上", "我家也是": agreeing with a neighbour's report, nothing else said. */
export const ME_TOO_ONLY = /^\s*(\+\s*1|同上|我家也是|我们家也是|我家也一样|我们这也是|俺家也是)[\s!！。.~+1我家也是一样]*$/;
/** Smoke, fire or a gas smell: one danger that neighbours see from several places. */
const SAME_DANGER_NEARBY = /烟|火|焦味|糊味|煤气|燃气|天然气|\b(smoke|fire|gas)\b/i;
/** "怎么还没人来", "人呢": someone waiting for help that has not come. */
const URGENT_CHASE = /怎么还没(有)?(人)?(来|到)|还没(有)?人(来|到|管)|(人呢|人在哪)[?？!！\s,，]|快点来|快来啊|到底来不来|什么时候(能)?(到|来人)|\b(where is everyone|still nobody|no ?one (has )?(come|came|here))\b/i;
/** An earlier report chased with displeasure, and nothing else said. */
const CHASE_ONLY = /(报|反映|说|投诉|打电话)(了|过)[^。]{0,20}(没人|没来|没动静|没消息|没回|到底|管不管|还没)|到现在(都|也|还)?没(人|来|动静|消息)|(一直|还是)没(人|来人)(来|管|理|联系)?/;
const SAID_IN_GROUP = /(刚才|刚刚|刚|之前)?在?(群里|群上)(说|发|报|讲|提)(的|过|了)/;
/** "刚才在群里说的，卫生间顶上漏水": the sender's latest open ticket from the last two hours. */
async function reportFromGroup(ctx: MessageContext) {
  if (ctx.inGroup || !SAID_IN_GROUP.test(ctx.text)) return null;
  return ctx.tx.ticket.findFirst({
    where: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: { in: OPEN_STATUSES }, createdAt: { gte: new Date(ctx.now.getTime() - 2 * 3_600_000) } },
    orderBy: { id: "desc" },
  });
}

/** The sender's open ticket filed from the same words in the last few minutes. */
async function recentSameReport(ctx: MessageContext) {
  const words = compact(ctx.text);
  if (!words) return null;
  const recent = await ctx.tx.ticket.findMany({
    where: { communityId: ctx.community.id, reporterId: ctx.sender.id, status: { in: OPEN_STATUSES }, createdAt: { gte: new Date(ctx.now.getTime() - RESEND_WINDOW_MS) } },
    orderBy: { id: "desc" }, take: 5,
  });
  return recent.find((t) => compact(t.summary) === words) ?? null;
}

/** The one building a group serves (community.groups[].buildings), when it serves exactly one. */
async function singleBuildingOfGroup(ctx: MessageContext): Promise<string | null> {
  if (!ctx.inGroup || !ctx.inbound.roomId) return null;
  const group = await ctx.tx.chatGroup.findUnique({ where: { platformId: ctx.inbound.roomId } });
  if (!group) return null;
  try {
    const buildings = JSON.parse(group.buildings) as unknown;
    return Array.isArray(buildings) && buildings.length === 1 && typeof buildings[0] === "string" ? buildings[0] : null;
  } catch {
    return null;
  }
}

/** Papers that settle a fee question: "退租的协议我明天拿到前台给你们看", "截图发你们". */
const FEE_EVIDENCE = /协议|合同|证明|凭证|截图|转账记录|付款记录|缴费记录|收据|发票|房产证|租约|(拿|送|带)(到|去)?(前台|物业)|给你们看/;
/** Figures of a bill: an area, an amount, a rate, how it was worked out. */
const ABOUT_AMOUNT = /\d+(\.\d+)?\s*(平|平方|㎡|元|块|个月)|面积|单价|按[^。]{0,8}算|算(错|得不对|多了)|多收|少收|多扣|金额|收费标准|\b(sq ?m|square met\w*|yuan|rmb|per month)\b/i;

/**
 * A message about the figures of a bill from a household whose fee question is open joins that
 * question, whatever the classifier made of a sentence of numbers ("按这个算不是200" is no repair).
 */
async function addToOpenFeeQuestion(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<boolean> {
  if (ctx.inGroup || c.intent === "fee" || c.urgency === 1 || !(ABOUT_AMOUNT.test(ctx.text) || FEE_EVIDENCE.test(ctx.text)) || NAMES_A_FAULT.test(ctx.text)) return false;
  const home = verifiedHome(ctx);
  if (!home || !(await openFeeQuestion(ctx.tx, home.id, ctx.now))) return false;
  await fileFeeQuestionFor(ctx, home, reply);
  return true;
}

/** Asking for an invoice or a receipt (开票 is the office's work, not a figure to look up). */
const INVOICE_REQUEST = /(开|要|需要|打印|补|拿)[^。，,]{0,4}(发票|收据|票据|专票)|(发票|收据|票据|专票)[^。]{0,6}(怎么|如何|哪里|去哪|能不能|可以|可不可以)?[^。]{0,2}(开|打|拿|领|要|办)|\b(invoice|receipt|fapiao)\b/i;

/** "1101家欠了多少", "502那户交了没": a home named by its number in a question about payments. */
const ROOM_OF_HOME_ASKED = /(?<![\d-])(\d{3,4})(?:室|号房?)?(?:家|户|那家|那户|的)[^。？?]{0,8}(?:欠|交|缴|物业费|费)/;
/** Asking about someone else's payments ("他家是不是一直不交", "谁家没交", "who hasn't paid"). */
const OTHERS_FEES = /(他|她|他们|她们|人家|别人|邻居|隔壁|楼上|楼下|对门|对面|那|老外)家?[^。？?]{0,10}(欠了?多少|欠不欠|欠费|不交|没交|交没交|交了没|拖欠)|(谁家|哪(几|些)?家|哪(几|些)?户)[^。？?]{0,8}(没交|欠|不交|拖欠)|\bwho\b[^?]{0,30}\b(hasn'?t|haven'?t|has not|have not|not) paid\b|\b(neighbou?r'?s?|their|his|her)\b[^.?]{0,20}\b(fees?|arrears|owes?|paid)\b/i;

/** Asking what is owed, paid or how to pay ("还欠多少", "交到几月了", "怎么交"), as opposed to arguing an amount. */
const ASKS_FOR_BILLS = /欠(多少|几个月|费|几多)|几多钱|还(差|要交)多少|交到(哪|几|什么时候)|账单|多少钱|查(一下|下)|(怎么|在哪|去哪|哪里|如何)(交|缴|付)|缴费方式|支付|发票|收据|\b(how much|owe|statement|how (do|can) i pay)\b/i;

/** Whether the sender's previous message (in the last 10 minutes) was read as this intent. */
/** The key of the last message the assistant sent this person in the last half hour (a question it asked), or null. */
async function lastReplyKey(ctx: MessageContext): Promise<string | null> {
  const last = await ctx.tx.outboxMessage.findFirst({ where: { toKind: "user", toPlatformId: ctx.inbound.userId, notBefore: { gte: new Date(ctx.now.getTime() - 30 * 60_000), lte: ctx.now } }, orderBy: { id: "desc" }, select: { key: true } });
  return last?.key ?? null;
}

async function lastMessageWasAbout(ctx: MessageContext, intent: string): Promise<boolean> {
  const last = await ctx.tx.inboundMessage.findFirst({ where: { chatUserId: ctx.sender.id, id: { lt: ctx.messageId }, receivedAt: { gte: new Date(ctx.now.getTime() - 10 * 60_000) } }, orderBy: { id: "desc" }, select: { intent: true } });
  return last?.intent === intent;
}

/** A repair or complaint said in the same message as a fee question, read clause by clause; or null. */
function grievanceBesideFeeQuestion(ctx: MessageContext): Classification | null {
  for (const clause of ctx.text.split(/[，,。；;！!？?]/)) {
    if (clause.trim().length < 4 || /费|交|缴|欠|钱/.test(clause)) continue;
    const c = classifyOffline({ chat: ctx.inGroup ? "group" : "direct", mentioned: ctx.inbound.mentionsSelf, text: clause });
    // (A short clause reads less surely: "他家车老占消防通道" is 0.42 sure, and still a complaint.)
    if ((c.intent === "complaint" || c.intent === "repair") && (c.confidence >= 0.6 || (c.confidence >= 0.4 && (A_FAULT_SAID.test(clause) || /占|停/.test(clause))))) return { ...c, location: null };
  }
  return null;
}

/** How to pay: "怎么交", "在哪里交", "缴费方式". */
const HOW_TO_PAY = /怎么(交|缴|付)|(在)?哪(里|儿)?(可以)?(交|缴|付)|缴费(方式|渠道|途径)|交费(方式|渠道)|能(用)?(微信|支付宝)(交|缴|付)|\bhow (do|can) i pay\b|\bwhere (do|can) i pay\b/i;

/** Someone's phone or name asked for ("孟先生的电话", "业主叫什么"). */
const PERSON_DETAILS = /(电话|手机|号码|联系方式|名字|姓名|叫什么|叫啥)/;

/** A household's open bills, total and payment channels — only ever to a verified resident of it, in a direct chat. */
async function sendBills(ctx: MessageContext, h: { id: number; building: { name: string }; unit: string; room: string }, reply: ReplyFn) {
  const fees = await feeSummary(ctx.tx, h.id);
  const lines = fees.open.map((b) => `· ${b.item} ${b.period}：${yuan(b.owed)} 元（${formatRelative(b.dueDate, ctx.now, ctx.tz).replace(/ \d\d:\d\d$/, "")}到期）`);
  const bills = JSON.stringify(fees.open.map((b) => ({ item: b.item, period: b.period, owed: yuan(b.owed), due: b.dueDate.toISOString() })));
  await reply({ key: "fee.summary", params: { address: householdAddress(h), lines: lines.join("\n"), bills, total: yuan(fees.totalOwed), paidUpTo: fees.paidUpTo ?? "", channels: ctx.settings.paymentChannels } }, direct(ctx));
}

/** A parent's or relative's home named as such ("我爸妈那套", "我妈家"). */
const FAMILY_HOME = /(爸妈|父母|我爸|我妈|老人|公婆|岳父|岳母|丈母娘|外婆|奶奶|爷爷|姥姥)(家|那套|那边|的房子|住的)/;
/** "小区车位是租还是买？月租多少钱", "装修押金多少": what something costs here — a question for the office, not the household's bills. */
const PRICE_ASKED = /(车位|停车|装修押金|押金|门禁卡|补卡)[^。？?]{0,10}(月租|租金|怎么收|收费标准|价格|租还是买|是租|多少钱一个月|一个月多少|一年多少|押金多少)|是租还是买|收费标准|怎么收费/;

async function answerFee(ctx: MessageContext, c: Classification, reply: ReplyFn) {
  if (PRICE_ASKED.test(ctx.text) && !/我家|我们家|欠|交到|账单|还差|还要交|要交|该交|催|滞纳金|发票|为什么|涨/.test(ctx.text)) return INTENT_HANDLERS.inquiry(ctx, c, reply);
  await answerFeeQuestion(ctx, c, reply);
  // "物业费在哪里交？顺便说一下我家门口的声控灯坏了": the fault said beside the question is filed too.
  if (ctx.ticketId === null && PIVOT.test(ctx.text)) {
    const aside = grievanceBesideFeeQuestion(ctx);
    if (aside) await fileTicket(ctx, aside, reply, ctx.messageId);
  }
}

async function answerFeeQuestion(ctx: MessageContext, c: Classification, reply: ReplyFn) {
  // "帮我查一下5栋702业主的名字和电话，我是中介": someone's details, whatever the money words.
  if (asksForSomeonesDetails(ctx, c) && !/我家|我们家|自己家/.test(ctx.text)) {
    await logUnanswered(ctx, c);
    return reply({ key: "resident.details_private" });
  }
  let home = verifiedHome(ctx);
  // "物业费一般在哪里交？怎么交啊": how to pay is public — the channels, no binding needed.
  if (!home && HOW_TO_PAY.test(ctx.text) && !/多少|欠|几个月|到什么时候|交到/.test(ctx.text)) return reply({ key: "fee.how_to_pay", params: { channels: ctx.settings.paymentChannels } });
  if (!home) {
    // "@物业小助手 我是管家李娜，把1201孟先生的电话和欠费发一下": another home's account asked in the
    // group — refused as such (binding would not open it), not "bind first".
    if (ctx.inGroup && (c.location?.room || ROOM_OF_HOME_ASKED.test(ctx.text) || OTHERS_FEES.test(ctx.text) || PERSON_DETAILS.test(ctx.text))) return reply({ key: "fee.others_private" });
    if (ctx.inGroup) return reply({ key: "bind.need_for_fee" });
    // "我是3栋1单元601的，帮家里查一下物业费": the address given goes straight to the phone tail.
    if (c.location?.building && c.location.room && OWN_ADDRESS.test(ctx.text)) return startBinding(ctx, c.location, ctx.messageId, reply);
    return askToBind(ctx, ctx.messageId, reply, "fee"); // answered once bound
  }
  // "3栋2单元1201欠多少钱": the sender's own other home if they are verified there; anyone else's
  // bills are never shown — they are told so, and get their own.
  const asked = c.location?.building && c.location.room ? c.location : null;
  // "502家欠了多少？他家是不是一直不交", "who in building 5 hasn't paid": another home's account.
  const ownRooms = ctx.sender.residents.map((r) => r.household.room);
  const roomNamed = c.location?.room ?? ROOM_OF_HOME_ASKED.exec(ctx.text)?.[1] ?? null;
  const otherRoom = !asked && roomNamed !== null && !ownRooms.includes(roomNamed);
  // "9栋那套呢，欠不欠": the sender's own home in that building (one of theirs), not a neighbour's.
  const ownByBuilding = !asked && c.location?.building && !c.location.room ? ctx.sender.residents.filter((r) => r.verified && r.household.building.name === c.location!.building).map((r) => r.household) : [];
  // "我爸妈那套物业费交了没有" from someone verified at their parents' home too: that home — the one on file
  // under another name than the sender's (or all of theirs when that does not tell).
  const familyHomes = FAMILY_HOME.test(ctx.text) && !asked ? ctx.sender.residents.filter((r) => r.verified).map((r) => r.household) : [];
  const familyHome = familyHomes.length >= 2 ? familyHomes.filter((h) => h.ownerName !== ctx.sender.name && h.ownerName !== ctx.inbound.userName) : [];
  if (familyHomes.length >= 2) home = familyHome.length === 1 ? familyHome[0]! : home;
  if (familyHomes.length >= 2) {
    for (const h of familyHome.length === 1 ? familyHome : familyHomes) {
      await sendBills(ctx, h, reply);
    }
    if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
    return;
  }
  if (ownByBuilding.length === 1 && !/(他|她|人家|别人|邻居|隔壁|对门|谁家)/.test(ctx.text)) home = ownByBuilding[0]!;
  else if ((asked && !verifiedHomeAt(ctx, asked)) || otherRoom || OTHERS_FEES.test(ctx.text)) {
    // In a group, the refusal is said there: "已私信您" would tell the group the neighbour's figures were sent.
    if (ctx.inGroup) {
      await reply({ key: "fee.others_private" });
      // "1201那家停车费交了没，老是占我家车位": the grievance beside the question is still a complaint.
      const grievance = grievanceBesideFeeQuestion(ctx);
      return grievance ? fileTicket(ctx, grievance, reply, ctx.messageId) : undefined;
    }
    // (In a direct chat too: "1栋2单元1001家的车位费交了吗，他家车老占消防通道" — the refusal, and the complaint filed.)
    const grievance = grievanceBesideFeeQuestion(ctx);
    if (grievance) {
      await reply({ key: "fee.others_private_direct" }, direct(ctx));
      return fileTicket(ctx, grievance, reply, ctx.messageId);
    }
    await reply({ key: "fee.not_your_household", params: { address: householdAddress(home) } }, direct(ctx));
  } else if (asked) home = verifiedHomeAt(ctx, asked)!;
  // "物业费的发票怎么开？单位要报销": invoices and receipts are issued by the office — a fee ticket for
  // the housekeeper, who arranges it; the bills are not the answer.
  if (INVOICE_REQUEST.test(ctx.text) && !isFeeAmountQuestion(ctx.text)) {
    await fileFeeQuestionFor(ctx, home, reply, "invoice");
    if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
    return;
  }
  // "为什么这个月物业费这么多": the housekeeper explains it (a fee ticket); the bills follow as usual.
  if (isFeeAmountQuestion(ctx.text)) await fileFeeQuestionFor(ctx, home, reply);
  // "物业费是按98平算的，我家只有89平" while that question is open: more on it, for the housekeeper
  // (the bills again only when asked for).
  else if (!ctx.inGroup && !ASKS_FOR_BILLS.test(ctx.text) && (await openFeeQuestion(ctx.tx, home.id, ctx.now))) return fileFeeQuestionFor(ctx, home, reply);
  // "我家还欠多少" from someone verified at two homes, naming neither: both, one message each.
  const named = (asked && verifiedHomeAt(ctx, asked)) || verifiedHomeNamed(ctx, c.location);
  const homes = named ? [named] : asked ? [home] : ctx.sender.residents.map((r) => r.household);
  for (const h of homes) {
    await sendBills(ctx, h, reply);
  }
  if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
}

/** A short answer to a fee reminder of the last 14 days, in a direct chat: "已交" → the housekeeper checks;
 * "下个月一起交" → the housekeeper is told and arranges it; "有问题" → a fee ticket. */
async function answerFeeReminderReply(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<boolean> {
  // (Answered in a group too — "@物业小助手 已交了" — the reply going by direct message.)
  const kind = c.urgency === 1 || !verifiedHome(ctx) || (ctx.inGroup && !ctx.inbound.mentionsSelf) ? null : parseReminderReply(ctx.text);
  if (!kind) return false;
  // "3栋那套已经交了": the home it names, when it is one of theirs; else the one last reminded.
  const householdId = await recentReminderHousehold(ctx.tx, ctx.community.id, ctx.inbound.userId, ctx.now);
  if (householdId === null || householdId === undefined) return false;
  const home = verifiedHomeNamed(ctx, c.location) ?? ctx.sender.residents.find((r) => r.householdId === householdId)?.household;
  if (!home) return false;
  if (kind === "question") await fileFeeQuestionFor(ctx, home, reply);
  else {
    // "已交" from an owner reminded about two homes, naming neither: both are checked.
    const named = verifiedHomeNamed(ctx, c.location);
    const others = named ? [] : (await recentReminderHouseholds(ctx.tx, ctx.community.id, ctx.inbound.userId, ctx.now)).filter((id) => id !== home.id)
      .map((id) => ctx.sender.residents.find((r) => r.householdId === id)?.household).filter((h): h is NonNullable<typeof h> => Boolean(h));
    for (const other of others) await askToCheckPayment(ctx.tx, { household: other, resident: ctx.sender.name || ctx.inbound.userName, text: ctx.text, now: ctx.now, tz: ctx.tz, kind });
    const r = await askToCheckPayment(ctx.tx, { household: home, resident: ctx.sender.name || ctx.inbound.userName, text: ctx.text, now: ctx.now, tz: ctx.tz, kind });
    const key = r.owedCents === 0 && others.length === 0 ? "fee.paid_nothing_owed" : kind === "later" ? "fee.pay_later_ack" : "fee.paid_claim_ack";
    await reply({ key, params: { staff: others.length ? "" : r.staff, homes: others.length ? [home, ...others].map((h) => householdAddress(h)).join("、") : "" } }, direct(ctx));
  }
  if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
  return true;
}

async function fileFeeQuestionFor(ctx: MessageContext, home: NonNullable<ReturnType<typeof verifiedHome>>, reply: ReplyFn, about: "amount" | "invoice" = "amount") {
  const r = await fileFeeQuestion(ctx.tx, ctx.now, ctx.settings, { household: home, reporter: { chatUserId: ctx.sender.id, name: ctx.sender.name }, text: ctx.text, sourceMessageId: ctx.messageId });
  ctx.ticketId = r.ticket.id;
  const params = { number: r.ticket.number, summary: ctx.text.slice(0, 60), staff: r.assignee?.name ?? "", acceptBy: r.acceptBy?.toISOString() ?? "", about };
  await reply({ key: r.added ? "fee.question_added" : "fee.question_ticket", params }, direct(ctx));
}

// ——— photos, voice, files ———

/** A request a member of staff logs for a resident (taken by phone or at the desk): filed like a resident's report, the staff member as its reporter. */
export async function fileForOthers(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<void> {
  await fileTicket({ ...ctx, forOthers: true }, c, reply, ctx.messageId);
}

async function onlyOpenTicket<I extends { assignee: { include: { chatUser: true } } }>(ctx: MessageContext, include: I) {
  const open = await ctx.tx.ticket.findMany({ where: { reporterId: ctx.sender.id, status: { in: OPEN_STATUSES }, createdAt: { gte: new Date(ctx.now.getTime() - 3 * 86_400_000) } }, take: 2, include });
  return open.length === 1 ? open[0]! : null;
}

export async function handleMedia(ctx: MessageContext, reply: ReplyFn): Promise<void> {
  if (ctx.inbound.kind === "voice") return reply({ key: "resident.voice_unsupported" }, direct(ctx));
  if (ctx.inbound.kind !== "image") return reply({ key: "resident.media_received" }, direct(ctx));
  // A photo sent shortly after a report belongs to that ticket.
  const since = new Date(ctx.now.getTime() - 30 * 60_000);
  const include = { assignee: { include: { chatUser: true } } } as const;
  // (Later, up to three days: when the sender has exactly one open ticket, the photo is of that one.)
  const recent = (await ctx.tx.ticket.findFirst({ where: { reporterId: ctx.sender.id, createdAt: { gte: since }, status: { in: OPEN_STATUSES } }, orderBy: { id: "desc" }, include }))
    ?? (await onlyOpenTicket(ctx, include));
  if (!recent) return reply({ key: "resident.media_received" }, direct(ctx));
  await ctx.tx.attachment.updateMany({ where: { inboundMessageId: ctx.messageId }, data: { ticketId: recent.id } });
  ctx.ticketId = recent.id;
  if (recent.assignee?.chatUser) {
    await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: recent.assignee.chatUser.platformId }, key: "staff.media_forwarded", params: { number: recent.number, path: ctx.inbound.filePath ?? "" }, notBefore: ctx.now });
  }
  await reply({ key: "resident.media_attached", params: { number: recent.number } }, direct(ctx));
}
