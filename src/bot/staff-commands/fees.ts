// Fee commands for staff: arrears list (欠费), collection rate (收缴率), and holding a household's
// reminders (暂停催缴 / 恢复催缴).
import { parseAddress } from "../../intents/location.js";
import type { Location } from "../../intents/types.js";
import { DomainError } from "../../services/deps.js";
import { arrearsList, feeGridsOf } from "../../services/fees/arrears.js";
import { collectionRates, formatRate } from "../../services/fees/collection-rate.js";
import { yuan } from "../../services/fees/fee-summary.js";
import { DEFAULT_HOLD_DAYS, householdForHold, releaseFeeHold, setFeeHold, type FeeHoldReason } from "../../services/fees/holds.js";
import { householdAddress } from "../../services/residents/identity.js";
import { localParts } from "../../services/time.js";
import type { StaffCommand } from "../command-types.js";

/** Who may see fee figures and hold reminders: housekeepers (their grid), team leads, supervisors, managers (all
 *  grids) — as feeGridsOf decides; 帮助 offers these commands only to them. */
const FEE_STAFF = ["housekeeper", "gold_housekeeper", "team_lead", "supervisor", "manager"] as const;
export const MAX_HOLD_DAYS = 180;

const REASON_WORDS: Record<string, FeeHoldReason> = { 费用争议: "dispute", 争议: "dispute", 有异议: "dispute", 异议: "dispute", 分期缴费: "plan", 分期付款: "plan", 缴费计划: "plan", 分期: "plan" };
const REASON_RE = new RegExp(`^(.*?)[\\s,，]*(${Object.keys(REASON_WORDS).sort((a, b) => b.length - a.length).join("|")})([\\s\\S]*)$`);

export type HoldArgs = { addressText: string; address: Location | null; reason: FeeHoldReason | null; note: string; days: number | null };

/**
 * "3-2-1201 争议 住户对面积有异议 30天" → the address (before the reason word), the reason, the note
 * (after it) and the number of days (a trailing "N天", optionally in brackets). Pure, for tests.
 */
export function parseHoldArgs(rest: string): HoldArgs {
  const m = REASON_RE.exec(rest.trim());
  const addressText = (m ? m[1]! : rest.trim().split(/[\s,，]+/)[0] ?? "").trim();
  let tail = m ? m[3]! : "";
  let days: number | null = null;
  const d = /[\s,，]*[（(\[【]?\s*(\d{1,4})\s*天[)）\]】]?\s*$/.exec(tail);
  if (d) {
    days = Number(d[1]);
    tail = tail.slice(0, d.index);
  }
  return { addressText, address: parseAddress(addressText), reason: m ? REASON_WORDS[m[2]!]! : null, note: tail.replace(/^[\s,，:：]+/, "").trim(), days };
}

export const FEE_COMMANDS: StaffCommand[] = [
  {
    name: "欠费", aliases: ["欠费清单"], ticket: false, text: "optional", roles: FEE_STAFF, notAllowed: "fee.not_allowed", usage: "欠费 或 欠费 3-2-1201", help: "欠费：本网格逾期未缴的住户（主管/经理：全部网格）；「欠费 3-2-1201」只看一户",
    async run(c, a) {
      const grids = feeGridsOf(c.staff);
      // "欠费 3-2-1201": one household of the staff member's grids (any, for supervisors and managers).
      const address = a.rest.trim() ? parseAddress(a.rest) : null;
      if (a.rest.trim() && !(address?.building && address.room)) throw new DomainError("command.usage", { usage: "欠费 或 欠费 3-2-1201" });
      const one = address ? await householdForHold(c.tx, c.staff.communityId, grids, address, a.rest.trim()) : null;
      const rows = (await arrearsList(c.tx, c.staff.communityId, c.now, one ? (one.building.gridId !== null ? [one.building.gridId] : grids) : grids)).filter((r) => !one || r.householdId === one.id);
      if (one && rows.length === 0) return { key: "staff.arrears_none", params: { scope: householdAddress(one) } };
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
    name: "收缴率", aliases: [], ticket: false, text: "optional", roles: FEE_STAFF, notAllowed: "fee.not_allowed", usage: "收缴率 [去年|2025]", help: "收缴率 [去年|2025]：本年度至今（或往年全年）到期账单的收缴率（主管/经理：各网格及全小区）",
    async run(c, a) {
      const grids = feeGridsOf(c.staff);
      const thisYear = localParts(c.now, c.tz).year;
      const said = a.rest.trim();
      const year = !said || /今年|本年/.test(said) ? thisYear : /去年|上一?年/.test(said) ? thisYear - 1 : /前年/.test(said) ? thisYear - 2 : Number(/(20\d\d)/.exec(said)?.[1] ?? NaN);
      if (!Number.isInteger(year) || year > thisYear || year < 2000) throw new DomainError("command.usage", { usage: "收缴率 去年 / 收缴率 2025" });
      const r = await collectionRates(c.tx, c.staff.communityId, c.now, c.tz, year);
      const rows = grids ? r.grids.filter((g) => g.gridId !== null && grids.includes(g.gridId)) : [...r.grids, r.total];
      const lines = rows.map((g) => `${g.gridName}：${formatRate(g)}${g.receivableCents ? `（已收 ${yuan(g.collectedCents)} / 应收 ${yuan(g.receivableCents)} 元）` : "（暂无应收）"}`);
      const from = localParts(r.from, c.tz);
      const to = localParts(r.to, c.tz);
      return { key: "staff.collection_rate", params: { from: `${from.year}年${from.month}月${from.day}日`, to: `${to.year === from.year ? "" : `${to.year}年`}${to.month}月${to.day}日`, lines: lines.join("\n") } };
    },
  },
  {
    name: "暂停催缴", aliases: [], ticket: false, text: "required", roles: FEE_STAFF,
    usage: "暂停催缴 3-2-1201 争议 住户对面积有异议 30天", help: "暂停催缴 房号 争议|分期 说明 [N天]：暂停该户的催缴（默认30天后复核）",
    async run(c, a) {
      const grids = feeGridsOf(c.staff);
      const args = parseHoldArgs(a.rest);
      if (!args.address?.building || !args.address.room) throw new DomainError("command.usage", { usage: "暂停催缴 3-2-1201 争议 住户对面积有异议 30天" });
      if (!args.reason) throw new DomainError("fee.hold_reason");
      if (args.days !== null && (args.days < 1 || args.days > MAX_HOLD_DAYS)) throw new DomainError("fee.hold_days", { max: MAX_HOLD_DAYS });
      const household = await householdForHold(c.tx, c.staff.communityId, grids, args.address, args.addressText);
      const until = new Date(c.now.getTime() + (args.days ?? DEFAULT_HOLD_DAYS) * 86_400_000);
      const hold = await setFeeHold(c.tx, { communityId: c.staff.communityId, householdId: household.id, reason: args.reason, note: args.note, by: `staff:${c.staff.id}`, now: c.now, until });
      const u = localParts(until, c.tz);
      return { key: "staff.fee_hold_set", params: { address: householdAddress(household), reason: hold.reason, note: hold.note, until: `${u.month}月${u.day}日`, replaced: hold.replaced ? 1 : 0 } };
    },
  },
  {
    name: "恢复催缴", aliases: ["取消暂停催缴"], ticket: false, text: "required", roles: FEE_STAFF,
    usage: "恢复催缴 3-2-1201", help: "恢复催缴 房号：提前结束该户的暂停催缴",
    async run(c, a) {
      const grids = feeGridsOf(c.staff);
      const written = a.rest.trim();
      const address = parseAddress(written);
      if (!address?.building || !address.room) throw new DomainError("command.usage", { usage: "恢复催缴 3-2-1201" });
      const household = await householdForHold(c.tx, c.staff.communityId, grids, address, written);
      const released = await releaseFeeHold(c.tx, household.id, c.now);
      return { key: released ? "staff.fee_hold_released" : "staff.fee_hold_none", params: { address: householdAddress(household) } };
    },
  },
];

/** "3栋2单元1201欠多少", "1301交了没" from staff: the 欠费 command for that household. */
export function spokenArrearsCommand(text: string): string | null {
  if (!/欠(了)?多少|欠不欠|欠费|交了没|交没交|缴了没|缴费情况/.test(text) || text.length > 30) return null;
  const address = parseAddress(text);
  return address?.building && address.room ? `欠费 ${address.building}-${address.unit ? `${address.unit}-` : ""}${address.room}` : null;
}
