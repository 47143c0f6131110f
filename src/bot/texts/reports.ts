// Words of the office reports (日报/周报/月报/季报): the chat texts (kept WeChat-sized: one line per
// figure, per grid and per complaint, long lists cut), and the Markdown and CSV of `npm run report`.
// Services queue the figures as JSON (`params.data`); they are rendered here at send time.
import type { FeeProgress, FeeProgressRow } from "../../services/reports/fee-progress.js";
import { acceptOf, oneVisitOf, onTimeOf, pct, satisfactionOf, type GridRow, type Report, type TicketFigures } from "../../services/reports/figures.js";
import type { PublicSummary } from "../../services/reports/public-summary.js";
import { localParts } from "../../services/time.js";
import { categoryLabel, intentLabel, s, statusLabel, type Params, type Text } from "../text-format.js";

const TITLES: Record<string, string> = { daily: "日报", weekly: "周报", monthly: "月报", quarterly: "季报", custom: "报表" };
const RECORD_TITLES: Record<string, string> = { daily: "客户服务日报", weekly: "每周客户服务受理分析表", monthly: "客户服务单汇总表（月）", quarterly: "季度管理报告", custom: "客户服务报表" };
const MAX_COMPLAINT_LINES = 8;
const MAX_CATEGORIES = 8;

const yuan = (cents: number) => (cents / 100).toFixed(2);
const ratio = ([n, d]: readonly [number, number]) => `${pct(n, d)}（${n}/${d}）`;
const md = (iso: string, tz: string) => { const p = localParts(new Date(iso), tz); return `${p.month}月${p.day}日`; };
const hm = (iso: string, tz: string) => { const p = localParts(new Date(iso), tz); return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`; };
const isMidnight = (iso: string, tz: string) => hm(iso, tz) === "00:00";

/** "3月2日—3月8日" for whole days; "3月2日—3月4日 15:20" or "3月4日（截至 15:20）" for a period still running. */
export function periodLabel(period: { from: string; to: string }, tz: string): string {
  const first = md(period.from, tz);
  if (!isMidnight(period.to, tz)) {
    const day = md(period.to, tz);
    return day === first ? `${first}（截至 ${hm(period.to, tz)}）` : `${first}—${day} ${hm(period.to, tz)}`;
  }
  const last = md(new Date(new Date(period.to).getTime() - 1).toISOString(), tz);
  return first === last ? first : `${first}—${last}`;
}

const counts = (m: Record<string, number>, label: (k: string) => string, max = Infinity) => {
  const sorted = Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, max).map(([k, n]) => `${label(k)} ${n}`);
  const rest = sorted.slice(max).reduce((sum, [, n]) => sum + n, 0);
  return [...shown, ...(rest ? [`其余 ${rest}`] : [])].join("、");
};

const doneLine = (t: TicketFigures) => `已办结 ${t.done} 单（按时 ${t.doneOnTime}），逾期未办 ${t.overdue}，未到期 ${t.notYetDue}；及时率 ${ratio(onTimeOf(t))}`;
const flowLine = (t: TicketFigures) => `接单及时率 ${ratio(acceptOf(t))}；本期办结 ${t.completed} 单，一次处理率 ${ratio(oneVisitOf(t))}`;

function ticketLines(t: TicketFigures): string[] {
  if (t.received === 0 && t.completed === 0) return ["本期未受理工单。"];
  return [
    `受理 ${t.received} 单${t.received ? `：${counts(t.byIntent, intentLabel)}` : ""}${t.cancelled ? `（取消 ${t.cancelled}）` : ""}`,
    ...(t.received ? [`类别：${counts(t.byCategory, categoryLabel, MAX_CATEGORIES)}`, doneLine(t)] : []),
    flowLine(t),
  ];
}

const revisitLine = (r: Report["revisits"]) =>
  `回访：满意 ${r.satisfied}、基本满意 ${r.basic}、不满意 ${r.unsatisfied}，满意率 ${ratio(satisfactionOf(r))}；未回复 ${r.noAnswer}`;

function complaintLines(r: Report): string[] {
  const c = r.complaints.tickets;
  if (c.received === 0) return ["投诉：本期无。"];
  const items = r.complaints.items.slice(0, MAX_COMPLAINT_LINES).map((i) => {
    const result = i.satisfaction === 1 ? "·满意" : i.satisfaction === 2 ? "·基本满意" : i.satisfaction === 3 ? "·不满意" : "";
    return `· #${i.number} ${categoryLabel(i.category)} ${statusLabel(i.status)}${result}${i.onTime === false ? "·超时办结" : ""}${i.escalated ? "·曾超时上报" : ""}${i.repeated ? "·重复/重开" : ""}`;
  });
  const more = r.complaints.items.length - items.length;
  return [
    `投诉 ${c.received} 单：已办结 ${c.done}（按时 ${c.doneOnTime}），处理中 ${c.overdue + c.notYetDue}（逾期 ${c.overdue}），超时上报 ${c.escalated}；回访满意率 ${ratio(satisfactionOf(r.complaints.revisits))}`,
    ...items, ...(more > 0 ? [`……另 ${more} 单`] : []),
  ];
}

const feeText = (f: { receivableCents: number; collectedCents: number }) =>
  f.receivableCents ? `${pct(f.collectedCents, f.receivableCents)}（已收 ${yuan(f.collectedCents)} / 应收 ${yuan(f.receivableCents)} 元）` : "—（暂无应收）";

const gridLine = (g: GridRow) =>
  `${g.name}${g.housekeeper ? `·${g.housekeeper}` : ""}：受理 ${g.tickets.received}｜办结 ${g.tickets.completed}｜及时率 ${pct(...onTimeOf(g.tickets))}｜一次处理 ${pct(...oneVisitOf(g.tickets))}｜满意率 ${pct(...satisfactionOf(g.revisits))}｜未办结 ${g.backlog.open}｜收缴率 ${g.fees ? pct(g.fees.collectedCents, g.fees.receivableCents) : "—"}`;

/** The chat report: the scope's figures, then (for more than one grid) one line per grid and housekeeper. */
export function summaryText(r: Report): string {
  const lines = [
    `【${TITLES[r.period.kind] ?? "报表"}】${r.scopeName} ${periodLabel(r.period, r.tz)}`,
    ...ticketLines(r.tickets),
    revisitLine(r.revisits),
    `期末未办结 ${r.backlog.open} 单，其中逾期 ${r.backlog.overdue} 单`,
    ...complaintLines(r),
    `收缴率（今年到期账单）：${feeText(r.fees.total)}`,
  ];
  if (r.grids.length > 1) lines.push("—— 分网格（管家考核）——", ...r.grids.map(gridLine));
  return lines.join("\n");
}

const progressLine = (g: FeeProgressRow, name: string) =>
  `${name}：${pct(g.collectedCents, g.receivableCents)}｜已收 ${yuan(g.collectedCents)} / 应收 ${yuan(g.receivableCents)} 元｜本周到账 ${yuan(g.paidInPeriodCents)}｜欠费 ${g.owingHouseholds} 户`;

export function feeProgressText(f: FeeProgress): string {
  return [
    `【物业费收缴进度表】${periodLabel(f.period, f.tz)}`,
    `今年到期账单（${periodLabel({ from: f.bills.from, to: new Date(new Date(f.bills.to).getTime() + 1).toISOString() }, f.tz)}）收缴率 = 已收 ÷ 应收：`,
    ...f.grids.map((g) => progressLine(g, `${g.gridName}${g.housekeeper ? `·${g.housekeeper}` : ""}`)),
    progressLine(f.total, "全小区"),
  ].join("\n");
}

const QUARTERS = ["一", "二", "三", "四"];
/** The text for residents: counts only (the summary carries nothing else). */
export function publicReportText(p: PublicSummary, tz: string): string {
  const from = localParts(new Date(p.from), tz);
  const exactQuarter = (from.month - 1) % 3 === 0 && from.day === 1 && periodLabel(p, tz).includes("—");
  const title = exactQuarter ? `${from.year}年第${QUARTERS[Math.floor((from.month - 1) / 3)]}季度管理报告` : `管理报告（${periodLabel(p, tz)}）`;
  const n = (k: string) => p.byIntent[k] ?? 0;
  const lines = [
    `${p.community}物业服务中心 ${title}`,
    `本期（${periodLabel(p, tz)}）共受理业主报事 ${p.received} 件，其中报修 ${n("repair")} 件、投诉 ${n("complaint")} 件、费用问题 ${n("fee")} 件。`,
  ];
  if (p.received > 0) lines.push(`截至期末已办结 ${p.done} 件${p.judged ? `，按时办结率 ${pct(p.onTime, p.judged)}` : ""}；${p.stillOpen} 件正在处理中。`);
  lines.push(p.revisitAnswers ? `完成回访 ${p.revisitAnswers} 次，满意及基本满意 ${p.revisitSatisfied} 次，回访满意率 ${pct(p.revisitSatisfied, p.revisitAnswers)}。` : "本期暂无回访评价。");
  lines.push(p.complaints.received
    ? `投诉 ${p.complaints.received} 件：已处理完毕 ${p.complaints.done} 件，处理中 ${p.complaints.stillOpen} 件；按类别：${p.complaints.categories.map(([k, c]) => `${categoryLabel(k)} ${c} 件`).join("、")}。`
    : "本期未收到投诉。");
  lines.push("对仍在处理中的问题，我们已安排专人跟进，并将及时向相关业主反馈。感谢各位业主的理解与支持！");
  return lines.join("\n");
}

const data = <T>(p: Params): T => JSON.parse(s(p.data)) as T;

export const REPORT_TEXTS = {
  "report.summary": (p) => summaryText(data<Report>(p)),
  "report.fee_progress": (p) => feeProgressText(data<FeeProgress>(p)),
  "report.quarterly": (p, c) => `【季度管理报告·请审核后发布】以下文字仅含统计数字，不含住户信息，可发布到业主群或公告栏：\n\n${publicReportText(data<PublicSummary>(p), c.tz)}`,
  "error.report.no_grid": () => "您还没有分配网格，暂时无法查看报表。请联系客服主管。",
} satisfies Record<string, Text>;

// ——— npm run report: Markdown and CSV for the office's records ———

const mdRow = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const mdTable = (head: string[], rows: (string | number)[][]) => [mdRow(head), mdRow(head.map(() => "---")), ...rows.map(mdRow)].join("\n");
const localStamp = (iso: string, tz: string) => {
  const p = localParts(new Date(iso), tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")} ${hm(iso, tz)}`;
};

const GRID_HEAD = ["网格", "管家", "受理", "已办结", "按时", "逾期未办", "及时率", "接单及时率", "本期办结", "一次处理率", "回访满意率", "期末未办结", "期末逾期", "收缴率"];
const gridCells = (name: string, keeper: string, t: TicketFigures, v: Report["revisits"], b: Report["backlog"], fee: { receivableCents: number; collectedCents: number } | null) => [
  name, keeper, t.received, t.done, t.doneOnTime, t.overdue, pct(...onTimeOf(t)), pct(...acceptOf(t)), t.completed, pct(...oneVisitOf(t)),
  pct(...satisfactionOf(v)), b.open, b.overdue, fee ? pct(fee.collectedCents, fee.receivableCents) : "—",
];

export function reportMarkdown(r: Report, fees?: FeeProgress): string {
  const t = r.tickets;
  const out = [
    `# ${r.community} ${RECORD_TITLES[r.period.kind] ?? "报表"}`,
    `期间：${localStamp(r.period.from, r.tz)} — ${localStamp(r.period.to, r.tz)}（不含）　范围：${r.scopeName}`,
    "", "## 受理", mdTable(["类型", "单数"], [...Object.entries(t.byIntent).map(([k, n]) => [intentLabel(k), n]), ["合计", t.received]]),
    "", mdTable(["类别", "单数"], Object.entries(t.byCategory).sort((a, b) => b[1] - a[1]).map(([k, n]) => [categoryLabel(k), n])),
    "", "## 办结与时效", `- ${doneLine(t)}`, `- ${flowLine(t)}`, `- ${revisitLine(r.revisits)}`, `- 期末未办结 ${r.backlog.open} 单，其中逾期 ${r.backlog.overdue} 单`,
    "", "## 投诉", ...complaintLines(r).map((l) => (l.startsWith("·") ? `  - ${l.slice(2)}` : `- ${l}`)),
    "", "## 分网格（管家考核：满意率、收缴率、及时率、办结数）",
    mdTable(GRID_HEAD, [...r.grids.map((g) => gridCells(g.name, g.housekeeper ?? "", g.tickets, g.revisits, g.backlog, g.fees)), gridCells(r.scopeName, "", t, r.revisits, r.backlog, r.fees.total)]),
    "", `收缴率（今年到期账单）：${feeText(r.fees.total)}`,
  ];
  if (fees) {
    const feeRow = (g: FeeProgressRow, name: string) => [name, g.housekeeper ?? "", yuan(g.receivableCents), yuan(g.collectedCents), pct(g.collectedCents, g.receivableCents), yuan(g.paidInPeriodCents), g.owingHouseholds];
    out.push("", "## 物业费收缴进度表", feeProgressText(fees).split("\n")[1]!, "",
      mdTable(["网格", "管家", "应收(元)", "已收(元)", "收缴率", "本周到账(元)", "欠费户数"], [...fees.grids.map((g) => feeRow(g, g.gridName)), feeRow(fees.total, "全小区")]));
  }
  return out.join("\n") + "\n";
}

export function publicReportMarkdown(p: PublicSummary, tz: string): string {
  const [title, ...body] = publicReportText(p, tz).split("\n");
  return [`# ${title}`, "", ...body.flatMap((l) => [l, ""])].join("\n");
}

const csvCell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const CSV_HEAD = ["范围", "管家", "受理", "报修", "投诉", "费用", "取消", "已办结", "按时办结", "逾期未办结", "未到期", "及时率", "接单及时", "接单应考核", "接单及时率",
  "本期办结", "一次处理", "一次处理率", "回访满意", "回访基本满意", "回访不满意", "回访未回复", "回访满意率", "期末未办结", "期末逾期", "应收(元)", "已收(元)", "收缴率"];

/** One row for the scope and one per grid; rates empty when there was nothing to judge. */
export function reportCsv(r: Report): string {
  const rate = (n: number, d: number) => (d ? pct(n, d) : "");
  const row = (name: string, keeper: string, t: TicketFigures, v: Report["revisits"], b: Report["backlog"], fee: { receivableCents: number; collectedCents: number } | null) => [
    name, keeper, t.received, t.byIntent.repair ?? 0, t.byIntent.complaint ?? 0, t.byIntent.fee ?? 0, t.cancelled, t.done, t.doneOnTime, t.overdue, t.notYetDue, rate(...onTimeOf(t)),
    t.acceptedOnTime, t.acceptJudged, rate(...acceptOf(t)), t.completed, t.oneVisit, rate(...oneVisitOf(t)),
    v.satisfied, v.basic, v.unsatisfied, v.noAnswer, rate(...satisfactionOf(v)), b.open, b.overdue,
    fee ? yuan(fee.receivableCents) : "", fee ? yuan(fee.collectedCents) : "", fee ? rate(fee.collectedCents, fee.receivableCents) : "",
  ];
  const rows = [CSV_HEAD, row(r.scopeName, "", r.tickets, r.revisits, r.backlog, r.fees.total), ...r.grids.map((g) => row(g.name, g.housekeeper ?? "", g.tickets, g.revisits, g.backlog, g.fees))];
  return rows.map((cells) => cells.map(csvCell).join(",")).join("\n") + "\n";
}
