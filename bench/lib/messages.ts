// Varied resident and staff messages for the load benchmarks and the crash test: repairs and
// complaints at home and in public places, fee and progress questions, enquiries, suggestions,
// praise, group chit-chat, @-mentions, emergencies, strangers binding their home, staff commands.
// Messages of one person keep their order (`lane`): like WeChat, one chat is handled in sequence.
import { pick, rng, type GeneratedCommunity, type Person } from "./community.js";

export type LoadMessage = { messageId: string; userId: string; userName: string; text: string; roomId?: string; mentionsSelf: boolean; kind: "text" | "image"; label: string };

const PLACES = ["厨房", "卫生间", "主卧", "次卧", "客厅", "阳台", "书房", "洗手间", "卧室"];
const PROBLEMS = ["水管漏水了", "马桶堵了", "灯不亮了", "插座没电了", "下水道堵了", "水龙头一直滴水", "天花板渗水", "门锁坏了打不开", "热水器打不着火", "地漏反味很重", "窗户关不上", "墙皮大面积脱落", "空调外机滴水到楼下", "暖气片不热"];
const PREFIX = ["", "你好，", "您好 ", "麻烦一下，", "师傅，", "急！", "今天早上", "刚才", "物业你好，我家", "打扰了，"];
const SUFFIX = ["", "，麻烦尽快来看看", "，谢谢", "，能不能今天派人来", " 😭", "，下午家里有人", "。", "！！", "，急", "，周末也可以"];
const COMPLAINTS = ["楼上装修太吵了，晚上十点还在打电钻", "楼道里的垃圾三天没人清理了", "地下车库有人乱停车，堵住我的车位了", "门口保安态度太差了", "隔壁家的狗天天半夜叫", "小区绿化带被人种菜了没人管", "电梯里有人抽烟，味道很大", "快递柜旁边堆满了纸箱"];
const FEES = ["我家物业费还欠多少", "物业费怎么交", "这个月的物业费是多少钱", "我的物业费交了吗", "欠费多少能告诉我吗", "物业费能开发票吗"];
const PROGRESS = ["进度", "我报的修怎么样了", "查进度", "我的报修"];
const INQUIRIES = ["装修需要办什么手续", "门禁卡丢了怎么补办", "物业办公室几点下班", "快递可以放前台吗", "小区游泳池什么时候开放", "搬家需要提前登记吗"];
const SUGGESTIONS = ["建议小区多装几个电动车充电桩", "建议晚上路灯开久一点", "希望周末多安排一次垃圾清运"];
const PRAISE = ["谢谢师傅，修得很快", "管家服务很好，点赞👍", "昨天来修水管的师傅很负责，谢谢"];
const CHITCHAT = ["今天天气真不错", "有没有人拼车去机场", "谁家的快递放错了", "周末有人一起打球吗", "哈哈哈哈", "😂😂😂", "收到", "好的谢谢", "楼下新开的面馆怎么样", "明天几点集合"];
const PUBLIC = ["电梯又坏了", "楼道灯不亮", "单元门禁刷不开", "楼顶水箱在漏水", "地下车库积水了", "消防通道被堵了"];
const EMERGENCY = ["楼道里好大的煤气味，谁家漏气了", "电梯里困人了！快来人", "楼下冒烟了好像着火了"];

export type LoadOptions = { count: number; seed?: number; lanes: number; idPrefix?: string };

/** `count` messages in `lanes` ordered lists (a person's messages always in the same lane). */
export function generateMessages(c: GeneratedCommunity, o: LoadOptions): { lanes: LoadMessage[][]; mix: Record<string, number> } {
  const r = rng(o.seed ?? 11);
  const lanes: LoadMessage[][] = Array.from({ length: o.lanes }, () => []);
  const laneOf = new Map<string, number>();
  const mix: Record<string, number> = {};
  let seq = 0;
  let ticketGuess = 1;
  const push = (label: string, p: { id: string; name: string }, text: string, room?: string, mention = false) => {
    let lane = laneOf.get(p.id);
    if (lane === undefined) laneOf.set(p.id, (lane = laneOf.size % o.lanes));
    lanes[lane]!.push({ messageId: `${o.idPrefix ?? "m"}-${++seq}`, userId: p.id, userName: p.name, text, ...(room ? { roomId: room } : {}), mentionsSelf: mention, kind: label === "media" ? "image" : "text", label });
    mix[label] = (mix[label] ?? 0) + 1;
  };
  const resident = (): Person => pick(r, c.residents);
  const repairText = () => `${pick(r, PREFIX)}${pick(r, PLACES)}${pick(r, PROBLEMS)}${pick(r, SUFFIX)}`;

  while (seq < o.count) {
    const x = r();
    const p = resident();
    const b = p.household!.building;
    if (x < 0.3) push("repair", p, repairText());
    else if (x < 0.38) push("complaint", p, `${pick(r, PREFIX)}${pick(r, COMPLAINTS)}${pick(r, SUFFIX)}`);
    else if (x < 0.46) push("fee", p, pick(r, FEES));
    else if (x < 0.5) push("progress", p, pick(r, PROGRESS));
    else if (x < 0.55) push("inquiry", p, `${pick(r, PREFIX)}${pick(r, INQUIRIES)}`);
    else if (x < 0.57) push("suggestion", p, pick(r, SUGGESTIONS));
    else if (x < 0.59) push("praise", p, pick(r, PRAISE));
    else if (x < 0.73) push("group-chitchat", p, pick(r, CHITCHAT), `g${b}`);
    else if (x < 0.8) push("group-mention", p, `@物业小助手 ${b}栋${pick(r, PUBLIC)}${pick(r, SUFFIX)}`, `g${b}`, true);
    else if (x < 0.82) push("group-fee", p, `@物业小助手 ${pick(r, FEES)}`, `g${b}`, true);
    else if (x < 0.83) push("emergency", p, `${b}栋${pick(r, EMERGENCY)}`, r() < 0.5 ? `g${b}` : undefined);
    else if (x < 0.9) {
      // A stranger: reports something (asked to bind), sends an address, then a phone tail.
      const s = pick(r, c.strangers);
      const h = pick(r, c.households);
      if (r() < 0.4) push("stranger-repair", s, repairText());
      push("stranger-bind", s, `${h.building}-${h.unit}-${h.room}`);
      push("stranger-tail", s, r() < 0.7 ? h.phone.slice(-4) : String(Math.floor(r() * 10000)).padStart(4, "0"));
    } else if (x < 0.95) {
      const hk = pick(r, c.housekeepers);
      if (r() < 0.5) push("staff-list", hk, "我的工单");
      else push("staff-accept", hk, `接单 #${ticketGuess++}`);
    } else if (x < 0.97) push("media", p, "");
    else push("repair-public", p, `${b}栋${pick(r, PUBLIC)}`);
  }
  return { lanes, mix };
}
