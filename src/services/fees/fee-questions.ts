// What residents say back about their fees, beyond "how much do I owe":
//  - a reply to a reminder (催缴): "已交" → the housekeeper is asked to check the payment records;
//    "有问题" / "金额不对" → a fee ticket for the housekeeper;
//  - a question about WHY an amount is what it is ("为什么这个月物业费这么多", "停车费怎么多收了")
//    → a fee ticket (intent "fee", no category) for the grid's housekeeper, who explains fees.
// The classifier only says "fee" (or, for a bare "我已经交了", something else entirely), so these are
// small rules on the text, kept here and tested on their own (test/services/fee-questions.test.ts).
import type { DbOrTx, Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { householdAddress } from "../residents/identity.js";
import { routeTicket } from "../staff/routing.js";
import { createTicket } from "../tickets/create-ticket.js";
import { OPEN_STATUSES, recordEvent } from "../tickets/transitions.js";
import { yuan } from "./fee-summary.js";
import { localParts } from "../time.js";
import { localDate, overdueByHousehold, REMINDER_KEY } from "./reminders.js";

// ——— the rules on the text ———

/** Punctuation, spaces and polite filler that carry no meaning for these rules. */
const strip = (text: string) => text.replace(/[\s，,。.!！?？~～、…:：;；"“”'‘’()（）【】\[\]]+/g, "");
const FEE_WORD = /费|钱|金额|账单|帐单|收费|收(这么|那么|得|了)|缴|交|付|元|块|价|面积|催|空置|打折|折扣|[一二三四五六七八九]折|减免|优惠/;
/** A question about an amount: why it is what it is, or that it is wrong. */
// ("停车费怎么涨价了", "怎么比去年多了100", "怎么从300变成450了": a rise asked about.)
const WHY_AMOUNT = /为什么|为啥|凭什么|(怎么|咋|是不是)[^，。?？]{0,4}(涨|贵|多)了|涨价|涨了|(比|跟)(去年|上个?月|以前|之前|原来)[^，。?？]{0,4}(多|贵|高|涨)|从\d+[^，。?？]{0,3}(变成|涨到|到了)\d+|怎么(会|又)?(这么|那么)(多|贵|高)|(这么|那么)(多|贵|高)|多收|多扣|多算|收多了|扣多了|算多了|重复(收|扣)|(收|扣|交|缴)了两次|算错|收错|搞错|弄错|不对|有误|有出入|对不上/;
/** "还差多少", "还欠多少钱": the balance, asked. */
const BALANCE_ASKED = /还(差|欠|剩|要交|得交|需要交|要缴|需缴)(多少|几个月|哪些|什么)|还有(多少|哪些)(钱)?没(交|缴)/;
/** Paying later: when ("下个月", "月底", "发了工资") and the paying ("交", "补上"), or a plan asked for. */
const PAY_LATER = /(下(个)?月|下周|下礼拜|月底|月初|过(几|两|一)天|过完年|年后|过了年|开年|明年|春节后|节后|这几天|明天|后天|周末|发了?工资|年终奖|晚(点|些|几天)|缓(几天|一下|一缓|缓)|宽限|等[^，。]{0,4}(工资|钱|回来))[^，。]{0,10}(一起|一块|再|就|去|来)?(交|缴|付|补上|补交|结清)|手头(有点|比较|太)?紧|分期(交|缴|付)?|能不能(晚|缓|宽限)/;
/** In a reply to a reminder, doubt about the reminder itself also counts. */
const DOUBT = /有问题|有疑问|有异议|不认可|不同意|不合理|看不懂|不明白|不清楚/;
/** What may surround a bare doubt ("这个不对吧") without making it about something else. */
const FILLER = /我们?|我家|你们|这个|那个|这|那|是|的|了|吧|啊|呀|吗|呢|哦|嘛|好像|感觉|是不是|怎么|可能|有点/g;

/**
 * A question about why a fee amount is what it is. Meant for messages the classifier already took
 * for a fee question (or that answer a reminder), so it only needs a fee word and a why/wrong cue.
 */
export function isFeeAmountQuestion(text: string): boolean {
  // "Why is the parking fee 300 this month? It was 150 before."
  if (/\bwhy (is|was|are|did)\b[^.?]{0,30}\b(fee|fees|bill|charge|charges)\b|\b(fee|bill|charge)s?\b[^.?]{0,30}\b(doubled|went up|gone up|higher than|more than (last|before))\b/i.test(text)) return true;
  const t = strip(text);
  if (!FEE_WORD.test(t)) return false;
  // "物业费为什么不能用支付宝交" asks how to pay, not about the amount.
  if (/为什么|为啥/.test(t) && /(怎么|哪里|在哪|能不能|可以|能用|不能用)(交|缴|付|开)|支付宝|微信|刷卡|发票|收据/.test(t) && !/多|贵|高/.test(t)) return false;
  return WHY_AMOUNT.test(t);
}

/**
 * What a short answer to a fee reminder says: that it is paid ("已交", "交过了", "已经缴了",
 * "我早就在微信上交了"), that something is wrong ("有问题", "金额不对", "为什么这么多"), or neither
 * (null: an ordinary message). Questions ("交了吗") and denials ("还没交") are neither.
 */
export function parseReminderReply(text: string): "paid" | "later" | "question" | null {
  // "刚才群里截图那个催缴是8栋哪一户的？业主叫啥": about someone else's bill, not an answer.
  // ("8栋3单元1701那家停车费交了没？车老停我车位上": another home's fee, asked — the privacy answer.)
  if (/哪一?户|哪家|谁家|是谁|叫啥|叫什么|业主是|截图|那家|那户|他家|她家|人家|邻居|隔壁|对门/.test(text)) return null;
  // "I already paid both yesterday through the mini program", "Paid already, thanks".
  if (/\b(already paid|paid (it|them|both|already|yesterday|last week|online|by|through|via|at)|i('ve| have)( already)? paid|just paid)\b|^\W*paid\W*(thanks?|thank you)?\W*$/i.test(text) && !/\b(not|haven'?t|didn'?t|how|when|where)\b|\?/i.test(text)) return "paid";
  if (/\b(wrong amount|too (much|high)|why (is|so)|overcharged|charged twice|not (right|correct))\b/i.test(text)) return "question";
  // "Money is a bit tight this month, can I pay next month?"
  if (/\b(pay|settle)\b[^.?]{0,12}\b(next month|next week|later|end of the month|in a few days)\b|\bmoney is (a bit |quite |very )?tight\b/i.test(text) && !/\b(already|have) paid\b/i.test(text)) return "later";
  const t = strip(text);
  if (!t || t.length > 40) return null;
  // "我刚才先交了一部分，还差多少钱？": the balance asked — the bills answer it, nobody needs to check.
  if (BALANCE_ASKED.test(t)) return null;
  const paid = /(已经?|早就?|都|刚刚?|昨天|前天|今天|上周|上个?月|前几天)[^，。]{0,10}(交|缴|付)|(交|缴|付)(过|完|好|清)了?|(交|缴|付)(费)?了/.test(t);
  // ("交了也没人确认一下吗" asks after the check of a payment said to be made: a paid claim, chased.)
  // ("我家交清了没": a question, answered with the bills.)
  if (paid && (!/吗|么$|了?没(有)?$|没呢$/.test(t) || /没人确认|还没确认|确认一下|核对一下|查一下到账|没更新|没(有)?(到账|收到|显示|记上|登记)|查不到/.test(t)) && !/(没|未|不|忘了?)(有|想|会|要|再|用)?(交|缴|付)/.test(t)) {
    // "我已经交了，为什么还催" / "交了两次" carry a question too: that one is the housekeeper's to explain.
    return WHY_AMOUNT.test(t) && !/还催|又催|还发|还提醒/.test(t) ? "question" : "paid";
  }
  // "下个月一起交", "这个月手头紧，过几天再交行吗": a promise or a request to pay later, for the housekeeper.
  if (PAY_LATER.test(t) && !/(没|未|不)(打算|想|会)?(交|缴|付)(?!不起)/.test(t) && !WHY_AMOUNT.test(t)) return "later";
  if (WHY_AMOUNT.test(t) || DOUBT.test(t)) {
    // About the fee: it names one, or it is a bare doubt ("有问题", "这个不对吧", "为什么这么多").
    const rest = t.replace(new RegExp(WHY_AMOUNT.source, "g"), "").replace(new RegExp(DOUBT.source, "g"), "").replace(FILLER, "");
    if (FEE_WORD.test(t) || rest.length === 0) return "question";
  }
  return null;
}

// ——— reminders received ———

export const REPLY_WINDOW_DAYS = 14;

/** Every household reminded to this chat identity within `days` (newest first), for an owner of several homes. */
export async function recentReminderHouseholds(db: DbOrTx, communityId: number, platformId: string, now: Date, days = REPLY_WINDOW_DAYS): Promise<number[]> {
  const rows = await db.outboxMessage.findMany({
    where: { communityId, key: REMINDER_KEY, toKind: "user", toPlatformId: platformId, notBefore: { gte: new Date(now.getTime() - days * 86_400_000), lte: now } },
    orderBy: { notBefore: "desc" }, select: { dedupeKey: true },
  });
  const ids = rows.map((r) => /^fee\.reminder:(\d+):/.exec(r.dedupeKey ?? "")?.[1]).filter((x): x is string => Boolean(x)).map(Number);
  return [...new Set(ids)];
}

/**
 * The household of the latest fee reminder sent to this chat identity within `days` (default 14),
 * or null. The reminder's outbox row is the record (see reminders.ts), its dedupeKey names the household.
 */
export async function recentReminderHousehold(db: DbOrTx, communityId: number, platformId: string, now: Date, days = REPLY_WINDOW_DAYS): Promise<number | null> {
  const row = await db.outboxMessage.findFirst({
    where: { communityId, key: REMINDER_KEY, toKind: "user", toPlatformId: platformId, notBefore: { gte: new Date(now.getTime() - days * 86_400_000), lte: now } },
    orderBy: { notBefore: "desc" },
    select: { dedupeKey: true },
  });
  const m = /^fee\.reminder:(\d+):/.exec(row?.dedupeKey ?? "");
  return m ? Number(m[1]) : null;
}

type HouseholdRef = { id: number; communityId: number; unit: string; room: string; building: { name: string } };

/**
 * "已交": asks the grid's housekeeper (else the front desk, supervisor, manager) to check the
 * payment records, once per household and day. When a payment import has already cleared the
 * overdue bills, nobody is bothered: `owedCents` is 0 and the resident is simply thanked.
 */
export async function askToCheckPayment(
  tx: Tx,
  input: { household: HouseholdRef; resident: string; text: string; now: Date; tz: string; kind?: "paid" | "later" },
): Promise<{ owedCents: number; staff: string }> {
  const kind = input.kind ?? "paid";
  const { household, now } = input;
  const overdue = (await overdueByHousehold(tx, household.communityId, now, [household.id])).get(household.id);
  const route = await routeTicket(tx, household.communityId, household.building.name);
  if (!overdue) return { owedCents: 0, staff: route.assignee?.name ?? "" };
  const user = route.assignee?.chatUserId ? await tx.chatUser.findUnique({ where: { id: route.assignee.chatUserId } }) : null;
  if (user) {
    await enqueue(tx, {
      communityId: household.communityId, to: { kind: "user", platformId: user.platformId }, key: kind === "paid" ? "staff.fee_paid_claim" : "staff.fee_pay_later",
      params: { address: householdAddress(household), resident: input.resident, text: input.text.slice(0, 200), total: yuan(overdue.owedCents), months: overdue.periods.length, periods: overdue.periods.join("、") },
      // Once per household and half-day: a resident who chases in the afternoon is passed on again.
      notBefore: now, dedupeKey: `fee.${kind === "paid" ? "paid_claim" : "pay_later"}:${household.id}:${localDate(now, input.tz)}:${localParts(now, input.tz).hour < 12 ? "am" : "pm"}`,
    });
  }
  return { owedCents: overdue.owedCents, staff: route.assignee?.name ?? "" };
}

/** How long a fee question stays "the same matter": a second message within it joins the open ticket. */
const SAME_QUESTION_DAYS = 7;

/** The household's fee question still open, opened in the last 7 days, or null. */
export async function openFeeQuestion(tx: Tx, householdId: number, now: Date) {
  return tx.ticket.findFirst({
    where: { householdId, intent: "fee", status: { in: OPEN_STATUSES }, createdAt: { gte: new Date(now.getTime() - SAME_QUESTION_DAYS * 86_400_000) } },
    orderBy: { id: "desc" }, include: { assignee: { include: { chatUser: true } } },
  });
}

/**
 * A fee question becomes a ticket (intent "fee", category null: shown as 费用) on the household,
 * routed to its grid's housekeeper like any ticket. A second message while a fee ticket of the
 * household opened in the last 7 days is still open joins it (an event, forwarded to the assignee)
 * instead of making another: `added` is then true.
 */
export async function fileFeeQuestion(
  tx: Tx,
  now: Date,
  settings: Settings,
  input: { household: HouseholdRef & { ownerName: string; phone: string }; reporter: { chatUserId: number; name: string }; text: string; sourceMessageId: number | null },
) {
  const { household } = input;
  const open = await openFeeQuestion(tx, household.id, now);
  if (open) {
    await recordEvent(tx, open.id, "resident_message", { actor: `resident:${input.reporter.chatUserId}`, at: now, note: input.text.slice(0, 500) });
    if (input.sourceMessageId) await tx.attachment.updateMany({ where: { inboundMessageId: input.sourceMessageId, ticketId: null }, data: { ticketId: open.id } });
    if (open.assignee?.chatUser) {
      await enqueue(tx, { communityId: household.communityId, to: { kind: "user", platformId: open.assignee.chatUser.platformId }, key: "staff.fee_question_added", params: { number: open.number, place: open.place, text: input.text.slice(0, 500) }, notBefore: now });
    }
    return { ticket: open, assignee: open.assignee, acceptBy: null, added: true };
  }
  const created = await createTicket(tx, now, settings, {
    communityId: household.communityId, intent: "fee", category: null, urgency: 3, summary: input.text, place: householdAddress(household), scope: "home",
    householdId: household.id, building: household.building.name, reporter: input.reporter, contact: { ownerName: household.ownerName, phone: household.phone }, sourceMessageId: input.sourceMessageId,
  });
  return { ...created, added: false };
}
