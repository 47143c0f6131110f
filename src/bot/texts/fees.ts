// Words about fees: answers to residents, reminders (催缴), and staff figures.
import { formatRelative, s, type Text } from "../text-format.js";

const HOLD_REASONS: Record<string, string> = { dispute: "费用争议", plan: "分期缴费" };

export const FEE_TEXTS = {
  "fee.summary": (p) =>
    (s(p.lines) ? `您家（${s(p.address)}）的未缴费用：\n${s(p.lines)}\n合计：${s(p.total)} 元` : `您家（${s(p.address)}）目前没有未缴费用，谢谢支持！`) +
    (s(p.paidUpTo) ? `\n物业服务费已缴至 ${s(p.paidUpTo)}。` : "") +
    `\n缴费方式：${s(p.channels)}`,
  "staff.arrears": (p) => `欠费清单（${s(p.scope)}，截至 ${s(p.date)}）：${s(p.count)} 户，合计 ${s(p.total)} 元\n${s(p.lines)}${s(p.more) ? `\n……另有 ${s(p.more)} 户未列出` : ""}`,
  "staff.arrears_none": (p) => `${s(p.scope)}目前没有逾期未缴的费用。`,
  "staff.collection_rate": (p) => `收缴率（${s(p.from)}至${s(p.to)}到期的账单，已收 ÷ 应收）：\n${s(p.lines)}`,
  "staff.fee_hold_ended": (p) =>
    `【催缴暂停到期】${s(p.address)}（${HOLD_REASONS[s(p.reason)] ?? "暂停催缴"}${s(p.note) ? `：${s(p.note)}` : ""}）已到复核日期，催缴将恢复。` +
    `如需继续暂停，请发送「暂停催缴 ${s(p.address)} ${p.reason === "plan" ? "分期" : "争议"} 说明」。`,
  "staff.fee_hold_set": (p) =>
    `已暂停 ${s(p.address)} 的催缴（${HOLD_REASONS[s(p.reason)] ?? ""}${s(p.note) ? `：${s(p.note)}` : ""}）${p.replaced ? "，替换了原来的暂停" : ""}。` +
    `复核日期 ${s(p.until)}，届时会提醒网格管家；提前恢复请发送「恢复催缴 ${s(p.address)}」。`,
  "staff.fee_hold_released": (p) => `已恢复 ${s(p.address)} 的催缴，之后按催缴规则提醒住户。`,
  "staff.fee_hold_none": (p) => `${s(p.address)} 目前没有暂停催缴。`,
  "staff.fee_paid_claim": (p) =>
    `【缴费核对】${s(p.address)} 的住户${s(p.resident)}回复催缴：「${s(p.text)}」\n系统中该户逾期未缴 ${s(p.total)} 元（${s(p.months)} 个月：${s(p.periods)}）。` +
    `请核对收款记录；确已缴纳的，请更新缴费数据（导入后不再催缴），需要时可「暂停催缴 ${s(p.address)} 争议 说明」。`,
  "staff.fee_pay_later": (p) =>
    `【缴费安排】${s(p.address)} 的住户${s(p.resident)}回复催缴：「${s(p.text)}」\n该户逾期未缴 ${s(p.total)} 元（${s(p.months)} 个月：${s(p.periods)}）。` +
    `请联系住户确认缴费时间；约定分期的，可「暂停催缴 ${s(p.address)} 分期 说明」暂停提醒。`,
  "staff.fee_question_added": (p) => `【工单 #${s(p.number)} 补充】${s(p.place)} 的住户补充：${s(p.text)}`,
  // ——— residents: answers about fees ———
  "fee.paid_claim_ack": (p) => `收到，已请${s(p.staff) ? `您的管家 ${s(p.staff)} ` : s(p.homes) ? "管家" : "物业服务中心"}核对${s(p.homes) ? ` ${s(p.homes)} 的` : ""}缴费记录，如有问题会再联系您。谢谢！`,
  "fee.how_to_pay": (p) => `缴费方式：${s(p.channels)}\n查询自家的账单和欠费，请先私信我绑定房屋（发送地址，例如「3栋2单元1201」）。`,
  "fee.pay_later_ack": (p) => `好的，已转告${s(p.staff) ? `您的管家 ${s(p.staff)}` : s(p.homes) ? `管家（${s(p.homes)}）` : "物业服务中心"}，会和您确认缴费时间。谢谢您的理解！`,
  "fee.paid_nothing_owed": () => "系统里已有您家的缴费记录，目前没有逾期未缴的费用，谢谢您的支持！",
  "fee.question_ticket": (p, c) =>
    `已为您登记${p.about === "invoice" ? "开票申请" : "费用咨询"} #${s(p.number)}：${s(p.summary)}\n` +
    `${s(p.staff) ? `您的管家 ${s(p.staff)} ` : "物业服务中心"}${p.about === "invoice" ? "会为您办理开票（请备好抬头和税号），" : "会核对账单，"}在 ${formatRelative(new Date(s(p.acceptBy)), c.now, c.tz)} 前联系您。发送「进度」可随时查看。`,
  "fee.question_added": (p) => `已把您的补充记入费用咨询 #${s(p.number)}，并转给负责的管家。`,
  // ——— fees: reminders (催缴) and staff figures ———
  "fee.reminder": (p) =>
    `您好，这里是物业服务中心。温馨提示：您家（${s(p.address)}）有 ${s(p.months)} 个月的费用尚未缴纳，合计 ${s(p.total)} 元。\n` +
    (s(p.channels) ? `缴费方式：${s(p.channels)}\n` : "") +
    `如已缴纳，请忽略本消息；对费用有疑问，可直接回复${s(p.staff) ? `或联系您的管家 ${s(p.staff)}` : "或联系物业服务中心前台"}。感谢您的理解与支持！`,
  "error.fee.not_allowed": () => "费用数据仅对管家、客服主管和项目经理开放。",
  "error.fee.no_grid": () => "您还没有分配网格，暂时无法查看欠费和收缴率。请联系客服主管。",
  "error.fee.hold_reason": () => "请写明暂停原因：「争议」（住户对费用有异议）或「分期」（已约定分期缴费），例如：暂停催缴 3-2-1201 争议 住户对面积有异议 30天",
  "error.fee.hold_days": (p) => `暂停天数需在 1 到 ${s(p.max)} 天之间，到期可再次暂停。`,
  "error.fee.unknown_household": (p) => `没有找到 ${s(p.address)} 的住户档案，请核对楼栋、单元和房号，例如 3-2-1201。`,
  "error.fee.not_your_grid": (p) => `${s(p.address)} 不在您负责的网格，请联系该网格的管家或客服主管处理。`,
} satisfies Record<string, Text>;
