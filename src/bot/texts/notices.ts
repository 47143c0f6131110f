// Words of notices (通知): drafts, confirmations, delivery reports, the notice itself, and the answer
// to a resident who reports an announced outage.
import { formatLocal, formatRelative, s, type Params, type Text } from "../text-format.js";

const OUTAGE_LABELS: Record<string, string> = { water: "停水", power: "停电", gas: "停气" };
const outage = (p: Params) => OUTAGE_LABELS[s(p.kind)] ?? "停水停电";
const span = (p: Params, tz: string) => `${formatLocal(new Date(s(p.from)), tz)} 至 ${formatLocal(new Date(s(p.to)), tz)}`;

export const NOTICE_TEXTS = {
  // ——— staff: drafting and sending ———
  "staff.notice_draft": (p, c) =>
    `【通知草稿 #${s(p.noticeId)}】请核对：\n` +
    `范围：${s(p.scope)}\n` +
    `发送：${s(p.sendAt) ? `${formatLocal(new Date(s(p.sendAt)), c.tz)}（定时）` : "确认后立即发送"}\n` +
    `送达：${s(p.groups)} 个业主群` +
    (p.direct ? ` + 私信 ${s(p.residents)} 位已认证住户` : `（范围内已认证住户 ${s(p.residents)} 位，加「私信」可同时私信他们）`) +
    (s(p.quietEnd) ? `\n${s(p.sendAt) ? "发送时间在" : "现在是"}免打扰时段，私信将在 ${s(p.quietEnd)} 后发出。` : "") +
    (s(p.kind) && p.kind !== "general"
      ? `\n${outage(p)}时段：${span(p, c.tz)}。期间范围内住户报${outage(p)}，我会直接回复本通知，不另开工单。` +
        (p.windowDefaulted ? `\n（正文里没有读到${outage(p)}时间，暂按发出后 ${s(p.defaultHours)} 小时计；如需指定，请重新发送并加「时段 3月5日 8:00-12:00」。）` : "")
      : "") +
    `\n——\n${s(p.text)}\n——\n` +
    `回复「确认」发送，「取消」放弃（${s(p.minutes)} 分钟内有效）。` +
    (p.replaced ? "上一份未确认的草稿已作废。" : ""),
  "staff.notice_scheduled": (p, c) => `已确认，通知 #${s(p.noticeId)} 将于 ${formatLocal(new Date(s(p.sendAt)), c.tz)} 发出。发送「取消 #${s(p.noticeId)}」可撤回，「通知进度」查看状态。`,
  "staff.notice_sending": (p, c) =>
    `已确认，通知 #${s(p.noticeId)} 开始发送：${s(p.groups)} 个业主群${Number(p.residents) ? `、私信 ${s(p.residents)} 位住户` : ""}，` +
    `预计 ${formatRelative(new Date(s(p.lastAt)), c.now, c.tz)} 前发完，完成后告诉您送达结果。发送「通知进度」可随时查看。`,
  "staff.notice_cancelled": (p) => `已放弃通知草稿 #${s(p.noticeId)}，没有发送。`,
  "staff.notice_withdrawn_by": (p) => `您的定时通知 #${s(p.noticeId)}（${s(p.text)}）已被 ${s(p.by)} 撤回，不会发送。如仍需发布，请重新发起。`,
  "staff.notice_unscheduled": (p) => `已撤回定时通知 #${s(p.noticeId)}，不会发送。`,
  "staff.notice_done": (p) =>
    `【通知 #${s(p.noticeId)} 发送完成】已发送 ${s(p.sent)}/${s(p.total)}（业主群 ${s(p.groups)} 个，私信住户 ${s(p.residents)} 位）` +
    (Number(p.dead) ? `，${s(p.dead)} 条发送失败` : "") + (Number(p.pending) ? `，${s(p.pending)} 条仍在重试` : "") + "。",
  "staff.notice_progress": (p) => `最近的通知：\n${s(p.lines)}`,
  "staff.notice_progress_none": () => "还没有已发出或待发送的通知。发送「通知 范围 内容」起草一条。",
  // ——— what residents and groups receive ———
  "notice.broadcast": (p) => `【物业通知】\n${s(p.text)}\n——${s(p.community)}物业服务中心`,
  "notice.outage_answer": (p, c) =>
    `您好，这是计划内的${outage(p)}，物业已发过通知：\n【物业通知】${s(p.text)}\n` +
    `（${outage(p)}时段：${span(p, c.tz)}）\n时段结束后仍未恢复，或发现漏水、异味等其他情况，请马上告诉我。`,
  "notice.outage_upcoming": (p, c) =>
    `您好，物业已发过通知，计划${outage(p)}时段：${span(p, c.tz)}。\n【物业通知】${s(p.text)}\n请提前做好准备；时段结束后仍未恢复，请马上告诉我。`,
  "notice.outage_answer_short": (p, c) => `这是计划内的${outage(p)}（见上方通知），${outage(p)}时段：${span(p, c.tz)}。`,
  // ——— refusals ———
  "error.notice.bad_scope": (p) => `看不懂通知范围「${s(p.token)}」。范围可以是：全体、楼栋（3栋 或 3栋,5栋）、网格（如 A区）。例如「通知 3栋 明天8:00-12:00停水」。`,
  "error.notice.unknown_building": (p) => `没有找到 ${s(p.names)}，请核对楼栋。`,
  "error.notice.bad_time": () => "定时的时间没有看懂，请写成「定时 2026-03-05 08:00」。",
  "error.notice.bad_window": () => "时段没有看懂，请写成「时段 3月5日 8:00-12:00」。",
  "error.notice.window_without_outage": () => "「时段」只用于停水、停电、停气通知，正文里没有看到停水/停电/停气。",
  "error.notice.time_past": () => "定时的时间已经过去了，请写一个将来的时间；要立即发送，去掉「定时」即可。",
  "error.notice.empty": () => "请写上通知内容，例如「通知 3栋 明天8:00-12:00停水，请提前储水」。",
  "error.notice.too_long": (p) => `通知太长（${s(p.length)} 字），请控制在 ${s(p.max)} 字以内。`,
  "error.notice.nobody": (p) =>
    `这个范围内没有业主群${Number(p.residents) ? `。范围内有 ${s(p.residents)} 位已认证住户，加「私信」可以私信他们` : "，也没有已认证的住户"}，通知没有可发送的对象。`,
  "error.notice.no_draft": (p) => `没有待确认的通知草稿（草稿 ${s(p.minutes)} 分钟内有效）。请重新发送「通知 范围 内容」。`,
  "error.notice.not_found": (p) => `没有找到通知 #${s(p.id)}，发送「通知进度」查看最近的通知。`,
  "error.notice.not_scheduled": (p) => `通知 #${s(p.id)} 不是待发送的定时通知，无法撤回。`,
} satisfies Record<string, Text>;
