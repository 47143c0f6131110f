// What the assistant does for residents (and anyone not on staff): conversation steps (binding,
// revisit answers), resident commands, and one handler per intent.
import type { Logger } from "pino";
import type { Tx } from "../db.js";
import { parseAddress } from "../intents/location.js";
import { placeOf } from "../intents/scope.js";
import type { Classification, Intent } from "../intents/types.js";
import type { Settings } from "../services/community/settings.js";
import { enqueue, type Recipient } from "../services/outbox.js";
import { checkPhoneTail, findHousehold, isLocked } from "../services/residents/binding.js";
import { setState, clearState, type ConversationState } from "../services/residents/conversation.js";
import { householdAddress, type Sender } from "../services/residents/identity.js";
import { answerOutageReport } from "../services/notices/outage.js";
import { feeSummary, yuan } from "../services/fees/fee-summary.js";
import { askToCheckPayment, fileFeeQuestion, isFeeAmountQuestion, parseReminderReply, recentReminderHousehold } from "../services/fees/fee-questions.js";
import { answerRevisit, addRevisitDetail, parseSatisfaction } from "../services/revisits/revisit.js";
import { answerSurvey, surveyDone } from "../services/surveys/answers.js";
import { createTicket } from "../services/tickets/create-ticket.js";
import { findRelatedTicket, linkToIncident, recordRepeatReport } from "../services/tickets/related.js";
import { nextPromise } from "../services/tickets/deadlines.js";
import { OPEN_STATUSES } from "../services/tickets/transitions.js";
import { housekeeperOfBuilding, supervisorsOf } from "../services/staff/routing.js";
import { formatRelative } from "../services/time.js";
import type { Reply } from "./commands.js";
import { categoryLabel, intentLabel, statusLabel } from "./texts.js";
import type { Inbound } from "./transport.js";

export type MessageContext = {
  tx: Tx; now: Date; log: Logger; settings: Settings; tz: string; botName: string;
  community: { id: number; name: string; timezone: string };
  sender: Sender; inbound: Inbound; messageId: number; text: string; inGroup: boolean; replyTo: Recipient;
  classification: Classification | null; state: ConversationState | null;
  /** Set by a handler that created a ticket; stored on the message. */
  ticketId: number | null;
};
type ReplyFn = (r: Reply, to?: Recipient) => Promise<void>;

const BIND_TTL_MS = 30 * 60_000;
const direct = (ctx: MessageContext): Recipient => ({ kind: "user", platformId: ctx.inbound.userId });
const verifiedHome = (ctx: MessageContext) => ctx.sender.residents[0]?.household ?? null;

// ——— conversation steps ———

/** Returns true when the message was an answer to the question the assistant asked last. */
export async function handleConversationState(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  const { state, text, tx, sender, now } = ctx;
  if (!state) return false;
  switch (state.kind) {
    case "bind_phone": {
      if (!/^\d{4}$/.test(text)) return false;
      const result = await checkPhoneTail(tx, { chatUserId: sender.id, householdId: state.householdId, tail: text, now, settings: ctx.settings });
      if (result.kind === "wrong") return void (await reply({ key: "bind.wrong", params: { tries: result.triesLeft } })), true;
      if (result.kind === "locked") {
        await clearState(tx, sender.id);
        return void (await reply({ key: "bind.locked", params: { until: result.until.toISOString() } })), true;
      }
      await clearState(tx, sender.id);
      const household = await tx.household.findUniqueOrThrow({ where: { id: result.householdId }, include: { building: true } });
      const hk = await housekeeperOfBuilding(tx, household.communityId, household.building.name);
      await reply({ key: "bind.success", params: { address: householdAddress(household), staff: hk?.name ?? "" } });
      if (state.pendingMessageId) await filePendingReport(ctx, state.pendingMessageId, reply);
      return true;
    }
    case "bind_address": {
      const address = parseAddress(text);
      if (!address?.building || !address.room) return false;
      await startBinding(ctx, address, state.pendingMessageId, reply);
      return true;
    }
    case "revisit": {
      const answer = parseSatisfaction(text);
      if (!answer) return false;
      const { ticket, reopened } = await answerRevisit(tx, { chatUserId: sender.id, ticketId: state.ticketId, answer, now });
      await reply({ key: answer === 3 ? "resident.revisit_unsatisfied" : "resident.revisit_thanks", params: { number: ticket.number, reopened: reopened ? 1 : 0 } });
      return true;
    }
    case "revisit_detail": {
      if (/^(进度|我的报修)$/.test(text)) return false;
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
      await reply(step.kind === "reply" ? step : await surveyDone(tx, step.inviteId, step.fileTicket ? ctx.ticketId : null));
      return true;
    }
  }
}

async function startBinding(ctx: MessageContext, address: { building: string | null; unit: string | null; room: string | null }, pendingMessageId: number | null, reply: ReplyFn) {
  const household = await findHousehold(ctx.tx, ctx.community.id, address);
  const written = `${address.building}栋${address.unit ? `${address.unit}单元` : ""}${address.room}`;
  if (!household) return reply({ key: "bind.unknown_household", params: { address: written } }, direct(ctx));
  if (isLocked(household, ctx.now)) return reply({ key: "bind.locked", params: { until: household.bindLockedUntil!.toISOString() } }, direct(ctx));
  await setState(ctx.tx, ctx.sender.id, { kind: "bind_phone", householdId: household.id, pendingMessageId }, new Date(ctx.now.getTime() + BIND_TTL_MS));
  await reply({ key: "bind.ask_tail", params: { address: householdAddress(household) } }, direct(ctx));
}

/** Asks an unbound sender for their address, keeping the report to file once they are bound. */
async function askToBind(ctx: MessageContext, pendingMessageId: number | null, reply: ReplyFn) {
  await setState(ctx.tx, ctx.sender.id, { kind: "bind_address", pendingMessageId }, new Date(ctx.now.getTime() + BIND_TTL_MS));
  if (ctx.inGroup) await reply({ key: "bind.need_in_group" });
  await reply({ key: pendingMessageId ? "bind.ask_address_pending" : "bind.ask_address" }, direct(ctx));
}

/** After binding, the report that started it becomes a ticket: nothing the resident said is lost. */
async function filePendingReport(ctx: MessageContext, messageId: number, reply: ReplyFn) {
  const msg = await ctx.tx.inboundMessage.findUnique({ where: { id: messageId } });
  if (!msg?.intent || (msg.intent !== "repair" && msg.intent !== "complaint")) return;
  const sender = await ctx.tx.chatUser.findUniqueOrThrow({ where: { id: ctx.sender.id }, include: { residents: { where: { verified: true }, include: { household: { include: { building: true } } } } } });
  const classification: Classification = { intent: msg.intent as Intent, category: (msg.category ?? "other") as Classification["category"], urgency: (msg.urgency ?? 3) as 1 | 2 | 3, location: null, confidence: 1, decidedBy: (msg.decidedBy ?? "offline") as Classification["decidedBy"] };
  const next = { ...ctx, sender: { ...ctx.sender, residents: sender.residents }, text: msg.text, inGroup: false, replyTo: direct(ctx) };
  await fileTicket(next, classification, reply, messageId);
}

// ——— resident commands ———

export async function handleResidentCommand(ctx: MessageContext, reply: ReplyFn): Promise<boolean> {
  const { text } = ctx;
  if (/^(进度|我的报修|我的工单|查进度)$/.test(text)) return void (await showProgress(ctx, reply)), true;
  if (/^(帮助|help)$/i.test(text)) return void (await reply({ key: "resident.hello" })), true;
  if (/^(绑定|绑定房屋)$/.test(text)) return void (await askToBind(ctx, null, reply)), true;
  // An unbound person sending an address (and nothing that needs action) wants to bind.
  if (!verifiedHome(ctx) && !ctx.inGroup) {
    const address = parseAddress(text);
    const c = ctx.classification;
    const mostlyAddress = address?.building && address.room && (!c || c.intent === "other" || c.intent === "inquiry" || text.replace(/[\s\d\-栋幢座号楼单元室#]/g, "").length <= 4);
    if (mostlyAddress) return void (await startBinding(ctx, address, null, reply)), true;
  }
  return false;
}

const PROMISE_LABELS = { accept: "受理", onsite: "上门", resolve: "处理完成", feedback: "反馈进展", complete: "处理完成" } as const;

async function showProgress(ctx: MessageContext, reply: ReplyFn) {
  const home = verifiedHome(ctx);
  const tickets = await ctx.tx.ticket.findMany({
    where: { communityId: ctx.community.id, status: { in: OPEN_STATUSES }, OR: [{ reporterId: ctx.sender.id }, ...(home ? [{ householdId: home.id }] : [])] },
    include: { assignee: true }, orderBy: { number: "asc" }, take: 20,
  });
  if (tickets.length === 0) return reply({ key: "resident.progress_none" }, ctx.inGroup ? direct(ctx) : ctx.replyTo);
  const lines: string[] = [];
  for (const t of tickets) {
    // The next promised time (no silent waits), or the time agreed with the resident.
    const promise = t.waitingUntil ? null : await nextPromise(ctx.tx, t.id);
    const next = t.waitingUntil
      ? `　已约定 ${formatRelative(t.waitingUntil, ctx.now, ctx.tz)} 处理`
      : promise ? `　预计 ${formatRelative(promise.at, ctx.now, ctx.tz)} 前${PROMISE_LABELS[promise.step]}` : "";
    lines.push(`#${t.number} ${intentLabel(t.intent)}·${categoryLabel(t.category ?? "other")}：${t.summary.slice(0, 30)}\n  状态：${statusLabel(t.status)}　负责人：${t.assignee?.name ?? "物业服务中心"}　登记于 ${formatRelative(t.createdAt, ctx.now, ctx.tz)}${next}`);
  }
  // Progress names the household's tickets: only ever in a direct chat.
  await reply({ key: "resident.progress", params: { lines: lines.join("\n") } }, direct(ctx));
  if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
}

// ——— intents ———

type IntentHandler = (ctx: MessageContext, c: Classification, reply: ReplyFn) => Promise<void>;

const INTENT_HANDLERS: Record<Intent, IntentHandler> = {
  repair: (ctx, c, reply) => fileTicket(ctx, c, reply, ctx.messageId),
  complaint: (ctx, c, reply) => fileTicket(ctx, c, reply, ctx.messageId),
  fee: answerFee,
  progress: (ctx, _c, reply) => showProgress(ctx, reply),
  inquiry: async (ctx, c, reply) => {
    await logUnanswered(ctx, c);
    const home = verifiedHome(ctx);
    const hk = home ? await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name) : null;
    await reply({ key: "resident.inquiry", params: { staff: hk?.name ?? "" } });
  },
  suggestion: async (ctx, c, reply) => {
    await logUnanswered(ctx, c);
    for (const s of await supervisorsOf(ctx.tx, ctx.community.id)) {
      if (s.chatUser) await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.suggestion", params: { place: placeName(ctx), text: ctx.text.slice(0, 500) }, notBefore: ctx.now });
    }
    await reply({ key: "resident.suggestion" });
  },
  praise: async (ctx, c, reply) => {
    await logUnanswered(ctx, c);
    const home = verifiedHome(ctx);
    const hk = home ? await housekeeperOfBuilding(ctx.tx, ctx.community.id, home.building.name) : null;
    const hkUser = hk?.chatUserId ? await ctx.tx.chatUser.findUnique({ where: { id: hk.chatUserId } }) : null;
    if (hkUser) await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: hkUser.platformId }, key: "staff.praise", params: { place: placeName(ctx), text: ctx.text.slice(0, 500) }, notBefore: ctx.now });
    await reply({ key: "resident.praise" });
  },
  other: async (ctx, _c, reply) => {
    // Chit-chat in a group gets no answer unless the assistant was addressed.
    if (!ctx.inGroup || ctx.inbound.mentionsSelf) await reply({ key: "resident.hello" });
  },
};

export async function handleIntent(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<void> {
  // "已交" / "金额不对" right after a fee reminder answers it, whatever the classifier made of it.
  if (await answerFeeReminderReply(ctx, c, reply)) return;
  await INTENT_HANDLERS[c.intent](ctx, c, reply);
}

const placeName = (ctx: MessageContext) => {
  const home = verifiedHome(ctx);
  return home ? householdAddress(home) : ctx.inbound.userName;
};

async function logUnanswered(ctx: MessageContext, c: Classification) {
  await ctx.tx.unansweredQuestion.create({ data: { communityId: ctx.community.id, inboundMessageId: ctx.messageId, intent: c.intent, text: ctx.text.slice(0, 2000), at: ctx.now } });
}

async function fileTicket(ctx: MessageContext, c: Classification, reply: ReplyFn, sourceMessageId: number) {
  const place = placeOf(ctx.text, c.location, c.category);
  const home = verifiedHome(ctx);
  // "没水了" during an announced water cut: the notice answers it, no new ticket (src/services/notices/outage.ts).
  const outage = await answerOutageReport(ctx.tx, {
    communityId: ctx.community.id, text: ctx.text, intent: c.intent, category: c.category, building: c.location?.building ?? home?.building.name ?? null,
    groupPlatformId: ctx.inGroup ? (ctx.inbound.roomId ?? null) : null, messageId: sourceMessageId, to: ctx.replyTo, now: ctx.now,
  });
  if (outage) return;
  if (place.scope === "home" && !home) return askToBind(ctx, sourceMessageId, reply);
  const building = place.scope === "home" ? home!.building.name : (c.location?.building ?? home?.building.name ?? null);
  const owner = home ? { ownerName: home.ownerName, phone: home.phone } : null;
  const related = await findRelatedTicket(ctx.tx, { text: ctx.text, communityId: ctx.community.id, scope: place.scope, householdId: place.scope === "home" ? home!.id : null, building, category: c.category, now: ctx.now, settings: ctx.settings });
  if (related) {
    const t = related.ticket;
    ctx.ticketId = t.id;
    if (related.kind === "repeat") await recordRepeatReport(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
    else await linkToIncident(ctx.tx, t, ctx.sender.id, ctx.text, ctx.now);
    const params = { number: t.number, place: t.place, summary: t.summary.slice(0, 40) };
    if (ctx.inGroup) await reply({ key: "resident.linked_group", params });
    return reply({ key: related.kind === "repeat" ? "resident.repeat_report" : "resident.incident_linked", params }, direct(ctx));
  }
  const { ticket, assignee, acceptBy } = await createTicket(ctx.tx, ctx.now, ctx.settings, {
    communityId: ctx.community.id, intent: c.intent as "repair" | "complaint", category: c.category ?? "other", urgency: c.urgency,
    summary: ctx.text, place: place.scope === "home" ? householdAddress(home!) : place.description, scope: place.scope,
    householdId: place.scope === "home" ? home!.id : null, building,
    reporter: { chatUserId: ctx.sender.id, name: ctx.sender.name }, contact: place.scope === "home" ? owner : null, sourceMessageId,
  });
  ctx.ticketId = ticket.id;
  const params = {
    number: ticket.number, intent: c.intent, category: c.category ?? "other", urgency: c.urgency, summary: ctx.text.slice(0, 60),
    place: ticket.place, staff: assignee?.name ?? "", acceptBy: acceptBy.toISOString(),
  };
  if (ctx.inGroup) await reply({ key: "resident.ticket_created_group", params });
  await reply({ key: "resident.ticket_created", params }, direct(ctx));
}

async function answerFee(ctx: MessageContext, _c: Classification, reply: ReplyFn) {
  const home = verifiedHome(ctx);
  if (!home) {
    if (ctx.inGroup) return reply({ key: "bind.need_for_fee" });
    return askToBind(ctx, null, reply);
  }
  // "为什么这个月物业费这么多": the housekeeper explains it (a fee ticket); the bills follow as usual.
  if (isFeeAmountQuestion(ctx.text)) await fileFeeQuestionFor(ctx, home, reply);
  const fees = await feeSummary(ctx.tx, home.id);
  const lines = fees.open.map((b) => `· ${b.item} ${b.period}：${yuan(b.owed)} 元（${formatRelative(b.dueDate, ctx.now, ctx.tz).replace(/ \d\d:\d\d$/, "")}到期）`);
  // Amounts go only to a verified resident of the household, in a direct chat.
  await reply({ key: "fee.summary", params: { address: householdAddress(home), lines: lines.join("\n"), total: yuan(fees.totalOwed), paidUpTo: fees.paidUpTo ?? "", channels: ctx.settings.paymentChannels } }, direct(ctx));
  if (ctx.inGroup) await reply({ key: "fee.sent_privately" });
}

/** A short answer to a fee reminder of the last 14 days, in a direct chat: "已交" → the housekeeper checks; "有问题" → a fee ticket. */
async function answerFeeReminderReply(ctx: MessageContext, c: Classification, reply: ReplyFn): Promise<boolean> {
  const kind = ctx.inGroup || c.urgency === 1 || !verifiedHome(ctx) ? null : parseReminderReply(ctx.text);
  if (!kind) return false;
  const householdId = await recentReminderHousehold(ctx.tx, ctx.community.id, ctx.inbound.userId, ctx.now);
  const home = ctx.sender.residents.find((r) => r.householdId === householdId)?.household;
  if (!home) return false;
  if (kind === "question") return void (await fileFeeQuestionFor(ctx, home, reply)), true;
  const r = await askToCheckPayment(ctx.tx, { household: home, resident: ctx.sender.name || ctx.inbound.userName, text: ctx.text, now: ctx.now, tz: ctx.tz });
  await reply({ key: r.owedCents > 0 ? "fee.paid_claim_ack" : "fee.paid_nothing_owed", params: { staff: r.staff } }, direct(ctx));
  return true;
}

async function fileFeeQuestionFor(ctx: MessageContext, home: NonNullable<ReturnType<typeof verifiedHome>>, reply: ReplyFn) {
  const r = await fileFeeQuestion(ctx.tx, ctx.now, ctx.settings, { household: home, reporter: { chatUserId: ctx.sender.id, name: ctx.sender.name }, text: ctx.text, sourceMessageId: ctx.messageId });
  ctx.ticketId = r.ticket.id;
  const params = { number: r.ticket.number, summary: ctx.text.slice(0, 60), staff: r.assignee?.name ?? "", acceptBy: r.acceptBy?.toISOString() ?? "" };
  await reply({ key: r.added ? "fee.question_added" : "fee.question_ticket", params }, direct(ctx));
}

// ——— photos, voice, files ———

export async function handleMedia(ctx: MessageContext, reply: ReplyFn): Promise<void> {
  if (ctx.inbound.kind === "voice") return reply({ key: "resident.voice_unsupported" }, direct(ctx));
  if (ctx.inbound.kind !== "image") return reply({ key: "resident.media_received" }, direct(ctx));
  // A photo sent shortly after a report belongs to that ticket.
  const since = new Date(ctx.now.getTime() - 30 * 60_000);
  const recent = await ctx.tx.ticket.findFirst({ where: { reporterId: ctx.sender.id, createdAt: { gte: since }, status: { in: OPEN_STATUSES } }, orderBy: { id: "desc" }, include: { assignee: { include: { chatUser: true } } } });
  if (!recent) return reply({ key: "resident.media_received" }, direct(ctx));
  await ctx.tx.attachment.updateMany({ where: { inboundMessageId: ctx.messageId }, data: { ticketId: recent.id } });
  ctx.ticketId = recent.id;
  if (recent.assignee?.chatUser) {
    await enqueue(ctx.tx, { communityId: ctx.community.id, to: { kind: "user", platformId: recent.assignee.chatUser.platformId }, key: "staff.media_forwarded", params: { number: recent.number, path: ctx.inbound.filePath ?? "" }, notBefore: ctx.now });
  }
  await reply({ key: "resident.media_attached", params: { number: recent.number } }, direct(ctx));
}
