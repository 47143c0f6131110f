// A sampled resident answering: one question per service, then a free-text comment.
//
// Residents answer like a revisit (SCENARIOS.md): 1 满意 / 2 基本满意 / 3 不满意, or in words.
// Stored scores are 1–5 (5 best) so finer words keep their meaning: 满意 5, 基本满意 4, 一般 3,
// 不满意 2, 很不满意 1 — the digits 1/2/3 are the revisit's and map to 5/4/2.
// "跳过" / "不了解" leaves a service unscored. Satisfied = a score of 4 or 5 (满意 + 基本满意).
//
// Only an unmistakable answer is taken as one: anything else ("厨房漏水了") is "ignored" here and goes
// through the normal pipeline (a report becomes a ticket), while the survey waits for its answer.
// The comment step takes any text, except a resident command or a fee/progress question (those are
// answered normally); a comment the classifier reads as a repair or complaint is also filed as a ticket.
import { normalize } from "../../intents/normalize.js";
import { PROBLEM_WORD } from "../../intents/rules.js";
import type { Tx } from "../../db.js";
import type { Params } from "../outbox.js";
import { clearState } from "../residents/conversation.js";
import { parseServices } from "./campaign.js";

export type Score = 1 | 2 | 3 | 4 | 5;

const WORDS: [RegExp, Score][] = [
  [/^(非常满意|很满意|特别满意|十分满意|满意|挺满意|满意的|满意谢谢|谢谢满意)$/, 5],
  [/^(基本满意|比较满意|还算满意|还行|还可以|还不错|不错|挺好|挺好的)$/, 4],
  [/^(一般|一般般|凑合|还凑合|马马虎虎)$/, 3],
  [/^(不满意|不太满意|不大满意|不好|较差|比较差)$/, 2],
  [/^(很不满意|非常不满意|特别不满意|极不满意|很差|非常差|太差了|太差)$/, 1],
];
/** The revisit's digits: 1 满意, 2 基本满意, 3 不满意. */
const DIGIT_SCORES: Record<string, Score> = { "1": 5, "2": 4, "3": 2, 一: 5, 二: 4, 三: 2 };
const SKIP = /^(跳过|略过|不了解|不清楚|不知道|不太了解|没参加过?|没有参加过?|没用过|没接触过|不适用)$/;
const NO_COMMENT = /^(暂时|目前|现在|其他|其它|别的|也|就这些|就这样)?(都)?(无|没|没有|没了|暂无|暂时没有|不用|跳过|没什么|没啥|好的|谢谢|挺好|挺好的|都挺好|都好)(什么|啥)?(意见|建议|意见建议|要说的|要补充的)?(了)?(啊|吧|呢|哈)?(谢谢(你|您|你们)?)?$/;
/** What a resident may ask at any time (mirrors src/bot/dispatch.ts); never taken as an answer. */
const RESIDENT_COMMAND = /^(进度|我的报修|我的工单|查进度|帮助|help|绑定|绑定房屋)$/i;

const clean = (text: string) => text.trim().replace(/[。！!.，,、~～\s]/g, "");

/** A score, "skip", or null when the text is not an answer to a survey question. */
/** The verdict said first or last beside other words ("不满意，…"), or null. */
function verdictBeside(text: string): Score | null {
  const clauses = text.split(/[，,。.！!；;、\s]+/).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return null;
  for (const clause of [clauses[0]!, clauses[clauses.length - 1]!]) {
    const verdict = WORDS.find(([re]) => re.test(clean(clause).replace(/[吧啊呀哦呢啦嘛]+$/, "")));
    if (verdict) return verdict[1];
  }
  return null;
}

export function parseScore(text: string): Score | "skip" | null {
  const t = clean(text);
  const digit = /^([123一二三])$/.exec(t);
  if (digit) return DIGIT_SCORES[digit[1]!]!;
  for (const [re, score] of WORDS) if (re.test(t)) return score;
  if (SKIP.test(t)) return "skip";
  const english = scoreInEnglish(text);
  if (english !== null) return english;
  const inWords = scoreInWords(t);
  if (inWords !== null) return inWords;
  // "不满意，上个月修个灯来了三趟才修好" / "…楼道天天有人拖，满意": the verdict first or last, the reason around it.
  const clauses = text.split(/[，,。.！!；;、\s]+/).map((c) => c.trim()).filter(Boolean);
  // (A fault named with it — "不满意，电梯老坏" — is still a complaint to file: not taken as a score.)
  if (clauses.length > 1 && !/坏|漏|堵|脏|臭|吵|乱|没人|不管/.test(text)) {
    for (const clause of [clauses[0]!, clauses[clauses.length - 1]!]) {
      const verdict = WORDS.find(([re]) => re.test(clean(clause).replace(/[吧啊呀哦呢啦嘛]+$/, "")));
      if (verdict) return verdict[1];
    }
  }
  return null;
}

/** "satisfied", "2 mostly", "not happy", "skip": the English prompt's own words and their neighbours. */
function scoreInEnglish(text: string): Score | "skip" | null {
  const t = text.trim().toLowerCase().replace(/[.!,~]+$/g, "");
  if (!/^[a-z0-9\s',./!-]+$/.test(t) || t.length > 60) return null;
  if (/^(skip|pass|n\/?a|not applicable|don'?t know|no idea|never used( it)?)$/.test(t)) return "skip";
  const lead = /^([123])\b/.exec(t);
  if (lead) return DIGIT_SCORES[lead[1]!]!;
  if (/\b(very|totally|extremely) (dis|un)satisfied\b|\bterrible\b|\bawful\b|\bvery (bad|poor)\b/.test(t)) return 1;
  if (/\b(not|un|dis)(\s)?(satisfied|happy|good)\b|\bnot really\b|\bpoor\b|\bbad\b/.test(t)) return 2;
  if (/\b(so-so|average|it'?s ok(ay)?|ok(ay)?|fine)\b/.test(t) && !/satisf/.test(t)) return 3;
  if (/\b(mostly|fairly|quite|somewhat|basically) satisfied\b|\bmostly\b/.test(t)) return 4;
  if (/\b(satisfied|happy|good|great|excellent|perfect)\b/.test(t)) return 5;
  return null;
}

/** "还行，基本满意", "一般般吧", "挺满意的谢谢": an answer said among a few other words (short replies only). */
function scoreInWords(t: string): Score | null {
  // (A fault named with it — "不满意，电梯老坏" — is a complaint to file, not a score.)
  if (t.length > 12 || /坏|漏|堵|脏|臭|吵|乱|没人|不管/.test(t)) return null;
  const u = t.replace(/[吧啊呀哦呢啦嘛]+$/, "");
  for (const [re, score] of WORDS) if (re.test(u)) return score;
  if (/很不满意|非常不满意|特别不满意|太差/.test(t)) return 1;
  if (/(不|不太|不大|没有?|唔|谈不上|说不上)满意/.test(t)) return 2;
  if (/一般般|一般吧|马马虎虎|凑合/.test(t)) return 3;
  if (/基本满意|比较满意|还算满意/.test(t)) return 4;
  if (/满意/.test(t)) return 5;
  return null;
}

export const isSatisfied = (score: number) => score >= 4;

/** The params of a question: which survey, which service, "第 2/6 题". */
export function questionParams(surveyId: number, services: string[], step: number): Params {
  return { survey: surveyId, index: step + 1, total: services.length, service: services[step] ?? "" };
}

export type SurveyStep =
  /** Not an answer: let the message through the normal pipeline; the survey keeps waiting. */
  | { kind: "ignored" }
  /** Answer recorded; reply with the next question or the comment prompt. */
  | { kind: "reply"; key: string; params: Params; fileTicket?: boolean }
  /** Survey finished. `fileTicket`: the comment is a repair or complaint and must become a ticket. */
  | { kind: "done"; inviteId: number; fileTicket: boolean; commented: boolean };

export async function answerSurvey(tx: Tx, input: { chatUserId: number; inviteId: number; text: string; intent: string | null; now: Date }): Promise<SurveyStep> {
  const invite = await tx.surveyInvite.findUnique({ where: { id: input.inviteId }, include: { survey: true } });
  if (!invite || invite.chatUserId !== input.chatUserId || invite.status !== "asking" || invite.survey.status !== "running") {
    await clearState(tx, input.chatUserId); // a stale state: the survey ended or was cancelled
    return { kind: "ignored" };
  }
  const services = parseServices(invite.survey.services);
  if (invite.step < services.length) {
    // "不满意，上次修水管的师傅弄得满地是泥也不打扫": the score, and the complaint beside it filed.
    const grievance = (input.intent === "complaint" || input.intent === "repair") && PROBLEM_WORD.test(normalize(input.text)) ? verdictBeside(input.text) : null;
    const score = grievance ?? parseScore(input.text);
    if (score === null) return { kind: "ignored" };
    const answers = JSON.parse(invite.answers) as Record<string, number>;
    if (score !== "skip") answers[services[invite.step]!] = score;
    const step = invite.step + 1;
    await tx.surveyInvite.update({ where: { id: invite.id }, data: { step, answers: JSON.stringify(answers) } });
    const filed = grievance !== null;
    if (step < services.length) return { kind: "reply", key: "survey.question", params: questionParams(invite.surveyId, services, step), fileTicket: filed };
    return { kind: "reply", key: "survey.ask_comment", params: { survey: invite.surveyId }, fileTicket: filed };
  }
  // The comment.
  const text = input.text.trim();
  // ("暂时没有" reads to the classifier like a progress question; it is the answer "nothing to add".)
  const commented = !NO_COMMENT.test(clean(text));
  if (commented && (RESIDENT_COMMAND.test(text) || input.intent === "fee" || input.intent === "progress")) return { kind: "ignored" };
  await tx.surveyInvite.update({
    where: { id: invite.id },
    data: { status: "done", comment: commented ? text.slice(0, 2000) : null, completedAt: input.now },
  });
  // Cleared before any ticket is filed: filing may need a state of its own (binding).
  await clearState(tx, input.chatUserId);
  // A comment is filed only when it names something wrong ("整体还行，继续加油" is encouragement, whatever the classifier made of it).
  return { kind: "done", inviteId: invite.id, fileTicket: commented && (input.intent === "repair" || input.intent === "complaint") && PROBLEM_WORD.test(normalize(text)), commented };
}

/** The closing thanks; when the comment became (or joined) a ticket, it is linked to the invite and named. */
export async function surveyDone(tx: Tx, inviteId: number, ticketId: number | null): Promise<{ key: string; params: Params }> {
  if (!ticketId) return { key: "survey.thanks", params: {} };
  await tx.surveyInvite.update({ where: { id: inviteId }, data: { ticketId } });
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { number: true } });
  return { key: "survey.thanks_ticket", params: { number: ticket.number } };
}
