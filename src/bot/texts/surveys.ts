// Words of satisfaction surveys (满意度调查): questions to sampled residents, staff replies, errors.
import { formatLocal, s, type Params, type Text } from "../text-format.js";

/** 0.875 → "87.5%"; null → "—". */
export const pct = (v: Params[string]) => {
  if (v === null || v === undefined || v === "") return "—";
  return `${Math.round(Number(v) * 1000) / 10}%`;
};

const SCALE = "请回复 1 满意 / 2 基本满意 / 3 不满意（也可以直接回复文字，如「一般」「很不满意」）；不了解请回复「跳过」。";
const question = (p: Params) => `第 ${s(p.index)}/${s(p.total)} 题：您对「${s(p.service)}」满意吗？\n${SCALE}`;

export const SURVEY_TEXTS = {
  // ——— residents ———
  "survey.question": (p) =>
    (p.first ? `您好，这里是物业服务中心。我们正在做一次满意度调查，您家被随机抽中，想听听您的真实感受（共 ${s(p.total)} 题，约 1 分钟，最后可以留言）。\n` : "") + question(p),
  "survey.ask_comment": () => "最后，您对物业还有什么意见或建议吗？直接回复即可，反映的问题我们会登记处理；没有请回复「无」。",
  "survey.thanks": () => "感谢您参与本次满意度调查！您的意见已记录，我们会认真改进。",
  "survey.thanks_ticket": (p) => `感谢您参与本次满意度调查！您留言反映的问题已登记为工单 #${s(p.number)}，会有专人跟进处理。`,
  "survey.reminder": (p) =>
    `您好，打扰一下：物业服务中心的满意度调查${Number(p.index) > 1 ? "还差几题" : `还在进行（共 ${s(p.total)} 题，约 1 分钟）`}，方便的时候回复就好，谢谢！\n${question(p)}`,
  "survey.resume": (p) => `我们接着刚才的满意度调查：\n${question(p)}`,
  "survey.resume_comment": () => "我们接着刚才的满意度调查：最后，您对物业还有什么意见或建议吗？没有请回复「无」。",
  "survey.reminder_comment": () => "您好，打扰一下：物业服务中心的满意度调查只差最后一步了——您对物业还有什么意见或建议吗？没有请回复「无」。谢谢！",
  // ——— staff ———
  "staff.survey_started": (p, c) =>
    `满意度调查 #${s(p.survey)} 已开始：从 ${s(p.eligible)} 户已认证住户中按 ${pct(p.ratio)} 抽取 ${s(p.invited)} 户（抽样种子 ${s(p.seed)}）。\n` +
    `调查项目：${s(p.services)}\n` +
    (s(p.firstAskAt) ? `问题逐户私信发出（避开免打扰时段），首批 ${formatLocal(new Date(s(p.firstAskAt)), c.tz)} 起；未答完的住户 ${s(p.reminderDays)} 天后提醒一次。\n` : "") +
    `截止 ${formatLocal(new Date(s(p.endsAt)), c.tz)}。发送「调查结果」查看进度和结果，「满意度调查 取消」可中止。`,
  "staff.survey_status": (p, c) =>
    (s(p.survey)
      ? `进行中：满意度调查 #${s(p.survey)}，已私信 ${s(p.asked)}/${s(p.invited)} 户，答完 ${s(p.completed)} 户，截止 ${formatLocal(new Date(s(p.endsAt)), c.tz)}。\n`
      : "目前没有进行中的满意度调查。\n") +
    `发起：满意度调查 比例 20% 7天 [服务 保洁,绿化] [种子 42]（不写则按默认：${pct(p.ratio)}、${s(p.days)}天、${s(p.services)}）\n` +
    "查看：调查结果 [#编号]　中止：满意度调查 取消",
  "staff.survey_cancelled": (p) => `满意度调查 #${s(p.survey)} 已中止，未答完的邀请已作废；已收到的回答仍可在「调查结果 #${s(p.survey)}」中查看。`,
  "staff.survey_results": (p, c) =>
    `满意度调查 #${s(p.survey)} 结果（${formatLocal(new Date(s(p.startsAt)), c.tz)} 至 ${formatLocal(new Date(s(p.endsAt)), c.tz)}，${s(p.status)}）\n` +
    `抽样 ${s(p.invited)} 户，回复 ${s(p.responded)} 户（回复率 ${pct(p.responseRate)}），答完 ${s(p.completed)} 户\n` +
    `总体满意率 ${s(p.overall)}\n` +
    `按服务（满意率从低到高）：\n${s(p.services)}\n` +
    `按网格（满意率从低到高）：\n${s(p.grids)}` +
    (s(p.comments) ? `\n住户留言（${s(p.commentCount)} 条，${s(p.tickets)} 条已转为工单）：\n${s(p.comments)}` : "") +
    "\n满意率 = 满意和基本满意的份数 ÷ 评分份数；回复率 = 回答了至少一题的户数 ÷ 抽样户数。",
  "staff.survey_closed": (p) =>
    `满意度调查 #${s(p.survey)} 已结束：抽样 ${s(p.invited)} 户，回复 ${s(p.responded)} 户（回复率 ${pct(p.responseRate)}），` +
    `总体满意率 ${pct(p.rate)}（目标 ≥${pct(p.target)}）。发送「调查结果 #${s(p.survey)}」查看各项和各网格明细。`,
  // ——— errors ———
  "error.survey.already_running": (p, c) => `已有进行中的满意度调查 #${s(p.id)}（截止 ${formatLocal(new Date(s(p.until)), c.tz)}）。如需重新发起，请先发送「满意度调查 取消」。`,
  "error.survey.no_households": () => "小区还没有已认证的住户，无法抽样调查。",
  "error.survey.none_running": () => "目前没有进行中的满意度调查。",
  "error.survey.not_found": (p) => `没有找到满意度调查 #${s(p.id)}。`,
  "error.survey.none": () => "还没有发起过满意度调查。发送「满意度调查」查看发起方式。",
  "error.survey.bad_ratio": () => "抽样比例应在 1% 到 100% 之间，例如「比例 20%」。",
  "error.survey.bad_days": () => "调查时长应为 1 到 90 天，例如「7天」。",
  "error.survey.unknown_words": (p) => `没有看懂「${s(p.words)}」。可调查的项目：${s(p.services)}\n格式：满意度调查 比例 20% 7天 [服务 保洁,绿化] [种子 42]`,
} satisfies Record<string, Text>;
