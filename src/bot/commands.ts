// Staff commands, declared as data: name, aliases, argument shape, help line and what it runs.
// Help is generated from this table; duplicate aliases are rejected when the module loads.
import { DomainError } from "../services/deps.js";
import { acceptTicket, addNote, arriveTicket, completeTicket, listOpenTicketsFor, regradeTicket, resumeWaiting, sendFeedback, transferTicket, waitForResident } from "../services/tickets/staff-actions.js";
import { reportingHouseholds } from "../services/tickets/related.js";
import { formatRelative } from "../services/time.js";
import type { Args, CommandContext, Reply, StaffCommand } from "./command-types.js";
import { FEE_COMMANDS } from "./staff-commands/fees.js";
import { NOTICE_COMMANDS } from "./staff-commands/notices.js";
import { REPORT_COMMANDS } from "./staff-commands/reports.js";
import { SURVEY_COMMANDS } from "./staff-commands/surveys.js";
import { categoryLabel, intentLabel, statusLabel } from "./texts.js";

export type { CommandContext, Reply, StaffCommand } from "./command-types.js";

const number = (a: Args) => a.number as number;

export const STAFF_COMMANDS: StaffCommand[] = [
  {
    name: "接单", aliases: ["受理", "接"], ticket: true, usage: "接单 #12", help: "接单 #N：受理工单，通知住户",
    async run(c, a) { const t = await acceptTicket(c.tx, c.staff, number(a), c.now); return { key: t.reporterId ? "staff.accepted" : "staff.accepted_no_resident", params: { number: number(a) } }; },
  },
  {
    name: "到场", aliases: ["到达"], ticket: true, usage: "到场 #12", help: "到场 #N：记录已到现场",
    async run(c, a) { await arriveTicket(c.tx, c.staff, number(a), c.now); return { key: "staff.arrived", params: { number: number(a) } }; },
  },
  {
    name: "完成", aliases: ["办结"], ticket: true, text: "required", usage: "完成 #12 更换了角阀", help: "完成 #N 说明：处理完毕，安排回访",
    async run(c, a) { const t = await completeTicket(c.tx, c.staff, number(a), a.rest, c.now, c.settings, c.tz); return { key: t.reporterId ? "staff.completed" : "staff.completed_no_resident", params: { number: number(a) } }; },
  },
  {
    name: "转单", aliases: ["转派"], ticket: true, text: "required", usage: "转单 #12 钱师傅", help: "转单 #N 姓名：转给其他同事",
    async run(c, a) {
      const { target, alreadyHeld } = await transferTicket(c.tx, c.staff, number(a), a.rest.trim(), c.now);
      if (alreadyHeld) return { key: "error.ticket.already_assigned_noted", params: { number: number(a), name: target.name } };
      return { key: "staff.transferred_ok", params: { number: number(a), to: target.name } };
    },
  },
  {
    name: "备注", aliases: [], ticket: true, text: "required", usage: "备注 #12 住户下午在家", help: "备注 #N 文本：添加备注",
    async run(c, a) { await addNote(c.tx, c.staff, number(a), a.rest, c.now); return { key: "staff.noted", params: { number: number(a) } }; },
  },
  {
    name: "等待", aliases: ["约时", "预约", "约"], ticket: true, text: "required", usage: "等待 #12 业主不在家，约明天上午10点", help: "等待 #N 约定时间 原因：等住户方便时处理，期间计时暂停",
    async run(c, a) {
      const { until } = await waitForResident(c.tx, c.staff, number(a), a.rest, c.now, c.settings, c.tz);
      return { key: "staff.waiting_ok", params: { number: number(a), until: until.toISOString() } };
    },
  },
  {
    name: "恢复", aliases: [], ticket: true, usage: "恢复 #12", help: "恢复 #N：结束等待，恢复计时",
    async run(c, a) { await resumeWaiting(c.tx, c.staff, number(a), c.now); return { key: "staff.resumed", params: { number: number(a) } }; },
  },
  {
    name: "反馈", aliases: ["回复住户"], ticket: true, text: "required", usage: "反馈 #12 配件已订，预计周五更换", help: "反馈 #N 内容：向住户反馈处理进展",
    async run(c, a) {
      const { heldUntil } = await sendFeedback(c.tx, c.staff, number(a), a.rest, c.now, { quietHours: c.settings.quietHours, tz: c.tz });
      return { key: "staff.feedback_sent", params: { number: number(a), heldUntil: heldUntil?.toISOString() ?? "" } };
    },
  },
  {
    name: "定级", aliases: ["调级"], ticket: true, text: "required", usage: "定级 #12 1", help: "定级 #N 1/2/3：调整信息等级（1 重要 2 主管级 3 一般）",
    async run(c, a) {
      // "定级 #2 2 业主说上周已经报过一次了": the grade first, the rest is the reason (kept in the event).
      const grade = Number(/^\s*([123])/.exec(a.rest.replace(/[级类]/g, ""))?.[1] ?? NaN);
      if (grade !== 1 && grade !== 2 && grade !== 3) throw new DomainError("command.usage", { usage: "定级 #12 1（1 重要 / 2 主管级 / 3 一般）" });
      await regradeTicket(c.tx, c.staff, number(a), grade, c.now);
      return { key: "staff.regraded", params: { number: number(a), urgency: grade } };
    },
  },
  {
    name: "我的工单", aliases: ["工单", "我的任务"], ticket: false, usage: "我的工单", help: "我的工单：查看进行中的工单",
    async run(c) {
      const tickets = await listOpenTicketsFor(c.tx, c.staff);
      if (tickets.length === 0) return { key: "staff.my_tickets_none" };
      // A shared fault several households reported says how many: it weighs on the order of the work.
      const households = await reportingHouseholds(c.tx, tickets.filter((t) => t.scope === "public").map((t) => t.id));
      const lines = tickets.map((t) => `#${t.number} ${intentLabel(t.intent)}·${categoryLabel(t.category ?? "other")} ${t.place}${(households.get(t.id) ?? 0) > 1 ? `（${households.get(t.id)}户反映）` : ""} ${statusLabel(t.status)}（${formatRelative(t.createdAt, c.now, c.tz)}）`);
      return { key: "staff.my_tickets", params: { count: tickets.length, lines: lines.join("\n") } };
    },
  },
  ...FEE_COMMANDS,
  ...NOTICE_COMMANDS,
  ...SURVEY_COMMANDS,
  ...REPORT_COMMANDS,
  {
    name: "帮助", aliases: ["help", "?", "？"], ticket: false, usage: "帮助", help: "帮助：查看可用指令",
    async run(c) { return { key: "staff.help", params: { lines: STAFF_COMMANDS.filter((x) => mayRun(x, c.staff.role)).map((x) => x.help).join("\n") } }; },
  },
];

const byAlias = new Map<string, StaffCommand>();
for (const c of STAFF_COMMANDS) {
  for (const alias of [c.name, ...c.aliases]) {
    if (byAlias.has(alias.toLowerCase())) throw new Error(`duplicate command alias: ${alias}`);
    byAlias.set(alias.toLowerCase(), c);
  }
}
const aliasPattern = [...byAlias.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[?？]/g, "\\$&")).join("|");
// The ticket number may follow the name directly or after a space, colon or comma: 接单#12, 接单 12, 完成：#12 说明.
// After a number written with "#" the text may follow directly (完成#2疏通了下水管); after a bare number
// it needs a separator, so a resident's "到场2次都没修好" is not read as a command.
const COMMAND = new RegExp(`^(${aliasPattern})(?:[\\s,，:：]*[#＃]\\s*(\\d+)(?=\\D|$)(?![.．]\\d)[\\s,，:：。.]*([\\s\\S]*)|[\\s,，:：]*(\\d+)(?![.．]\\d)(?:[\\s,，:：。.、]+([\\s\\S]*))?|(?:[\\s,，:：。.]+([\\s\\S]*))?)$`, "i");

export type ParsedCommand = { command: StaffCommand; args: Args };

const NAMED_ONLY = new RegExp(`^(${aliasPattern})(?=$|[\\s,，:：。.!！])`, "i");
/** "完成" or "完成 换了角阀" without a ticket number: the ticket command meant, so its format can be shown. */
export function ticketCommandWithoutNumber(text: string): StaffCommand | null {
  const m = NAMED_ONLY.exec(text.trim());
  const command = m ? byAlias.get(m[1]!.toLowerCase()) : undefined;
  return command?.ticket ? command : null;
}

// A command said in words, the ticket first: "1号单完成了，换了阀芯", "#3 修好了 换了灯管", "工单5已到场".
const SPOKEN_REF = String.raw`(?:[#＃]\s*(\d{1,10})|(\d{1,10})\s*号\s*(?:工单|单子|单)|(?:工单|单子)\s*[#＃]?\s*(\d{1,10}))`;
const SPOKEN_VERBS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:已经?|都)?(?:完成|修好|处理好|弄好|搞定|做完|完工|处理完|修完)了?/, "完成"],
  [/^(?:已经?)?(?:到场|到现场|到了|上门了)了?/, "到场"],
  [/^(?:我来?接了?|接了|收到|我来处理)/, "接单"],
];
const SPOKEN = new RegExp(`^${SPOKEN_REF}[\\s,，:：]*([\\s\\S]*)$`);
/** A ticket command written as a sentence by staff, as the command it means ("完成 #1 换了阀芯"), or null. */
export function spokenStaffCommand(text: string): string | null {
  const m = SPOKEN.exec(text.trim());
  if (!m) return null;
  const number = m[1] ?? m[2] ?? m[3]!;
  const said = m[4]!;
  for (const [verb, command] of SPOKEN_VERBS) {
    const v = verb.exec(said);
    if (v) return `${command} #${number} ${said.slice(v[0].length).replace(/^[\s,，。.:：！!]+/, "")}`.trim();
  }
  return null;
}

/**
 * Parses a staff command. Returns null when the text is not shaped like one, so that words like
 * "完成了吗" from a resident are not taken for commands (ticket commands need a number).
 */
export function parseStaffCommand(text: string): ParsedCommand | null {
  // "我的工单。" / "到场 1！": the full stop or exclamation a voice input or IME adds is not an argument
  // (tried second, so a notice's own closing "。" stays in its text).
  const trimmed = text.trim();
  const bare = trimmed.replace(/[。.!！?？~～]+$/, "");
  return parseExact(trimmed) ?? (bare !== trimmed ? parseExact(bare) : null);
}

function parseExact(text: string): ParsedCommand | null {
  const m = COMMAND.exec(text);
  if (!m) return null;
  const command = byAlias.get(m[1]!.toLowerCase())!;
  if (!command.ticket) {
    // Not about a ticket: everything after the name is its text ("通知 3栋 明天停水").
    const rest = text.trim().slice(m[1]!.length).replace(/^[\s,，:：]+/, "").trim();
    if (rest && !command.text) return null;
    return { command, args: { rest } };
  }
  const number = m[2] ?? m[4];
  if (number === undefined) return null;
  return { command, args: { rest: (m[3] ?? m[5] ?? "").trim(), number: Number(number), numberText: number } };
}

const mayRun = (c: StaffCommand, role: string) => !c.roles || c.roles.includes(role);

/** Checks the arguments; an incomplete command is a clear refusal, not a guess. */
export async function runStaffCommand(parsed: ParsedCommand, ctx: CommandContext): Promise<Reply> {
  if (!mayRun(parsed.command, ctx.staff.role)) throw new DomainError(parsed.command.notAllowed ?? "command.not_allowed", { name: parsed.command.name });
  if (parsed.command.text === "required" && !parsed.args.rest) throw new DomainError("command.usage", { usage: parsed.command.usage });
  // A number beyond any ticket is refused as written ("#99999999999999999999"), not as it rounds.
  if (parsed.args.numberText && parsed.args.numberText.length > 10) throw new DomainError("ticket.not_found", { number: parsed.args.numberText });
  return parsed.command.run(ctx, parsed.args);
}

/**
 * Whether a resident's text looks like a staff command on a ticket (they get a polite refusal).
 * Word-only commands (我的工单, 欠费, 帮助) are ordinary questions when a resident asks them.
 */
export function looksLikeStaffCommand(text: string): boolean {
  return parseStaffCommand(text)?.command.ticket === true;
}
