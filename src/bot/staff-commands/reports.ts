// Report commands (日报, 周报, 月报): the office's figures in chat (src/services/reports/figures.ts).
// Who sees what: a housekeeper (or gold housekeeper) their own grid; team leads, supervisors and
// managers the whole community with one line per grid and housekeeper. Front desk and maintenance
// staff are not assessed on these figures and do not get them.
// Which period: without a word, the current day / week (from Monday) / month so far; with
// 昨天 / 上周 / 上月, the previous whole one (what the scheduled reports send).
import { DomainError } from "../../services/deps.js";
import { computeReport } from "../../services/reports/figures.js";
import { periodToDate, previousPeriod, type PeriodKind } from "../../services/reports/periods.js";
import { isSupervisory } from "../../services/staff/roles.js";
import type { StaffCommand } from "../command-types.js";

const ROLES = ["housekeeper", "gold_housekeeper", "team_lead", "supervisor", "manager"] as const;

function reportCommand(name: string, kind: PeriodKind, current: string[], previous: string[], what: string): StaffCommand {
  const usage = `${name} 或 ${name} ${previous[0]}`;
  return {
    name, aliases: [], ticket: false, text: "optional", roles: ROLES, usage,
    help: `${name}：${what}至今的受理、及时率、一次处理率、满意率、投诉和收缴率（「${name} ${previous[0]}」看${previous[0]}；管家看本网格）`,
    async run(c, a) {
      const word = a.rest.trim().replace(/^的/, "").replace(/的?(工作)?$/, "");
      let period;
      if (!word || current.includes(word)) period = periodToDate(kind, c.now, c.tz);
      else if (previous.includes(word)) period = previousPeriod(kind, c.now, c.tz);
      else throw new DomainError("command.usage", { usage });
      let gridIds: number[] | null = null;
      if (!isSupervisory(c.staff.role)) {
        if (c.staff.gridId === null) throw new DomainError("report.no_grid");
        gridIds = [c.staff.gridId];
      }
      const community = await c.tx.community.findUniqueOrThrow({ where: { id: c.staff.communityId } });
      const report = await computeReport(c.tx, community, c.settings, period, gridIds);
      return { key: "report.summary", params: { data: JSON.stringify(report) } };
    },
  };
}

export const REPORT_COMMANDS: StaffCommand[] = [
  reportCommand("日报", "daily", ["今天", "今日"], ["昨天", "昨日"], "今天"),
  reportCommand("周报", "weekly", ["本周", "这周", "这个星期", "这星期", "本星期"], ["上周", "上个星期", "上星期", "上礼拜", "上个礼拜"], "本周"),
  reportCommand("月报", "monthly", ["本月", "这个月", "这月"], ["上月", "上个月"], "本月"),
];

// "上周的周报发我一下", "昨天的日报", "周报上周", "本周周报": a report asked for in words, as its command.
const SPOKEN_REPORT = /^(?:(?:发|给)?我?(?:看看|看下|看一下|要)?)?(今天|今日|昨天|昨日|本周|这周|这个?星期|上个?星期|上周|上个?礼拜|本月|这个?月|上个?月)?的?(?:工作)?(日报|周报|月报)(今天|今日|昨天|昨日|本周|这周|上周|上个?星期|上个?礼拜|本月|这个?月|上个?月)?(?:的)?(?:发(?:我|给我)?(?:一下|下|看看|看一下)?|给我(?:看看|一下)?|看看|看一下|呢|吧)?[\s。.!！?？~]*$/;
/** A report command said as a sentence, as the command it means ("上周的周报发我一下" → "周报 上周"), or null. */
export function spokenReportCommand(text: string): string | null {
  const m = SPOKEN_REPORT.exec(text.trim());
  if (!m) return null;
  const when = m[1] ?? m[3] ?? "";
  return when ? `${m[2]} ${when}` : m[2]!;
}
