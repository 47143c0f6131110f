// Words about fees: answers to residents, reminders (催缴), and staff figures.
import { s, type Text } from "../text-format.js";

export const FEE_TEXTS = {
  "fee.summary": (p) =>
    (s(p.lines) ? `您家（${s(p.address)}）的未缴费用：\n${s(p.lines)}\n合计：${s(p.total)} 元` : `您家（${s(p.address)}）目前没有未缴费用，谢谢支持！`) +
    (s(p.paidUpTo) ? `\n物业服务费已缴至 ${s(p.paidUpTo)}。` : "") +
    `\n缴费方式：${s(p.channels)}`,
  "staff.arrears": (p) => `欠费清单（${s(p.scope)}，截至 ${s(p.date)}）：${s(p.count)} 户，合计 ${s(p.total)} 元\n${s(p.lines)}${s(p.more) ? `\n……另有 ${s(p.more)} 户未列出` : ""}`,
  "staff.arrears_none": (p) => `${s(p.scope)}目前没有逾期未缴的费用。`,
  "staff.collection_rate": (p) => `收缴率（${s(p.from)}至${s(p.to)}到期的账单，已收 ÷ 应收）：\n${s(p.lines)}`,
  "staff.fee_hold_ended": (p) => `【催缴暂停到期】${s(p.address)}（${p.reason === "dispute" ? "费用争议" : p.reason === "plan" ? "分期缴费" : "暂停催缴"}）已到复核日期，催缴将恢复。如需继续暂停，请重新设置。`,
  // ——— fees: reminders (催缴) and staff figures ———
  "fee.reminder": (p) =>
    `您好，这里是物业服务中心。温馨提示：您家（${s(p.address)}）有 ${s(p.months)} 个月的费用尚未缴纳，合计 ${s(p.total)} 元。\n` +
    (s(p.channels) ? `缴费方式：${s(p.channels)}\n` : "") +
    `如已缴纳，请忽略本消息；对费用有疑问，可直接回复${s(p.staff) ? `或联系您的管家 ${s(p.staff)}` : "或联系物业服务中心前台"}。感谢您的理解与支持！`,
  "error.fee.not_allowed": () => "费用数据仅对管家、客服主管和项目经理开放。",
  "error.fee.no_grid": () => "您还没有分配网格，暂时无法查看欠费和收缴率。请联系客服主管。",
} satisfies Record<string, Text>;
