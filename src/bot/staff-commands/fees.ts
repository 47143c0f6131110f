// Fee commands for staff: arrears list (欠费) and collection rate (收缴率).
import { arrearsList, feeGridsOf } from "../../services/fees/arrears.js";
import { collectionRates, formatRate } from "../../services/fees/collection-rate.js";
import { yuan } from "../../services/fees/fee-summary.js";
import { localParts } from "../../services/time.js";
import type { StaffCommand } from "../command-types.js";

export const FEE_COMMANDS: StaffCommand[] = [
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
];
