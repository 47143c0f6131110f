// Every word the assistant says, in one place (zh-CN), by key. Services queue {key, params};
// `render` turns them into text. Params arrive as JSON (strings and numbers); times as ISO strings.
import { formatLocal, formatRelative } from "../services/time.js";

import { categoryLabel, kind, maskIds, ON_BEHALF, s, URGENCY_LABELS, intentLabel, statusLabel, type Params, type RenderContext, type Text } from "./text-format.js";
import { ENGLISH_TEXTS } from "./texts/english.js";
import { FEE_TEXTS } from "./texts/fees.js";
import { NOTICE_TEXTS } from "./texts/notices.js";
import { REPORT_TEXTS } from "./texts/reports.js";
import { SURVEY_TEXTS } from "./texts/surveys.js";

export { categoryLabel, intentLabel, statusLabel, type Params, type RenderContext } from "./text-format.js";

/** Who reported it: the sender, and the owner on file with the phone when someone else of the home wrote. */
const reporterLine = (p: Params) => {
  if (!s(p.owner)) return "";
  const owner = `${s(p.owner)}${s(p.phone) ? ` ${s(p.phone)}` : ""}`;
  return s(p.reporter) && s(p.reporter) !== s(p.owner) ? `\n报事人：${s(p.reporter)}（业主 ${owner}）` : `\n报事人：${owner}`;
};

const STEP_LABELS: Record<string, string> = { accept: "受理", onsite: "到场", resolve: "处理完成", feedback: "反馈住户", complete: "最终完成" };

/** Titles of the roles that may be given a ticket when its grid has no housekeeper (the front desk first). */
const ROLE_TITLES: Record<string, string> = { frontdesk: "前台", supervisor: "主管", manager: "经理", team_lead: "组长", maintenance: "师傅" };
/** "负责管家：李敏", or "负责人：陈静（前台）" when the ticket went to someone who is not a housekeeper. */
function whoFollows(p: Params, housekeeperLead: string, otherLead: string): string {
  const name = s(p.staff);
  if (!name) return `${otherLead || housekeeperLead}物业服务中心`;
  const title = ROLE_TITLES[s(p.staffRole)];
  return title ? (otherLead ? `${otherLead}${name}（${title}）` : `${title} ${name} `) : `${housekeeperLead}${name}`;
}

/** What to do until help comes, by the danger's category (grade-1 tickets): someone in a lift cannot
 * evacuate, and a gas leak must not meet a switch. */
const SAFETY_ADVICE: Record<string, string> = {
  elevator: "如有人被困：请保持冷静，按轿厢内的警铃或拨打轿厢内的救援电话，不要强行扒门，救援人员正在赶来；如有人身危险请拨打 119。",
  gas: "请不要开关电器、不要点火，打开门窗通风，关闭燃气阀门后到室外等候；情况严重请拨打 119。",
  water: "如能找到请先关闭进户总阀，远离被水浸到的插座和电器；如有人身危险请拨打 119/110，",
  electricity: "请先拉下电闸（空开），不要用手触碰冒烟或带电的地方；如有明火或人身危险请先撤离并拨打 119，",
  // Water reaching a light or a socket: the power first. Water from the flat above: that flat's valve, not this one's.
  water_power: "水已经碰到灯具或插座：请先拉下电闸（空开）断电，不要触碰湿的开关和电器；能找到进户总阀也请关上；如有人身危险请拨打 119/110，",
  injury: "请马上拨打 120 急救电话；不要随意搬动摔倒或晕倒的人，保持呼吸通畅，有人陪在身边；物业人员正赶去协助、为救护车引路，",
  bite: "请用肥皂和大量流动清水冲洗伤口至少 15 分钟，尽快到医院处理并接种狂犬疫苗；出血严重请拨打 120；",
  fight: "请先确保自身安全，远离冲突，马上拨打 110 报警；不要上前劝架以免受伤；",
  missing: "请马上拨打 110 报警，并准备好照片和衣着特征；物业会通知门岗、巡逻保安留意并调看监控，",
  selfharm: "请马上拨打 110（有人受伤请拨 120）；如有人想轻生，请陪着他、不要让他独处，也可以拨打心理援助热线 400-161-9995；物业人员正赶过去，",
  outage_water: "停水期间请关好家里的水龙头，以免来水时漫溢；家中有老人、病人等特殊用水需要请告诉我们；",
  outage_power: "停电期间请关闭大功率电器和电热设备，以免来电时受冲击；不要用明火照明，上下楼注意安全，有人被困电梯请马上告诉我们；",
  outage_gas: "停气期间请关好灶具和燃气阀门，来气后先确认无异味再点火；",
  water_upstairs: "水是从楼上来的：请把电器和贵重物品移开，远离被水浸到的插座和电器，我们正联系楼上关闭阀门；如有人身危险请拨打 119/110，",
};
/** The advice for a danger: by its category, or the `advice` the report called for (water_power…). */
const adviceFor = (p: Params) => SAFETY_ADVICE[s(p.advice)] ?? SAFETY_ADVICE[s(p.category)];

const CORE_TEXTS = {
  // ——— residents: tickets ———
  "resident.ticket_created": (p, c) =>
    `已为您登记${intentLabel(p.intent)} #${s(p.number)}：${s(p.summary)}\n` +
    `类别：${categoryLabel(p.category)}（${URGENCY_LABELS[s(p.urgency)] ?? ""}）　地点：${s(p.place)}\n` +
    `${whoFollows(p, "负责管家：", "负责人：")}，将在 ${formatRelative(new Date(s(p.acceptBy)), c.now, c.tz)} 前联系您。发送「进度」可随时查看。` +
    (p.urgency !== 1 ? "" : p.threat ? "\n已按升级投诉处理，项目经理已同步收到通知。" : p.overran ? "\n公告的时段已过仍未恢复，已按紧急情况通知值班经理，正在核查原因。" : `\n${adviceFor(p) ?? "如有人身危险请先撤离并拨打 119/110，"}物业已同步通知值班经理。`),
  "resident.ticket_created_group": (p) => `已登记 #${s(p.number)}（${kind(p)}），由${whoFollows(p, "管家", "")}跟进，详情已私信您。`,
  "resident.urgent_advice": (p) =>
    `紧急工单 #${s(p.number)} 正在处理，${s(p.staff) ? `${s(p.staff)} ` : "值班人员"}和值班经理都已收到，您的话已转给他们。在此之前：\n${adviceFor(p) ?? "如有人身危险请先撤离并拨打 119/110，"}有变化请马上告诉我。`,
  "resident.ticket_accepted": (p) => `您的工单 #${s(p.number)} 已由 ${s(p.staff)} 受理，已接单并正在安排处理。`,
  "resident.ticket_onsite": (p) => `工单 #${s(p.number)}：${s(p.staff)} 已到场处理。`,
  "resident.ticket_done": (p) => `工单 #${s(p.number)} 已处理完成：${s(p.resolution)}\n如仍有问题请直接回复，之后我们会对处理结果进行回访。`,
  "resident.repeat_report": (p) => `您之前报的 #${s(p.number)}（${s(p.summary)}）还没有处理好，非常抱歉。${p.intent === "complaint" ? "已升级处理，项目经理和客服主管已收到通知，会尽快与您联系。" : "已加急并通知主管跟进。"}`,
  "resident.incident_linked": (p) => `${s(p.place)} 的这个问题已有邻居报过，统一记在工单 #${s(p.number)}，正在处理；修好后会通知您。` + (p.urgency === 1 ? `\n在此之前：${(adviceFor(p) ?? "如有人身危险请先撤离并拨打 119/110，").replace(/[，,；;]$/, "。")}` : ""),
  "resident.incident_reopened": (p) => `${s(p.place)} 的这个问题（#${s(p.number)}）前几天修过，现在又出问题了，已重新打开并加急处理，主管已收到通知；修好后会通知您。`,
  "resident.incident_done_group": (p) => `#${s(p.number)}（${s(p.place)}）已处理完成，感谢大家的反馈。如仍有问题请@我。`,
  "resident.linked_group": (p) => `这个问题已登记在 #${s(p.number)}，正在处理，修好后会通知大家。`,
  "resident.duplicate_report": (p) => `这个问题刚才已为您登记为工单 #${s(p.number)}，正在处理，无需重复发送。发送「进度」可随时查看。`,
  "resident.duplicate_report_group": (p) => `这个问题刚才已登记为 #${s(p.number)}，正在处理，无需重复发送。`,
  "resident.incident_done": (p) => `您反映的问题（工单 #${s(p.number)}）已处理完成：${s(p.resolution)}`,
  "resident.wait_resumed": (p, c) => `工单 #${s(p.number)} 恢复处理：原定 ${formatRelative(new Date(s(p.until)), c.now, c.tz)} 的约定取消，${s(p.staff) || "负责人"} 会尽快联系您安排上门。`,
  "resident.ticket_waiting": (p, c) => `工单 #${s(p.number)} 已与您约定在 ${formatRelative(new Date(s(p.until)), c.now, c.tz)} 处理，在此之前我们暂停计时。时间有变请直接回复告诉我。`,
  "resident.ticket_feedback": (p) => `工单 #${s(p.number)} 进展（${s(p.staff)}）：${s(p.text)}`,
  "resident.accept_late": (p) => `抱歉让您久等，工单 #${s(p.number)} 还没有被受理。已催促负责人${s(p.staff) ? ` ${s(p.staff)}` : ""}${p.reported === 0 ? "" : "并上报客服主管"}，会尽快联系您。`,
  "resident.onsite_late": (p) => `工单 #${s(p.number)} 的维修人员还没有到场，已催促${p.reported === 0 ? "" : "并上报客服主管"}，请稍候。`,
  "resident.resolve_late": (p, c) =>
    `工单 #${s(p.number)} 今天未能处理完，非常抱歉。已列入未处理工作清单，${s(p.feedbackBy) ? `${ROLE_TITLES[s(p.staffRole)] ? `${ROLE_TITLES[s(p.staffRole)]} ${s(p.staff)} ` : "管家"}会在 ${formatRelative(new Date(s(p.feedbackBy)), c.now, c.tz)} 前向您反馈进展，` : ""}${s(p.completeBy) ? `最迟 ${formatRelative(new Date(s(p.completeBy)), c.now, c.tz)} 前处理完成。` : "会尽快处理完成。"}`,
  "resident.resolve_late_urgent": (p) => `非常抱歉，${p.intent === "complaint" ? "您的投诉" : "紧急报修"} #${s(p.number)} 还没有处理完。已上报客服主管和项目经理督办，${p.intent === "complaint" ? "正在加紧处理" : "正在加紧抢修"}，处理好后会马上通知您；情况有变化请直接回复。`,
  "resident.feedback_late": (p, c) => `工单 #${s(p.number)} 仍在处理中。已提醒管家并上报客服主管跟进${s(p.completeBy) ? `，最迟 ${formatRelative(new Date(s(p.completeBy)), c.now, c.tz)} 前处理完成` : ""}。`,
  "resident.complete_late": (p) => `非常抱歉，工单 #${s(p.number)} 超过了承诺的完成时间。项目经理已介入督办，会尽快与您联系。`,
  "resident.progress": (p) => `您的进行中工单：\n${s(p.lines)}`,
  "resident.recently_done": (p, c) => `工单 #${s(p.number)}（${s(p.summary)}）已于 ${formatRelative(new Date(s(p.doneAt)), c.now, c.tz)} 处理完成。您的话已转给${s(p.staff) ? `负责人 ${s(p.staff)}` : "负责人"}，会尽快回复您；如果问题还在，直接告诉我。`,
  "resident.progress_none": () => "您目前没有进行中的报修或投诉。需要报修请直接描述问题，例如「厨房水管漏水」。",
  "resident.revisit_question": (p) =>
    `您好，这里是${ON_BEHALF[s(p.onBehalf)] ?? "物业服务中心"}的回访：您的工单 #${s(p.number)}（${s(p.summary)}）已处理完成，请问您对处理结果满意吗？\n回复 1 满意 / 2 基本满意 / 3 不满意`,
  "resident.revisit_thanks": (p) => `感谢您的评价！工单 #${s(p.number)} 已结案。`,
  "resident.revisit_unsatisfied": (p) => `抱歉没有让您满意。工单 #${s(p.number)} 已重新打开，${p.manager ? "项目经理和主管" : "主管"}已收到通知。请告诉我们还有什么问题没有解决？`,
  "resident.revisit_detail_thanks": (p) => `已记录并转给负责人，工单 #${s(p.number)} 会尽快再次处理。`,
  "resident.revisit_comment_thanks": (p) => `感谢您的评价！您的意见已记录并转给负责人，工单 #${s(p.number)} 已结案。`,
  "resident.withdrawn_shared": (p) => `好的，已记下您这边不需要了。工单 #${s(p.number)}（${s(p.summary)}）还有其他住户反映同一问题，会继续处理，修好后也会告诉您。`,
  // (The number the sender wrote is not repeated: whether it exists is not theirs to learn.)
  "resident.no_such_ticket": (p) => `${s(p.number) ? "没有找到您名下对应的进行中工单" : "您目前没有进行中的工单"}。发送「进度」可查看您的工单；有新问题请直接描述，例如「厨房水管漏水」。`,
  "resident.restored": (p) => `好的，工单 #${s(p.number)}（${s(p.summary)}）恢复处理，已告知${s(p.staff) ? `${ROLE_TITLES[s(p.staffRole)] ?? "管家"} ${s(p.staff)}` : "物业服务中心"}，会尽快联系您。`,
  "resident.revisit_sent_privately": () => "收到您的回访答复，已私信您。",
  "resident.withdrawn_linked": (p) => `好的，已记下您家不需要了。#${s(p.number)}（${s(p.summary)}）还有其他住户在等，会继续处理。`,
  "resident.false_alarm_linked": (p) => `您反映的 #${s(p.number)}（${s(p.place)}）最早报告的住户说明是误报：「${s(p.text)}」，工单已撤销。如您那边仍看到烟、闻到气味或有其他情况，请马上告诉我。`,
  "resident.withdrawn_group": (p) => `收到，#${s(p.number)} 已按报事人的说明撤销，详情已私信。`,
  "resident.withdrawn": (p) => `好的，工单 #${s(p.number)}（${s(p.summary)}）已按您的意思取消，已告知${s(p.staff) ? `${ROLE_TITLES[s(p.staffRole)] ?? "管家"} ${s(p.staff)}` : "物业服务中心"}。之后如有问题，随时告诉我。`,
  "resident.withdraw_requested": (p) => `收到，已告知${s(p.staff) ? ` ${s(p.staff)} ` : "负责人"}工单 #${s(p.number)}（${s(p.summary)}）无需再处理，确认后会为您结单。`,
  "resident.reschedule_forwarded": (p) => `已把您的改约转告工单 #${s(p.number)} 的${s(p.staff) ? `负责人 ${s(p.staff)}` : "负责人"}，会尽快与您确认新的时间。方便的话请直接告诉我具体时间，例如「改到明天下午3点」。`,
  "resident.corrected": (p) => `已更正工单 #${s(p.number)}：${s(p.summary)}。已转告${s(p.staff) ? `负责人 ${s(p.staff)}` : "负责人"}。`,
  "resident.detail_added": (p) => `已补充到工单 #${s(p.number)}，并转给${s(p.staff) ? `负责人 ${s(p.staff)}` : "负责人"}。`,
  // ——— residents: binding ———
  "bind.ask_address": () => "为了把问题派给您所在网格的管家，请先绑定房屋：请发送您家的地址，例如「3栋2单元1201」或「3-2-1201」。",
  "bind.ask_address_pending": () => "收到您的报修，已记录。为了派单到您家，请先绑定房屋：请发送您家的地址，例如「3栋2单元1201」或「3-2-1201」。",
  "bind.ask_tail": (p) => `请回复业主档案中预留手机号的后四位（尾号），以核实您是 ${s(p.address)} 的住户。`,
  "bind.owner_file_outdated": () => "业主档案里的手机号需要先更新：请带房产证（或购房合同、租赁合同）和身份证到物业服务中心前台办理，或联系您的管家。更新后在这里发送地址即可完成绑定。",
  "bind.unbound": (p) => `已解除您与 ${s(p.address)} 的绑定，之后这套房子的费用提醒和通知不会再发给您；已告知管家更新业主档案。如需重新绑定，发送地址即可。`,
  "bind.unbind_none": () => "您目前没有绑定任何房屋，无需解绑。",
  "bind.unbind_which": (p) => `您绑定了多套房屋：${s(p.homes)}。请告诉我要解绑哪一套，例如「解绑 3栋2单元1201」。`,
  "bind.success": (p) => `绑定成功！您已绑定 ${s(p.address)}。${s(p.staff) ? `您的管家是 ${s(p.staff)}` : "您这里的事务由物业服务中心负责"}，有事可直接在这里告诉我。`,
  "staff.report_needs_address": () => "要登记住户家里的问题，请写明楼栋、单元和房号，例如「3栋2单元1201 卫生间漏水，业主来电」。",
  "bind.tail_wait": () => "好的，拿到业主档案中预留手机号的后四位后，直接回复给我就可以了（30 分钟内有效，过后重新发送地址即可）。",
  "bind.tail_format": () => "请只回复业主档案中预留手机号的后四位数字（4 位），例如「5678」。",
  "bind.wrong": (p) => `手机号后四位不对（与业主档案不符，验证失败），还可以再试 ${s(p.tries)} 次。`,
  "bind.locked": (p, c) => {
    const until = new Date(s(p.until));
    const minutes = Math.max(1, Math.ceil((until.getTime() - c.now.getTime()) / 60_000));
    const wait = minutes % 60 === 0 ? `${minutes / 60} 小时` : minutes > 60 ? `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟` : `${minutes} 分钟`;
    return `验证失败次数过多，为保护住户信息，该房屋的绑定已锁定，暂停到 ${formatLocal(until, c.tz)}（约 ${wait}后可再试）。如需帮助请联系物业服务中心前台。`;
  },
  "bind.no_phone": (p) => `${s(p.address)} 的业主档案里没有登记手机号，无法在线验证。请带身份证明到物业服务中心前台办理绑定，或联系您的管家。`,
  "bind.ask_tail_again": (p) => `${p.kept === "fee" ? "您的问题已记下，绑定后马上答复您。" : p.kept ? "您的报修已记下，绑定后马上为您登记。" : ""}为了确认您是 ${s(p.address)} 的住户（费用和报修信息只给本户住户看），请回复业主档案里预留手机号的后四位。`,
  "bind.sent_privately": () => "已私信您，请在私聊中完成房屋绑定。",
  "resident.ack": () => "不客气，有事随时找我。",
  "bind.need_unit": (p) => `${s(p.address)} 有不止一个单元，请再发一下单元号，例如「2单元」。`,
  "bind.need_room": (p) => `请再发一下单元和门牌号，例如「${s(p.building)}2单元1201」。`,
  "bind.unknown_household": (p) => `没有找到 ${s(p.address)} 的业主档案。请核对楼栋、单元和房号（例如 3栋2单元1201），或联系物业服务中心前台登记。`,
  "bind.ask_address_fee": () => "查询费用需要先绑定房屋并验证身份：请发送您家的地址，例如「3栋2单元1201」或「3-2-1201」。",
  "bind.need_for_fee": () => "查询费用需要先绑定房屋并验证身份。请私信我发送您家的地址，例如「3栋2单元1201」。",
  "bind.need_in_group": () => "为保护隐私，请私信我完成房屋绑定后再报修，我已私信您。",
  // ——— residents: fees ———
  "fee.sent_privately": () => "涉及个人费用信息，已私信您。",
  "fee.others_private": () => "为保护住户隐私，不能查询或透露其他住户的缴费情况。查询自家费用请私信我。",
  "fee.others_private_direct": () => "为保护住户隐私，不能查询或透露其他住户的缴费情况。您反映的问题已另行登记，见下条。",
  "fee.not_your_household": (p) => `为保护住户隐私，费用只能查询您本人已验证的房屋。以下是您的房屋 ${s(p.address)} 的费用；如需代家人查询，请家人本人绑定后查询，或联系管家。`,
  "resident.progress_sent_privately": () => "您的工单进度已私信您。",
  // ——— residents: other intents ———
  "resident.inquiry": (p) => `您的问题已记录，我暂时还不能直接答复这类问题。${s(p.staff) ? `您的管家 ${s(p.staff)} 会尽快回复您。` : "物业服务中心会尽快回复您。"}`,
  "resident.not_ours": (p) => `${WHOM[s(p.who)] ?? "这件事不在物业的服务范围内。"}您的消息已记录${s(p.staff) ? `，需要物业协助的地方可以找您的管家 ${s(p.staff)}` : "，需要物业协助的地方可以联系物业服务中心"}。`,
  "resident.details_private": () => "为保护住户隐私，不能提供其他住户的姓名、电话等个人信息。如需联系对方（例如漏水、噪音等邻里问题），请告诉我具体情况，我转给管家帮您沟通。",
  "resident.suggestion": () => "谢谢您的建议！已记录并转给客服主管。",
  "resident.praise": () => "谢谢您的肯定！我们会转达给相关同事。",
  "resident.hello": (_p, c) => `您好，我是${c.botName}。报修、投诉、物业费查询都可以直接告诉我，例如「厨房水管漏水了」；发送「进度」查看您的工单。`,
  "resident.reports_info": () => "物业的日报、周报、月报是内部工作报表，只发给工作人员。每个季度物业会向全体业主公布管理报告（报修投诉的处理情况、满意度、物业费收缴等汇总数字），届时会在小区群发布。想了解具体哪件事的情况，可以直接问我或联系您的管家。",
  "resident.staff_only": () => "抱歉，这是物业工作人员使用的指令。如需报修或查询，请直接描述您的问题。",
  "resident.voice_unsupported": () => "暂时听不了语音，请用文字描述一下问题，谢谢！",
  "resident.media_attached": (p) => `已收到图片，已附在工单 #${s(p.number)} 并转给负责人。`,
  "resident.media_received": () => "已收到图片。请用文字描述一下问题（例如「卫生间天花板渗水」），我来为您登记。",
  "message.empty": () => "没有收到文字内容，请描述一下您的问题。",
  "message.too_long": (p) => `消息太长（${s(p.length)} 字），请用 ${s(p.max)} 字以内简要描述问题，我来为您登记。原消息已保存。`,
  // ——— staff ———
  "staff.new_ticket": (p, c) =>
    `【新工单 #${s(p.number)}】${kind(p)}（${URGENCY_LABELS[s(p.urgency)] ?? ""}）\n地点：${s(p.place)}${reporterLine(p)}\n内容：${s(p.text)}\n` +
    `请在 ${formatRelative(new Date(s(p.acceptBy)), c.now, c.tz)} 前受理。回复「接单 #${s(p.number)}」「到场 #${s(p.number)}」「完成 #${s(p.number)} 处理说明」「转单 #${s(p.number)} 姓名」`,
  "staff.urgent_alert": (p) => `【紧急 #${s(p.number)}】${kind(p)}\n地点：${s(p.place)}\n内容：${s(p.text)}\n负责人：${s(p.assignee) || "未分配"}。请立即跟进。`,
  "staff.urgent_repeat": (p) => `【紧急·仍未受理 #${s(p.number)}】已过 ${s(p.minutes)} 分钟无人受理！${kind(p)}\n地点：${s(p.place)}\n内容：${s(p.text)}\n负责人：${s(p.assignee) || "未分配"}。回复「接单 #${s(p.number)}」受理。`,
  "staff.grade2_notice": (p) => `【需主管关注 #${s(p.number)}】${kind(p)}\n地点：${s(p.place)}\n内容：${s(p.text)}\n负责人：${s(p.assignee) || "未分配"}`,
  "staff.deadline_warning": (p) => `【即将超时 #${s(p.number)}】距${STEP_LABELS[s(p.step) || "accept"]}时限还有 ${s(p.minutes)} 分钟：${s(p.place)} ${s(p.text)}\n${p.step === "resolve" ? `处理完请回复「完成 #${s(p.number)} 说明」；需改约请回复「等待 #${s(p.number)} 约定时间」。` : p.step === "onsite" ? `到场后请回复「到场 #${s(p.number)}」。` : `回复「接单 #${s(p.number)}」受理。`}`,
  "staff.deadline_missed": (p) => `【已超时 #${s(p.number)}】未在${STEP_LABELS[s(p.step) || "accept"]}时限内完成，已上报${s(p.role)}。请尽快处理。`,
  "staff.overdue": (p) => `【超时督办 #${s(p.number)}】${kind(p)} 未在${STEP_LABELS[s(p.step)]}时限内完成（已登记 ${s(p.minutes)} 分钟）。\n地点：${s(p.place)}\n内容：${s(p.text)}\n负责人：${s(p.assignee) || "未分配"}`,
  "staff.appointment_due": (p) => `【预约时间到 #${s(p.number)}】${s(p.place)}：${s(p.text)}\n计时已恢复，请按约处理。`,
  "staff.waiting_ok": (p, c) => `#${s(p.number)} 已约定 ${formatRelative(new Date(s(p.until)), c.now, c.tz)}，期间暂停计时，已告知住户。到时会提醒您。`,
  "staff.resumed": (p) => `#${s(p.number)} 已结束等待，恢复计时。`,
  "staff.feedback_sent": (p, c) => (s(p.heldUntil) ? `已记录 #${s(p.number)} 的进展；夜间免打扰，将在 ${formatRelative(new Date(s(p.heldUntil)), c.now, c.tz)} 发给住户（工单先完成或取消则不再发送）。` : `已把进展反馈给 #${s(p.number)} 的住户。`),
  "staff.regraded": (p) => `#${s(p.number)} 已调整为${URGENCY_LABELS[s(p.urgency)] ?? ""}（${s(p.urgency)}级），时限已按新等级重新计算。`,
  "staff.escalation": (p) => `【超时升级 #${s(p.number)}】${kind(p)}，${s(p.reopened) ? "重新打开" : "登记"} ${s(p.minutes)} 分钟仍未受理。\n地点：${s(p.place)}\n内容：${s(p.text)}\n负责人：${s(p.assignee) || "未分配"}`,
  "staff.daily_list": (p) => `【日未处理工作盘点 ${s(p.date)}】共 ${s(p.count)} 单：\n${s(p.lines)}`,
  "staff.daily_list_all": (p) => `【日未处理工作盘点（全部）${s(p.date)}】共 ${s(p.count)} 单：\n${s(p.lines)}`,
  "staff.daily_list_summary": (p) =>
    `【日未处理工作盘点（全部）${s(p.date)}】共 ${s(p.count)} 单，超时 ${s(p.overdue)} 单。\n按网格/负责人：\n${s(p.groups)}\n\n最需关注的 ${s(p.shown)} 单：\n${s(p.lines)}\n（其余工单见各管家的盘点清单）`,
  "staff.morning_overdue": (p) => `【昨日遗留 ${s(p.date)}】以下工单仍未完成，请今天优先处理：\n${s(p.lines)}`,
  "staff.transferred": (p) => `【转单 #${s(p.number)}】${s(p.from)} 转给您：${kind(p)}\n地点：${s(p.place)}\n内容：${s(p.text)}\n${p.note ? `转单说明：${s(p.note)}\n` : ""}${p.accepted ? `该单已受理（${statusLabel(p.status)}），由您继续跟进：「到场 #${s(p.number)}」「完成 #${s(p.number)} 说明」。` : `回复「接单 #${s(p.number)}」受理。`}`,
  // (Older rows carry no "raised": they were written when a repeat always raised the grade.)
  "staff.repeat_report": (p) => p.intent === "complaint"
    ? `【重复投诉 #${s(p.number)}】住户再次投诉仍未解决，${p.raised === 0 ? "仍为紧急" : "已升级为紧急（升级投诉）"}：${s(p.place)}\n${s(p.text)}`
    : `【重复报修 #${s(p.number)}】住户再次反映${p.urgency === 1 ? "，仍为紧急、请立即处理" : p.raised === 0 ? "未修好（较急）" : "未修好，已升为较急"}：${s(p.place)}\n${s(p.text)}`,
  "staff.revisit_unsatisfied": (p) => `【回访不满意 #${s(p.number)}】${s(p.place)}：${s(p.summary)}\n工单已重新打开，请跟进。`,
  "staff.revisit_phone": (p) => `【电话回访 #${s(p.number)}】${s(p.place)} ${p.hours === 0 ? "住户没有在微信上报事（代登记的工单），" : `${s(p.hours) || "48"}小时未回复回访，`}请电话回访${s(p.phone) ? `（业主 ${s(p.owner)} ${s(p.phone)}）` : ""}。`,
  "staff.phone_revisit_recorded": (p) => `已记录 #${s(p.number)} 的电话回访：${p.answer === 1 ? "满意，工单已结案" : p.answer === 2 ? "基本满意，工单已结案" : "不满意，工单已重新打开并通知主管"}。`,
  "error.ticket.not_done": (p) => `工单 #${s(p.number)} 还没有完成，完成后才能记录回访。`,
  "staff.accepted_no_resident": (p) => `已受理 #${s(p.number)}。该单没有微信住户可通知，请电话联系住户。`,
  "staff.completed_no_resident": (p) => `#${s(p.number)} 已完成。该单没有微信住户可通知，请电话告知住户；回访已列入前台电话回访。`,
  "staff.resident_rescheduled": (p, c) => `【#${s(p.number)} 住户改约】${s(p.text)}${s(p.until) ? `\n已改约至 ${formatRelative(new Date(s(p.until)), c.now, c.tz)}，计时暂停到那时。` : "\n请与住户确认新的时间，并回复「等待 #" + s(p.number) + " 约定时间」。"}`,
  "staff.resident_correction": (p) => `【#${s(p.number)} 住户更正】${s(p.text)}\n更正后：${s(p.summary)}` + (s(p.movedTo) ? `\n地点已改，工单已转给 ${s(p.movedTo)} 处理，您无需再跟进。` : ""),
  "staff.resident_detail": (p) => `【#${s(p.number)} 住户补充】${s(p.text)}`,
  "staff.urgent_withdrawn": (p) => `【紧急已撤 #${s(p.number)}】${s(p.place)}：住户称无需处理（${s(p.text)}）。${p.cancelled ? "工单已取消，提醒停止；" : "请负责人确认后结单；"}如需核实请联系住户。`,
  "staff.resident_restored": (p) => `【工单 #${s(p.number)} 恢复】住户撤回了取消，仍需处理：${s(p.place)}\n内容：${s(p.summary)}\n请回复「接单 #${s(p.number)}」受理。`,
  "staff.resident_withdrew": (p) => Number(p.others) > 0
    ? `【住户撤回 #${s(p.number)}】${s(p.place)}：${s(p.summary)}\n住户说：${s(p.text)}\n另有 ${s(p.others)} 户反映同一问题，工单继续处理。`
    : p.cancelled
    ? `【住户撤单 #${s(p.number)}】${s(p.place)}：${s(p.summary)}\n住户说：${s(p.text)}\n工单已取消，无需上门。`
    : `【住户表示无需处理 #${s(p.number)}】${s(p.place)}：${s(p.summary)}\n住户说：${s(p.text)}\n请确认后回复「完成 #${s(p.number)} 说明」结单。`,
  "staff.city_outage": (p) => `【住户反映·市政停水停电】${s(p.place)}：${s(p.text)}\n已告知住户向供水/供电/燃气公司查询。如属实，请向主管报告并发布停水停电通知。`,
  "staff.survey_comment": (p) => `【满意度调查意见】${s(p.place)}：${s(p.text)}\n请跟进，需要时回复住户。`,
  "staff.threat_to_reporter": (p) => `【注意安全】${s(p.place)} 的住户在打听报事人并有威胁言语：「${s(p.text)}」\n已按隐私规定拒绝透露任何信息。请关注双方安全，必要时联系保安或报警。`,
  "staff.inquiry": (p) => `【住户咨询】${s(p.place)}：${s(p.text)}\n请尽快答复住户。`,
  "staff.suggestion": (p) => `【住户建议】${s(p.place)}：${s(p.text)}`,
  "staff.praise": (p) => `【住户表扬】${s(p.place)}：${s(p.text)}`,
  "staff.media_forwarded": (p) => `【#${s(p.number)} 住户发来图片】${s(p.path) ? `文件：${s(p.path)}` : "（图片未能保存，请联系住户）"}`,
  "staff.accepted": (p) => `已受理 #${s(p.number)}，已通知住户。`,
  "staff.arrived": (p) => `已记录到场 #${s(p.number)}，已通知住户。`,
  "staff.completed": (p) => `#${s(p.number)} 已完成，已通知住户，并已安排回访。`,
  "staff.ticket_contact": (p) => `#${s(p.number)} ${s(p.place)}：${s(p.owner) ? `业主 ${s(p.owner)}${s(p.phone) ? ` ${s(p.phone)}` : "（档案无电话）"}` : "无业主档案"}${s(p.reporter) && s(p.reporter) !== s(p.owner) ? `；报事人 ${s(p.reporter)}（可在本对话里联系不上时请前台协助）` : ""}。`,
  "staff.resident_unbound": (p) => `【住户解绑】${s(p.name)} 已解除与 ${s(p.address)} 的绑定（「${s(p.text)}」）。如房屋已出售或租户已搬离，请更新业主档案。`,
  "staff.urgent_downgraded": (p) => `【降级 #${s(p.number)}】${s(p.by)} 已将工单（${s(p.place)}）由紧急（1 级）调为${URGENCY_LABELS[s(p.urgency)] ?? ""}（${s(p.urgency)} 级），紧急提醒停止，按新等级跟进。`,
  "staff.regraded_yours": (p) => `【调级 #${s(p.number)}】${s(p.by)} 已将您负责的工单（${s(p.place)}）调为${URGENCY_LABELS[s(p.urgency)] ?? ""}（${s(p.urgency)} 级），时限已按新等级重算。`,
  "staff.taken_over": (p) => `【工单 #${s(p.number)}】已由 ${s(p.by)} ${s(p.to) && s(p.to) !== s(p.by) ? `转给 ${s(p.to)} ` : ""}接手处理（${s(p.place)}），您无需再跟进。`,
  "staff.completed_by_other": (p) => `【已完成 #${s(p.number)}】${s(p.by)} 已处理完毕：${s(p.resolution)}\n地点：${s(p.place)}。系统将安排回访。`,
  "staff.note_added": (p) => `【#${s(p.number)} 备注】${s(p.by)}：${s(p.text)}`,
  "staff.transferred_ok": (p) => `#${s(p.number)} 已转给 ${s(p.to)}。`,
  "staff.noted": (p) => `已为 #${s(p.number)} 添加备注。`,
  "staff.my_tickets": (p) => `您的进行中工单（${s(p.count)}）：\n${s(p.lines)}`,
  "staff.my_tickets_none": () => "您目前没有进行中的工单。",
  "staff.help": (p) => `可用指令：\n${s(p.lines)}`,
  "staff.unknown_command": () => "没有看懂这条指令。发送「帮助」查看可用指令，例如「接单 #12」。",
  "staff.group_use_direct": () => "工作人员指令请私聊我发送。",
  // ——— errors (DomainError codes) ———
  "error.ticket.not_found": (p) => `没有找到工单 #${s(p.number)}，请核对编号。`,
  "error.ticket.not_your_grid": (p) => `工单 #${s(p.number)} 不属于您的网格，您不能处理。如需协助请联系主管。`,
  "error.ticket.already_yours": (p) => `工单 #${s(p.number)} 已在您名下（${statusLabel(p.status)}），无需再接单，请直接「到场 #${s(p.number)}」或「完成 #${s(p.number)} 说明」。`,
  "error.ticket.bad_transition": (p) => `工单 #${s(p.number)} 当前状态为「${statusLabel(p.status)}」，不能执行该操作。`,
  "error.ticket.changed_meanwhile": (p) => `工单 #${s(p.number)} 刚被其他人更新，请发送「我的工单」查看最新状态。`,
  "error.ticket.resolution_required": (p) => `请写明处理说明，例如「完成 #${s(p.number)} 更换了角阀」。`,
  "error.ticket.note_required": (p) => `请写明备注内容，例如「备注 #${s(p.number)} 住户下午在家」。`,
  "error.ticket.not_open": (p) => `工单 #${s(p.number)} 已不在处理中，不能执行该操作。`,
  "error.ticket.not_waiting": (p) => `工单 #${s(p.number)} 没有在等待住户，无需恢复。`,
  "error.ticket.wait_in_past": (p) => `约定时间已经过去了，请写一个将来的时间，例如「等待 #${s(p.number)} 明天上午10点」。`,
  "error.ticket.no_reporter": (p) => `工单 #${s(p.number)} 没有可联系的住户（由系统登记），请用「备注」记录进展。`,
  "error.ticket.same_grade": (p) => `工单 #${s(p.number)} 已经是 ${s(p.urgency)} 级。`,
  "error.ticket.already_assigned": (p) => `工单 #${s(p.number)} 已经由 ${s(p.name)} 负责，无需转单。`,
  "error.ticket.already_assigned_noted": (p) => `工单 #${s(p.number)} 已经由 ${s(p.name)} 负责，无需转单；您写的说明已作为备注转给 ${s(p.name)}。`,
  "error.staff.not_found": (p) => `没有找到名为「${s(p.name)}」的在职同事，请核对姓名。`,
  "error.command.usage": (p) => `指令格式：${s(p.usage)}`,
  "error.command.not_allowed": (p) => `「${s(p.name)}」指令仅限有相应权限的同事使用。`,
  "error.no_community": () => "本助手尚未配置小区，请联系物业服务中心。",
  "error.unknown": () => "抱歉，系统刚才出了点问题，您的消息已保存，我们会尽快处理。",
} satisfies Record<string, Text>;

/** Feature tables (src/bot/texts/*.ts) are merged in; a key defined twice is a bug caught at load. */
const TABLES: Record<string, Text>[] = [CORE_TEXTS, FEE_TEXTS, NOTICE_TEXTS, SURVEY_TEXTS, REPORT_TEXTS];
/** Whom to turn to for what the office does not run (src/intents/responsibility.ts). */
const WHOM: Record<string, string> = {
  water_utility: "市政供水停水不在物业的维修范围内：来水时间请关注供水公司（自来水公司）的公告或拨打其服务热线，物业得到消息也会在群里通知大家。",
  power_utility: "市政电网停电不在物业的维修范围内：来电时间可拨打供电服务热线 95598 查询，物业得到消息也会在群里通知大家。",
  gas_utility: "市政燃气停气不在物业的维修范围内：恢复时间请咨询燃气公司服务热线，物业得到消息也会在群里通知大家。如闻到燃气味，请立即开窗、不要开关电器，并告诉我。",
  telecom: "宽带、电视和手机信号由运营商负责维护：请拨打您的运营商客服（电信 10000、联通 10010、移动 10086，或有线电视公司）报修。",
  mediation: "个人之间的钱款、租赁或家庭纠纷不在物业的职责范围内：可以找社区居委会或人民调解委员会调解，必要时向派出所报警或向法院起诉。",
};

export const TEXTS: Record<string, Text> = {};
for (const table of TABLES) {
  for (const [key, text] of Object.entries(table)) {
    if (key in TEXTS) throw new Error(`text key defined twice: ${key}`);
    TEXTS[key] = text;
  }
}

export type TextKey = string;
export const hasText = (key: string): boolean => Object.hasOwn(TEXTS, key);

export function render(key: string, params: Params, ctx: RenderContext): string {
  if (!hasText(key)) throw new Error(`missing text for key ${key}`);
  const zh = TEXTS[key]!(params, ctx);
  const en = ctx.lang === "en" && hasEnglish(key) ? ENGLISH_TEXTS[key]!(params, ctx) : null;
  // No message shows a resident ID number typed into a report (text-format.ts: maskIds).
  return maskIds(en ? `${en}\n\n${zh}` : zh);
}

/** Whether a key has an English text (sent above the Chinese to residents who write in English). */
export const hasEnglish = (key: string): boolean => Object.hasOwn(ENGLISH_TEXTS, key);
