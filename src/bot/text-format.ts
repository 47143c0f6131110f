// Formatting helpers shared by every text table (src/bot/texts.ts and src/bot/texts/*.ts).
import { formatLocal, formatRelative } from "../services/time.js";

export type Params = Record<string, string | number | null | undefined>;
/** `lang`: the recipient's language ("en" adds the English text where there is one). */
export type RenderContext = { tz: string; now: Date; botName: string; lang?: string };

export const INTENT_LABELS: Record<string, string> = {
  repair: "报修", complaint: "投诉", fee: "费用", progress: "进度查询", inquiry: "咨询", suggestion: "建议", praise: "表扬", other: "其他",
};
export const CATEGORY_LABELS: Record<string, string> = {
  water: "水路", electricity: "电路", gas: "燃气", elevator: "电梯", access: "门禁", structure: "房屋结构", facility: "公共设施",
  sanitation: "环境卫生", greenery: "绿化", parking: "停车", noise: "噪音", security: "安全秩序", pets: "宠物", decoration: "装修", staff: "服务态度", other: "其他",
};
export const URGENCY_LABELS: Record<string, string> = { "1": "紧急", "2": "较急", "3": "一般" };
export const STATUS_LABELS: Record<string, string> = {
  open: "待受理", accepted: "已受理", onsite: "已到场处理中", done: "已完成", closed: "已关闭", reopened: "重新处理中", cancelled: "已取消",
};
export const ON_BEHALF: Record<string, string> = { desk: "物业服务中心", supervisor: "客服主管", manager: "项目经理" };

export const s = (v: Params[string]) => (v === null || v === undefined ? "" : String(v));
export const intentLabel = (v: Params[string]) => INTENT_LABELS[s(v)] ?? s(v);
export const categoryLabel = (v: Params[string]) => CATEGORY_LABELS[s(v)] ?? s(v);
export const statusLabel = (v: Params[string]) => STATUS_LABELS[s(v)] ?? s(v);
export const kind = (p: Params) => `${intentLabel(p.intent)}·${categoryLabel(p.category)}`;

export type Text = (p: Params, c: RenderContext) => string;

/** An 18-digit resident ID number in free text, shown as "110***********1234": nobody handling a
 * repair needs it, and a ticket's words travel to staff and to neighbours of a shared fault. */
export const maskIds = (text: string) => text.replace(/(?<![\dXx])(\d{3})\d{11}(\d{3}[\dXx])(?![\dXx])/g, "$1***********$2");

export { formatLocal, formatRelative };
