// Staff commands, declared as data: name, aliases, argument shape, help line and what it runs.
// Help is generated from this table; duplicate aliases are rejected when the module loads.
import type { Tx } from "../db.js";
import { DomainError } from "../services/deps.js";
import type { Settings } from "../services/community/settings.js";
import { acceptTicket, addNote, arriveTicket, completeTicket, listOpenTicketsFor, transferTicket, type StaffActor } from "../services/tickets/staff-actions.js";
import { arrearsList, feeGridsOf } from "../services/fees/arrears.js";
import { collectionRates, formatRate } from "../services/fees/collection-rate.js";
import { yuan } from "../services/fees/fee-summary.js";
import { formatRelative, localParts } from "../services/time.js";
import { categoryLabel, intentLabel, statusLabel, type Params } from "./texts.js";

export type CommandContext = { tx: Tx; staff: StaffActor; now: Date; settings: Settings; tz: string };
export type Reply = { key: string; params?: Params };

type Args = { number?: number; rest: string };
type StaffCommand = {
  name: string;
  aliases: string[];
  /** Whether the command needs a ticket number (#N or N), and a text after it. */
  ticket: boolean;
  text?: "required" | "optional";
  usage: string;
  help: string;
  run(ctx: CommandContext, args: Args): Promise<Reply>;
};

const number = (a: Args) => a.number as number;

export const STAFF_COMMANDS: StaffCommand[] = [
  {
    name: "接单", aliases: ["受理"], ticket: true, usage: "接单 #12", help: "接单 #N：受理工单，通知住户",
    async run(c, a) { await acceptTicket(c.tx, c.staff, number(a), c.now); return { key: "staff.accepted", params: { number: number(a) } }; },
  },
  {
    name: "到场", aliases: ["到达"], ticket: true, usage: "到场 #12", help: "到场 #N：记录已到现场",
    async run(c, a) { await arriveTicket(c.tx, c.staff, number(a), c.now); return { key: "staff.arrived", params: { number: number(a) } }; },
  },
  {
    name: "完成", aliases: ["办结"], ticket: true, text: "required", usage: "完成 #12 更换了角阀", help: "完成 #N 说明：处理完毕，安排回访",
    async run(c, a) { await completeTicket(c.tx, c.staff, number(a), a.rest, c.now, c.settings, c.tz); return { key: "staff.completed", params: { number: number(a) } }; },
  },
  {
    name: "转单", aliases: ["转派"], ticket: true, text: "required", usage: "转单 #12 钱师傅", help: "转单 #N 姓名：转给其他同事",
    async run(c, a) {
      const { target } = await transferTicket(c.tx, c.staff, number(a), a.rest.trim(), c.now);
      return { key: "staff.transferred_ok", params: { number: number(a), to: target.name } };
    },
  },
  {
    name: "备注", aliases: [], ticket: true, text: "required", usage: "备注 #12 住户下午在家", help: "备注 #N 文本：添加备注",
    async run(c, a) { await addNote(c.tx, c.staff, number(a), a.rest, c.now); return { key: "staff.noted", params: { number: number(a) } }; },
  },
  {
    name: "我的工单", aliases: ["工单", "我的任务"], ticket: false, usage: "我的工单", help: "我的工单：查看进行中的工单",
    async run(c) {
      const tickets = await listOpenTicketsFor(c.tx, c.staff);
      if (tickets.length === 0) return { key: "staff.my_tickets_none" };
      const lines = tickets.map((t) => `#${t.number} ${intentLabel(t.intent)}·${categoryLabel(t.category ?? "other")} ${t.place} ${statusLabel(t.status)}（${formatRelative(t.createdAt, c.now, c.tz)}）`);
      return { key: "staff.my_tickets", params: { count: tickets.length, lines: lines.join("\n") } };
    },
  },
  {
    name: "欠费", aliases: ["欠费清单"], ticket: false, usage: "欠费", help: "欠费：本网格逾期未缴的住户（主管/经理：全部网格）",
    async run(c) {
      const grids = feeGridsOf(c.staff);
      const rows = await arrearsList(c.tx, c.staff.communityId, c.now, grids);
      const scope = grids ? (rows[0]?.gridName ?? "您的网格") : "全小区";
      if (rows.length === 0) return { key: "staff.arrears_none", params: { scope } };
      const md = (ymd: string) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
      const shown = rows.slice(0, 50);
      const lines = shown.map((r) =>
        `${grids ? "" : `[${r.gridName}] `}${r.address} ${yuan(r.owedCents)}元 ${r.months}个月 ${r.lastReminder ? `上次催缴${md(r.lastReminder)}` : "未催缴"}` +
        (r.hold ? ` 暂停催缴：${r.hold.reason === "dispute" ? "费用争议" : "分期缴费"}${r.hold.note ? `（${r.hold.note}）` : ""}` : ""));
      const p = localParts(c.now, c.tz);
      const total = rows.reduce((sum, r) => sum + r.owedCents, 0);
      return { key: "staff.arrears", params: { scope, date: `${p.month}月${p.day}日`, count: rows.length, total: yuan(total), lines: lines.join("\n"), more: rows.length - shown.length || null } };
    },
  },
  {
    name: "收缴率", aliases: [], ticket: false, usage: "收缴率", help: "收缴率：本年度至今到期账单的收缴率（主管/经理：各网格及全小区）",
    async run(c) {
      const grids = feeGridsOf(c.staff);
      const r = await collectionRates(c.tx, c.staff.communityId, c.now, c.tz);
      const rows = grids ? r.grids.filter((g) => g.gridId !== null && grids.includes(g.gridId)) : [...r.grids, r.total];
      const lines = rows.map((g) => `${g.gridName}：${formatRate(g)}${g.receivableCents ? `（已收 ${yuan(g.collectedCents)} / 应收 ${yuan(g.receivableCents)} 元）` : "（暂无应收）"}`);
      const from = localParts(r.from, c.tz);
      const to = localParts(r.to, c.tz);
      return { key: "staff.collection_rate", params: { from: `${from.year}年${from.month}月${from.day}日`, to: `${to.month}月${to.day}日`, lines: lines.join("\n") } };
    },
  },
  {
    name: "帮助", aliases: ["help", "?", "？"], ticket: false, usage: "帮助", help: "帮助：查看可用指令",
    async run() { return { key: "staff.help", params: { lines: STAFF_COMMANDS.map((c) => c.help).join("\n") } }; },
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
const COMMAND = new RegExp(`^(${aliasPattern})(?:\\s*[#＃]?\\s*(\\d+))?(?:[\\s,，:：]+([\\s\\S]*))?$`, "i");

export type ParsedCommand = { command: StaffCommand; args: Args };

/**
 * Parses a staff command. Returns null when the text is not shaped like one, so that words like
 * "完成了吗" from a resident are not taken for commands (ticket commands need a number).
 */
export function parseStaffCommand(text: string): ParsedCommand | null {
  const m = COMMAND.exec(text.trim());
  if (!m) return null;
  const command = byAlias.get(m[1]!.toLowerCase())!;
  const args: Args = { rest: (m[3] ?? "").trim(), ...(m[2] ? { number: Number(m[2]) } : {}) };
  if (command.ticket && args.number === undefined) return null;
  if (!command.ticket && args.rest) return null;
  return { command, args };
}

/** Checks the arguments; an incomplete command is a clear refusal, not a guess. */
export async function runStaffCommand(parsed: ParsedCommand, ctx: CommandContext): Promise<Reply> {
  if (parsed.command.text === "required" && !parsed.args.rest) throw new DomainError("command.usage", { usage: parsed.command.usage });
  return parsed.command.run(ctx, parsed.args);
}

/**
 * Whether a resident's text looks like a staff command on a ticket (they get a polite refusal).
 * Word-only commands (我的工单, 欠费, 帮助) are ordinary questions when a resident asks them.
 */
export function looksLikeStaffCommand(text: string): boolean {
  return parseStaffCommand(text)?.command.ticket === true;
}
