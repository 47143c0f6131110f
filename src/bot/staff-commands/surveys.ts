// Satisfaction survey commands (满意度调查) for managers and supervisors:
//   满意度调查                                  status of the running survey, and how to start one
//   满意度调查 比例 20% 7天 [服务 保洁,绿化] [种子 42]   start (no confirmation step; each part optional, defaults from settings)
//   满意度调查 开始                              start with the office's defaults
//   满意度调查 取消                              cancel the running survey
//   调查结果 [#N]                               results of survey N (default: the latest)
import type { Tx } from "../../db.js";
import { DomainError } from "../../services/deps.js";
import type { Settings } from "../../services/community/settings.js";
import { cancelSurvey, runningSurvey, startSurvey } from "../../services/surveys/campaign.js";
import { surveyResults, type Rate, type SurveyResults } from "../../services/surveys/results.js";
import type { StaffCommand } from "../command-types.js";
import { pct } from "../texts/surveys.js";

const SURVEY_ROLES = ["manager", "supervisor"] as const;

/** Everyday names for the default services; used only when the target is one of the configured services. */
const ALIASES: Record<string, string> = {
  客服: "客户服务", 维修: "维修服务", 报修: "维修服务", 卫生: "保洁", 清洁: "保洁", 环境卫生: "保洁",
  安全: "秩序维护", 安保: "秩序维护", 保安: "秩序维护", 秩序: "秩序维护", 活动: "社区活动", 绿化养护: "绿化",
};

export type SurveyArgs = { ratio?: number; days?: number; services?: string[]; seed?: number };

/** Reads "比例 20% 7天 服务 保洁,绿化 种子 42" in any order; anything left over is an error, not a guess. */
export function parseSurveyArgs(rest: string, configured: string[]): SurveyArgs {
  const out: SurveyArgs = {};
  let t = ` ${rest} `;
  const take = (re: RegExp) => {
    const m = re.exec(t);
    if (m) t = t.replace(m[0], " ");
    return m;
  };
  const seed = take(/种子\s*(\d+)/);
  if (seed) out.seed = Number(seed[1]);
  const percent = take(/(?:比例|抽样|抽取)?\s*(\d+(?:\.\d+)?)\s*[%％]/) ?? take(/(?:比例|抽样|抽取)\s*(0?\.\d+)/);
  if (percent) {
    out.ratio = percent[0].includes("%") || percent[0].includes("％") ? Number(percent[1]) / 100 : Number(percent[1]);
    if (!(out.ratio > 0 && out.ratio <= 1)) throw new DomainError("survey.bad_ratio");
  }
  const days = take(/(\d+)\s*(天|日|周|星期)/);
  if (days) {
    out.days = Number(days[1]) * (days[2] === "天" || days[2] === "日" ? 1 : 7);
    if (!(out.days >= 1 && out.days <= 90)) throw new DomainError("survey.bad_days");
  }
  // The keywords only as words of their own: "客户服务" is a service, not "客户" + the keyword 服务.
  const words = t.replace(/(?<=^|[\s,，、])(开始|发起|服务|项目)(?=$|[\s:：])/g, " ").split(/[\s,，、;；:：/]+/).filter(Boolean);
  const services: string[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const name = configured.includes(w) ? w : configured.includes(ALIASES[w] ?? "") ? ALIASES[w]! : null;
    if (!name) unknown.push(w);
    else if (!services.includes(name)) services.push(name);
  }
  if (unknown.length) throw new DomainError("survey.unknown_words", { words: unknown.join(" "), services: configured.join("、") });
  if (services.length) out.services = services;
  return out;
}

const STATUS: Record<string, string> = { running: "进行中", closed: "已结束", cancelled: "已中止", draft: "草稿" };

function rateText(r: Rate): string {
  if (r.rate === null) return `暂无评分（目标 ≥${pct(r.target)}）`;
  return `${pct(r.rate)}（${r.satisfied}/${r.scored} 份，目标 ≥${pct(r.target)}，${r.meets ? "达标" : "未达标"}）`;
}

/** The lines of the results message; exported for anyone who wants the same wording. */
export function resultParams(r: SurveyResults) {
  const services = r.services.map((x) => `· ${x.service} ${rateText(x)} 回复率 ${pct(x.responseRate)}${x.average === null ? "" : `，均分 ${x.average.toFixed(1)}`}`);
  const grids = r.grids.map((g) => `· ${g.gridName} ${rateText(g)} 回复 ${g.responded}/${g.invited} 户`);
  const comments = r.comments.slice(0, 5).map((c) => `· [${c.gridName}] ${c.text.slice(0, 60)}${c.ticketNumber ? ` → 工单 #${c.ticketNumber}` : ""}`);
  return {
    survey: r.survey.id, status: STATUS[r.survey.status] ?? r.survey.status, startsAt: r.survey.startsAt.toISOString(), endsAt: r.survey.endsAt.toISOString(),
    invited: r.invited, responded: r.responded, completed: r.completed, responseRate: r.responseRate,
    overall: rateText(r.overall), services: services.join("\n"), grids: grids.join("\n"),
    comments: comments.join("\n"), commentCount: r.comments.length, tickets: r.ticketsFromComments,
  };
}

export const SURVEY_COMMANDS: StaffCommand[] = [
  {
    name: "满意度调查", aliases: ["发起调查"], ticket: false, text: "optional", roles: SURVEY_ROLES,
    usage: "满意度调查 比例 20% 7天", help: "满意度调查 比例 20% 7天 [服务 保洁,绿化]：抽样私信住户做满意度调查（「满意度调查」查看进度，「满意度调查 取消」中止）",
    async run(c, a) {
      const rest = a.rest.trim();
      if (!rest) return statusReply(c.tx, c.staff.communityId, c.settings);
      if (/^(取消|中止|停止|结束)$/.test(rest)) {
        const survey = await cancelSurvey(c.tx, c.staff.communityId, c.now);
        return { key: "staff.survey_cancelled", params: { survey: survey.id } };
      }
      const args = parseSurveyArgs(rest, c.settings.surveyServices);
      const started = await startSurvey(c.tx, { communityId: c.staff.communityId, staffId: c.staff.id, now: c.now, settings: c.settings, tz: c.tz, ...args });
      return {
        key: "staff.survey_started",
        params: {
          survey: started.surveyId, eligible: started.eligible, invited: started.invited, ratio: started.ratio, seed: started.seed,
          services: started.services.join("、"), firstAskAt: started.firstAskAt?.toISOString() ?? "", endsAt: started.endsAt.toISOString(), reminderDays: c.settings.surveyReminderDays,
        },
      };
    },
  },
  {
    name: "调查结果", aliases: ["满意度结果"], ticket: false, text: "optional", roles: SURVEY_ROLES,
    usage: "调查结果 #3", help: "调查结果 [#N]：满意度调查的回复率和满意率（按服务、按网格，低分在前）",
    async run(c, a) {
      const id = /^[#＃]?\s*(\d+)$/.exec(a.rest.trim());
      if (a.rest.trim() && !id) throw new DomainError("command.usage", { usage: "调查结果 #3" });
      const r = await surveyResults(c.tx, c.staff.communityId, id ? Number(id[1]) : undefined);
      if (!r) throw id ? new DomainError("survey.not_found", { id: Number(id[1]) }) : new DomainError("survey.none");
      return { key: "staff.survey_results", params: resultParams(r) };
    },
  },
];

async function statusReply(tx: Tx, communityId: number, settings: Settings) {
  const running = await runningSurvey(tx, communityId);
  const counts = running
    ? {
        survey: running.id, endsAt: running.endsAt.toISOString(),
        invited: await tx.surveyInvite.count({ where: { surveyId: running.id } }),
        asked: await tx.surveyInvite.count({ where: { surveyId: running.id, askedAt: { not: null } } }),
        completed: await tx.surveyInvite.count({ where: { surveyId: running.id, status: "done" } }),
      }
    : {};
  return { key: "staff.survey_status", params: { ...counts, ratio: settings.surveySampleRatio, days: settings.surveyWindowDays, services: settings.surveyServices.join("、") } };
}
