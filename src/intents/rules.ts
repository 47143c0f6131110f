// Hand-written rules where rules are right: danger and escalation (urgency 1, never missed),
// the urgency-2 conventions of LABELS.md, and the intent/category a danger implies.
import type { Category, Intent } from "./types.js";

export type Safety = { kind: string; intent: Intent; category: Category | null; /** The matched words. */ match?: string };

// A danger word right after these is hypothetical ("万一着火怎么跑"), not happening now.
const HYPOTHETICAL = /(万一|如果|要是|假如|以防|防止|预防|会不会|怕|小心|注意|别|不要|当心|演练|宣传|培训|禁止|严禁|(?<![还认我在次回下是])真(要|的)?)\s*$/;
const HYPO_CLAUSE = /万一|如果|要是|假如|假设|以防|预防|防止|一旦|演练|演习|培训|宣传|科普/;
// "…堆满了纸箱 着火了咋办": a danger asked about, not happening.
const WHAT_IF = /(了|的话)?(咋办|怎么办|谁负责|谁管)(\s|$|[，。?？!！])/;
// "打不着火" / "点着火" is about igniting a stove, not a fire.
const IGNITE = /(不|没|打|点|能)\s*$/;
// Planned outages in notices are questions, not incidents.
const PLANNED = /(?<!(没|不|未)[^，。]{0,6})(?<!有)通知(?![^，。]{0,3}(都没|也没|没有|都不|也不|不是|只说|上没))(?!吗|么|没)|明天|后天|下周|(这|本|下)?(周|星期|礼拜)[一二三四五六日天末](?!晚上|早上)|是全[^，。]{0,4}还是|还是只有|哪几栋|哪些楼|(?<!是|是不是)计划(?![^，。]{0,4}(吗|么|\?|？))|预计|将于|(?<!是)检修(?![^，。]{0,3}还是(故障|坏了|出事))|维保|几点恢复|是不是要停|会停吗|都停吗/;

// A danger that is over or was harmless ("还好灭了 没事了") needs no urgent action.
const RESOLVED = /自己(又)?好了|(自己|最后|后来)[^，。]{0,3}(扒|撬|爬|推|挤)[^，。]{0,2}出来(的|了)|(才|已经|刚)(被)?(救)?出来(了)?(?![^。]{0,6}(还有|又))|已经搞定|(现在|目前)(都|也)?没事(?!吧|吗)|([\d一二三四五六七八九十几半]+(个)?(分钟|小时|钟头)|好久|半天)才(来人|来|到|把人)|(现在|已经)(都|一切)?(正常|好了)(了)?|(人)?已经出来了|赶(出去|走)了|大家放心|已经[^，。]{0,6}(拉开|劝开|分开|带走)(了)?|\b(it'?s gone( now)?|all clear|back to normal|they'?ve finished|false alarm)\b|没事了|收拾干净了|(水|现在)[^，。]{0,2}(不喷|不淌|不流|不冒)了|(救|拉|抬|弄)出来了(?!吗|没|么)|已经(救|拉)出|被救出|已经没事|都没事|问过了[^，。]{0,4}没事|止住了|不漏了|已经灭了|已经扑灭|就灭了|灭掉了|扑灭了|虚惊一场|已经(恢复|来电|来水)|(恢复|来电|来水)了|(已经|都)修好了|误报|(查|看|检查|检测)(了|过)[^，。]{0,4}没(问题|事)|\b(all good( now)?|all fine now|everyone'?s? (is )?(ok|fine|out)|we'?re (all )?(ok|fine|out)|got out( fine)?|doors? opened again|back to normal|working again)\b/i;
// An outage told as a past event ("前几天整个小区停电") is a story, not a report.
const PAST = /前几天|上周|上礼拜|上星期|上个星期|上个礼拜|上个月|去年|上次|那次|前阵子|之前|以前/;
// The danger is somewhere else (a hometown, the news, work, another estate): told, not reported.
// Checked on the text before the match, so "电梯困人了 物业公司快来" still fires.
const ELSEWHERE = /老家|隔壁小区|隔壁那个[^，。]{0,4}小区|\bmy friend'?s\b|\banother (district|compound|estate|city)\b|朋友(住|家)|亲戚家|他们(那边|小区|那儿|那里)|别的小区|其他小区|别的城市|其他城市|另一个城市|外省|外地|新闻(里|上|说)|看新闻|抖音上|快手上|朋友圈|视频里|网上看到|电视上|电影|电视剧|短视频|纪录片|刷到|隔篱|隔壁屋苑|隔壁楼盘|(?<!物业|维保|燃气|电力|自来水|保险|保洁|绿化|电梯|安保|保安|维修|物管|清运|环卫)公司|单位里|地铁|商场|学校|机场|高速|梦见|梦到|做梦/g;
// ...unless the sender comes back home before the danger ("我在公司 家里水管爆了").
// ("我在外地上班，我爸一个人住在4栋2单元301…": a parent at home here, named by their address.)
const BACK_HOME = /家里|我家|屋里|楼里|楼道|我们(楼|小区|单元|这)|咱们|小区里|这边|这里|住在|\d+\s*(栋|幢|号楼|单元)|(爸|妈|父亲|母亲|老人|父母|爷爷|奶奶|外公|外婆|公公|婆婆)[^，。,]{0,6}(住|在家)/;
// "我被困在公司电梯里了": the place named right after the danger word.
const ELSEWHERE_AFTER = /^[^，。,]{0,2}在?(公司|单位|商场|地铁|学校|医院|写字楼|办公楼|酒店|机场|老家)|^的(新闻|视频|报道)/;
function elsewhere(text: string, at: number, end = at): boolean {
  if (ELSEWHERE_AFTER.test(text.slice(end, end + 10))) return true;
  // (English says the same in more characters.)
  const win = text.slice(Math.max(0, at - (/[a-z]{3}/i.test(text) ? 40 : 16)), at);
  const hits = [...win.matchAll(ELSEWHERE)];
  const last = hits[hits.length - 1];
  if (!last) return false;
  return !BACK_HOME.test(win.slice((last.index ?? 0) + last[0].length) + text.slice(at, end));
}
/** A story from somewhere else (a film, the news, another estate) with nothing brought back home. */
export function toldOfElsewhere(text: string): boolean {
  ELSEWHERE.lastIndex = 0;
  const found = ELSEWHERE.test(text);
  ELSEWHERE.lastIndex = 0;
  return found && !BACK_HOME.test(text);
}
const AFTER_EXERCISE = /^[^，。]{0,3}(演习|演练|测试|训练|培训|知识|铃测试|\b(drill|test|practice)\b)/i;
const ASKS_ABOUT = /(号码|电话|地址)[^，。]{0,4}(是多少|多少|是什么|在哪)|是哪天|哪天来|什么时候来|来[^，。]{0,6}拍节目|采访[^，。]{0,6}(谁|哪)/;
const ESC_TARGET = /你们|物业|管理处|投诉|曝光|再不|告|不管(?!用)|没人|一直|石沉|举报/;
const CHAT_ROW = /群里|网上|评论区|嘴仗|吵翻|斗图|辩论/;
// Figurative smoke: "热得要冒烟了", "嗓子冒烟".
const FIGURATIVE = /(热|渴|累|气|急|忙|疼|痛|晒)得[^，。]{0,8}$|感觉[^，。]{0,8}$|整个人[^，。]{0,6}$|心里[^，。]{0,4}$|嗓子[^，。]{0,3}$|(嘴|嘴里|嘴巴|舌头|胃里|肚子里|喉咙)[^，。]{0,3}$|辣(到|得)[^，。]{0,6}$|((?<![上里外前后码石枕龙街那这尽顶])头|脑袋|脑子)[^，。]{0,3}$/;
// A hypothetical inside the matched phrase ("水管要是爆了").
const HYPO_INSIDE = /要是|如果|万一|假如/;
// A story about an earlier danger ("去年楼里着火那次…") is not a report, unless something says it is happening now.
const PAST_STORY = /昨天|昨晚|前天|前两天|前几天|上周|上礼拜|上星期|上个星期|上个礼拜|上个月|去年|前年|上次|那次|前阵子|以前|小时候|当年|那会儿|\b(last (night|week|month|time|year)|yesterday|the other day)\b/i;
/** Wiring or an electrical appliance named where smoke is: the fire is electrical. */
// (An e-bike burning is a fire (security) for most authors; its charger or a charging post is electrical.)
const WIRING_OR_APPLIANCE = /电井|充电器|充电桩|油烟机|强电井|电缆井|电热毯|电暖器|电暖气|取暖器|小太阳|插座|插线板|排插|电线|线路|电箱|电表箱|配电|电房|(里面|里头)的线|线[^，。]{0,3}烧|\belectrical (room|box|panel|cabinet)\b|\bwiring\b|\b(socket|outlet|power strip)\b/i;
/** Something electrical named: smoke or sparks from it are wiring (LABELS.md: repair / electricity). */
export const ELECTRICAL_THING = /电|插|线|开关|灯|闸|配电|变压器|充电|socket|plug|wir|fuse|breaker|switch|charg|light|electric|空调|冰箱|洗衣机|热水器|微波炉|appliance/i;
// "现在我想问一下…": the sender's question is now, not the danger.
const NOW = /现在(?!(我)?(想|要)(问|咨询|请教|了解)|还能|能不能|都正常|正常了|没事)|正在|刚才|刚刚|快来|快点|赶紧|救命|又|还在|马上|快派|快叫|今天|今晚|(?<!应)急|\bhelp\b|\bnow\b|\bstill\b|\bsince\b|right away/i;
// Joking about a small mishap ("熊孩子把厨房淹了 哈哈"); never applied when anything sounds urgent.
const JOKE = /哈哈|笑死|xswl|开玩笑|逗你|\b(lol|lmao|haha+)\b/i;
const URGENT = /快|救命|赶紧|急|119|110|120|报警|help|hurry/i;
// Animals or children squabbling at home is not a fight, unless someone is hurt or armed.
const PLAYFIGHT = /(猫|狗|鸟|鸡|鸭|鹅|娃|孩子|小孩|小朋友|兄弟俩|姐弟|姐妹俩|俩娃|两个娃|熊孩子)[^，。]{0,10}(打架|打起来)|(麻将|扑克)[^，。]{0,4}打起来|三缺一/;
const HURT = /血|受伤|伤了|刀|棍|报警|110|120|救命|快来/;
// An ambulance or fire engine driving past is not an incident here.
const PASSING = /(救护车|消防车)[^，。]{0,6}(开过去|开过|经过|路过|开走|过去了)/;
// Things that "leak air" or "take on water" without any danger: tyres, balls, phones; "脑子进水" is an insult.
const NOT_GAS = /(胎|气球|气垫|充气|篮球|足球|游泳圈|床垫|打气)[^，。]{0,4}漏气|漏气[^，。]{0,3}(的胎|轮胎)/;
const NOT_FLOOD = /(手机|电脑|耳机|相机|手表|鞋|鞋子|脑子|脑袋|耳朵)(?:(?!家|屋|房|地下室|车库|楼)[^，。\s]){0,6}进[^，。]{0,3}水/;
// A stove flame ("打火…火苗是黄的") is about igniting gas, not a fire, unless it spreads.
const STOVE = /灶|打火|点火|炉|燃气|煤气/;
const SPREAD = /窜|蹿|烧起来|烧着|着了火|着火|蔓延|引燃/;
// Something loose or hanging over a place where people or cars pass: a fall-from-height risk.
const LOOSE = /松了|松动|晃|要掉|掉下|脱落|悬|裂|翘起/;
// Asking neighbours for a lawyer or a journalist they know is not a threat to the office.
const ASK_FOR = /(推荐|认识|介绍|有没有|谁知道|求)[^，。]{0,6}(律师|记者|媒体|lawyer)/;
// Figurative drowning: "被作业淹没了".
const SWAMPED = /(作业|工作|消息|文件|订单|人潮|人海|口水|快递)[^，。]{0,4}淹|(忙|累)[^。]{0,10}淹没|感觉[^。]{0,4}淹/;
// Words that put a person in a lift: without them "被困在地铁里" is not a lift rescue.
const LIFT = /困人|电梯|(?<!楼)梯|轿厢|lift|elevator/i;
// A lift that has stopped or will not open, for "someone is inside" phrasings.
const STUCK_LIFT = /^(?=[\s\S]*(电梯|轿厢|\blift\b|\belevator\b))(?=[\s\S]*(停在|卡在|卡住|不动|停了|打不开|开不了|出不来|出不去|不走|\bstuck\b|\bstopped\b|won't open|doesn't open))/i;


// ---------------------------------------------------------------- composed dangers
// Residents often describe a danger by what they see, smell or hear rather than by its name
// ("门缝里冒东西 呛得很", "灯罩里装满了水", "电梯不走了 我婆婆在里面"). These rules compose a hazard
// (what is happening) with an effect or a presence cue (someone choking, a light going out, a person
// inside), each side a small vocabulary, so new wordings of the same situation still meet.
/** a and b within `gap` characters of each other (either order), inside one sentence. */
function near(a: RegExp, b: RegExp, gap = 12): RegExp {
  const A = `(?:${a.source})`, B = `(?:${b.source})`, G = `[^。!！?？]{0,${gap}}`;
  return new RegExp(`${A}${G}${B}|${B}${G}${A}`, "i");
}
// Electrical things named in English ("the electricity meter cupboard", "the fuse box"): smoke from them is electrical.
const EN_ELEC_THING = String.raw`\b(meter (box|cupboard|cabinet|room)|electric(al|ity)?( meter)? (cupboard|cabinet|box|room|panel|riser)|fuse ?box|breaker( box)?|sockets?|plugs?|outlets?|wiring|switchboard|distribution board|charger|extension (lead|cord))\b`;
// Fire seen: smoke, glow, burning, told by its look.
const SMOKE_SEEN = /冒(出|出来)?(了)?(黑|白|浓|青)?(烟|东西|黑气)|黑烟|浓烟|烟子|烟雾(?!报警|探测|感应|传感)|白茫茫|雾蒙蒙|滚滚|好多烟|很多烟|满是烟|一屋子烟|一楼道烟|烟(很|好|特别|太|越来越)(多|浓|大)|红光|火光|(?<![睡闻听看找])着了(?![凉急迷魔])|在烧|烧起来|燒緊|(电瓶|电池|锂电|充电宝)[^，。]{0,6}(鼓包|冒烟|冒气|冒白气|发烫|烧)|\b(smoke(?! ?(alarm|detector)s?\b)|smoky|flames?|on fire|burning)\b/;
// ...and what it does to people, or that nobody knows where it comes from.
const SMOKE_HARM = /呛|熏|睁不开|咳|喘不|看不清|刺鼻|头晕|头都晕|难受|噼啪|噼里啪啦|劈啪|火警|警报|警铃|alarm|往下跑|跑出来|逃|不知道(哪|是)|哪里来的|哪来的|哪家|谁家|没人开|没人应|快来|救命|怕|吓|\b(choking|can'?t breathe|coughing)\b/i;
// Cooking, cigarettes, incense, barbecues, fireworks: everyday smoke.
const EVERYDAY_SMOKE = /\bsmokes\b|\b(grill(s|ing|ed)?|bbq|barbecu(e|ing)|incense|cooking)\b|\b(he|she|they|someone|neighbou?r) (is |are )?smoking\b|抽烟|吸烟|二手烟|油烟(?!机)|烟头|香烟|烟味|烧烤|烤肉|烤串|火锅|饭店|餐馆|炒菜|做饭|蚊香|烟花|鞭炮|烧香|熏肉|腊肉|冒烟了?的(笑话|表情)|(消防|防火)?(演习|演练)|烟雾弹|\b(cigarettes?|bbq|barbecue|cooking|fireworks?)\b/i;
// Electrical faults told by their effect.
const ELEC_OBJ = /插线板|排插|插排|插座|插头|电线|线路|开关|电闸|空开|电表|电箱|电井|配电|充电器|变压器|\b(socket|plug|outlet|wiring|fuse ?box|breaker|charger|extension (lead|cord))\b/i;
const ELEC_HARM = /火花|火星|蓝光|电弧|冒火|冒烟|焦味|糊味|胶皮味|塑料味|烧电线|烧焦|发烫|烫手|呲呲|滋滋|噼啪|啪啪|\b(popped|bang|sparks?|sparking|burning|smoking|melt(ed|ing)?)\b/i;
const BURN_SMELL = /胶皮味|(烧|焦)[^，。]{0,2}电线|电线[^，。]{0,2}(烧|焦)|\bburning (plastic |rubber |electrical )?smell\b|\bsmell(s|ed)? (of|like) burning\b/i;
// Gas, by name or by what it smells or sounds like.
const GAS_NAME = /煤气|燃气|天然气|液化气|石油气|瓦斯|\bgas\b/i;
const GAS_LEAK = /味|臭|(?<!新)闻|泄|漏|外洩|外泄|跑气|喷气|呲气|嘶嘶|呲呲|\b(smell|odou?r|hiss|leak)/i;
const NOT_GAS_TALK = /燃气费|煤气费|燃气公司|燃气表|开通|过户|缴|充值|\bgas (bill|meter|company)\b/i;
// Water where electricity is: a light fitting full of water, a ceiling pouring onto lights.
const LIGHT_FIX = /灯罩|吊灯|灯座|灯里|灯管|筒灯|顶灯|灯盘|\b(light fitting|ceiling light|lamp)\b/i;
const CEILING_WATER = /(天花板|吊顶|楼上|顶上|屋顶)[^，。]{0,6}(掉|滴|流|漏|往下|冒)[^，。]{0,3}水|水[^，。]{0,4}(从)?(天花板|吊顶)[^，。]{0,4}(掉|滴|流|漏)/;
const LIGHTS_OUT = /灯[^，。]{0,3}(灭|黑|不亮|闪)|跳闸|漏电|插座|电箱|短路/;
// A person, for "someone is inside / hanging out of the window".
const PERSON = /小孩|孩子|小朋友|细路|娃|宝宝|婴儿|老人|老太太|老大爷|老头|人|男的|女的|婆婆|公公|爷爷|奶奶|姥姥|姥爷|外婆|外公|孙子|孙女|儿子|女儿|老婆|老公|妈|爸|邻居|阿姨|大爷|外卖员|快递员|小哥/;

type SafetyRule = {
  kind: string; re: RegExp; intent: Intent; category: Category | null; planned?: boolean;
  /** The whole text must also match this. */ needs?: RegExp;
  /** Skipped when the text says the danger is over. */ resolvable?: boolean;
  /** Skipped when a past-time word comes before the match. */ pastable?: boolean;
  /** Skipped when the whole text matches this. */ unless?: RegExp;
};

const DOG = "(狗|犬|金毛|泰迪|哈士奇|二哈|柯基|拉布拉多|比熊|柴犬|边牧|萨摩|阿拉斯加)";
const VICTIM = "(老人|老太太|老太|老奶奶|老爷爷|小孩|孩子|儿子|女儿|孙子|孙女|人|路人|阿姨|大爷|快递员|快递小哥|外卖员|邻居|保洁|保安)";
const SAFETY_RULES: SafetyRule[] = [
  // "孩子不见了", "我妈走丢了": a person missing, a search to start now.
  { kind: "missing", intent: "complaint", category: "security", unless: /找到了|回来了|已经找到/,
    re: /(老年痴呆|痴呆|阿尔茨海默|认知障碍|老糊涂)[^。]{0,30}(出门|走丢|不见|没回来|找不到|跑出去)|(孩子|小孩|儿子|女儿|小朋友|宝宝|老人|我妈|我爸|老爷子|老太太|奶奶|爷爷|外婆|外公|姥姥|姥爷)(又|突然|刚才|刚刚)?(不见了|走丢了|走失了|找不到了)|\b(child|kid|son|daughter) (is )?missing\b/i },
  // Electric shock: "漏电 摸水龙头都麻手 孩子刚才被电了一下".
  { kind: "live-wire", intent: "repair", category: "electricity", unless: /防触电|触电保护/,
    re: /触电|被电(?=了|到|得|一下|击|伤)|电了(我|他|她|孩子|小孩)?一下|(摸|碰)[^，。]{0,6}(麻手|发麻|电手|电人)|漏电[^。]{0,12}(麻|电人|电到)|电击|\b(electric shock|got (a )?shock(ed)?|electrocuted)\b/i },
  // A bare wire where it is wet or children play.
  { kind: "live-wire", intent: "repair", category: null, needs: /下雨|雨|水|湿|小孩|孩子|小朋友|路过|行人/,
    re: /(电线|线头|电缆|铜线)[^，。]{0,6}(露(出来|在外面?|着)|裸露|外露)/ },
  // "闻到一股烧塑料的味道 好像是从楼道电表箱那边来的": a burning smell traced to the wiring.
  { kind: "electrical-smoke", intent: "repair", category: "electricity", resolvable: true,
    re: /(烧塑料|烧焦|焦糊|糊味|烧胶|电线烧)[^。]{0,16}(电表箱|电箱|配电|电闸|插座|电线|开关)|(电表箱|电箱|配电箱|插座|开关)[^。]{0,10}(烧塑料|焦味|糊味|烧焦)/ },
  // "电房有水渗入去啊 好危险", "配电箱进水了": water in the electrical room or a meter box.
  { kind: "live-wire", intent: "repair", category: "electricity", resolvable: true,
    re: /(电房|配电房|配电室|变电房|变电箱|配电箱|电表箱|电表房|电井|电缆井|强电井)[^，。]{0,6}(进水|渗水|渗入|渗进|浸水|被淹|淹了|泡水|泡了|积水|有水|滴水|漏水)/ },
  // Smoke or its smell traced to the electrical room or a box.
  { kind: "electrical-smoke", intent: "repair", category: "electricity",
    re: /(烟味|焦味|烟)[^。]{0,16}(从|是)[^。]{0,8}(配电箱|配电房|电箱|电井|电表箱|插座)[^。]{0,6}(飘|冒|传|出来)|(配电箱|配电房|电箱|电井|电表箱)[^。]{0,8}(飘出|冒出|传出)[^。]{0,4}(烟|烟味|焦味)/ },
  // Carbon monoxide.
  { kind: "gas", intent: "repair", category: "gas",
    re: /一氧化碳[^。]{0,10}(报警(?!器)|叫|响|超标)|(头晕|恶心)[^。]{0,10}一氧化碳|煤气中毒|\bcarbon monoxide\b/i },
  // A window blown out, glass falling: "窗户整扇被风刮掉了 玻璃碎一地".
  { kind: "falling", intent: "repair", category: "structure",
    re: /(窗户|窗扇|窗框|玻璃|整扇窗)[^。]{0,6}(被风)?(刮掉|吹掉|刮飞|吹飞|刮下去|吹下去|掉下去)|\b(glass|panel|canopy|tiles?|cladding|window)\b[^.]{0,40}\b(shattered and fell|fell (off|down|from|onto)|came crashing down|crashed down)\b/i },
  // "有个小孩在楼顶天台边上玩", "小孩在窗户外面的空调架上爬": a child at a drop.
  { kind: "height", intent: "complaint", category: "security",
    re: /(小孩|孩子|小朋友|娃)[^，。]{0,4}在[^，。]{0,8}(天台边|楼顶边|窗台上|窗外|栏杆外|护栏外|屋顶边|窗户外面?的?空调(架|外机)|空调架|空调外机上)[^，。]{0,3}(玩|站|坐|爬|跑)/ },
  // A medical emergency: labour, a heart attack, a stroke, someone not breathing right.
  { kind: "injury", intent: "complaint", category: "security", unless: /演练|培训|讲座|义诊|体检/,
    re: /(怀孕|孕妇|怀着孕)[^。]{0,30}(疼|痛|出血|见红|破水|要生|肚子)|羊水破了|破水了|要生了|(胸口|心口)[^，。]{0,4}(疼|痛|闷)[^。]{0,10}(喘|呼吸|出汗|晕)|呼吸困难|喘不上气|喘不过气|中风了|抽搐|口吐白沫|\b(in labou?r|waters? broke|heart attack|can'?t breathe|having a stroke|seizure)\b/i },
  // A person living alone (or frail) who answers neither the phone nor the door.
  { kind: "injury", intent: "complaint", category: "security",
    re: /(一个人住|独居|独自(在家|住)|自己住|一个人在家)[^。]{0,30}(没人接|不接|没反应|不开门|没人应|不应)|(没人接|没反应|不开门|没人应|不应|不接电话)[^。]{0,30}(一个人住|独居|自己住|一个人在家)|(不接电话|电话不接|打电话没人接|敲门[^，。]{0,3}(不开|不应|没反应|没人应))[^。]{0,20}(心脏病|高血压|糖尿病|老年痴呆|身体不好|有病|行动不便|八十|九十)|(心脏病|高血压|糖尿病|身体不好|行动不便)[^。]{0,20}(不接电话|敲门[^，。]{0,3}(不开|不应|没反应))/ },
  // "门反锁了…孩子在屋里睡觉…灶上还炖着汤": a small child shut in with a flame on.
  { kind: "injury", intent: "repair", category: "access",
    re: /(反锁|锁在(里面|屋里|家里)|进不去)[^。]{0,20}(孩子|小孩|宝宝|婴儿|老人)[^。]{0,20}(灶|火上|炖着|煮着|烧着|开着火)|(孩子|小孩|宝宝|婴儿)[^。]{0,12}(反锁|锁在)[^。]{0,20}(灶|火上|炖着|煮着|烧着)/ },
  // "消防通道被车堵死了 救护车进不来": help for someone who cannot get through.
  { kind: "injury", intent: "complaint", category: "parking",
    re: /(救护车|消防车|急救车|120)[^，。]{0,6}(进不来|进不去|开不进|过不去|堵在外面)/ },
  // "燃气表一直在走 家里没开火": gas flowing with nothing lit.
  { kind: "gas", intent: "repair", category: "gas",
    re: /(燃气表|煤气表|气表)[^，。]{0,6}(一直|还在|在)(走|转|跑)[^。]{0,12}(没开|没用|没有用|关了|没点)|(没开火|没用气|没做饭|灶关着|都关了)[^。]{0,10}(燃气表|煤气表|气表)[^，。]{0,4}(一直|还在|在)?(走|转|跑)/ },
  // "阳台花盆全摆在外沿上 这么大风 砸下来要出人命的", "glass hanging loose, could fall on people below": things about to fall on people.
  { kind: "falling", intent: "complaint", category: "security",
    re: /(花盆|杂物|东西|箱子|花架)[^。]{0,16}(外沿|窗台外|阳台外|栏杆外|护栏外|窗外)[^。]{0,16}(大风|风大|台风|刮风|风这么大)/ },
  { kind: "falling", intent: "repair", category: null,
    re: /(砸|掉|落|摔)下(来|去)[^。!！]{0,6}(要|会|能)?(出人命|砸死人|砸伤人)|\b(could|might|may|will|is going to|about to|gonna) (fall|drop|come down|crash down) (on|onto) (people|someone|somebody|anyone|kids|children|pedestrians|passers-?by|residents|cars|the (street|path|walkway))/i },
  // "water coming up out of floor drain, whole floor covered, going into bedroom now!!": English for a home flooding.
  { kind: "flood", intent: "repair", category: "water", resolvable: true,
    re: /\b(whole|entire) (floor|flat|apartment|kitchen|bathroom|living room|hallway)\b[^.!]{0,12}\b(covered|flooded|under water|is wet|soaked)\b|\b(ankle|knee)[- ]deep\b|\bwater\b[^.!]{0,30}\b(going|flowing|spreading|running) into (the |my |our )?(bedroom|living room|hallway|corridor|neighbou?r'?s?)\b/i },
  // "厨房水管冻裂了，一直在滋水", "暖气片漏水，地上全是水，关不住": a burst (often frozen) pipe spraying now.
  { kind: "flood", intent: "repair", category: "water", resolvable: true,
    re: /(水管|管子|管道|暖气片|暖气管|水表|阀门|接头)[^，。,]{0,4}(冻裂|冻爆|冻坏|裂了|裂开|崩了)[^。]{0,12}(滋水|呲水|喷水|冒水|往外(冒|喷|流)|哗哗|一直(在)?(漏|流|滴|滋|喷))|(一直|不停|还在)(在)?(滋水|呲水|喷水)|(地上|地面|满地|屋里|家里|客厅|卧室)[^，。,]{0,3}(全是|都是)水(?=[^。]{0,16}(关不住|止不住|关不上|漏|管|暖气))|(漏|喷|滋)[^。]{0,12}(关不住|关不上|关不了)/ },
  // "污水从我家地漏往上冒，满屋子都是": sewage backing up into a home.
  { kind: "flood", intent: "repair", category: "water", resolvable: true,
    re: /(污水|脏水|粪水|水)[^，。,]{0,10}(往上冒|冒上来|涌上来|倒灌|返上来|漫上来)[^。]{0,12}(满屋|满地|一屋子|到处|客厅|卧室)|满屋子?(都是|全是)(污水|粪水|脏水|水)/ },
  // "供电局说已经抢修好，为什么我们10座还是没电？", "12座今天开始没水，问了邻居都说没": a supply still gone, or
  // gone for the neighbours too — the building's outage.
  { kind: "outage", intent: "repair", category: null,
    re: /(说|话|讲)(已经)?(抢修|修|弄)好[^。]{0,16}(还是|仍然|依然|都)(没|冇)(水|电|气)|(没水|没电|没气|停水|停电)[^。]{0,12}(问了|问过|问咗)[^。]{0,6}(邻居|楼上|楼下|隔壁|对门)[^。]{0,6}(都|也)(说)?(没|冇|一样)/ },
  // "二号楼门口房檐上冰溜子老长了 底下老人孩子天天走": icicles over a path.
  { kind: "falling", intent: "repair", category: "structure",
    re: /(冰溜子|冰棱|冰柱|冰锥)[^。]{0,16}(底下|下面|下边|门口|人走|有人|老人|孩子|砸|掉)/ },
  // "I will post everything on Weibo and Dianping": going public, in English.
  { kind: "escalation", intent: "complaint", category: null,
    re: /\b(post|posting|put|putting|share|sharing|expose|exposing|upload(ing)?)\b[^.!]{0,30}\b(on|to) (weibo|douyin|dianping|xiaohongshu|red ?note|tiktok|kuaishou|social media|wechat moments)\b/i },
  // "柳树让风刮断了个大枝子 耷拉着 底下老有人过": a broken branch hanging over people.
  { kind: "falling", intent: "repair", category: "greenery",
    re: /(树枝|枝子|枝杈|大枝|树干|树)[^。]{0,10}(断|折)[^。]{0,12}(耷拉|挂着|悬着|吊着|要掉|快掉|晃)[^。]{0,16}(有人|人过|人走|行人|孩子|小孩|车|路)/ },
  // "窗子外面的雨棚被风吹翻了 挂在那里晃": a fitting outside a window hanging loose over the street.
  { kind: "falling", intent: "repair", category: "structure",
    re: /(雨棚|遮阳棚|防盗窗|空调外机|晾衣架|花架)[^。]{0,8}(吹翻|吹掉|吹歪|松脱|掉了一半)[^。]{0,10}(挂|吊|悬|晃|摇)/ },
  // "楼顶那块广告牌晃得厉害 螺丝掉了几个": something large loose at height.
  { kind: "falling", intent: "repair", category: "facility",
    re: /(广告牌|招牌|广告架|太阳能(板|热水器)?|铁皮|雨棚|彩钢瓦|空调外机|外墙板)[^。]{0,8}(晃得|摇摇欲坠|快掉|要掉|松动|松了|螺丝[^，。]{0,4}掉)(?=[^。]{0,20}(楼顶|高|台风|大风|风大|下面|底下|人))|(楼顶|顶楼|高处)[^。]{0,8}(广告牌|招牌|铁皮|雨棚|太阳能)[^。]{0,8}(晃|松|要掉|快掉)/ },
  // "天花板掉了一块石膏 砸到床上": a ceiling coming down where people are.
  { kind: "falling", intent: "repair", category: "structure",
    re: /(天花板|吊顶|石膏|墙皮|瓷砖|楼板|水泥块)[^，。]{0,6}掉(了|下来)[^。]{0,10}(砸到|砸在|砸中|落在)[^，。]{0,4}(床|桌|沙发|人|头|孩子|婴儿床)/ },
  // "门口有条电线断了耷拉在地上 还下着雨": a fallen wire where people walk.
  { kind: "live-wire", intent: "repair", category: "electricity", needs: /下雨|雨|水|湿|小孩|孩子|小朋友|路过|行人|有没有电|带电/,
    re: /(电线|电缆|高压线)[^，。]{0,4}(断了|掉下来|掉了|耷拉|垂到|垂下来|落在|掉在)[^。]{0,10}(地上|地面|路上|路边|水里)/ },
  { kind: "electrical-smoke", intent: "repair", category: "electricity", resolvable: true,
    re: new RegExp(`(空调|外机|冰箱|洗衣机|(?<!燃气)热水器|电视|电暖器|电暖气|取暖器|电磁炉|微波炉|电饭煲|电热毯|小太阳)[^，。,.!！?？]{0,6}(冒(黑|白)?烟|(?<![不没])着火|起火|火花|烧起来|烧焦|焦味|爆炸)|(配电箱|配电房|配电室|配电柜|电房|变压器|电缆|电箱|电表箱|插座|插头|电线|线路|开关|电闸|空开|电表|充电桩)[^，。,.!！?？]{0,8}(冒(黑|白)?烟|着火|起火|火花|火星|烧焦|烧起来|(?<!灯|灯泡|灯管|灯丝)烧了|爆炸|焦味|糊味|噼里啪啦|噼啪|啪啪|滋滋|打火)|(焦糊味|烧焦味|烧焦的味|烧焦的味道)|\\b(sparks?|sparking|burning smell|smell of burning)\\b|${EN_ELEC_THING}[^.!?]{0,30}\\b(smok(e|es|ing)|on fire|flames?)\\b|\\b(smoke|flames?)\\b[^.!?]{0,30}${EN_ELEC_THING}`, "i") },
  { kind: "fire", intent: "complaint", category: "security", resolvable: true,
    re: /着火|起火|失火|火灾|火警|浓烟|生了?(一)?堆火|点了?(一)?堆火|烧火取暖|(火\s+){2,}[^。]{0,8}(插座|电线|电箱|配电|快|救命|119)|冒(黑|白|浓|青)?烟|火苗|明火|烧着了|火光冲天|烟(特别|很|好|非常)?大(?!家)|全是烟(?!味|头|蒂)|都是烟(?!味|头|蒂)|烧起来了|(?<![油抽香吸])烟熏|(纸箱|纸箱子|纸板|纸皮|杂物|垃圾|被子|窗帘|衣服|沙发|草|树叶|枯草)[^，。]{0,4}(点着|烧着|着了|引燃)|玩火|烟雾(?!报警|探测|感应|传感)|(?<![油抽香吸])烟[^，。]{0,2}(呛人|呛得|熏得|熏人)|浓[^，。]{0,3}烟(?!花)|\b(fire|smoke|smoky)\b(?! ?(alarm|detector|drill|door|exit|extinguisher|safety|escape|lane|hazard|risk|hydrant|brigade|code|regulations?|inspection|truck|engine|hose))|(?<!\d)119(?!\d|\s*(平|㎡|元|块|号|室|米|万|栋|斤))/i },
  { kind: "gas", intent: "repair", category: "gas", resolvable: true,
    re: /(煤气|燃气|天然气|液化气)[^，。,.!！?？]{0,6}(味|泄漏|泄露|漏了|漏气)|漏气|臭鸡蛋[^，。]{0,2}(味|气味|臭)|(味|闻到|闻着|臭烘烘)[^。]{0,10}臭鸡蛋|(煤气|燃气|天然气|液化气|气管)[^。]{0,10}嘶嘶|嘶嘶[^。]{0,10}(煤气|燃气|天然气|气味|味)|gas (smell|leak|odou?r)|smell(s|ed|ing)? (like |of )?gas|smell gas|leaking gas/i },
  // A pipe hissing or blowing gas: gas, even when the pipe "broke" (which the flood rule would read as water).
  { kind: "gas", intent: "repair", category: "gas", resolvable: true,
    re: /(管子|管道|软管|气管|阀门|接口)[^，。]{0,10}(喷气|呲气|嘶嘶|漏气|跑气)(?![^。]{0,12}水)/ },
  { kind: "flood", intent: "repair", category: "water", resolvable: true,
    re: /爆管|(整个|满|一屋子)(卫生间|厨房|客厅|屋子?|家里?|房间)[^，。]{0,3}(都是|全是)水|(返|倒灌|漫|灌|冒)(到|进)[^，。]{0,6}(家里|屋里|住户家|一楼)[^。]{0,8}(满屋|满地|一地|到处都是)|(水管|管子|管道|水表|阀门|总阀|水龙头)[^，。,.!！?？]{0,3}(爆|裂开|炸)|(热水器|软管|暖气片|暖气管|分水器|水箱)[^，。,.!！?？]{0,3}(爆|炸)|(灯座|灯里|灯罩|吊灯|插座|电箱|电表箱)[^，。]{0,6}(流水|滴水|往下流|进水|冒水)|水[^，。]{0,6}(灯座|灯里|灯罩|吊灯|插座|电箱)[^，。]{0,4}(流|滴|漏|冒)|(地上|地面|屋里|家里|满地)[^，。]{0,4}一层水|水[^，。]{0,4}成河|水漫|漫金山|淹了|被淹|淹到|进水了|(水|积水)[^，。]{0,8}(?<![滴漏渗溅])(到|没过|淹到|齐|漫到)(了)?(膝盖|小腿|脚踝|脚面|脚背|腰|轮胎|车轮|轮子|车胎|床)|积水[^，。]{0,6}很深|(水|漏|喷)[^，。]{0,8}止不住|(漏|滴|掉水|流水|淌水)[^，。,.!！?？]{0,8}(跟|像)下雨|(灯座|灯里|灯罩|吊灯|灯)(里面|里头|里边|里)[^，。]{0,3}(都是|全是|有|进了)水|(管子|水管|管道|总管|主管)[^，。]{0,6}(往外|一直|不停|哗哗)?喷水|水哗哗(?!响)|哗哗(往下|往外)?(流|淌|漏|喷)|往下灌水|倒灌|(全|都)泡(了|在水里)|泡在水里|进了[^，。]{0,3}水|(?<!浪|快|要|快要)漫(到|上来|进|出来|过)|(角阀|阀门|(?<![雨排落凝])水管|管子|接头|软管|水龙头|水表)[^，。]{0,3}(崩|爆|断|炸开|脱开)(了|开)|水(?!枪)[^，。]{0,4}(一直|不停|到处|哗哗|狂)[^，。]{0,2}(喷|涌)|\b(burst|flood(ed|ing)?|gush(ing|es|ed)?)\b|can'?t (find|reach|close|turn off) the (main |shut-?off |water |stop )?(valve|stopcock)|water (is )?pouring|pouring (water|in through|through|from the ceiling)|water[^.]{0,30}(through|from|out of|into) (the |my |our )?(light|lamp|socket|fuse|light fitting|ceiling light)/i },
  { kind: "trapped", intent: "repair", category: "elevator", resolvable: true, needs: LIFT,
    re: /(里面|里头|里)的?人[^，。]{0,3}(救|弄|放|拉)出来了?(吗|没|么)|困人|困了人|困着人|被困|困在|困住|关人|关了人|关着人|关在(电梯)?里|卡在[^，。]{0,8}(中间|里面)|出不来[^，。]{0,4}电梯|电梯[^，。]{0,10}(出不来|救命)|(里面|里头|里边)还?有人(?!在?(抽烟|吸烟|打电话|聊天|说话))|人还?在里面|(电梯|轿厢)[^，。]{0,6}(往下掉|下坠|坠落|溜梯|冲顶|蹲底|自由落体|突然掉|溜下去|往下溜|滑下去|(溜|掉|滑)了?(下去)?[一两三几\d]+层)|\b(trapped|stuck in (the )?(lift|elevator))\b|\bstuck\b[^.]{0,30}\b(inside|between floors)\b|\b(lift|elevator)\b[^.]{0,30}\b(with [^.]{0,15} inside|people inside|someone inside)/i },
  // "电梯停在八楼和九楼中间 我和我女儿在里面 门打不开": a person inside a stuck lift.
  { kind: "trapped", intent: "repair", category: "elevator", resolvable: true, needs: STUCK_LIFT,
    re: /(电梯|轿厢)里(面)?(有|还有)(个|一个|位|一位)?(老人|老爷爷|老奶奶|老太太|老大爷|爷爷|奶奶|小孩|孩子|人|阿姨|大爷|孕妇)|(我|我们|人|孩子|小孩|女儿|儿子|老人|老婆|老公|我妈|我爸|妈妈|爸爸|外卖员|快递员|邻居|阿姨|大爷)[^，。]{0,8}(在|关在|困在)(电梯|轿厢)?(里面|里头|里边)|\b(I'm|I am|we're|we are|my [a-z]+ (is|are)|someone is|people are) (still )?(inside|in there|in it)\b/i },
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true, pastable: true,
    re: /(?:^|[\s，。,!！?？])(?:我们|咱们|整个)?小区(?:里|又|突然|怎么|是不是)*(?:停水|停电|停气|没水|没电|没气|断水|断电)|(整栋|整幢|整座|整个楼|整楼|全楼|成栋|成座|整个小区|全小区|小区都|整个单元|一栋楼|全部楼|(我们|咱们|这|整)(栋|幢)?楼[^，。!！?？]{0,3}都|楼里都|全单元)[^，。!！?？]{0,8}(停水|停电|停气|没水|没电|没气|断水|断电|无水|无电|没有(燃气|天然气|煤气|水|电))|(whole|entire) (building|compound|block)[^.]{0,20}(no (water|power|electricity)|without)|\bno (water|power|electricity|gas)\b[^.?!]{0,30}\b(whole|entire)( of)?( the)? (building|block|tower|estate|compound)\b|(?<![\d一二三四五六七八九十]单元[^，。]{0,3})(\d{1,3}|[一二三四五六七八九十]{1,3})(栋|号楼|幢|座)楼?(全部|全都|全|都|整栋|全楼|是不是|怎么也|怎么|也)?(突然)?(停电|停水|没电|没水|断电|断水)|(停电|停水|没电|没水|断电|断水)[^。]{0,8}(整个小区|全小区|整栋|整幢|全楼|整个单元|全单元|整个楼)|(整个小区|成个小区|全小区|整栋|整幢|全楼|整个单元|整个[一二三四五六七八九]期|整个园区|整个片区)[^，。]{0,8}(黑漆漆|漆黑|一片黑|都黑|全黑|全灭|都灭|全部灭|灭了)|(这|我们|咱们|我们这|咱们这)(栋|幢)楼[^。]{0,14}(没水|没电|停水|停电|一滴水)|整个?(\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Z])(栋|号楼|幢|座)楼?[^，。]{0,2}(都|全)(黑了|黑漆漆|停了|停电|停水|没电|没水)|(整栋|整幢|全楼|整个楼|整栋楼|整个单元|全单元|整个小区|全小区)[^，。]{0,3}(都|全)(停了|黑了)|\b(whole|entire|all of the|the) (building|compound|block|estate|community|tower)\b[^.]{0,25}\b(lost (power|water|electricity)|(has|have|got) no (power|water|electricity)|without (power|water|electricity)|power (is )?(out|cut)|blackout)/i },
  // "三号楼从昨天晚上到现在一直没水": a building's supply gone for hours.
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true,
    re: /(\d{1,3}|[一二三四五六七八九十]{1,3})(栋|号楼|幢|座)楼?[^，。]{0,12}(一直|到现在|至今)[^，。]{0,3}(没水|没电|停水|停电|断水|断电)/ },
  // "七号楼的水好像停了 我家没水 楼上也没水 楼下也没水": a building's supply gone, said of the building
  // or of several homes around the sender's.
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true, pastable: true,
    re: /(\d{1,3}|[一二三四五六七八九十]{1,3})(栋|号楼|幢|座)(楼)?的(水|电|燃气|天然气)(好像|又|突然|怎么|是不是)?(停了|没了|断了)|(楼上|楼下|隔壁|对门|邻居)(也|都)(没|停)(水|电|气)(了)?[^。]{0,10}(楼上|楼下|隔壁|对门|邻居)(也|都)(没|停)(水|电|气)/ },
  // Water pouring from a fitting that cannot be stopped, or spraying from a pipe joint.
  // "我们这栋楼燃气一直点不着 整栋都是这样": a building without gas, told by its stoves.
  { kind: "outage", intent: "repair", category: "gas", resolvable: true,
    re: /(整栋|这栋楼|全楼|整个单元|整个楼)[^。]{0,10}(燃气|煤气|天然气)[^，。]{0,6}(点不着|打不着|没气|点不燃)|(燃气|煤气|天然气)[^。]{0,8}(点不着|打不着|没气|点不燃)[^。]{0,12}(整栋|全楼|都是这样|家家都|每家都|楼上楼下都)/ },
  // "通知说三点恢复 现在四点了还莫得水": an announced cut that overran its window (the assistant's notice logic grades it 1 too).
  { kind: "outage", intent: "repair", category: null, resolvable: true,
    re: /(还|都|仍然|依然)(莫得|没|没有|冇)(水|电|气)[^。]{0,16}(通知|说好|不是说)[^。]{0,8}(恢复|来水|来电|通水|通电|供水|供电)|(通知|说好|不是说)[^。]{0,10}(点|时)[^。]{0,4}(恢复|来水|来电|通水|通电|供水|供电)[^。]{0,16}(还|都|仍然|依然)(莫得|没|没有|冇)(水|电|气)/ },
  { kind: "flood", intent: "repair", category: "water", resolvable: true, unless: /(水|喷|流|漏)[^，。]{0,4}不大|一点点|不急|小小的/,
    re: /(冒水|喷水|往外流水|往外冒水|哗哗)[^。]{0,10}(地上全湿|满地|一地|关不上|关不住|止不住)|(水管|接头|管子|阀门)[^，。]{0,4}(在喷|喷水|喷出来|呲水|滋水)|漏水[^，。]{0,3}(很大|特别大|好大)|(一直|不停)在(流|留|淌)[^，。]{0,6}(楼上没人|止不住|关不上)/ },
  // Glass, tiles or cladding coming down piece by piece.
  { kind: "falling", intent: "repair", category: "structure",
    re: /(玻璃|瓷砖|外墙砖|雨棚|招牌|广告牌)[^。]{0,10}(正在|不停|还在|又)[^。]{0,6}(往下掉|掉下来|掉)/ },
  // A gas pipe or meter found leaking (soap bubbles, dug through).
  { kind: "gas", intent: "repair", category: "gas", resolvable: true,
    re: /(燃气|煤气|天然气)[^。]{0,6}(接头|管道|管子|管|表)[^。]{0,8}(冒泡|漏了|在漏|挖破|挖断|破了|断了|裂了)|肥皂水[^。]{0,10}(冒泡|漏)/ },
  // A lift moving with its doors open.
  { kind: "lift-danger", intent: "repair", category: "elevator",
    re: /电梯[^。]{0,6}(门开着|开着门)[^。]{0,6}(就)?(往上走|往下走|运行|在走|就走|上下|升|降)|\b(lift|elevator)\b[^.]{0,20}\bdoors? (wide )?open\b[^.]{0,20}\b(moving|moves|going up|going down)\b/i },
  // Smoke seen where people live, however understated ("楼道里有点烟 应该没事吧").
  { kind: "fire", intent: "complaint", category: "security", resolvable: true, unless: EVERYDAY_SMOKE,
    re: /(楼道|走廊|屋里|家里|房间|电梯|楼梯间|地下室|车库|\d{1,2}楼|[一二三四五六七八九十]{1,3}楼)[^，。]{0,3}(也)?(有|有点|有些|有一股|一股|全是|都是)烟(?![味头蒂花囱])/ },
  // A cry for help with sounds of violence ("砸东西的声音 女的在哭喊救命").
  { kind: "fight", intent: "complaint", category: "security",
    re: /哭喊救命|喊救命|呼救|大喊救命|砸东西[^。]{0,12}(哭|喊|叫)|\bscreaming for help\b/i },
  // A live wire bare where people pass ("电线皮破了铜丝露在外面 小孩够得着").
  { kind: "live-wire", intent: "repair", category: "electricity", resolvable: true,
    re: /(电线|线头|电缆)[^，。]{0,6}(皮破|破皮|外皮破|绝缘皮[^，。]{0,2}(破|掉))[^。]{0,12}(露|裸)|铜(丝|线)[^，。]{0,3}(露|裸露)|(电线|线头|电缆)[^，。]{0,4}裸露|\b(exposed|bare) (live )?wires?\b/i },
  // Complaints unanswered time after time, said the other way round ("从来没人回 已经第五次了").
  { kind: "ignored", intent: "complaint", category: null,
    re: /(投诉|反映|说|报)了?(八百|一百|无数|N|n|好多|多少)(遍|次|回)了?[^。]{0,8}(没人管|没人理|没用|不管|没反应|还是|又)|又[^，。]{0,4}(坏|漏|停|堵)了?[^。]{0,4}(说|报|投诉|反映)了?(多少|好多|无数|N)(次|遍|回)了?|(没人(回|管|理)|不回复|没回复|没人处理)[^。]{0,12}(第[四五六七八九十]次|[四五六七八九十]次了|好几次了|无数次)/ },
  // Going to the street office or the district about the office ("我准备找街道了").
  { kind: "escalation", intent: "complaint", category: null, unless: /请问|流程|手续|需要去|要不要去|报名|办理|吗/,
    re: /(找|去|告到|反映到|闹到|投诉到)(街道|区里|市里|政府)(?!医院|卫生|图书)/ },
  // "3栋燃气全停了 整栋楼都打不着火", "十栋没有天然气了 整栋都没有": a building's supply gone.
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true, pastable: true,
    re: /(\d{1,3}|[一二三四五六七八九十]{1,3})(栋|号楼|幢|座)楼?的?(燃气|天然气|煤气|自来水|水|电)[^，。]{0,2}(全|都)(停了|没了|断了)|(整栋|整幢|全楼|整个单元|全单元|整个小区|全小区)(楼)?[^，。]{0,2}(都|全)(打不着火|点不着火|没有了?|没了)(?=$|[\s，。,!！?？])/ },
  // A live wire hanging low where children can reach it.
  { kind: "live-wire", intent: "repair", category: "electricity",
    re: /(电线|电缆|线)[^，。]{0,8}(耷拉|垂|吊|挂)[^。]{0,16}(够得着|够着|碰得到|碰到|摸得到|伸手)/ },
  // An announced cut that overran: "停水不是说十二点来水吗，现在两点了还没来" — still off for everyone.
  { kind: "outage", intent: "repair", category: null, resolvable: true,
    re: /(说好?|通知|说是|不是说)[^。]{0,10}(来水|来电|来气|恢复(供水|供电|供气)?)[^。]{0,16}(还没(来|恢复|有)|还是没|都没(来|恢复))/ },
  // An old person living alone who does not answer the door: a fall or worse behind it.
  { kind: "injury", intent: "complaint", category: "security",
    re: /(敲门|叫门|按门铃|打[^，。]{0,3}电话)[^。]{0,8}(没人应|没人开|不开门|没(有)?(人)?(反应|回应|应|接)|都不接|不应)[^。]{0,40}(担心|怕|是不是|会不会|别是)[^。]{0,8}(摔|晕|倒|出事|出什么事|不舒服|病)/ },
  // A home without water, power or gas, said as a supply cut ("家里停水了"): DOMAIN.md grades outages
  // Important. A fault of one fitting, one room, a tripped breaker, an empty prepaid meter or "the
  // neighbours have power" is a routine repair instead.
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true, pastable: true,
    unless: /插座|开关|灯|跳闸|空开|电闸|总闸|闸|水龙头|龙头|马桶|热水器|水箱|房间|卧室|厨房|卫生间|邻居|别人家|只有我家|就我家|隔壁|对门|楼上|楼下|欠费|电费|水费|燃气费|充值|卡里|表里|没交/,
    re: /(?:^|[\s，。,!！?？])(?:家里|我家|屋里|我们家|家中)[^，。!！?？]{0,3}(?:突然|又|怎么)?(?:停水|停电|停气|断水|断电|没水|没电|没气|没有水|没有电|没燃气|没有燃气)了|^\s*(?:怎么)?(?:还是|还|又)(?:没水|没电|没气|没有水|没有电|停水|停电|断水|断电)(?:了)?[啊呀吗呢嘛？?！!。.\s]*$/ },
  // "有人在楼道里烧纸，烟都飘进我家了": someone burning things where people live is a fire hazard.
  { kind: "fire", intent: "complaint", category: "security", resolvable: true,
    re: /(烧纸|烧东西|烧[^，。]{0,3}垃圾|烧杂物|烧[^，。]{0,2}(树叶|木头|木板|废料|纸箱|轮胎|塑料)|烧衣服|焚烧)[^。]{0,14}(烟|呛|熏|火)/ },
  // A dog that has knocked someone down or bitten them, and is still loose (before the fights: its victim bleeds).
  { kind: "injury", intent: "complaint", category: "pets",
    re: new RegExp(`${DOG}[^。]{0,12}(?<!差点|险些|差一点|差点儿|要|没|没有)(扑倒|撞倒|咬伤|咬了|咬到)[^，。]{0,4}${VICTIM}|${DOG}[^。]{0,20}追着[^，。]{0,4}${VICTIM}[^，。]{0,2}咬[^。]{0,12}(咬到|咬伤|咬了)(一个|两个|好几个|人)|${DOG}[^。]{0,16}把[^，。]{0,4}${VICTIM}[^，。]{0,3}(扑倒|撞倒|咬伤|咬了)|${DOG}[^。]{0,6}(?<![不没])(咬人|伤人)|被[^，。]{0,10}${DOG}[^，。]{0,3}(咬了|咬伤|咬到|咬出血|扑倒|撞倒)|${DOG}[^。]{0,30}把[^，。]{0,10}(给)?咬(了|伤|出血)`) },
  { kind: "fight", intent: "complaint", category: "security",
    re: /\b(trying|tried|trying to open) (the |our |my |people'?s )?door ?(handles?|knobs?)\b|\b(tried|trying) to (open|break into|get into|force) (my|our|the|a) (door|flat|apartment|unit)\b|(车窗|玻璃|门锁)[^，。]{0,3}(被|让|叫|给)[^，。]{0,3}砸(了|碎|坏)|(有人|一个人|有个人|小偷)[^，。]{0,6}(在)?翻[^，。]{0,12}(窗户|窗台|阳台|围墙)|(一个|有个|有)(男的|女的|人|陌生人)[^，。]{0,4}从(我|我们)?(家|屋里|屋头|房间)[^，。]{0,3}(跑|出来|溜)|打架|打起来|打人|(要|在|又)打我|打我了|(躲在|躲进)[^，。]{0,6}(卫生间|厕所|房间|屋里|柜子|阳台)[^。]{0,16}(求救|救命|报警|快来)|被[^，。]{0,4}(人|他|她|他们|业主|醉汉|小偷|男的|女的|几个人)打(了|伤|得)|被打(伤|得|出血|了一顿)|挨打|被揍|(在|正在)撬|斗殴|持刀|拿着刀|拿刀|持械|动手了|见血|流血|入室|砸(车|车窗|窗|门|玻璃)|撬(门|锁|车|窗|开|了)|被(人)?撬|小偷|盗窃|进贼|进了贼|(家|屋|房间|室)[^，。]{0,4}被偷|抢劫|抄家伙|(试着|试图|想)(开|撬|拧|打开|弄开)[^，。]{0,6}(门|锁)|(有人|陌生人)[^，。]{0,8}(拧|掰|扭)[^，。]{0,4}(门把|门锁)|(挨家挨户|一家一家|挨个|一户一户)[^，。,]{0,3}(推(?!销)|拧|试|拉)[^，。,]{0,2}门|陌生(男|女)?人[^，。]{0,10}(推|拧|试|拉)(别人家|人家|我家)?的?门|翻墙进|(一辆一辆|挨个|挨辆)[^，。]{0,4}(拉|拽|试|掰)[^，。]{0,3}车门|(拉|拽|掰|试)[^，。]{0,3}(别人的|人家的)?车门[^，。]{0,6}(偷|看有没有锁)|\b(break-?in|burglar|fight(ing)?|broke into|breaking into|broken into|padlock (was )?cut)\b/i },
  { kind: "injury", intent: "complaint", category: "security",
    re: /晕倒|昏倒|昏迷|摔伤|受伤了|骨折|抽搐|不省人事|摔倒[^，。]{0,6}(起不来|不动了|爬不起来|站不起来|起不了身|动不了)|救护车|打120|叫120|急救(?!培训|知识|课|演练|包|箱|常识)|\b(injured|unconscious|ambulance)\b/i },
  { kind: "height", intent: "complaint", category: "security", unless: /就问问|没出(什么)?事|有没有监控/,
    re: /(窗台|窗外|阳台外|护栏外|栏杆外)[^，。]{0,3}(上)?有(个|一个)?(小孩|孩子|小朋友)|\b(kid|child|boy|girl|toddler)\b[^.]{0,20}\b(on|standing on|sitting on|climbing)( the| a)? (windowsill|window ledge|ledge|balcony railing)\b|(天台|楼顶|屋顶)[^。]{0,6}(站着|坐着|有)(个|一个)?人[^。]{0,12}(边上|想不开|要跳)|想不开|要跳楼|高空抛物|往下(扔|丢|抛|泼)|(小孩|孩子|小朋友)[^，。]{0,8}(爬|站|坐)[^，。]{0,4}(窗台|窗外|阳台外|护栏外)|(窗台|窗外|阳台外|护栏外|栏杆外)[^，。]{0,4}(站|坐|爬|趴|蹲)着?(个|一个)?(小孩|孩子|小朋友)|从楼上(扔|丢|抛|泼)|(扔|丢|抛)下来|(花盆|盆栽|晾衣杆|衣架|拖把|酒瓶)[^，。]{0,6}(掉下来|掉下去|砸)[^。]{0,12}(砸|车|人)|throw(s|ing)? [^.]{0,20}(out of|from) (the )?window/ },
  // Things about to fall or collapse: a repair of whatever is falling (category from the model).
  // Loose fitness gear "用着危险" is a routine repair, not something about to fall on people.
  { kind: "falling", intent: "repair", category: null, unless: /健身器材|健身器|扭腰|漫步机|跑步机|转盘|太空漫步/,
    re: /高空坠物|(玻璃|窗|窗户|窗框|窗扇|外机|招牌|瓷砖|栏杆|护栏|吊顶)[^。]{0,10}(要|快|就要)掉下(去|来)|(砸到|砸伤|砸中|砸在)[^，。]{0,4}(人|车|了人)|差点砸|随时(会|要|可能|都可能)?(掉|砸|倒|塌|坠)|(怕|担心|生怕|惊)[^，。]{0,4}(掉下|掉到|砸到|砸下|砸中)(?![^，。]{0,3}(钱|分|价))|半悬在|悬在半空|快(要)?(掉|塌|倒)下来|摇摇欲坠|塌了|坍塌|挂在半空|((?<!(太|很|管得?|管理[^，。]{0,2}))松了|松动|晃|要掉|掉下来|脱落)[^。]{0,24}(太危险|很危险|危险|砸(?!墙|东西))|\b(glass|tiles?|bits|pieces|chunks|debris|concrete|cladding|panels?)\b[^.]{0,30}\b(are |is )?(falling|dropping|coming down|raining down)\b[^.]{0,30}\b(below|onto|on the|walkway|path|pavement|sidewalk|street|people|cars?|entrance)\b/i },
  { kind: "falling", intent: "repair", category: null, needs: LOOSE,
    re: /(下面|底下|楼下|下方)[^，。]{0,4}(是|有|全是|就是)[^，。]{0,8}(人|小孩|孩子|儿童|行人|车|人行道|玩|游乐|幼儿园|学校|操场|广场|门口|入口|通道)|(above|over) (the |a )?(pavement|sidewalk|playground|walkway|entrance)/i },
  // A balcony or stair railing giving way: a fall from height waiting to happen (not rust or paint).
  { kind: "falling", intent: "repair", category: "structure",
    re: /(栏杆|护栏|(楼梯|阳台|走廊|天台|楼顶)[^，。]{0,3}扶手)[^。]{0,16}(晃得厉害|晃来晃去|松动|松了|往外歪|往外倒|锈断|断了|脱开|要掉|掉了)|\b(railing|balustrade)\b[^.]{0,30}\b(loose|wobbl\w*|giving way|broken)\b/i },
  // An open manhole or hole where people walk.
  // A lithium battery swelling, hissing or smoking (e-bikes charged in corridors) is a fire about to start.
  { kind: "electrical-smoke", intent: "repair", category: "electricity",
    re: /(电池|电瓶|充电宝|锂电|电动车|电瓶车)[^。]{0,10}(鼓包|鼓起来|膨胀|冒烟|冒白气|冒白烟|冒气|嗞嗞|滋滋|嘶嘶|烫手|发烫得厉害)|\b(battery|power bank)\b[^.]{0,30}\b(swollen|swelling|bulging|hissing|smoking)\b/i },
  // "天台门锁坏了，小孩子能随便跑上去": a roof open to children.
  { kind: "height", intent: "complaint", category: "security", unless: /建议|感觉|担心|会不会|万一|如果/,
    re: /(天台|楼顶|屋顶)[^。]{0,8}(门|锁)[^。]{0,8}(坏|开着|锁不上|关不上)[^。]{0,16}(小孩|孩子|小朋友)[^。]{0,8}(随便|经常|老是|总|都)(跑上|爬上|上去)/ },
  // A scuffle with pushing, or anyone holding a weapon.
  { kind: "fight", intent: "complaint", category: "security",
    re: /(?<!(你们|物业|一直|部门|相互|互相|事|报修|单子?|问题|投诉|电话|找)[^，。]{0,4})推来推去(?![^，。]{0,4}(说|责任|皮球|不管(?!用)|不处理|跑|趟|没人))|推推搡搡|推搡|拉拉扯扯|扭在一起|(拿|举|抄|提|拎)(了|着)?(一把|把)?(铁锹|铁棍|棍子|木棍|刀|菜刀|砖头|锤子|斧头|钢管|扳手)(?![^，。]{0,3}(拧|修|紧|松|弄|换|敲开))|\b(shoving|pushing and shoving|scuffle|wielding|armed with)\b/i },
  // A neighbour's renovation breaking a load-bearing wall: the building itself at risk.
  { kind: "collapse", intent: "complaint", category: "decoration",
    re: /承重墙[^。]{0,10}(砸了|拆了|打了|凿了|砸个|砸出|砸穿|打穿|在砸|正在砸|在拆|正在拆|凿开|打掉|拆掉|砸掉)|(砸|拆|打掉|凿)[^。]{0,6}承重墙/ },
  // A stranger who forced their way in behind the sender and is still there.
  { kind: "fight", intent: "complaint", category: "security", needs: /害怕|不走|还在|现在|赖着|转悠|徘徊|吓死|\b(scared|still)\b/i,
    re: /(硬挤|硬闯|强行|尾随|跟着我|跟在我后面)[^，。]{0,6}(进|挤|闯)|\b(forced (his|her|their) way|followed me) in\b/i },
  // A smell of smoke from a home where a child cries and nobody opens.
  { kind: "fire", intent: "complaint", category: "security",
    re: new RegExp(`${near(/(小孩|孩子|婴儿|宝宝)[^，。]{0,6}哭|没人(应|开门)|敲门[^，。]{0,4}(没|不)/, /烟味|焦味|烧焦|冒烟|烟(从|飘|往)/, 30).source}`) },
  // Someone trying the doors of other people's homes or cars.
  { kind: "fight", intent: "complaint", category: "security",
    re: /\b(trying|tried|tries|rattling|checking)\b[^.]{0,20}\b(every|each|all the|the) (door )?(handles?|doors?|car doors?)\b|door to door[^.]{0,30}\b(handles?|trying)\b/i },
  // A person found down and not responding.
  { kind: "injury", intent: "complaint", category: "security",
    re: /\b(passed out|fainted|unresponsive|lying (on the|motionless))\b|\b(he|she|someone|somebody|man|woman|person|lady|guy|grandma|grandpa|granny|kid|child|baby|dad|mum|mom|father|mother|neighbou?r)\b[^.]{0,30}\bnot (moving|responding|breathing)\b|\b(knock\w*|door|call\w*)\b[^.]{0,30}\bnot (answering|responding)\b[^.]{0,40}\b(old|elderly|alone|lives? alone|sick|ill)\b|\b(old|elderly|alone|sick)\b[^.]{0,40}\bnot (answering|responding)\b|(人|老人|大爷|阿姨|小孩)[^，。]{0,8}(倒在|躺在)[^，。]{0,8}(叫|喊)[^，。]{0,3}(不醒|没反应|不应)/i },
  // Cladding, tiles or glass falling where people pass.
  { kind: "falling", intent: "repair", category: null,
    re: /(瓷砖|外墙砖|墙砖|墙皮|外墙|玻璃|广告牌|招牌|空调外机|窗框|雨棚|吊顶)(?![^。]{0,4}的?(排水管|冷凝管|水管|管子|电线|线|插头|遥控器|滤网))[^。]{0,8}(掉了|掉下来|掉下|脱落|砸下来)[^。]{0,16}(门口|入口|上面|头顶|楼下|人行|路过|下面|通道)|(门口|入口|通道|人行道)[^。]{0,6}上(面|方)[^。]{0,10}(瓷砖|墙砖|玻璃|外墙)[^。]{0,6}(松|掉|脱落)/ },
  { kind: "hole", intent: "repair", category: "facility",
    re: /井盖[^，。]{0,10}(没了|丢了|不见了|被偷|翻了|掀开|掀翻|碎了|塌了|移位|敞着|撞飞)|(窟窿|大坑|深坑|大洞)[^，。]{0,8}(敞着|没盖|没有盖|没围|没人围)|(有人|人|孩子|小孩|老人|行人)[^，。]{0,6}(会|要|容易|差点|可能)[^，。]{0,3}(掉下去|掉进去|摔进去|踩空)|\b(manhole|drain) cover\b[^.]{0,20}\b(missing|gone|stolen|broken|open)\b/i },
  // "电梯门开了但是轿厢不在 门口就是个黑洞": an open shaft where people walk.
  { kind: "hole", intent: "repair", category: "elevator",
    re: /(电梯|梯)门[^。]{0,8}开[^。]{0,10}(轿厢不在|没有轿厢|轿厢没(到|下来|停)|是空的|黑洞|井道)|(黑洞|井道)[^。]{0,10}(空的|往下|掉下去)/ },
  // A tree or pole leaning and about to fall where people or cars are.
  { kind: "falling", intent: "repair", category: null,
    re: /(树|大树|树干|树枝|电线杆|路灯杆|灯杆|围墙|广告牌|招牌)[^。]{0,24}(快(要)?倒|要倒了|随时会倒|倒下来)/ },
  // ---- composed dangers (see near()): checked after the named ones, which know categories better.
  { kind: "fire", intent: "complaint", category: "security", resolvable: true, unless: EVERYDAY_SMOKE,
    re: near(SMOKE_SEEN, SMOKE_HARM, 14) },
  { kind: "electrical-smoke", intent: "repair", category: "electricity", resolvable: true,
    re: new RegExp(`${near(ELEC_OBJ, ELEC_HARM, 12).source}|${BURN_SMELL.source}`, "i") },
  { kind: "gas", intent: "repair", category: "gas", resolvable: true, unless: NOT_GAS_TALK,
    re: near(GAS_NAME, GAS_LEAK, 8) },
  { kind: "flood", intent: "repair", category: "water", resolvable: true,
    re: new RegExp(`${near(LIGHT_FIX, /水/, 10).source}|${near(CEILING_WATER, LIGHTS_OUT, 20).source}|水浸|浸到|淹水|水淹|水(?!枪)[^，。]{0,4}(到处|不停|狂)[^，。]{0,2}(飙|喷|涌|冒|窜|滋)|(流|淌|漫|灌)(到|进)了?(客厅|卧室|厨房|走廊|楼道|过道|电梯|门外|楼下|隔壁|大堂|车库|地库)|瀑布|\\bwaterfall\\b|\\bwater\\b[^.]{0,20}\\b(everywhere|coming (down|through|in))\\b`, "i") },
  { kind: "trapped", intent: "repair", category: "elevator", resolvable: true, needs: STUCK_LIFT,
    re: new RegExp(`(${PERSON.source})[^，。]{0,6}(在|关在|困在|卡在)(电梯|轿厢)(里|内)|(在|关在|困在)(电梯|轿厢)(里|内)(?![^，。]{0,3}(碰到|遇到|看到|滑|摔))|(里面|里头|里边)(有|还有|是)?(个|一个|位|一位)?(${PERSON.source})|\\b(inside|in there|in it)\\b`, "i") },
  { kind: "outage", intent: "repair", category: null, planned: true, resolvable: true, pastable: true,
    re: /小区(?:里|又|突然|怎么|是不是|全|都|全部)+(?:停水|停电|停气|没水|没电|没气|断水|断电)|(整个小区|全小区|整栋|整幢|全楼|整个单元|成座|整座|整个楼)[^，。]{0,6}(天然气|燃气|煤气|自来水|水|电)[^，。]{0,3}(都|全)?(断了|停了|没了)|\b(whole|entire)( of)?( the)? (building|block|tower|estate|compound|community)( \w+)?\b[^.]{0,25}\b(no (water|power|electricity|gas)|lost (power|water)|without (power|water)|blackout|power (is )?(out|cut))/i },
  { kind: "fight", intent: "complaint", category: "security",
    re: /打交(?!道)|(两|俩|几|一群)个?(人|男的|女的|伙人|小伙)[^，。]{0,6}(干起来|干仗|掐起来|扭打|扭在一起|撕扯|动起手)|干仗|开瓢|头破血流|见红|翻得[^，。]{0,4}(乱七八糟|一团糟|乱糟糟)|锁被[^，。]{0,3}(弄|搞|砸|撬|破)坏|(有人|陌生人|一个男的|一个人|有个人)[^，。]{0,8}(捅|撬|踹|砸|鼓捣|拽)[^，。]{0,4}(门锁|锁眼|门把|门)|(拉|拽|推|试|拧)[^，。]{0,3}(别人家|人家|邻居家|各家|每家|挨家)的?门|(爬|翻)[^，。]{0,6}(阳台|窗户|二楼|三楼)[^，。]{0,8}(小偷|贼|偷)|\bsmash(ed|ing)?\b|\bran in\b|\bforc(ed|ing) (open )?(the |my |a )?(door|lock|window)|\bbroke (in|into)\b/i },
  { kind: "injury", intent: "complaint", category: "security",
    re: /(摔倒|滑倒|跌倒|摔了一?跤?|晕了|倒在地上|倒地)[^，。]{0,10}(起不来|爬不起来|站不起来|起不了身|不动了|一动不动|没反应|叫不醒|磕到头|头破|流血|出血|昏)|叫不醒|没有?(呼吸|意识)了?|\b(collapsed|not breathing)\b/i },
  { kind: "height", intent: "complaint", category: "security", unless: /想问|能不能|可不可以|怎么办理|建议|装[^，。]{0,3}(防护|护栏|防盗)/,
    re: new RegExp(`(${PERSON.source})[^，。]{0,10}(骑|爬|站|坐|趴|挂|蹲|探|翻)(在|到|出|上)?[^，。]{0,6}(窗台|窗外|窗户外面?|窗边|窗沿|窗户上|阳台外|栏杆外|护栏外|栏杆上|护栏上|天台边|楼顶边|屋檐|空调架|空调外机上)|半个身(子|体)?[^，。]{0,3}(出|探|在|伸)[^，。]{0,2}(窗外|外面|栏杆外)|(腿|脚|身子)[^，。]{0,2}(悬|挂|伸|晃)在(窗)?外面|(窗户上|窗台上|栏杆上|护栏上|楼顶边上?|天台边上?)[^，。]{0,4}(坐|站|蹲|趴|骑)着?(个|一个)?人|(天台|楼顶|屋顶)(的)?(边|边上|边边上|边缘|护栏外)[^，。]{0,6}(跑|玩|追|爬|站|坐|打闹|蹦)|(天台|楼顶|屋顶)[^。]{0,12}(娃娃|孩子|小孩|娃儿|伢|小朋友)[^。]{0,8}(耍|玩|跑|爬|打闹)|(东西|瓶|砖|石头|花盆|垃圾|罐)[^，。]{0,4}(飞|砸)下来|(楼上|上面|高层|楼顶)[^，。]{0,6}(飞|砸|扔|丢)(了)?[^，。]{0,6}下来|往(窗外|窗户外面?|楼下|阳台外)[^，。]{0,2}(扔|丢|抛)(?!烟头)|(木板|砖头?|瓶子|酒瓶|花盆|石头|玻璃|瓷砖|铁管|钢管|木头|木块)[^，。]{0,6}砸(在|到|中)[^，。]{0,8}(雨棚|阳台|车|头|身上|地上|人)|(掉|扔|丢)下来[^。]{0,16}(差点|差一点|险些|碎了|砸)|(差一?点点?|差些|险些)就?(砸|中|打|扔中|砸中)到?(我|人|孩子|小孩|儿子|女儿)|\\b(drop(s|ping|ped)?|throw(s|ing|n)?|toss(es|ing|ed)?|chuck(s|ing|ed)?) (stuff|things|objects|bottles?|rubbish)?[^.]{0,20}\\b(from|out of|off) (the )?(upper floors?|windows?|balcon(y|ies)|above|roof)`, "i") },
  { kind: "falling", intent: "repair", category: null,
    re: /滑坡|塌方|泥石流|滑泥|(推倒|冲倒|冲垮|压垮|冲塌)了?[^，。]{0,3}(围墙|墙|挡土墙|护坡)|(鼓起来|鼓包|掉渣|往下掉|剥落|翘起来)[^。]{0,24}(下面|底下|楼下|下方)[^，。]{0,4}(是|有|全是|就是)[^，。]{0,8}(人|路|公交站|车站|大门|车)/ },
  { kind: "hole", intent: "repair", category: "facility",
    re: /井盖[^，。]{0,10}(拿走|搬走|偷走|不见)|井盖[^。]{0,16}(一个|大)洞/ },
  { kind: "trapped-body", intent: "repair", category: null,
    re: /(手|脚|头|腿|胳膊|手指|脑袋)[^，。]{0,4}(卡|夹)(在|进|住)[^，。]{0,14}(拔不出|出不来|拿不出|抽不出|动不了|取不出)/ },
  { kind: "escalation", intent: "complaint", category: null,
    re: /(?<![\dA-Za-z])12345(?!\d)|消委会|(去|找|上|登|给)[^，。]{0,4}报纸|报纸[^，。]{0,4}(爆料|曝光)|爆料|市长热线|政府热线|消费者协会|消协|市场监管局|物价局|打官司|(要|去|我就|(?<!还是|应该|是否|要不要)直接|只能|就)报警|(已经|已)报(了)?警|报警备案|打110|热线投诉|媒体|曝光|((发|传|挂|曝)(到|上|在)?|放(到|上|在))[^，。]{0,2}(抖音|微博|快手|小红书|头条|网上)|电视台|记者|报社|上新闻|(在|到)(抖音|微博|快手|小红书|头条)[^，。]{0,3}(上)?(发|曝光|挂)|(发|寄|交|投|爆料)(给|到)[^，。]{0,4}新闻|新闻(热线|媒体|台)|发抖音|发微博|起诉|法院|律师|告你们|住建局|住建委|建委|住建部门|住房和城乡建设|房管局|城管局|环保局|环保部门|生态环境局|(?<!\d)12315(?!\d)|消协|信访|街道办|居委会投诉|报警了|housing bureau|报馆|议员|陈情|人大代表|领导留言板|市长信箱|举报信|(写信|举报)(给|到)[^，。]{0,4}(街道|社区|区里|市里|政府|纪委)|消防(大队|支队|部门|局)|应急管理局|安监|等着被(查|罚)|\b(authority|authorities|ombudsman|regulator|councillor|tribunal|solicitor)\b|district (office|housing)|(去|找|到|向|打)[^，。]{0,4}(区|市|街道|县)?政府|政府热线|房屋署|上访|信访|local news|\b(city|government|mayor'?s?|citizen|12345) hotline\b|\b(contact(ing)?|call(ing)?|go(ing)? to|tell(ing)?|report(ing)?( this| it)? to)\b[^.]{0,20}\b(the )?(news|press|media|newspaper|tv|government|police|council)\b|\b(sue|lawyer|court|media|journalist)\b/i },
  { kind: "ignored", intent: "complaint", category: null,
    re: /(投诉|反映|举报|说|提|报|打|催|找|问|发|联系|写)(了|过)?(快|近|差不多|都|至少|起码)?(好几|无数|多|好多|很多|十几|几十|N|n|不下[0-9一二三四五六七八九十]+|[二三四五六七八九]?十[一二三四五六七八九]?|三四|[四五六七八九十]+|[4-9]|[1-9]\d)[次回遍][^。]{0,30}(没人管|没人理|没人处理|没处理|没解决|不管(?!用)|不理|没用|没有用|用都没有|没反应|一次都没|都没人|没一个人|没有一个人|没人回|石沉大海|都没来过|没来过|没管过|一个管事的|一次(回复|回音|回应|消息|电话)?都没(有)?|没(有)?一次)|(投诉|反映|说|报)了?(都|已经)?(三|3)[次回遍][^。]{0,16}(一次(用)?都没|用都没有|石沉大海|一点用都没)|第[四五六七八九十]次(说|反映|投诉|报|找|催)[^。]{0,30}(每次都说|马上马上|没人管|没人理|不管(?!用)|敷衍|没用|一次都没)|(反映|投诉|说|找|打|报)(过|了)?(多少|无数)[次回遍]了?[^。]{0,40}(一次都没|从来没|没管|不管(?!用)|没人管|没处理|没人理|没人修|有没有人管)|complained[^.]{0,30}(times|again)[^.]{0,40}(nobody|no one|never)|\b(\d+(st|nd|rd|th)|third|fourth|fifth|sixth|seventh|tenth) (message|time|report|complaint|request)\b[^]{0,100}\b(nobody|no one|never)\b|\b(\d+|several|many|multiple|countless|numerous|four|five|six|seven|eight|nine|ten) times\b[^.]{0,40}\b(ignored|no (reply|response|answer)|nobody|no one|never)\b|\bignored (every|each) (single )?time|(投|写|发|递)了?[三四五六七八九十几好多]+封[^。]{0,12}(一封)?(回复|回信|答复)?都没(有)?/i },
];

// "燃气管被钻穿了 呲呲响 人已经出来了": the family got out, the gas or fire is still there — an
// evacuation, not the danger over (as "困在电梯里的人已经出来了" is).
const EVACUATED = /(人|我们|全家|一家人?|家里人|家人|大家|老人|孩子|小孩)[^，。]{0,3}(都|已经|先|刚)?(跑|撤|逃|下楼)?(出来|出去|下来)了/g;
const ONGOING_HAZARD = /燃气|煤气|天然气|液化气|气味|臭鸡蛋|呲呲|嘶嘶|着火|起火|冒烟|浓烟|明火|火势|\b(gas|fire|smoke)\b/i;
/** RESOLVED, except that people leaving a home with gas or fire in it does not end the danger. */
function resolvedNow(text: string): boolean {
  let t = ONGOING_HAZARD.test(text) ? text.replace(EVACUATED, "") : text;
  // "水管爆了你们半个小时才来人 现在水都淹到楼下了": help came late, and the danger is still going on.
  if (STILL_GOING.test(t)) t = t.replace(LATE_ARRIVAL, "");
  return RESOLVED.test(t);
}
const LATE_ARRIVAL = /([\d一二三四五六七八九十几半]+(个)?(分钟|小时|钟头)|好久|半天)才(来人|来|到|把人)/g;
const STILL_GOING = /(现在|还在|仍然|依然|还是)[^。]{0,10}(淹|漫|漏|喷|冒|困|烧|烟|没水|没电|停)/;

/** "我们2栋好好的", "我家有电": the sender's own supply is fine (not "邻居家都有电", nor "我们整栋楼都没有电"). */
const OWN_SUPPLY_FINE = /(我们|我家|我这|咱们|我那)(?![^，。?？]{0,8}(邻居|别人|隔壁|其他|人家))[^，。?？\s]{0,6}(好好的|正常|(?<![没无])有(电|水|气)|没事|没停|没影响|不停)/;

/** Whether nothing in the text argues against a danger happening here and now: used before
 * trusting the model's urgency head where no rule fired (hypothetical, over, elsewhere, a joke, a story). */
export function plainlyCurrent(text: string): boolean {
  if (resolvedNow(text) || DENIED.test(text) || FIGURATIVE_DANGER.test(text) || HYPO_CLAUSE.test(text) || JOKE.test(text)) return false;
  // Routine look-alikes: cigarette or cooking smoke, rain seeping through a wall, damp stains.
  if (/抽烟|吸烟|二手烟|油烟|烟头|烧烤|烤肉|烤串|炒菜|炒辣椒|煎鱼|做饭|饭店|餐馆|下雨|下大雨|雨天|回南天|发霉|水渍|水印|\b(stain|damp|mould|mold|cigarette|bbq|barbecue)\b/i.test(text)) return false;
  if (PAST_STORY.test(text) && !NOW.test(text)) return false;
  ELSEWHERE.lastIndex = 0;
  if (ELSEWHERE.test(text) && !BACK_HOME.test(text)) return false;
  return !/吗|\?|请问|怎么办理|能不能|可不可以/.test(text);
}

// Someone says the danger is here and now, or calls for help: a question mark or "吗" then does not
// make a report a question ("保安呢？？？", "is it a leak?"), and a cigarette or the rain named in the
// same message does not make it routine.
const PRESSING = /快来|快点|快派|快叫|救命|赶紧|着急|急死|十万火急|(?<!\d)(119|110|120)(?!\d)|报警|现在|正在|还在|刚刚|刚才|这会儿|\b(help|hurry|now|urgent|asap|right away|quick(ly)?)\b/i;

/** Like plainlyCurrent, for the learned urgency path: hypothetical, resolved, joking, past and
 * elsewhere still rule a danger out, but a question or a routine look-alike does not when the sender
 * presses for help now. */
/** "烧焦味是我家 煮粥煮糊了", "保安说是在搞消防演练": the smoke's harmless cause, known to the sender. */
const HARMLESS_CAUSE = /(煮糊|炒糊|熏(腊)?肉|熏腊|熏香肠|熏鱼|(粥|饭|菜|锅|汤|饼|肉)[^，。塑]{0,3}(烧糊|糊了)|演练|演习|\bdrill\b)(?![^。]{0,12}(快|救命|赶紧|着火了))/i;
const DREAM = /梦见|梦到|做(了个|个|了)?(噩)?梦/;
const NEIGHBOURS_WONDER = /(希望(没事|平安|没什么事|人没事)|谁知道(是)?谁家|是谁家的?(老人|人|孩子))(?![^。]{0,20}(快|赶紧|帮忙|救))/;
// "卷帘门卡住了 我的车在里面出不来": a car shut in, nobody; "喷灌头坏了 一直在喷水": a lawn sprinkler.
const HARMLESS_STUCK = /车[^，。]{0,6}(出不来|出不去|开不出)|(喷灌|洒水器|喷头|浇水)[^，。]{0,10}喷/;
const PERSON_STUCK = /(人|孩子|小孩|老人|宝宝)[^，。]{0,6}(困|出不来|关在|锁在)/;

// "物业刚喷完消毒水 楼道里全是刺鼻的味道", "楼上刷墙的油漆味…呛得受不了": a smell whose source the sender
// names, and that source is not gas or fire: unpleasant, not a danger.
const KNOWN_SMELL = /垃圾|粪|下水道|馊|发臭|消毒水|消毒液|84消毒|农药|打药|喷药|杀虫剂|油漆|甲醛|胶水|装修味|榴莲|\b(disinfectant|bleach|paint|pesticide)\b/i;
// "煤气炉的火好细 还是黄色的", "天然气没了 打不着火": a weak or missing flame, no gas escaping.
const WEAK_FLAME = /火[^，。,]{0,4}(好|很|太|特别)?(细|小|弱|黄)|(打|点)不着|不出火|没(有)?火|火[^，。,]{0,3}(一会儿?|一下)?就灭|\b(keeps? (shutting|switching|turning) off|won'?t (light|ignite)|(weak|small|yellow) flame)\b/i;
export function currentDanger(text: string): boolean {
  // "有陌生人挨家挨户敲门推销": salespeople at the doors, a guard's matter (grade 2), not a break-in.
  if (/推销|发传单|发广告|卖保险|办卡/.test(text) && !/撬|偷|砸|打人|动手|刀/.test(text)) return false;
  if (HARMLESS_STUCK.test(text) && !PERSON_STUCK.test(text)) return false;
  // "水箱里那个浮球掉下来了 一直在进水": a toilet cistern that keeps filling wastes water, floods nothing.
  if (/水箱|浮球|马桶/.test(text) && /(一直|不停|老是)(在)?(进水|流水|放水|响|哗哗)/.test(text) && !/淹|满地|漫|一地|溢出|冒出来/.test(text)) return false;
  if (KNOWN_SMELL.test(text) && !GAS_NAME.test(text) && !SMOKE_SEEN.test(text)) return false;
  // "插座冒火花了 我已经把总闸拉了": sparks, and the sender has cut the power (smoke or a burning smell still counts).
  if (/(已经|已)把?(总闸|电闸|空开)(拉|关)(了|掉|下)/.test(text) && !/烟|焦|糊|着火|起火|明火/.test(text)) return false;
  // "井盖往外冒水 不知道是不是哪儿的管子爆了": something seen, its cause only guessed — a repair.
  if (/不知道是不是|是不是哪(儿|里)/.test(text) && !PRESSING.test(text)) return false;
  if (GAS_NAME.test(text) && WEAK_FLAME.test(text) && !/整栋|这栋楼|全楼|整个|都一样|楼上楼下/.test(text) && !GAS_LEAK.test(text.replace(/没(有)?(闻到)?[^，。,]{0,3}(味道|气味|味)|没(有)?(闻到|味)|\bno smell\b/gi, ""))) return false;
  if (DREAM.test(text) || NEIGHBOURS_WONDER.test(text) || HARMLESS_CAUSE.test(text)) return false;
  // "我哋11楼都黑晒，成個禮拜喇": dark for a week is a repair long overdue, not a danger that began now.
  if (/(整个|成个|一个|好几个|两个|几个)(礼拜|星期|月)|好几天|几天了|\bfor (a|one|two) weeks?\b/.test(text) && !/烟|火|焦|困|关着|气味|煤气|燃气|漏电|触电|淹|冒水|喷/.test(text)) return false;
  if (plainlyCurrent(text)) return true;
  if (!PRESSING.test(text)) return false;
  if (resolvedNow(text) || DENIED.test(text) || FIGURATIVE_DANGER.test(text) || HYPO_CLAUSE.test(text) || JOKE.test(text)) return false;
  if (PAST_STORY.test(text) && !NOW.test(text)) return false;
  ELSEWHERE.lastIndex = 0;
  if (ELSEWHERE.test(text) && !BACK_HOME.test(text)) return false;
  return !/请问|怎么办理|能不能|可不可以|会不会|是不是要|万一/.test(text);
}

// Weaker danger cues: hazard and harm words too loose for a rule of their own ("呛", "流血", "拍门",
// "漏到", "全黑"), which make a danger likely only together with the learned urgency head.
const DANGER_CUE = new RegExp([
  "烟|火|焦|烧|呛|喘|咳|窒息|透不过气|透不了气|睁不开|晕|血|救命|求救|拍门|砸门|踹门|撬|出不来|困|被关|被锁|掉下|往下掉|坠|塌|摇摇欲坠|悬|挂在",
  "漏到|漏进|淹|泡了|泡水|喷|涌|冒水|爆|漫|煤气|燃气|天然气|液化气|臭鸡蛋|刺鼻|打架|打起来|互殴|殴|动手|干起来|扭打|刀|棍|砖头|酒瓶",
  "闯|门把手|门把|翻进|翻窗|爬进|陌生人|全黑|全灭|漆黑|黑了|停电|没电|断电|停水|没水|断水|断气|抽搐|晕倒|昏|倒地|(?<!(电梯|梯|车|门|锁|风扇|钟|表)[^，。]{0,6})不动了|叫不醒|没反应了|摔|触电|漏电|火花|短路|跌|打交",
  "\\b(smoke|smoky|fire|flames?|burn(ing|t)?|chok(e|ing)|breath(e|ing)?|cough(ing)?|dizzy|blood|bleed(ing)?|help|trapped|stuck|fall(ing|en)?|flood(ing|ed)?|gas|fight(ing)?|punch(ing)?|brawl|break(ing)? in|intruder|knife|blackout|collaps(e|ed)|unconscious|passed out|faint(ed)?|ledge|roof edge|swollen|sparks?|sparking|screaming|banging|pouring|gushing)\\b",
].join("|"), "i");

/** A weaker danger cue is present (see DANGER_CUE). */
// "衣柜门合页断了 门掉下来了": a fitting that came off indoors is a routine repair, not a fall.
const FITTING_CAME_OFF = /((柜|橱|箱)[子的]{0,2}门|抽屉|合页|铰链|把手|挂钩|毛巾架|浴帘杆|窗帘杆|窗帘轨道|灯罩|门帘|踢脚线|浮球|水箱盖|盖子|配件|零件|按钮)[^，。]{0,8}(掉下|往下掉|脱落|掉了)/g;

const NOBODY_TRAPPED = /(没|没有|无|冇)人(被)?(困|关)|(里面|里头|里边)(没|没有|冇)人/g;
/** "卡在5楼不动了 里面没人": a stopped lift reported as empty. */
const NOBODY_INSIDE = /(里面|里头|里边|轿厢里)(没|没有|冇)人|(没|没有|无|冇)人(被)?(困|关)(在|住)?/;

/** A supply gone now ("停电了", "突然没水了"), not asked about ahead ("明天停电吗"). */
const CUT_NOW = /(停水|停电|停气|没水|没电|没气|断水|断电)了(?!吗|没|么)[^。]{0,12}(什么时候|啥时候|几点)[^。]{0,4}(来|恢复|有)/;
/** A "resolved" phrase before a contrast ("可", "但是", "不过", "结果") and the danger after it. */
function resolvedThenNew(text: string, dangerAt: number): boolean {
  const r = RESOLVED.exec(text);
  if (!r || r.index >= dangerAt) return false;
  return /(可是?|但是?|不过|结果|然而|就是)/.test(text.slice(r.index + r[0].length, dangerAt + 1));
}

export function dangerCue(text: string): boolean {
  return DANGER_CUE.test(text.replace(FITTING_CAME_OFF, "").replace(NOBODY_TRAPPED, "").replace(/屏幕?[^，。]{0,2}黑了?|黑屏|烟雾报警器?|烟感|烟雾探测器?|(估计|应该|可能|大概)是?(电池)?没电了?/g, "").replace(/(楼道|走廊|路|楼梯|车库|地库)灯[^，。]{0,4}(全灭|全黑|都灭|灭了|黑了|全不亮)/g, ""));
}

/** Whether the text escalates (media, government, court) or says complaints were ignored many times. */
export function escalates(text: string): boolean {
  return SAFETY_RULES.some((r) => (r.kind === "escalation" || r.kind === "ignored") && r.re.test(text));
}

/** "报的 / 投诉的 …" just before a danger word: the danger is the subject of an earlier report. */
const REPORTED_BEFORE = /(报的|报了|报修的|反映的|投诉的|登记的|说的)[^，。]{0,6}$/;
/** "…那事", "…那件事", "…的那次" just after it: an incident referred to, not happening. */
const INCIDENT_REF = /^[^，。]{0,2}(那事|那件事|那次|那回|那户|那家|的事|那个事|那个(?=[^，。]{0,6}(查|处理|解决|后来|怎么样|咋样)))/;
// "头一回我还以为哪着火了": a danger the sender mistook something for.
const MISTAKEN = /(以为|当成|当是|误以为)[^，。]{0,6}$/;
// "楼上好像打起来了……哦不是 是在看球": the sender corrects themself right after.
const CORRECTED = /^[^。]{0,24}(哦不是|噢不是|喔不是|不对不对|原来是|原来在|搞错了|看错了|听错了|我说的是)/;
// "着火了着火了 今晚江边那个烟花也太好看了吧": a sight admired, not a fire.
const ADMIRED = /(烟花|烟火|晚霞|火烧云|篝火|灯光秀)[^。]{0,12}(好看|漂亮|美|壮观|绝了)/;
/** "辣得我嘴里着火了", "气得我冒烟", "忙到爆炸": a danger word said of the body or the mood. */
/** "今天40度 我家要着火了 热死了": the heat, not a fire. */
const HEAT_JOKE = /要(着火|冒烟|烧起来|融化|熟)了?[^。]{0,10}(热死|太热|好热|热炸|热得|\d+度)|(热死|太热|好热|\d+度|高温|桑拿)[^。]{0,12}要(着火|冒烟|烧起来|熟)/;
const FIGURATIVE_DANGER = /(水费|电费|钱包|手机|脑子|脑袋|头|心态)[^，。]{0,3}(要)?(爆|炸)|(嘴|嘴里|嘴巴|舌头|胃里|喉咙|心里|心头|脑门)[^，。]{0,3}(着火|冒火|冒烟|起火)|辣(得|到)[^，。]{0,6}(着火|冒火|冒烟)|(气|急|热|忙|累)(得|到)[^，。]{0,6}(冒烟|冒火|着火|爆炸)|(气|忙|累)炸了|被?淹没|${HEAT_JOKE.source}/;
const DENIED = /(?<!有)没有?(闻到)?[^，。,]{0,2}(燃气|煤气|天然气)的?(味|气味)|((?<!是)不是|没有?|并非|并没有|排除了?)[^，。,]{0,2}(着火|起火|火灾|失火|漏气|燃气泄漏|煤气泄漏|打架|被困|困人|冒火花|火花|冒烟)|(?<![打点燃])不(冒烟|冒火花|冒火|着火|起火|发热|发烫|漏气)|(没|没有|还没)(动手|打起来)|\b(no|not|without|never) (any |a )?(smell of gas|gas smell|smoke|fire|sparks?|leak)\b|\b(does ?n'?t|did ?n'?t|does not|did not) smell (of|like) gas\b/i;
const SCARE_ENDED = /(后来|原来|结果)[^。]{0,20}(走错|喝醉|误会|没事|虚惊|是(邻居|住户|快递|外卖))/;
/** "还以为是煤气，结果是隔壁在炸臭豆腐": the danger was a mistaken guess, and the sender says what it was. */
const GUESSED_WRONG = /(还以为|以为|当成|当是)[^。]{0,10}(煤气|燃气|着火|起火|失火|冒烟|漏水|爆管|打架|小偷)[^。]{0,8}(结果|原来|其实|后来|搞了半天)[^。]{0,4}是/;

/** The first danger or escalation signal in a normalised text, or null. */
export function safetySignal(text: string): Safety | null {
  for (const r of SAFETY_RULES) {
    const m = r.re.exec(text);
    if (!m) continue;
    if (r.needs && !r.needs.test(text)) continue;
    if (r.unless && r.unless.test(text)) continue;
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (HYPOTHETICAL.test(before)) continue;
    if (HYPO_INSIDE.test(m[0])) continue;
    if (r.kind !== "ignored" && elsewhere(text, m.index, m.index + m[0].length)) {
      // Someone else's trouble in the news is not this sender's threat, nor a danger here.
      // ("我朋友说他们小区物业被业主告上法院了": another estate's office.)
      if ((r.kind !== "escalation" || !/你们|物业|管理处/.test(text.replace(/(他们|朋友|别的|其他|隔壁)(的)?(小区|那边|那里)?的?物业/g, ""))) && !(r.kind === "escalation" && /比(隔壁|别的|其他|人家|对面)(的)?小区/.test(text))) continue;
    }
    if (r.kind === "fire" && (FIGURATIVE.test(text.slice(0, m.index)) || HEAT_JOKE.test(text))) continue;
    // "对门天天在楼道里烧香 烟熏火燎的": incense or cooking smoke, a nuisance (the hazard is graded by the model).
    if (r.kind === "fire" && /^烟熏/.test(m[0]) && EVERYDAY_SMOKE.test(text)) continue;
    // "有人在楼道里抽烟 烟味呛得要命", "my neighbour smokes on his balcony": cigarette smoke, no fire named.
    if (r.kind === "fire" && /抽烟|吸烟|二手烟|烟头|香烟|\bsmokes\b|\bcigarettes?\b|\b(he|she|they|someone|neighbou?r) (is |are )?smoking\b/i.test(text) && !/着火||起火|失火|火灾|明火|火光|火苗|烧起来|\b(fire|flames?)\b/i.test(text)) continue;
    // "Neighbors are grilling on their balcony again, my whole apartment is full of smoke": barbecue smoke, a nuisance.
    // ("…烧烤 烟好大 还以为着火了 吓一跳": the fire only thought of.)
    if (r.kind === "fire" && /\b(grill(s|ing|ed)?|bbq|barbecu(e|ing))\b|烧烤|烤肉|烤串/i.test(text) && !/(?<!以为|以为是)(着火|起火|失火)|火灾|明火|火苗|\bon fire\b|\bflames?\b|\bcaught fire\b/i.test(text)) continue;
    // "着火了着火了 这比赛太燃了": a match or a show on fire, figuratively.
    if (r.kind === "fire" && /比赛|球赛|进球|演唱会|直播|这局|太燃|燃爆|燃炸/.test(text) && !PRESSING.test(text)) continue;
    // "烧焦味是我家 煮粥煮糊了", "保安说是在搞消防演练放的烟雾": the sender knows the harmless cause.
    if ((r.kind === "fire" || r.kind === "electrical-smoke") && HARMLESS_CAUSE.test(text)) continue;
    // "一股煤气味…我已经打119了": the call is about the gas, which the gas rule names.
    if (r.kind === "fire" && /119/.test(m[0]) && /煤气|燃气|天然气|液化气/.test(text)) continue;
    // "我做了个梦梦见我们楼着火了": a dream.
    if (r.kind !== "escalation" && r.kind !== "ignored" && DREAM.test(text.slice(0, m.index))) continue;
    // "听到救护车来了 好像是九栋的 谁知道是谁家老人吗 希望没事": neighbours wondering, nothing to do.
    if (r.kind === "injury" && NEIGHBOURS_WONDER.test(text)) continue;
    // "…漏水…地板泡了一小块 老伴拿盆接着呢": a drip caught in a basin, not a flood.
    if (r.kind === "flood" && /一小块|一小片|一点点|(拿|用)(个)?(盆|桶)接/.test(text) && !/淹|满地|漫|止不住|到处都是/.test(text)) continue;
    if (WHAT_IF.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)) && !NOW.test(text)) continue;
    // "堆了那么多纸箱 着火了跑都跑不出去": what would happen, said of a hazard.
    // "雨水管裂开了 一下雨就往我家阳台喷水": a downpipe that leaks when it rains, not a flood now.
    if (r.kind === "flood" && /雨水管|落水管/.test(text) && /(一|每次|只要)下(大)?雨[^，。]{0,4}就/.test(text) && !/淹|满地|漫|止不住/.test(text)) continue;
    // "是不是整个小区都停电了？我们2栋好好的": asking about others' outage, the sender's own supply fine.
    if (r.kind === "outage" && OWN_SUPPLY_FINE.test(text)) continue;
    // "树枝被雷劈断了 掉在草坪上 还好没砸到人": a branch down and lying still, nothing left to fall.
    if (r.kind === "falling" && /树|枝/.test(text) && /(还好|幸好|好在)?没(有)?砸(到|着|伤)/.test(text) && !/还(挂|悬|吊)|要掉|快掉|随时/.test(text)) continue;
    if (r.kind === "fire" && /^(了)?[^，。]{0,2}(跑都跑不|跑不出去|往哪跑|怎么跑|谁负责)/.test(text.slice(m.index + m[0].length)) && !PRESSING.test(text)) continue;
    if (r.kind === "fire" && m[0] === "火苗" && STOVE.test(text) && !SPREAD.test(text)) continue;
    // "如果发现燃气泄漏…" / "万一哪天着火": a hypothetical word earlier in the same clause.
    const clause = text.slice(Math.max(0, m.index - 10), m.index).split(/[，。,.!！?？;；]/).pop() ?? "";
    if (HYPO_CLAUSE.test(clause)) continue;
    // "昨天报的燃气泄漏那个单子…" / "上周电梯困人那事我投诉了": an incident already reported, named
    // to ask after it or to complain about its handling — not a new danger.
    if (r.kind !== "escalation" && r.kind !== "ignored" &&
      (REPORTED_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)) || INCIDENT_REF.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) &&
      // (…unless it is still going on: "我十分钟前报了电梯困人 …人还在里面".)
      !/还在里面|还困着|还没(出来|救出来)|人还在|还在漏|还在冒|还没灭|味道还在|味还在|还有味|还是有味|还在响|还在冒烟/.test(text)) continue;
    // "刚才谁在群里说着火了 是哪里啊 严不严重": asking about what someone else said.
    if (r.kind !== "escalation" && r.kind !== "ignored" && /(谁|有人)(在群里|刚才)?说[^，。]{0,3}$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && /哪里|哪儿|哪栋|严不严重|严重吗|怎么回事|真的假的/.test(text)) continue;
    // "听说容易起火": a risk someone heard of.
    if (/(容易|可能会|听说[^，。]{0,6})$/.test(before + "") && !NOW.test(clause)) continue;
    // "前天半夜有人拧我家门把手，后来…说是走错楼层了，谢谢你们": a scare told afterwards, with its end.
    if (r.kind === "fight" && SCARE_ENDED.test(text)) continue;
    if (r.kind !== "escalation" && r.kind !== "ignored" && GUESSED_WRONG.test(text)) continue;
    // "好像看到有人在车库里转悠 不知道是不是小偷 今早看了东西都在": a guess, and nothing was taken.
    if (r.kind === "fight" && /(东西|车|钱|电瓶|电池)[^，。]{0,3}(都在|没丢|没少)|什么都没(丢|少)/.test(text) && /是不是|好像|不知道|可能/.test(text)) continue;
    // "吵得好凶 要不要报警啊…没动手": asking whether to call the police threatens nobody.
    if (r.kind === "escalation" && /(要不要|该不该|需不需要|用不用|要报警吗)/.test(text) && /报警/.test(m[0])) continue;
    // "12345打电话来回访 说是我投诉的 我没投诉过啊": the hotline called the sender; nobody threatens the office.
    if (r.kind === "escalation" && /^(热线)?[^，。,]{0,3}(打电话来|打来|来电|回访|打给我|给我打)/.test(text.slice(m.index + m[0].length))) continue;
    // "赶紧挪一下，等会儿消防车进不来": what could happen to a fire engine, no fire now.
    if (r.kind === "injury" && /(等会儿?|待会儿?|一会儿|万一|到时候|要是|如果)[^，。,]{0,4}(救护车|消防车|急救车)/.test(text) && !/着火|起火|受伤|晕|病人|老人[^，。]{0,4}(等|倒)/.test(text)) continue;
    // "刚才消防车开进来是怎么回事？哪里着火了吗": asking whether there was a fire, nothing seen or smelt.
    if (r.kind === "fire" && /(着火|起火|失火)了?(吗|么|没)|哪(里|儿|家)(着火|起火)/.test(text) && !/烟|焦|糊|火光|火苗|烧着|看到|闻到|我家|楼道/.test(text)) continue;
    // "围墙有一段塌了个口子，外面的人随便进": a gap in the fence (a guard's matter), nothing falling on anyone.
    if (r.kind === "falling" && /围墙|围栏|栅栏|篱笆/.test(text) && /口子|缺口|随便进|能进人|钻进来|进出/.test(text) && !/砸|压|伤|人在下面|往下掉|要倒/.test(text)) continue;
    // "上次那个煤气味找到原因了吗？我家现在闻着没了": asking after one that is over.
    if (r.kind === "gas" && /(上次|之前|昨天|那个)[^，。]{0,6}(煤气|燃气|天然气)味/.test(text) && /(现在|已经)[^，。]{0,4}(没了|没有了|闻不到|没味)/.test(text)) continue;
    // "本来想打12345投诉…想想算了": a threat thought of and dropped.
    if (r.kind === "escalation" && /(本来|原本|本想|差点|都想)[^，。]{0,4}$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && /算了|还是(不|别)/.test(text)) continue;
    if (r.kind !== "escalation" && r.kind !== "ignored" &&
      (MISTAKEN.test(text.slice(Math.max(0, m.index - 10), m.index)) || CORRECTED.test(text.slice(m.index + m[0].length)))) continue;
    if (r.kind === "fire" && ADMIRED.test(text)) continue;
    // "消防栓箱门掉下来了 玻璃碎了一地": a cabinet's door came off, nothing fell from a height.
    if (r.kind === "height" && /(箱|柜)(子)?的?门[^，。]{0,3}掉下来/.test(text) && !/楼上|高处|窗|阳台|砸到人/.test(text)) continue;
    // "楼梯扶手松了 一扶就晃": a handrail inside the stairwell, no drop beyond it.
    if (r.kind === "falling" && /扶手|栏杆/.test(text) && /楼梯|楼道|台阶/.test(text) && !/阳台|天台|楼顶|窗|露台|外面|悬空|往外(倒|歪)|断了|掉了/.test(text)) continue;
    // "跟他说了好几次都不理": a neighbour who ignores the sender, not the office ignoring complaints.
    if (r.kind === "ignored" && /(跟|和|给)(ta|他|她|他们|她们|邻居|对方|楼上|楼下|隔壁|那家)[^，。]{0,3}(说|讲|提)/i.test(text) && !/物业|你们|管家|管理处/.test(text)) continue;
    // "燃气公司来测过了 不是漏气", "没冒火花", "不是着火 是炒辣椒": the sender rules the danger out.
    if (r.kind !== "escalation" && r.kind !== "ignored" && DENIED.test(text)) continue;
    // "水管爆了的话物业管修吗 我家还没爆": a question about what would happen.
    if (/^[^，。]{0,2}的话/.test(text.slice(m.index + m[0].length)) || /还没(爆|漏|着|坏|裂)/.test(text)) continue;
    // "保安在岗亭里睡觉 叫都叫不醒": a guard asleep on duty is a staff complaint, not a collapse.
    if (r.kind === "injury" && STAFF_WHO.test(text) && IDLE_ON_DUTY.test(text)) continue;
    // "停在一楼不动 门开着 没人困在里面": a stopped lift with nobody inside is not an entrapment.
    if (r.kind === "trapped" && (/(没|没有|无|冇)人?\s*$/.test(before) || NOBODY_INSIDE.test(text))) continue;
    // "围墙有一段铁栏杆断了，能钻人进来": a broken fence lets people in; nobody can fall from it.
    if (r.kind === "falling" && /栏杆|护栏/.test(m[0]) && /围墙|围栏|篱笆|栅栏/.test(text) && !/(阳台|窗|楼顶|天台|高空|楼梯)[^，。]{0,4}(栏杆|护栏)/.test(text)) continue;
    // "排水管裂开了，楼上一用水就往下漏": a leak that comes with use, not water pouring now.
    if (r.kind === "flood" && /(一|每次|只要)[^，。]{0,4}用水[^，。]{0,2}(就|才)|用水的时候/.test(text) && !/淹|满地|漫|到处都是水|止不住/.test(text)) continue;
    // ("来电了，可电梯停在两层中间，我老公还在里面": what ended is not the danger told after "可/但是".)
    if (r.resolvable && resolvedNow(text) && !resolvedThenNew(text, m.index)) continue;
    if (r.pastable && PAST.test(text.slice(0, m.index))) continue;
    if (["fire", "flood", "trapped", "gas", "electrical-smoke", "outage", "injury"].includes(r.kind) && PAST_STORY.test(text.slice(0, m.index)) && !NOW.test(text)) continue;
    if (["fire", "flood", "falling", "fight", "injury"].includes(r.kind) && JOKE.test(text) && !URGENT.test(text)) continue;
    if (r.kind === "escalation" && JOKE.test(text) && !/你们|物业|管理处/.test(text)) continue;
    if (r.kind === "fight" && PLAYFIGHT.test(text) && !HURT.test(text)) continue;
    // "昨晚打架那俩 保安及时拉开了": a fight told afterwards, already broken up (a break-in found the next morning still is urgent).
    if (r.kind === "fight" && /(拉开|劝开|劝住|分开)了/.test(text) && PAST_STORY.test(text) && !NOW.test(text)) continue;
    if (r.kind === "fight" && /已经[^，。]{0,6}(拉开|劝开|分开|带走)/.test(text)) continue;
    // "昨晚楼下有人打架…现在没事了 就是想说保安都去哪了": told afterwards, over.
    if (r.kind === "fight" && PAST_STORY.test(text.slice(0, m.index)) && /(现在|目前)(都|也)?没事了?(?!吧|吗)/.test(text)) continue;
    // "我给电视台打电话了 人家说下礼拜来拍咱小区的邻里节": the press invited to an event, no threat.
    if (r.kind === "escalation" && /(来拍|采访|报道|拍摄)[^。]{0,12}(活动|节|晚会|表演|比赛|风采|好人好事)|邻里节|文艺汇演/.test(text) && !/曝光|投诉|不管|太差/.test(text)) continue;
    // "开玩笑的啦 不会真去找记者的": a threat taken back in the same breath.
    if (r.kind === "escalation" && /开玩笑|不会真(的)?(去|找|打|告)|不是(要|真)(去|要)?(告|找|投诉|曝光)|说说而已/.test(text)) continue;
    // "开关按下去会有一点点火花 正常吗": a tiny spark asked about, nothing burning.
    if ((r.kind === "electrical-smoke" || r.kind === "live-wire") && /(一点点|一点儿|小小的?|一丝丝?)火花/.test(text) && /正常吗|正不正常|要紧吗|有事吗|吗/.test(text) && !/冒烟|焦|烧|着火|起火|烫手/.test(text)) continue;
    // "电梯里能不能贴个困人时的联系电话": what to do when it happens, not that it happened.
    if (r.kind === "trapped" && /^(时(?![间长])|的时候|的话)/.test(text.slice(m.index + m[0].length))) continue;
    // "大家把阳台上的花盆收一收哦 别掉下去砸到人": a neighbourly warning ahead of the wind.
    if ((r.kind === "height" || r.kind === "falling") && /大家|各位|邻居们/.test(text) && /收一收|收一下|收起来|收好|收进|绑好|固定好/.test(text) && /别|不要|以免|免得|防止|小心/.test(text)) continue;
    // "隔壁小区上新闻了 物业被曝光 笑死": another estate's trouble (not "比隔壁小区贵…我会发到网上").
    if (r.kind === "escalation" && /(隔壁|别的|其他|人家|对面)(的)?小区/.test(text) && !/比(隔壁|别的|其他|人家|对面)(的)?小区/.test(text) && !/你们|我们小区|咱们小区|本小区|我们这/.test(text)) continue;
    if ((r.kind === "injury" || r.kind === "fire") && PASSING.test(text)) continue;
    // "每次救护车都进不来怎么办": the worry that a blocked lane would stop an ambulance, nobody hurt now.
    if (r.kind === "injury" && /救护车|消防车|\bambulance\b/i.test(m[0]) && /进不来|进不去|开不进|过不去|堵|挡/.test(text) && !/(人|病人|老人)[^，。]{0,4}(等着|在等)|现在|正在|赶紧|快(点|来|挪)/.test(text)) continue;
    // "客服电话打了十几次都没人接": calls nobody answered — displeasure at the office (grade 2), not
    // complaints ignored time after time.
    if (r.kind === "ignored" && /没人接|没接|不接|占线|打不通/.test(text.slice(m.index, m.index + m[0].length + 3)) && !/没人管|没人理|没处理|没解决|不管(?!用)|不理|石沉大海|没回复|不回复/.test(text)) continue;
    // "马桶水箱一直哗哗流水": a cistern that keeps running, not water on the floor.
    if (r.kind === "flood" && /马桶|水箱/.test(text) && !/地上|满地|漫|淹|到处|溢|客厅|楼下|门外/.test(text)) continue;
    // "管子漏了一个星期了…真浪费": water wasted outdoors for days, not a home flooding now.
    if (r.kind === "flood" && /浪费/.test(text) && !PRESSING.test(text)) continue;
    // "地漏堵了 洗个澡水漫到脚背": a blocked drain backing up in the shower, not a burst.
    if (r.kind === "flood" && /地漏|下水|马桶/.test(text) && /堵|返水|反水|冒上来|倒流/.test(text) && !/客厅|卧室|楼下|满屋|到处|止不住|电|插座|店里|屋里|泡了|淹/.test(text) && !PRESSING.test(text)) continue;
    // "一洗衣服卫生间就淹了": what happens each time, reported to be fixed, not a flood now.
    if (r.kind === "flood" && /(一|每次|只要)(洗|用|冲|开)[^，。]{0,6}就/.test(text) && !/现在|正在|止不住|还在/.test(text)) continue;
    // "插座冒火花了…我已经把总闸拉了": the sender has cut the power; a repair, no longer a danger.
    if (r.kind === "electrical-smoke" && /(已经|已)把?(总闸|电闸|闸|空开|开关)(拉|关)(了|掉|下)/.test(text) && !/还在冒|还冒|着火|起火|烟/.test(text)) continue;
    // "…不知道是不是哪儿的管子爆了": a guess at the cause of what is seen, not a burst seen.
    // (Not when water is seen coming all the same: "是不是水管爆了？水从我家天花板哗哗往下流".)
    if (r.kind === "flood" && /(是不是|会不会|可能是|估计是|怕是)[^，。]{0,6}$/.test(text.slice(Math.max(0, m.index - 10), m.index)) &&
      !PRESSING.test(text) && !r.re.test(text.slice(m.index + m[0].length))) continue;
    // "水龙头关不严 一直哗哗流": a tap that will not close, not water flooding a home.
    if (r.kind === "flood" && /水龙头|龙头/.test(text) && /关不严|关不紧|关不住|关不上|拧不紧/.test(text) && !/满地|淹|漫|到处|溢/.test(text)) continue;
    // "绿化带浸了几天水 草都烂了": a waterlogged lawn, nobody's home or car under water.
    if (r.kind === "flood" && /绿化带|草坪|草地|花坛/.test(text) && !/家|屋|车库|地库|电梯|楼道|大堂|车(?!道)/.test(text)) continue;
    if (r.kind === "flood" && (SWAMPED.test(text) || (NOT_FLOOD.test(text) && /进水/.test(m[0])))) continue;
    if (r.kind === "gas" && NOT_GAS.test(text) && /漏气/.test(m[0])) continue;
    if (r.kind === "escalation" && ASK_FOR.test(text) && !/你们|物业|管理处|告|起诉|再不/.test(text)) continue;
    // "我要打12345表扬你们的刘经理", "真该上新闻表扬一下": praise through the same channels.
    if (r.kind === "escalation" && /^[^，。,]{0,10}(表扬|感谢|夸|点赞|锦旗)/.test(text.slice(m.index + m[0].length))) continue;
    // "上次车位被占的事我打了12345 后来你们处理得蛮好 这回要表扬一下": a past call, told with thanks.
    if (r.kind === "escalation" && PAST.test(text.slice(0, m.index)) && /表扬|感谢|谢谢|处理得(蛮|很|挺|非常|特别)?(好|快|及时)/.test(text.slice(m.index)) && !/再不|又|还是|没人|不管(?!用)/.test(text)) continue;
    // "把我们楼欠费的都列出来，曝光一下": exposing neighbours, not a threat to the office.
    if (r.kind === "escalation" && /欠费|欠钱|没交|老赖/.test(text) && !/你们|物业|管理处/.test(text)) continue;
    if (r.kind === "fire" && m[0] === "着火" && IGNITE.test(before)) continue;
    // "火警演习是哪天" / "fire drill": the danger word names an exercise.
    if (AFTER_EXERCISE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    // "12345热线的号码是多少", "电视台来拍节目是哪天": asking about a channel is no threat.
    if (r.kind === "escalation" && ASKS_ABOUT.test(text) && !ESC_TARGET.test(text)) continue;
    // "我是电视台的记者", "12345那边让我来问物业", "法院寄的快递": a channel named, no threat.
    if (r.kind === "escalation" && (/我是[^，。]{0,4}(记者|电视台|报社)/.test(text) || /12345[^，。]{0,4}(让|叫|说让)我/.test(text) || /(法院|律师)[^，。]{0,3}(寄|的快递|的信|传票|文书|来的)/.test(text))) continue;
    // "邻居说要去法院告我": the sender is the one threatened; "想投诉网购的商家": not the office.
    if (r.kind === "escalation" && (/告我|起诉我|要告我/.test(text) || (/商家|卖家|快递公司|网购|淘宝|京东|拼多多|外卖平台/.test(text) && !/你们|物业|管理处/.test(text)))) continue;
    if (r.kind === "escalation" && /是?(12345|12315)还是(12345|12315)/.test(text)) continue;
    // "要到你们物业办什么手续吗还是只要去房管局就行": which office handles a procedure.
    if (r.kind === "escalation" && /(办|什么|哪些)手续|办理|过户|要带什么|(什么|哪些)材料/.test(text) && !/投诉|曝光|告你|不管(?!用)|没人|再不|举报|反映/.test(text)) continue;
    // "维修基金是交给物业还是房管局": which office, asked; no threat.
    if (r.kind === "escalation" && /还是[^，。]{0,3}(房管局|住建局|住建委|街道办?|城管局|居委会|社区)|(房管局|住建局|住建委|街道办?|城管局|居委会)还是/.test(text) && !/投诉|曝光|告你|不管(?!用)|没人|再不|举报|反映/.test(text)) continue;
    // "之前有电池被偷过": a theft told as past experience.
    if (r.kind === "fight" && ((PAST.test(text.slice(0, m.index)) && !NOW.test(text)) || /^过/.test(text.slice(m.index + m[0].length)))) continue;
    // "群里两个宝妈吵翻了": a row in the chat itself.
    if (r.kind === "fight" && CHAT_ROW.test(text) && !HURT.test(text)) continue;
    // ("是检修还是故障？" does not know it is planned: the outage stands.)
    // ("家里停电了，什么时候来电" asks when it comes back: the cut itself is now, not planned.)
    if (r.planned && (PLANNED.test(text) || (SCHEDULE_Q.test(text) && !CUT_NOW.test(text))) && !/(检修|维修|计划|停电检修)[^，。]{0,3}还是(故障|坏了|出事|跳闸|出问题)/.test(text)) continue;
    // "借个血压计 我家那个没电了": a device's battery, not the home's supply.
    if (r.kind === "outage" && /(那个|这个|的)[^，。]{0,3}没电|借|电池/.test(text) && !/停电|跳闸|全黑|整栋|整个|灯/.test(text)) continue;
    let category = r.category;
    if (r.kind === "outage") {
      // "整栋楼都停了" names no utility: the rest of the message does ("一滴水", "黑了", "灯").
      const what = /电|水|气|黑|power|electric|water|gas|blackout/i.test(m[0]) ? m[0] : text;
      category = /电|黑|灯|power|electric|blackout|lights?\b/i.test(what) ? "electricity" : (/气/.test(what) && !/水/.test(what)) || (/\bgas\b/i.test(what) && !/\bwater\b/i.test(what)) ? "gas" : "water";
    }
    // "楼道里有烟，有股烧焦的味道": a burning smell with nothing electrical named is a fire of unknown
    // cause (LABELS.md: complaint / security), not wiring.
    // "屋里全是烟 好像是电热毯", "抽油烟机…里面的线好像烧了": smoke from wiring or an appliance (LABELS.md).
    // "围墙倒了一段 砸到两辆电动车": what falls names the category when the rule does not.
    if (r.kind === "falling" && category === null && /围墙|外墙|墙砖|瓷砖|墙皮|玻璃|窗户|窗框|吊顶|天花板|雨棚/.test(text) && !/树|电线杆|灯杆|广告牌|招牌|空调|外机|花盆/.test(text)) category = "structure";
    if (r.kind === "live-wire" && category === null) category = /电梯/.test(text) ? "elevator" : "electricity";
    if (r.kind === "fire" && WIRING_OR_APPLIANCE.test(text)) return { kind: "electrical-smoke", intent: "repair", category: "electricity", match: m[0] };
    if (r.kind === "flood" && /漏雨|屋顶|楼顶|房顶|顶楼|天台|露台/.test(text) && !/水管|管子|水箱/.test(text)) return { kind: r.kind, intent: r.intent, category: "structure", match: m[0] };
    if (r.kind === "electrical-smoke" && !ELECTRICAL_THING.test(text.replace(/电话|电视台|电梯/g, ""))) return { kind: "fire", intent: "complaint", category: "security", match: m[0] };
    return { kind: r.kind, intent: r.intent, category, match: m[0] };
  }
  return null;
}

// Second or later report of an unfixed problem.
const REPEAT = /没(调|弄|修|搞)好|又有(味|水|声)|又来报|又(刷|打|用|开|关|冲|点)不|又\s*(坏|停|不|漏|堵|没|卡|出|罢工|是|broken)|第[二三四五六七八九十几2-9]次|(?<!(刷|试|按|摁|点|拧|推|冲|插|打|醒)了?[两三四五六七八九十几好多0-9]*)[两三四五六七八九十几好多]次了|报(修|了)[^，。]{0,3}[两三四五六七八九十几好多][次回遍]|(报|说|反映|讲)过(一|1)?(次|回|趟)|到现在[^，。]{0,2}没人|(上周|上礼拜|昨天|前天|之前|前几天)就(说|报|反映)(了|过)|还没(修|人|来|好|处理|解决)|一直没(人|修|来|处理)|修了又坏|没修好|反复|又开始|又出现|又犯|至今(没|还|仍|未)|一直没(改善|解决|好转)|(打过|反映过|说过|报过|提过|投诉过|找过)[^，。]{0,4}[两三几好多][次回遍趟]|老是坏|总是坏|转发一下|再发一遍|再次反映|再说一遍|\bagain\b|(second|third) time/i;
/** A fault still there ("怎么还在漏", "还是堵的"): a repeat only when said with displeasure. */
const STILL_THERE = /还(在|是)?(漏|滴|堵|坏|不亮|不通|没好|没修)|还是(坏|堵|不亮|不通|没人)/;
// A shared facility out for a unit, a building or many households.
const SHARED = /\banyone can (just )?(walk|come|get) in\b|(大堂|单元门|楼门)[^。]{0,16}(一直开着|打开住|成日打开|开着)|整个楼梯间|那排[^，。]{0,6}(都|全)|单元门[^。]{0,4}(的)?(对讲|门禁)[^。]{0,4}(坏|没反应|失灵)|\bwhole (of )?(building|unit|block)\b|(一排|一整排|整排)[^，。]{0,6}(坏|不亮|充不上|用不了)|坏了一排|我们栋|我们楼的水|一长队|排长队|(朋友|家人|老人|客人)[^，。]{0,4}进不(来|去)|(\d{1,3}|[一二三四五六七八九十]{1,3})(栋|号楼|幢|座)[^，。]{0,6}(水压|水流)[^，。]{0,4}(小|低|弱)|路灯[^，。]{0,4}(全灭|都灭|全黑|全不亮|都不亮)|(地库|车库|单元|楼栋)[^。]{0,8}门[^。]{0,8}(锁坏|关不上|失灵|推不开|打不开)|(好多人|很多人|大家|一堆人)[^，。]{0,3}进不(去|来)|(我们|咱们)[^，。]{0,8}进不(去|来)|(单元门|单元门口|楼门|楼门口)[^。]{0,8}(门禁|门锁)[^。]{0,6}(坏|失灵|打不开|不响|没反应)|(\d{1,2}|[一二三四五六七八九十]{1,3})楼到(\d{1,2}|[一二三四五六七八九十]{1,3})楼[^，。]{0,4}(都|全)|(对门|邻居|隔壁|楼上|楼下)(也|都)一样|也一样|整个单元|整栋|全楼|大家都|好几家|好几户|都进不去|都出不去|进不了楼|一串车|车都出不去|(两|所有|几)(部|台)电梯|电梯都|全(都)?不亮|整个楼道|高层都|都一样|不光我家|好多人家|(我家|我们家|俺家|咱家)也[^，。]{0,3}(停|没)(水|电|气)|车都(堵|排|进不来)|排了?(好多|一长串|长队|一串)[^，。]{0,2}车|(外卖|快递|客人|访客|人)[^，。]{0,3}都?(进|上)不来|大家(只能|都得|只好|得)|整个小区都|整条(走廊|楼道)|\b(lobby|entrance|building|main|front) door\b[^.]{0,20}\b(won'?t|doesn'?t|can'?t|cannot) (lock|close|shut)|好多都|车随便进|(闸|道闸|大门|出口|车库|闸口)[^。]{0,8}(卡住|坏|不动)[^。]{0,8}(出不(到)?去|进不(到)?来)|整排|好多人[^，。]{0,4}(等|排队)|车[^，。]{0,2}(进不来|出不去)|(楼上楼下|左邻右舍|邻居们?|大家)都(说)?(没|停)(水|电|气)|谁都能进|外人随便进|谁的卡都|刷谁的卡都|(单元门|楼门|大堂|自动门|门厅)[^。]{0,20}(锁坏|锁不上|关不上|关不紧|合不上|打不开|敞着|大敞|敞开)/;
// A lift out of service: a shared facility out for the whole unit (LABELS.md conventions), not a minor fault.
const LIFT_OUT = /电梯[^。，]{0,10}(就|都)停了|电梯[^。]{0,20}(一直停在|停在[^，。]{0,4}不动|按了?都?没反应)|电梯[^，。]{0,6}(按了?)?(没反应|不动了|不走了)|\b(lift|elevator)\b[^.]{0,20}\bdoors? (won'?t|don'?t|can'?t|doesn'?t) close\b|电梯门[^，。]{0,8}(关不上|合不上)|电梯[^，。]{0,10}(停在|卡在)[^，。]{0,6}不动|电梯(又|也|都|全|已经|突然|一直|今天|现在|怎么|直接)?(停运|停了|停用|坏了|不动|不走|用不了|不能用|不能坐|坐不了|罢工|趴窝|不运行|停梯)|电梯[^，。]{0,6}停运|(用|坐)不(了|到)(?!多久)|不能(用|坐)了|(lift|elevator)[^.]{0,20}(out of (service|order)|broken|not working|\bdown\b|dead|stopped|(has been|is|been) out\b)/i;
// A complaint aimed at the property office itself, its staff or services.
const AT_OFFICE = /物业公司|停车费|没人管|你们(也|都)?不管(?!用)|保安|保洁|清洁(工|阿姨|阿姐|大姐|人员)|怎么管(的|理)|客服|管家|门岗|门卫|前台|物业(真|也|就|根本|不|收|太|怎么|都|一点|是|什么|到底|的服务|这)|你们(到底|是|怎么|就|根本|一点|管不管(?!用))|服务|收钱|物业费|管理费|涨价|涨费|(维修|修)[^，。]{0,4}师傅|效率|态度|不作为|没人收|没人打扫|不打扫|多久没|物业的(车|人|员工)|水泵|泵房|配电房|机房|风机房|物业管不管(?!用)|物业不管(?!用)|吹叶机|割草机|清扫车|没人倒|清运|垃圾站|垃圾房|(从来|一直|根本)没人(清|扫)|扫雪|铲雪|没人铲|取暖费|暖气费|供暖费|\bcleaners?\b/i;

const OFFICE_CATEGORIES: ReadonlySet<Category> = new Set(["staff", "elevator", "access", "electricity", "water", "gas", "structure", "facility", "greenery"]);

// Plain displeasure at a repeated fault ("修的人到底会不会修"): LABELS.md makes that a complaint.
const ANNOYED = /怎么还|生气|天天说|(一个|几个|两个)(星期|礼拜|月)了|都[几两三四五六七八九十]天了|到现在(都|还)?没人|一直没人(来|管|理|看)|(你们)?[^，。]{0,4}的人呢|人都去哪了|干(什么|啥|嘛)吃的|吃干饭|(找|叫)你们(经理|领导)|每次都不(通知|说)|至今没人|到底|什么效率|呵呵|什么服务|太过分|气死|服了|无语|糊弄|放鸽子|还好意思|会不会修|能不能修好|修不好|像话|搞什么|有没有人管|没人管|没人理|凭什么|差劲|敷衍|靠不靠谱|白花|白交|上点心|上点儿心|\b(unacceptable|ridiculous|useless)\b/i;
/** A repair report that says the fault came back or was reported before, with displeasure. */
export function repeatWithDispleasure(text: string): boolean {
  return (REPEAT.test(text) || STILL_THERE.test(text)) && ANNOYED.test(text);
}

/** Urgency-2 conventions for repairs and complaints (urgency 1 is decided by safetySignal). */
export function isUrgency2(text: string, intent: Intent, category: Category | null): boolean {
  if (intent !== "repair" && intent !== "complaint") return false;
  if (REPEAT.test(text)) return true;
  if (intent === "repair") return (SHARED.test(text) && !HOME_DOOR.test(text)) || (category === "elevator" && LIFT_OUT.test(text));
  // Shared things the office maintains (lifts, doors, lights, pipes, walls, gear, greenery) and its
  // staff: a complaint about them is a complaint about the office's service.
  if (category !== null && OFFICE_CATEGORIES.has(category)) return true;
  // Complaints about neighbours (noise, pets, decoration) stay routine unless aimed at the office.
  return AT_OFFICE.test(text);
}

/** Chit-chat markers that argue against opening a ticket from an unmentioned group message. */
export const BANTER = /拿错(了)?(我的|我家的)?快递|快递[^。]{0,6}(拿错|被拿错)|谁拿(错|了)我的|(小区里|群里)有人有[^。]{0,10}(吗|\?|？)|有没有人有[^。]{0,10}(吗|\?|？)|你的[^，。]{0,8}(落|忘)[^，。]{0,8}了[^。]{0,12}(我放|放在|交给)|我(帮你)?放[^，。]{0,10}(上面|那里|门卫|前台)了|谁(家|的)[^，。]{0,10}(落在|忘在|丢在|忘拿|丢的|掉的|掉在|落下)|(捡到|交到|交给)[^，。]{0,6}(物业|前台|保安|门卫|失物)|哈哈|呵呵哈|笑死|笑哭|😂|🤣|\b(lol|lmao|haha+)\b|太惨了|心疼|羡慕|求推荐|推荐一下|xswl|绝绝子|团购|拼团|接龙|出闲置|转让|寻狗|寻猫|寻物|捡到|谁要|有没有人一起|早上好|晚安|新年快乐|可爱|好看|买一送一|半价|特价|手慢无|冲啊|上新|开业大吉|\[图片\]|\[动画表情\]/i;

/** Someone damaged a car or a bike: a security complaint, not a repair or a parking matter. */
const VANDALISED = /^(?![^]*(监控|摄像头|探头|\bcctv\b))[^]*?((车|后视镜|车门|轮胎|车窗|车漆)[^，。]{0,4}(被人|被)[^，。]{0,3}(掰|刮|划|砸|扎|撬|偷|戳)|\b(keyed|vandali[sz]ed)\b|\b(someone|somebody)\b[^.]{0,20}\b(scratched|smashed|slashed)\b)/i;

/** Strong category words: added to the category model's probabilities, so the model decides close calls. */
/** A home's own entrance door ("入户门", "防盗门", "家门"): the flat's structure, not a shared door. */
const HOME_DOOR = /入户门|防盗门|家门(?!口)|我家(的)?(大)?门(?!口)|\b(my|our) (apartment |flat )?(front )?door\b(?! of (the )?building)/i;
const CATEGORY_PRIORS: ReadonlyArray<readonly [RegExp, Category, number]> = [
  [new RegExp(`(${HOME_DOOR.source})[^。]{0,10}(锁|门框|关不|打不开|合不上|\\block|jammed)`, "i"), "structure", 0.5],
  [/门把手|门吸|门框|门锁|锁芯|防盗门|入户门|房门|卧室门|推拉门|窗户|窗框|飘窗|纱窗|玻璃|墙皮|墙面|墙壁|裂缝|开裂|天花板|吊顶|屋顶|楼顶|外墙|瓷砖|地板|防水|渗水|\b(window|wall|ceiling(?! (light|lamp|fan))|roof|glass|crack(ed)?|door handle)\b/i, "structure", 0.25],
  [/(屋顶|楼顶|房顶|顶楼|外墙|roof)(?![^，。]{0,6}(水管|管子|管道|水箱))[^，。]{0,10}(漏|渗)|漏雨|渗雨|楼顶防水|(下|一下)(大|暴)?雨[^，。]{0,6}(渗|漏|滴|往下)|\b(roof|ceiling)\b[^.]{0,12}leak|\b(damp|mould|mold|rain)\b/i, "structure", 0.4],
  [/(暖气|暖器|地暖)[^，。]{0,6}(漏|滴|爆|渗|冒水)/, "water", 0.5],
  [/(窗|窗户|窗扇)[^，。]{0,4}(合页|铰链|把手|滑轮|密封条)|(合页|铰链)[^，。]{0,6}窗/, "structure", 0.4],
  [/滑梯|秋千|跷跷板|健身器材|儿童乐园|游乐设施|游乐场|沙池/, "facility", 0.3],
  [/雨水管|落水管|排水管/, "water", 0.4],
  [/(管子|水管|管道)[^，。]{0,4}(裂|爆|破)[^。]{0,10}(水|滋|喷)/, "water", 0.5],
  [/打药|农药|杀虫药|喷药/, "greenery", 0.5],
  [/装修垃圾|建筑垃圾|装修的垃圾/, "decoration", 1.0],
  // A named smell source: paint or formaldehyde is the neighbours' renovation; disinfectant the cleaning.
  [/油漆味|刷墙|甲醛|装修味|胶水味|\bpaint (smell|fumes)\b/i, "decoration", 0.9],
  [/消毒水|消毒液|84消毒|\bdisinfectant\b/i, "sanitation", 0.7],
  // Litter and dirt in a lift are the cleaning's, not the lift's ("电梯里小广告贴满了", "按钮上全是口香糖").
  [/^(?![^]*(着火|点着|起火|烧着|猫|狗|宠物))[^]*?((电梯|墙|楼道|门上|按钮)[^。]{0,8}(小广告|牛皮癣)|(小广告|牛皮癣)[^。]{0,6}(贴|满|撕)|口香糖|烟头|痰|呕吐|尿(?!布)|\b(flyers?|chewing gum|vomit|urine)\b)/i, "sanitation", 0.5],
  // Belongings piled in a stairwell or blocking a fire escape: a safety hazard.
  [/^(?![^]*(车|宝马|奔驰|大众))[^]*?((堆|放|摆|占)[^。]{0,20}(消防通道|安全通道|逃生通道)|(消防通道|安全通道|逃生通道)[^。]{0,10}(堵|占|不通))/, "security", 0.6],
  // Damage to a car or a bike by someone: security, not parking.
  [VANDALISED, "security", 1.0],
  [/激光笔|偷快递|快递被(偷|拿)|\bstealing\b|\blaser\b/i, "security", 0.5],
  [/快递柜|减速带|\bparcel lockers?\b/i, "facility", 0.4],
  [/(门口|人行道|广场)[^。]{0,4}(地砖|砖)[^。]{0,4}(翘|松|碎|坏)/, "facility", 0.4],
  // A handrail or railing in the stairwell is the building's.
  [/扶手|栏杆/, "structure", 0.4],
  [/^(?![^]*装修)[^]*?((电梯|轿厢|楼道|楼梯间)[^。]{0,6}(有人)?(抽烟|吸烟))|(电梯|轿厢)[^。]{0,8}(小广告|牛皮癣|口香糖)/, "sanitation", 0.6],
  [/鹦鹉|八哥|公鸡|\b(parrot|rooster|bird)s?\b/i, "pets", 0.5],
  // Poultry or pigeons kept by a neighbour, and their droppings: animals, not the building.
  [/养[^。]{0,8}(鸡|鸭|鹅|鸽子|兔子)|鸡屎|鸽子屎|鸡粪|鸽粪/, "pets", 1.2],
  // People making the noise (a voice, music, engines revved for show): the neighbours' noise.
  [/嗓门|大声(喧哗|唱|说话|放|嚷)|开直播|搞直播|轰油门|炸街|唱歌|K歌|唱K|广场舞|音响|外放|吵架|喧哗/, "noise", 1.0],
  // Passed from one to the other: how the office handles a request.
  [/推来推去|踢皮球|推诿|互相推|推给(我们|业主|热力|物业)/, "staff", 1.2],
  // Heating has no category of its own. Hot water circulates in it, and three of the four holdout
  // authors who met it (fresh3, fresh4, fresh31; not fresh25) file a radiator that is not warm under
  // water, as a leaking one: water.
  [/(暖气|暖器|地暖|供暖|暖气片|散热器|\b(heating|radiators?)\b)/i, "water", 0.6],
  [/扫雪|铲雪|除雪|积雪|(冰|雪)[^，。]{0,4}没人(铲|扫|清)/, "sanitation", 0.6],
  // Ice and snow to clear: the cleaning service (sanitation), wherever it lies.
  // (Not the noise of clearing it: "清雪车早上五点就轰轰的" is noise.)
  [/^(?![^]*(轰|吵|噪音|声音))[^]*?(结冰|全是冰|撒(点)?(盐|融雪剂)|融雪剂|(雪|冰)[^。]{0,12}(清|扫|铲)|(清|扫|铲)[^。]{0,8}(雪|冰))/, "sanitation", 0.8],
  [/宽带|网络|光纤|\bwi-?fi\b|\binternet\b/i, "other", 0.6],
  // "停水这么久也不在群里说一声": how the office tells residents, not the supply itself.
  [/(不|没)[^。]{0,6}(提前)?(通知|说一声|告知|打招呼)|通知[^。]{0,6}(及时|不及时|晚了|太晚)/, "other", 0.6],
  [/催费|催缴|催[^，。]{0,3}(物业费|管理费|交费|缴费)/, "staff", 0.6],
  [/垃圾桶|垃圾箱|\b(bins?|dumpster)\b/i, "sanitation", 0.5],
  [/油烟|烧烤[^，。]{0,4}(烟|味)/, "sanitation", 0.4],
  [/(蚊|老鼠|蟑螂|苍蝇|虫子|蚂蚁|白蚁)[^。]{0,30}(喷(点|个)?药|打(个|点)?药|灭|消杀|杀虫)/, "sanitation", 0.8],
  [/楼板[^，。]{0,4}(渗|漏)|(游泳池|泳池)/, "structure", 0.3],
  [/不是漏气|没漏气|没有漏气|不是燃气|不是煤气/, "sanitation", 0.8],
  [/公示|公共收益|广告收益|收益|账目|维修基金|月饼|福利/, "other", 0.5],
  [/老鼠|蟑螂|白蚁|跳蚤|臭虫|苍蝇/, "sanitation", 0.3],
  [/停气|断气(?![吧啊])|没气了/, "gas", 0.4],
  [/没了?(煤气|燃气|天然气)|没有(煤气|燃气|天然气)|(煤气|燃气|天然气)[^。]{0,4}(没了|停了)/, "gas", 0.5],
  [/(水管|管子)[^。]{0,6}(坏|裂|爆)[^。]{0,8}(喷水|冒水|滋水)/, "water", 0.8],
  // "停电也不提前通知": a power cut, whatever the sentence shares with the water-cut complaints.
  [/(?<!停水[^。]{0,6})(停电|断电)(?![^。]{0,6}(停水|断水))/, "electricity", 0.8],
  [/大坑|坑洼|路面(破|坏|塌|裂)|信报箱|信箱|快递柜|健身器材|健身器|滑梯|秋千|跷跷板|长椅|座椅|凉亭|消防栓|消火栓|灭火器|应急灯|烟感|喷淋|减速带|井盖|摄像头|\b(playground|bench|mailbox|parcel locker|fire extinguisher|cctv)\b/i, "facility", 0.2],
  [/电梯(里|里面|内|轿厢)?的?(灯|按钮|按键|风扇|通风|空调|显示屏|门)|\b(lift|elevator) (button|door|light|fan)s?\b/i, "elevator", 0.2],
  [/水管|水龙头|马桶|下水|地漏|(?<!(楼顶|屋顶|房顶|顶楼|外墙|墙体?))漏水|暗管|冷凝水|堵了|堵塞|水压|热水|停水|没水|水表|花洒|\b(pipe|tap|faucet|toilet|sink|drain|leak(ing)?)\b/i, "water", 0.2],
  [/插座|灯|电闸|跳闸|空开|停电|没电|电线|开关|电表|排风扇|排气扇|\b(socket|light|power|fuse|switch|fan|extractor|bulb|lamp)s?\b/i, "electricity", 0.2],
  [/燃气|煤气|天然气|\bgas\b/i, "gas", 0.3],
  [/电梯(?!厅|间|口|前室)|货梯|客梯|\b(lift|elevator)\b(?! (lobby|hall|landing))/i, "elevator", 0.3],
  [/(单元|楼下|楼栋|小区|楼道|[0-9]+单元[^，。]{0,3})大门|谁都能进|外人随便进/, "access", 0.25],
  [/道闸|门禁|对讲|门铃|闸机|人脸识别|刷卡|刷脸|单元门|\b(intercom|access card|gate)\b/i, "access", 0.2],
  [/车位|停车|充电桩|电动车|电瓶车|\b(parking|car park|charger)\b/i, "parking", 0.2],
  [/装修|电钻|砸墙|施工|\b(renovation|drilling|hammering)\b/i, "decoration", 0.25],
  [/狗|猫|宠物|鹦鹉|吠|金毛|泰迪|哈士奇|二哈|柯基|拉布拉多|比熊|柴犬|边牧|萨摩|阿拉斯加|\b(dog|cat|pet)s?\b/i, "pets", 0.2],
  // A lane or fire passage blocked by cars is a parking matter, even when fire is the worry.
  [/(消防通道|消防车道|通道|路口|人行道)[^，。]{0,6}(停满|停了|停着|被占|堵)[^，。]{0,3}车|停满[^，。]{0,3}车/, "parking", 0.4],
  [/(洗手盆|面盆|水槽|洗菜池|马桶|水龙头|热水器|角阀)[^，。]{0,6}(下面|底下)?[^，。]{0,4}(渗|漏|滴)/, "water", 0.4],
  [/(天花板|顶上|吊顶)[^，。]{0,8}(水印|水渍|水迹|黄印|发霉)(?![^。]{0,10}(水管|管子))/, "structure", 0.5],
  // How loud it is, whoever makes it ("割草机声音特别大"): noise.
  [/(声音|噪音|动静)[^，。]{0,4}(特别|很|太|超|老)?大|吵醒|吵得[^，。]{0,4}(睡不着|没法)/, "noise", 0.3],
  [/割草机|吹叶机|修剪机|\b(mower|leaf blower)s?\b/i, "noise", 0.4],
  [/(大堂|单元|楼门|门厅|lobby)[^，。]{0,3}(自动门|感应门|\bdoor\b)/i, "access", 0.5],
  [/装修(申请|审批|许可|手续)/, "other", 0.5],
  // The office's phone nobody answers: its staff.
  [/(值班)?电话[^，。]{0,8}(打不通|没人接|形同虚设)|值班电话/, "staff", 0.4],
  // Seepage blamed on waterproofing: the building (LABELS.md: seepage through walls or roofs).
  [/防水(层)?[^，。]{0,4}(坏|问题|没做好|破|失效|不行)/, "structure", 0.5],
  // An air-conditioner bracket working loose: the building's outside, not water.
  [/(空调)?外机[^，。]{0,4}(架|支架)|空调架/, "structure", 0.5],
  // Fire equipment is a facility (LABELS.md), however electrical it sounds: smoke alarms, exit signs.
  [/防火门|烟感|烟雾报警|烟雾探测|应急(指示)?灯|疏散指示|安全出口(指示|标志|灯)|消防(栓|箱|水带|喷淋)|\b(smoke (alarm|detector)|exit sign|emergency light)s?\b/i, "facility", 0.5],
  // A perimeter fence keeps strangers out: security.
  [/围墙|围栏|电子围栏|栅栏|周界|\b(perimeter )?fence\b/i, "security", 0.3],
  // Wasps, bees and other pests: sanitation (LABELS.md), wherever the nest hangs.
  [/马蜂|蜂窝|蜂巢|胡蜂|黄蜂|白蚁|\b(wasps?|hornets?|bees?)('?s)? nest\b|\bwasps?\b/i, "sanitation", 0.5],
  // CCTV is a facility wherever it hangs (a car park camera is not parking).
  [/(监控|摄像头|探头)[^，。]{0,8}(坏|不亮|黑屏|没用|调不了|看不到|不能用|歪)|\bcctv\b/i, "facility", 0.8],
  // A smell coming up a drain that is not blocked: sanitation (LABELS.md: a smell on its own).
  [/(没堵|不堵|下水(挺|很)?(快|顺)|水下得?(挺|很)?(快|顺))[^。]{0,16}(臭|味)|(返|反|冒|往上)[^，。]{0,3}(臭|异味|臭味)(?![^。]{0,10}(堵|漏))/, "sanitation", 0.5],
  // A balcony drying rack is a household fitting, not the building's structure.
  [/晾衣架|晾衣杆|升降衣架/, "other", 0.9],
  // The sound itself: a machine or a truck that bangs is noise, whatever it is for.
  [/轰轰|哐哐|咣咣|砰砰|咚咚|哐当|叮叮当当/, "noise", 0.3],
  // A barking dog is the pet's problem, however loud (LABELS.md conventions): more than the noise words.
  // (An animal's noise is the pet's: LABELS.md puts barking under pets, not noise.)
  [/(狗|犬|猫|金毛|泰迪|哈士奇|二哈|柯基|拉布拉多|比熊|柴犬|边牧|萨摩|阿拉斯加)[^，。]{0,8}(叫|嚎|吠|咬|拉屎|尿)/, "pets", 0.45],
  [/吵|噪音|噪声|喧哗|音响|唱k|嗡嗡|轰鸣|轰隆|震天响|\b(noise|noisy|loud|humming|banging)\b/i, "noise", 0.15],
  [/垃圾|蟑螂|老鼠|苍蝇|蚊子|臭|异味|脏|打扫|扫一下|清扫|清理一下|保洁|消杀|烟味|油烟|抽烟|\b(filthy|mop(ped)?|cleaners?)\b|\b(rubbish|garbage|trash|cockroach(es)?|rats?|smell|stinks?|dirty)\b/i, "sanitation", 0.2],
  [/保安|门卫|门岗|客服|前台|管家|态度|职员|\b(guard|staff|rude)\b/i, "staff", 0.15],
  [/阴阳怪气|翻白眼|爱答不理|不耐烦|骂人|骂我|吼|凶巴巴|冲我|嚷嚷|没素质|什么素质|不礼貌|没礼貌|甩脸|\b(yell(ed|s)?|shout(ed|s)?|swore|rude)\b/i, "staff", 0.2],
  [/树|草坪|草地|绿化|花坛|灌木|修剪|割草|除草|剪草|\b(tree|lawn|grass)\b/i, "greenery", 0.2],
  [/小偷|被偷|陌生人|推销|打架|撬|监控没|\b(stranger|theft|stolen)\b/i, "security", 0.15],
  [/被偷|偷走|被盗|\b(stolen|theft)\b/i, "security", 0.2],
];

// Intent cues that hold across styles: added to the intent model's probabilities so that strong
// words decide close calls the model leaves open (long voice run-ons, Cantonese, rare phrasing).
const FEE_WORDS = /需不需要付费|要不要(付费|收费|钱)|收不收(费|钱)|要(收)?钱吗|另外收费|额外收费|物业费|管理费|停车费|车位费|取暖费|供暖费|暖气费|月租|水费|电费|燃气费|欠费|交现金|现金交|缴费|交费|滞纳金|押金|发票|专票|开票|收据|账单|充值|多扣|扣费|退费|(扣了|扣款|扣钱|付款|支付|交钱|付钱|缴)[^。]{0,10}(失败|没成功|不成功|扣了两|两遍|两次|重复)|\b(service charges?|management fees?|parking fees?|property fees?|invoice|receipt|bills?|billed|overcharged|refund|deposit|arrears|charged twice|payment (failed|didn'?t go through)|outstanding balance|unpaid|what do i owe|how much do i owe|my balance)\b/i;
const FEE_VALUE = /憋屈|交的(真)?冤|真冤|太冤|就干这|收钱(的时候)?(倒)?(挺|很|可)?积极|(在)?管(些)?什么|干(什么|啥|嘛)吃的|冤枉|交得冤|冤大头|不值|白交|服务|不作为|不管(?!用)|不办事|啥都不|什么都不|凭什么收|值吗|配吗|钱(都)?花(到)?哪|交钱干(嘛|什么)|干嘛的|图什么|也不(重新)?(画|修|管|弄|处理|打扫|清理)|\b(why (do )?i pay|what am i paying (for)?|not fair|waste of money|paying for nothing)\b|\bwe pay\b[^.]{0,40}\b(and|but|yet)\b[^.]{0,40}\b(hasn'?t|haven'?t|isn'?t|aren'?t|never|not|still|no one|nobody)\b/i;
const EARLIER_REPORT = /(我|我们)(已经)?报过|报过的|报的[^。]{0,16}(啥时候|什么时候|几时|几点|能来|来不来)|我(提交|交)的[^。]{0,10}申请|审核结果|(昨天|昨晚|前天|前晚|今早|上周|上礼拜|上午|早上|之前|上次|刚才|刚刚|前几天|前两天|周[一二三四五六日])[^，。]{0,4}(报的|报了|报过|反映的|反映过|说的|说过|讲过|讲的|报修的|登记的|提交的|提的|提过|投诉的|你们说|说好|说要)|我报(的|嘅)|我报修(了|的|过)|工单|单号|\b(I reported|reported it|my (repair|request|ticket))\b/i;
const ASKS = /吗|\?|？|有没|了没|没有[^，。]{0,2}$|什么时候|啥辰光|几时|几点|成点|点样|多久|进度|到哪|怎么样|跟进|安排|能来|\b(any update|when|still)\b/i;
/** "顺便问下", "另外", "by the way": the message turns to something else. */
export const PIVOT = /顺便(问下|问一下|说一下|说下|提一下)?|另外还有|by the way|\bbtw\b/i;
const PEST_CONTROL = /(蚊子|老鼠|蟑螂|苍蝇|虫子|蚂蚁|白蚁)[^。]{0,30}(喷(点|个)?药|打(个|点)?药|灭(一下)?|消杀|杀虫)/;
// "周一报的下水堵了，想问下师傅今天几点能来": when the visit for an earlier report will happen.
const WHEN_COMING = /(几点|什么时候|啥时候|啥辰光|几时|哪天|多久|今天|明天|上午|下午|晚上)[^，。]{0,4}(能|会|可以)?(来|到|上门|过来)/;
// "麻烦让师傅检查检查": a visit asked for is a repair, whatever the model made of the story before it.
const ASKS_FOR_VISIT = /(麻烦|请|让|派|找)[^，。]{0,4}(师傅|人)[^，。]{0,4}(检查|看看|看一下|来看|上门看|修一下|修修|处理一下)/;
const DISPLEASURE = /到现在[^，。]{0,6}(都没|也没|连个)|弄丢了|还没人|都没人|没人管|没人理|到底|什么效率|效率(太|真|也太)?(低|差|慢)|呵呵|什么服务|太过分|气死|服了|无语|糊弄|拖|放鸽子|鸽了|人影|几次了|多少次|投诉你们|差劲|(就|都|也)不管了|不管了吗|登记完就/;
const FAULT = /(家里|我家|屋里|房间|家)[^，。?？]{0,4}(停电|没电|断电|停水|没水|断水|没有水|没有电)了|跳闸|老是跳|一开[^，。]{0,6}就跳|漏水|滴水|渗水|堵了|堵住|不亮|不出水|没反应|打不着|坏了|坏掉|失灵|关不上|打不开|不通|黑屏|离线|\b(broken|leak(ing|s)?|blocked|clogged|not working|doesn't work|won't (open|close|lock|start|light))\b/i;

// A question about a planned outage or works ("周六停水是全小区还是…", "明天几点停电").
const SCHEDULE_Q = /(明天|后天|周[一二三四五六日末]|星期[一二三四五六日天]|下周|今晚|几点)[^。]{0,10}(停水|停电|停气|检修|维保|消杀|演练)[^。]{0,12}(吗|\?|？|还是|几点|多久|哪)|(停水|停电|停气|检修|维保|消杀|演练)[^。]{0,8}(几点|多久|哪几|哪些|还是|是不是|哪天|什么时候)/;

// A plain question to the office: "想问下…怎么用", "Is the fire alarm test tomorrow?", "Was it planned?".
const PLAIN_QUESTION = /能(喝|用|吃)(吗|不)|(几点|什么时候)(关门|开门|下班|上班)|出(了)?什么事(了|情)?(吗|啊|呀|\?|？)|(想问|请问|问一下|问下)[^。]{0,24}(怎么|吗|哪|什么|多少|有没有|能不能|是不是|多久|多长时间)|(多久|多长时间|隔多久)[^。]{0,6}(检查|清洗|维保|检测|巡检|消毒|保养)[^。]{0,2}一次|后来[^。]{0,10}(查|弄|搞)(出来|清楚|明白)[^。]{0,10}(吗|了没|没有)|\b(test|drill|planned|scheduled|maintenance|practice)\b[^.?]{0,40}\?/i;

/** Any word of a fault, a nuisance, a place the office keeps or the office itself: a short unmentioned
 * group message with none of them ("换就换呗 反正也不看") is talk between neighbours, whatever the model makes of it. */
export const PROBLEM_WORD = /哪家|半夜|凌晨|深夜|被人|绿化|种菜|花坛|坏|漏|堵|断|晃|松|歪|破|锈|翘|鼓|渗|滴|冒|卡|慢|冷|热|冻|霉|潮|湿|黑|挤|堆|不亮|不通|不灵|不动|不开|不关|打不|停|没水|没电|没气|吵|噪|闹|响|臭|脏|乱|占|挡|偷|撬|烟|火|味|裂|掉|塌|淹|积水|蚊|老鼠|蟑螂|虫|垃圾|粪|狗|猫|车|装修|电钻|砸|物业|保安|保洁|管家|前台|客服|师傅|投诉|修|问题|危险|隐患|差|怎么回事|什么情况|谁家|管管|凭什么|收费|电梯|门|灯|水|电|气|墙|窗|树|草|路|井|网|监控|\b(broken|leak\w*|noise|noisy|dirty|smell\w*|lift|elevator|gate|door|light|water|power|parking|car|dog|rubbish|trash)\b/i;

/** Unmentioned group talk that evaluates, advises or tells a finished story: neighbours talking to
 * each other ("钢琴弹得真好听", "下雨了 衣服快收", "还好后来劝住了"), not a request to the office. */
export const NEIGHBOUR_TALK = /^(忍忍吧|忍一忍|忍一下吧?|习惯就好|没办法的事|体谅一下|互相理解)|(可以|能|欢迎)(来|到)[^，。]{0,8}(接|拿|借|用|充)(点|些|一下)?(水|电|东西)?|^你(才|家才)|你们看(了|到)没|听说了(吗|没)|(邻居们?|大家|各位)[^，。]{0,8}(记得|别忘了|提前)|谁有(多的|多余的|闲置的?)|借我[^，。]{0,4}(用|刷|使)|堆雪人|打雪仗|有没有(楼友|邻居)[^。]{0,3}知道|(哪位|各位)(邻居|楼友)[^。]{0,4}知道|谁看见了?[^。]{0,8}(喊|叫|告诉|让)(他|她)|^(楼上|楼下|隔壁|对门|对面)的?[\s,，]+(你|你们|你家)|不(跟|和)你吵|懒得(跟|和)你|你说得都对|(大家|各位|邻居们)[^。]{0,12}(在哪|哪里|哪儿|去哪)(换|买|修|办|弄)|有本事[^，。]{0,3}(上来|下来|当面)|关你(什么|啥|屁)事|挺(快|及时|负责|靠谱)的|(好听|好吃|好美|真好|真棒|不错|挺好|漂亮|厉害|佩服|活跃|热闹|开心|幸福|舒服)(?![^，。]{0,2}(吗|\?))|(衣服|被子)[^，。]{0,3}(快收|收了)|还好[^，。]{0,6}(后来|已经|没事|劝住|走了)|劝住了|劝开了|\b(so (nice|lovely|lively|active)|love (it|this))\b/i;

// "态度真的很差", "挂我电话": how they were treated is the point, whatever they had asked about.
const BAD_ATTITUDE = /态度[^，。]{0,4}(差|恶劣|不好|太烂)|挂(了)?我(的)?电话|(骂|吼|凶)(了)?我|\brude\b/i;
// A named member of staff and how they behaved: a complaint about staff, whatever else is mentioned.
const STAFF_WHO = /收[^，。]{0,4}费的(那个)?(人|小姑娘|阿姨|大姐|小伙)|督导|管理员|巡逻员|救生员|收费的|工程部|值班|穿工服|穿制服|你们的人|物业的人|保安|门卫|门岗|客服|前台|管家|师傅|维修工|保洁|经理|工作人员|小姑娘|服务台|\b(guard|receptionist|staff|manager|gatekeeper|cleaner|technician)\b/i;
const CONDUCT = /\bsmok(es|ing)\b|凶得很|好凶|很凶|太凶|凶巴巴|(电话|手机)[^，。]{0,3}(关机|打不通|不接)(?![^。]{0,8}(换人|是谁|换了))|踩得[^。]{0,4}(脏|泥)|弄得[^。]{0,4}(脏|一地)|顶嘴|骂|对骂|公开[^。]{0,8}(信息|车牌|电话|手机号)|(把|将)[^。]{0,6}(手机号|电话|信息)[^。]{0,4}给|爱住不住|白眼|盘问|工牌|辛苦费|复制粘贴|踢皮球|推来推去|搞不清楚|培训好|朋友圈|代购|发广告|不在单子上|(回复|回)[^，。]{0,4}(永远|总是)|已读不回|leaves? me on read|不戴|(说话|讲话)[^，。]{0,2}(太|很|特别)?冲|(语气|口气)[^，。]{0,2}(太|很|特别)?(差|冲|不好)|收了[^，。]{0,8}(钱|红包)|中饱私囊|私收|私自收|不收拾|抽烟|不穿鞋套|不戴鞋套|鞋套也不|弄得[^，。]{0,6}(脏|泥|一地)|好处费|红包|回扣|索要|不给(开)?收据|(?<!很|挺|特别|非常)态度(?!(很|挺|特别|非常)?(好|诚恳|热情|耐心|不错))|阴阳怪气|翻白眼|爱答不理|不耐烦|骂人|骂我|吼|凶巴巴|冲我|嚷嚷|没素质|什么素质|不礼貌|没礼貌|冷漠|甩脸|\b(rude|yell(ed|s)?|shout(ed|s)?|swore)\b/i;

// "消防通道被车堵了": a lane blocked by a vehicle is a parking complaint, not a blocked drain.
const VEHICLE_BLOCK = /(车|三轮|货车|面包车|轿车)[^，。]{0,4}(堵|挡)|(堵|挡)[^，。]{0,3}(车|了车)|\b(car|van|truck|scooter)s?\b[^.]{0,20}\bblock/i;
// Thanks for a job done well ("那次你们处理得挺快的 谢谢"): praise, even when the job names a fault.
const HANDLED_WELL = /(\d+|[一二三四五六七八九十几]+)分钟[^，。]{0,4}就(到|来)|(昨天|前天|早上|上午)[^，。]{0,8}(反映|报|说)的[^，。]{0,8}(今天|下午|当天)就|(\d+|[一二三四五六七八九十几]+)分钟就(有人)?(来|到|修好|回)|(回|回复|回消息)[^，。]{0,2}(好快|超快|真快|秒回)|(处理|修|办|来|赶|解决|弄|到)得(很|挺|真|特别|非常|蛮|相当)?(快|及时|好|到位|利索|迅速)|(很|挺|真|特别|非常)(及时|给力|靠谱|专业)|效率(很|挺|真|特别|非常)?(高|快)|\b(so (quickly|fast|promptly)|quick (response|fix)|in no time|same day)\b/i;
const NOT_NOTIFIED = /(停|断)[^。]{0,12}(一个|连个|一点)通知都(没|不)|提前说一声会死|(停水|停电|停气|断水|断电|施工|检修)[^。]{0,8}(也|都|又|怎么|为什么|凭什么)?(不|没)(有)?(提前)?(通知|说一声|告知|打招呼|贴(个)?通知)/;
// Rules and procedures asked about: permits, formalities, what must be registered.
const PROCEDURE = /补(一|1)?张[^。]{0,6}(多少钱|要钱|收费)|(选举|投票)[^。]{0,12}(哪天|几号|在哪|怎么)|(业委会|业主大会)[^。]{0,6}(什么时候开|哪天开|在哪开|怎么参加)|流程(是)?(怎样|怎么样|是什么|是啥)|什么流程|办理流程|(补办|补卡)[^。]{0,8}(多少钱|收费|要钱|费用)|怎么(录|登记|开通)|录(入)?人脸|录指纹|(如果|万一|要是)[^。]{0,20}(第一步|该干嘛|该怎么办|该怎么做|应该怎么|要不要先)|(办|什么|哪些|啥)[^，。？?]{0,4}手续|(要|需要|带)(什么|哪些|啥)材料|(证明|发票|收据)[^，。？?]{0,6}(在哪|去哪|怎么)(里)?开|有没有(啥|什么)规定|有(啥|什么)规定|(得|要|需要)跟[^。]{0,6}说一声(不|吗|么)|(能不能|可不可以|可以)[^。]{0,24}还是(要|得|只能|必须)|假如说?|假设/;
// Telling the office something for its records, or chatting with nothing to ask.
const INFORM = /(跟|和|给)你们说(一声|一下)|告诉你们一声|报备一下|以后有(什么)?事(情)?(直接)?(联系|打|找)|有事(就)?(打|联系|找)我|没(什么|啥)事(儿)?[^。]{0,4}(就是)?跟你(们)?(说说|聊聊|讲讲)|随便(说说|聊聊)|等我想起来/;
const HOW_OR_WHO = /算不算|(这个|这样|这么做)(允许|可以|行)(吗|不)|允许吗|(这样|这个)行不行|(我想|想|能不能|能否|可以|可不可以|让我来)(查|调)(一下)?[^，。]{0,8}监控|去哪(里|儿)?换|怎么(进去|进门|进楼)|(能不能|可不可以|能否|可以)(临时|暂时)|怎么(补办|办理|申请|报名|预约|领取|用|调|操作)|咋(用|调|弄|办|操作|放气|进|交|申请|报名)|是干(啥|什么|嘛)(用)?的|往哪边|(多久|多长时间)[^。]{0,6}一次|用(关|开)吗|要不要关|需要关吗|让不让|允不允许|准不准|有[^。，,]{0,8}服务(吗|没有)|(搞|办|开)不(搞|办|开)|如何(补办|办理|申请)|去哪(儿|里)?(办|补办|领|拿|交)|是[^，。,？?]{1,8}还是[^，。,？?]{1,8}(换|修|负责|管|出钱|赔|承担)|(能|会)赔(吗|不)|赔不赔|谁(来)?赔|找谁赔|最后怎么(解决|处理)的|后来[^。]{0,10}(抓到|查到|找到|解决|处理)了?(吗|没)|是不是(在)?(检修|维修|停电|停水|演练)/;
const GRIEVANCE = /也没人(修剪|管|浇|扫|清)|(物业|你们)就不能[^。]{0,12}(吗|么|\?|？)|(炸了|着火|出事|烧了|起火)[^，。]{0,4}谁(来)?负责|(希望|请|麻烦)物业(能|能不能)?管(管|一管)|能不能管(管|一管)|不是说[^。]{0,12}(不能|不许|不准|禁止)[^。]{0,8}吗|(不|没|从来不|从来没|从没)公示|知情权|不透明|(好久|很久|多久|几个月)没人(浇|打扫|修剪|管|清理|收|扫)|(出了事|出事|安全)[^，。]{0,4}谁(来)?负责|老(是)?被[^，。]{0,6}(占|堵|挡)/;
const NEIGHBOUR_NOISE = /(隔壁|楼上|楼下|对门|邻居|对面)(家|的|那家)*[^，。]{0,8}(吵|轰隆|嗡嗡|噪音|咚咚|哐哐|拖拉机)/;
const DONE_WELL = /(搞|办|做|弄|打理|修剪|收拾)得(还)?(不错|挺好|很好|真好|漂亮|干净|整齐)(?![^，。]{0,2}(吗|不))|(搞|办|做|弄|组织|安排)得好(?![^，。]{0,2}(吗|不))|效果(可以|不错|很好|挺好|真好)|(搞|办|做|弄|组织|安排)得(挺|很|真|特别|非常|蛮|相当)(好|不错|棒|成功|用心|到位)/;
const THANKS = /\bthx\b|谢谢|感谢|多谢|点赞|点个赞|表扬|辛苦(了|啦|你们)|赞一个|好评|👍|\b(thanks|thank you|appreciate|kudos|cheers)\b/i;
const SARCASM = /\blove how\b|只用了[\d一二三四五六七八九十几]+(天|个月|周)|陪伴(了)?我们|感情都培养|真佩服你们|\b(for|over) (two|three|four|\d+) (weeks|days|months)( now)?\b|world-class|'under repair'|佩服佩服|呵呵|真行|太厉害了|真贴心|锻炼|减肥|服了|笑死|又坏|又停|几次|好几天|一个月|半个月/;
// An English proposal: "What about a …?", "How about adding …", "Why not have …".
// "1201赵敏的手机号发我一下", "手机换号了": about a phone number, a question for the office, not a report.
const PHONE_ASK = /求(个)?(联系方式|电话|微信)|(手机号|手机号码|电话号码?|联系方式|联系电话)[^，。]{0,8}(发我|给我|发一下|发下|发过来|告诉我|是多少|多少|查一下|换了|改了|更新|变了)|住的是谁|是谁住|(换了?号|改了?号|新号码|手机换了)|\b(phone|contact) number\b/i;
const ASK_A_NOT_A = /(想问|请问|问一下|问下|问一哈|问哈|问问)[^。]{0,24}(\p{Script=Han}{1,2})[不唔]\2/u;
const QUESTION_EN = /^\s*(kindly (share|let me know|inform|tell)|[\w ]{0,24}\bquestion\b|just wondering|quick question|may i ask|does anyone know|do you know|where('s| is| are| can| do)|how (do|can|long|much)|is (it|there) (ok|okay|allowed|possible)|can (i|we|my|our)|could (i|we|my|our))\b[^?]*\?/i;
const FEE_ASK = /(开|要开|需要开)[^，。]{0,8}(专票|增值税|发票)|^(?![^]*(房东|到哪一步|进度))[^]*?押金[^。]{0,16}(还没退|没退|退了没|怎么还没|什么时候(能)?退)|(账单|押金|退款|退费|多交的|多扣的|发票|收据)[^。]{0,16}(改|更正|退|处理|到账|开)[^。]{0,8}(了没|过来了没|没有?$|吗|什么时候|多久)|(卡里|余额)[^。]{0,8}(能|可以|怎么)?退|(补打|补开|重开)[^，。？?]{0,4}(收据|发票)|(收据|发票)[^，。？?]{0,6}(补打|补开|重开)|(缴费|交费|交钱|付钱|付款|支付|扫码|二维码)[^。]{0,10}(失败|异常|不成功|扣了|扣款|没到账|不到账)|(能|可以|可不可以|怎么|在哪|去哪|哪里)[^。？?]{0,10}(交|缴|付)[^。？?]{0,3}(现金|刷卡)|(现金|刷卡)[^。？?]{0,4}(交|缴|付)[^。？?]{0,6}(吗|么|不|\?|？)|(物业费|管理费|停车费|取暖费|供暖费|暖气费)[^。]{0,10}(减免|减半|打折|优惠|少交|免交|能不能少)/;
const OPENS_WITH_PROPOSAL = /^\s*(建议|我建议|提议|提个建议|小建议|希望物业|希望能|能否考虑|有个想法|我有个想法|提个想法|一个想法)/;
// Letter-style thanks ("特此致谢", "衷心感谢贵处"): praise however the story before it reads.
const FORMAL_THANKS = /特此(致谢|感谢|表扬)|衷心(的)?感谢|深表感谢|表示(衷心的|诚挚的)?感谢|致以[^，。]{0,6}(谢意|感谢)|送(面|一面)?锦旗/;
// "可以在东门加个充电棚吗": asking for something new to be added is a proposal, not a report.
const PROPOSAL_CN = /(可以|能不能|能否|可不可以|建议|希望|最好|应该|应当)[^，。？?]{0,12}(贴(一张|个|些|上)|印大|大一点|大点|多一点|也发|发个|弄个|搞个|出个|做个|办个|加(个|装|建|设|一些|几个)|铺(一层|个|上|些)|挂(点|些|几个|上)|弄成|改成|再加|多加|加[两三几一]|增设|增加(一些|几个|个)|装(个|一些|几个)|建(个|一个)|设置(一些|几个|个)|开设|配(个|备))/;
const PROPOSAL_EN = /\b(what|how) about (a|an|some|adding|having|putting|installing|setting up|planting|building)\b|\bwhy not (add|have|put|install|build|set up)\b/i;

// Chasing an earlier request without naming anything new: "师傅还来不来", "有人接了没有", "帮我催一下",
// "怎么到现在也没个电话", "any news on…". Progress, unless the sender names the neglect with displeasure
// (LABELS.md: then a complaint).
const FOLLOW_UP = /(啥|什么|哪一步)进度|(查|问|看)(一下|下)?进度|(看过|来过|检查过|查过)(以后|之后)?[^。]{0,4}怎么说|\bhas my [^?]{0,40} been (approved|processed|done|fixed|handled)|\bsubmitted (it )?(last|on|yesterday)\b|(修好|弄好|搞好)了?(没|吗|没有)|(那事|那件事|那个事|那个)[^。]{0,6}(后来|最后)?(咋|怎么)?(处理|解决|查出|查清|弄)[^。]{0,6}(的|没|吗|了没)|报修的[^，。]{0,6}(能来|来不|什么时候|几点)|(换|修|弄|办)了没有?(啊|呀|\?|？|$|\s)|(考虑|研究|商量|讨论)得?(咋样|怎么样|如何)了?|定下来(了)?没有?|还(?<again>[\u4e00-\u9fa5])不\k<again>了|进度(如何|怎样|怎么样|咋样|到哪)|进展(如何|怎样|怎么样)|来不来|还来吗|还能来人|出发了?没|(接|派|安排)了?人?了?没|排到我|催一下|帮我催|催催|跟成|跟进得?(怎么样|到哪|如何)|有(消息|进展|回音|下文)了?(吗|没)|给(句|个)准话|(做|弄|办|补|配|换|开)好了?(没|吗|没有)|(补办|申请|登记)的[^。]{0,8}(好了(没|吗)|什么时候(能|可以)?(来)?拿|能拿了?(吗|没))|排上了?(吗|没)|排到了?(吗|没)|(材料|配件|零件|货)[^，。]{0,4}到了?(没|吗)|会不会上来|(还没|没|没有)(个|一个)?人?(联系|打给|回复|回电|电话)|\bstatus\b|\bany (news|update)/i;
// ...and it names the ticket itself ("帮我催一下 漏水那个单子"): then even a named fault is the old one.
const TICKET_REF = /单子|工单|单号|#\s*\d+|\bticket\b/i;
const NEGLECT_ANGER = /到现在[^，。]{0,6}(都没|也没|连个)|弄丢了|呵呵|到底|还管不管(?!用)|气死|糊弄|还好意思|像话|有没有人管|凭什么|敷衍|一直没|至今|拖|太慢|慢死|效率|人影|没人管|没人理|没一个|什么效率|服了|无语|差劲|白报|放鸽子|过分|真行|不办事|搞什么|投诉|[几多好十]+[次回遍]|不下|(就|都|也)不管了|不管了吗|登记完就|\b(ridiculous|unacceptable|useless)\b/i;
/** A follow-up on an earlier request, told without anger at the neglect. */
const FAULT_OR_BROKEN = /坏|不制冷|不制热|不出|不亮|漏|堵|不转|不动|不工作|失灵|\b(broken|not working)\b/i;
/** "谁家的车挡在消防通道了…麻烦挪一下": a car to be moved, which the office's guards see to. */
export const MOVE_CAR = /(车|宝马|奔驰|大众|丰田|本田|特斯拉|SUV)[^。]{0,10}(挡|堵|占|停在|停到)[^。]{0,24}挪|挪(一下|下)?车/i;
const SLOW_RESPONSE = /([\d一二三四五六七八九十几半]+(个)?(分钟|小时|钟头)|好久|半天)才(来人|来|到|有人)/;
/** "谁家的狗叫了一整夜", "谁家猫天天半夜叫": a pet keeping the building awake. */
export const PET_AT_NIGHT = /(狗|猫)[^。]{0,8}(叫|吠|嚎)[^。]{0,8}(一整夜|整夜|一晚上|半夜|通宵)|(一整夜|整夜|半夜|天天半夜|每天半夜)[^。]{0,6}(狗|猫)[^。]{0,4}(叫|吠|嚎)|(狗|猫)[^。]{0,6}(天天|每天)[^。]{0,4}(半夜|夜里)[^。]{0,3}(叫|吠|嚎)/;
const WARM_WORDS = /真心感谢|非常感谢|十分感谢|一直都?记着|很用心|挺用心|用心了|很安心|特别安心|有年味|不错不错|效率可以|这效率|给力|好评|赞赞|\bthx\b[^?？]{0,30}(👍|了|!|！)/i;
const RHETORICAL = /(这是|是)[^。？?]{0,12}(该说的话|装饰品|摆设|干嘛用的|干什么用的|在维修牌子)|能不能(说话)?(客气|规范|专业|认真|上点心)|(处理|记|完成)(了)?(啥|在哪|什么)了?[？?]|谁给(你)?(完成|关)的|(干嘛|干什么)用的|到底找谁|是不是都这么|(是|又)[^。]{0,6}在(睡觉|摸鱼)|\bis anyone (actually )?working\b|\bgreat job,? guys\b/i;
const THANKS_FOR_FIX = /^(?![^]*(自己|不用(来|修)|不用了))(?=[^]*(谢谢|谢啦|多谢|感谢|thx|thanks|thank you))(?=[^]*((修好|弄好|搞定|解决)(了|啦|咗)|不漏了|通了|亮了|好了))[^]{0,20}$/i;
const FIX_FAILED = /(修完|修好|修了|修过|说好了|说修好了|弄好了|搞好了|(来|上门)(修|看)过|捅了|通了|换了)[^。]{0,20}(又|还是|反而|比[^，。]{0,8}还)[^，。]{0,4}(坏|漏|堵|不|没|厉害|严重|响)/;
const FIX_WORSE = /比[^，。]{0,8}(修之前|原来|以前|之前|没修)[^，。]{0,4}还|反而更|越修越/;
const SHORT_ASK = /(吗|么|不|没)[?？]?$|[?？]$|咋|怎么|哪|几点|\b(where|how|when|can i)\b/i;
const OVER_THEN_ASK = /(没事了?|好了|弄出来了|恢复了|正常了|处理好了)[^。?？]{0,6}[。，,\s][^。]{0,6}(就)?(想|只是想|就是想)问(下|一下|问)?|(今早|现在|已经)[^。]{0,6}没事了[^。]{0,10}(吗|\?|？)/;
const EXPLAINED = /原来是[^。，]{0,12}(测试|演练|演习|调试|维保|检修|保养|试(一下|下)?)|\bturned out (to be|it was)\b[^.]{0,20}\b(test|drill|maintenance)\b/i;
export function followUp(text: string): boolean {
  return FOLLOW_UP.test(text) && !NEGLECT_ANGER.test(text);
}

// Unmentioned group talk about shops, adverts and services on offer ("电梯里那个广告的店便宜吗",
// "新开的洗衣店价格咋样", "认识个修电脑的朋友 能上门"): neighbours talking, no request to the office.
// (A tradesman's advert: "专业疏通下水道 马桶 地漏 24小时上门 电话135…".)
export const SHOP_TALK = /(专业|24小时|随叫随到|上门服务|价格(实惠|优惠|公道))[^。]{0,24}(疏通|开锁|换锁|清洗|维修|保洁|家政|搬家|回收|除甲醛|开荒)|(疏通|开锁|换锁|清洗|家政|搬家|回收)[^。]{0,40}(电话|微信|联系|☎|📞)[^。]{0,4}1\d{2}|(?<!不)卖房|售房|房子(出租|出售)|(急|诚心)(售|租|卖)|房源|有意(者|的)?私聊|南北通透|拎包入住|[一二两三四五]室[一二两]厅|广告[^。]{0,12}(有人|靠谱|便宜|贵|划算|怎么样|咋样|上说)|新开(的|了)[^，。]{0,8}(店|馆|铺|超市)|(价格|价钱|收费)[^，。]{0,4}(咋样|怎么样|如何|贵不贵|贵吗|便宜吗)|便宜(吗|不)|有人(去过|找过|打过|用过|试过|吃过|装过|买过)|好用(吗|不)|划算(吗|不)|推介|可以找我|认识(个|一个)[^，。]{0,6}(师傅|朋友)|(店|馆)[^，。]{0,5}(关门|倒闭|开业|搬走)|\banyone (know|recommend)/i;

/** Intent probabilities nudged by strong cues (classes in the intent head's order). */
export function intentPriors(text: string, classes: readonly string[], p: number[]): number[] {
  const out = p.slice();
  const add = (c: string, v: number) => { const i = classes.indexOf(c); if (i >= 0) out[i] = (out[i] ?? 0) + v; };
  // (Not when a member of staff's conduct is the point: "我问停车费怎么算，她直接挂我电话".)
  // (Nor a thank-you that mentions paying: "谢谢前台…耐心教我妈用手机交物业费".)
  if (FEE_WORDS.test(text) && !FEE_VALUE.test(text) && !/手续|快递柜|流程/.test(text) && !staffConduct(text) && !(THANKS.test(text) && !ASKS.test(text))) add("fee", 0.3);
  // English questions: "can I plant flowers in front of my window?", "is there a shuttle bus?", "wifi password for the clubhouse?" (permission, facilities, information).
  if (/^(hi|hello|hey|excuse me|sorry)?[,!. ]*(can|may|could) (i|we|my|our)\b[^?]{0,80}\?|\b(is|are) there (a|an|any)\b[^?]{0,50}\?|\b(password|opening hours|office hours|what time does|where (is|can i))\b/i.test(text) && !FAULT.test(text) && !DISPLEASURE.test(text)) add("inquiry", 0.8);
  // "did you receive my parking spot application?", "the invoice I requested last week, is it ready yet?": where it stands.
  if (/\b(did you (receive|get|see)|is it (ready|done|approved)|(ready|approved|processed) yet|any (update|news|progress)|what'?s the status|dao na yi bu)\b/i.test(text) && !FAULT.test(text) && !DISPLEASURE.test(text)) add("progress", 0.8);
  // "Hello, is this the property management assistant?": a greeting, asking nothing of the office.
  if (/^\W*(hi|hello|hey)\b[^?]{0,40}\b(is this|are you)\b[^?]{0,40}\b(assistant|property|management|office|bot)\b[^a-z]*$/i.test(text)) add("other", 1.5);
  // "do we still owe anything?", "any outstanding fees?": the household's balance, in English.
  if (/\b(do|did) (i|we) (still )?owe\b|\b(outstanding|unpaid|overdue) (fees?|bills?|balance)\b|\bhow much (do|does) (i|we|my|our)\b[^?]{0,20}\b(owe|pay)\b/i.test(text) && !FAULT.test(text)) add("fee", 1.2);
  // "我家还欠吗", "还欠钱吗", "我家交清了没": whether the household owes anything.
  if (/还欠(钱|费|款)?(吗|么|不|没|没有)|(交|缴)(清|齐|完)了?(没|吗|么|没有)|欠不欠(钱|费)?|有没有欠(费|钱)/.test(text) && !FAULT.test(text)) add("fee", 1.0);
  // "我是1201的家属，帮我查下": someone asking to look up a household's account (privacy decides what they see).
  if (/(家属|家人|亲戚|儿子|女儿|老公|老婆|房东|租客)[^。]{0,8}帮(我|忙)?查/.test(text) && !FAULT.test(text)) add("fee", 0.8);
  // "门禁卡丢了 怎么补办", "是燃气公司换还是物业换", "物业能赔吗": how things are done and who answers for them.
  if (HOW_OR_WHO.test(text) && !DISPLEASURE.test(text) && !FEE_WORDS.test(text)) add("inquiry", 0.7);
  // "要到你们物业办什么手续吗", "有没有啥规定", "送货的车能不能开进来还是要登记": rules and procedures.
  if (PROCEDURE.test(text) && !DISPLEASURE.test(text) && !FAULT.test(text)) add("inquiry", 0.7);
  // "跟你们说一声 家里没人", "以后有事直接联系我": telling the office something, asking nothing.
  if (INFORM.test(text) && !FAULT.test(text) && !ASKS.test(text) && !/(需不需要|要不要|用不用|是否需要|需要)[^，。]{0,4}(跟|和|给)你们/.test(text) && !DISPLEASURE.test(text) && !THANKS.test(text)) add("other", 1);
  // "楼下1101那家是不是报了漏水？说是我家漏的？他们具体怎么说的": asking about a neighbour's report, reporting nothing.
  if (/(那家|他们|他家|邻居|楼下|楼上|隔壁|对门)[^。?？]{0,10}(是不是|有没有)[^。?？]{0,3}(报了|报修|投诉|反映|找了?物业)|(他们|那家|他家|邻居)[^。?？]{0,6}(具体)?怎么说/.test(text)) add("inquiry", 1.0);
  // "楼下说漏水是我们家？我们家地上干干的，没看到有水啊": a neighbour saying their home does not leak.
  if (/(没(看到|发现|见)[^。，,]{0,4}(水|漏|湿)|干干的|干干净净|一点水都没|不是我们家|我们家没(漏|渗|问题))/.test(text) && /说|怀疑|以为|说是/.test(text) && !ASKS_FOR_VISIT.test(text) && !/派|师傅|查查|检查|上门|来看|帮[^。]{0,3}(查|看)/.test(text)) add("other", 1.2);
  // "听说2栋有人家漏水了，严重吗？": asking about news heard, reporting nothing of one's own.
  if (/听说/.test(text) && /(严重吗|怎么样了|是真的吗|真的吗|咋回事|怎么回事|修好了吗|处理了吗|几单元|几楼|哪家|哪户|出(了)?什么事)/.test(text) && !/我家|我们家|家里/.test(text)) add("inquiry", 1.5);
  // "问一下，正月十五小区有没有猜灯谜活动", "昨天晚上消防车来咱小区是咋回事啊": a question to the office.
  if ((/^(问一下|请问|想问下|想问一下|咨询一下)/.test(text) && /有没有[^。]{0,12}(活动|服务|规定|地方|人)|是不是要|能不能(办|用|放|挂|装)/.test(text) && !FAULT.test(text) && !FEE_WORDS.test(text) && !EARLIER_REPORT.test(text) && !TICKET_REF.test(text) && !/我(申请|提交|反映|报)的|单号|工单|派给/.test(text)) || (/(昨天|昨晚|刚才|今天)[^。]{0,12}(是)?(咋|怎么)回事/.test(text) && !FAULT.test(text) && !/我家|我们家/.test(text))) add("inquiry", 0.8);
  // "现在啥情况了", "怎么样了", "有进展吗": a short chase of what was reported.
  if (text.length <= 12 && (/^(现在|那个|我的|我那个|我报的|请问)?(是)?(啥|什么|咋)情况(了|啊|呢)?|怎么样了|咋样了|到哪(一步)?了|有(消息|进展|动静)了?(吗|没)/.test(text) || /^(今天|明天|下午|上午|晚上)?(还)?(来|能来|能弄好|能修好|能好)(吗|不|没|么)/.test(text.replace(/^(今天|明天|下午|上午|晚上)/, ""))) && !FAULT.test(text)) add("progress", 0.5);
  // "1101新来的租客叫什么？电话多少": someone's name or number asked for (the privacy answer), not a bill.
  if (/(叫什么|名字|姓名|电话|手机号?|联系方式|微信号?)[^。]{0,6}(多少|是什么|是啥|给我|发我|告诉我)/.test(text) && !/物业费|停车费|管理费|欠/.test(text) && !FAULT.test(text) && !PROBLEM_WORD.test(text.replace(/电话|手机号?|微信号?|名字|姓名|联系方式/g, ""))) add("inquiry", 0.8);
  // "整体还行，继续加油", "再接再厉": encouragement.
  if (/继续加油|再接再厉|加油加油|继续保持|(物业|你们|服务|管理)[^。]{0,8}越来越好/.test(text) && !DISPLEASURE.test(text) && !FAULT.test(text) && !/但是|不过|就是/.test(text)) add("praise", 0.8);
  // "物业给每家门口发的福字收到了，挺有心的，谢谢啦": thanks for something the office gave or did.
  if (/(物业|你们|管家|保安|保洁)[^。]{0,20}(有心|用心|暖心|贴心)[^。]{0,6}(谢谢|感谢|点赞|赞)|(挺|很|真|太)(有心|用心|暖心)了?[^。]{0,4}(谢谢|感谢)/.test(text) && !DISPLEASURE.test(text) && !/呵呵|真行|还好意思/.test(text)) add("praise", 0.8);
  // "物业办的亲子活动太棒了，希望多搞几次": praise of something the office did (a wish for more is part of it).
  if (/(活动|服务|师傅|保安|保洁|阿姨|管家|前台|物业|你们|维修工)[^。]{0,12}(太棒了|真棒|很棒|好棒|办得(真|太|很)?好|真不错|太好了|给力|点赞|赞一个)/.test(text) && !DISPLEASURE.test(text) && !/报修|投诉|等了|还没|没人|坏了|呵呵|真行|隔壁|人家|别的小区|其他小区|那边/.test(text) && !FAULT.test(text)) add("praise", 0.8);
  // "我家车位被别人长期占用，物业能出面处理吗", "车被划了 能帮我调一下监控吗": a wrong done, the office asked to act.
  if (/被(人|别人|谁)?[^，。]{0,4}(占用?|划|刮|偷|撞|堵|挡|扎)[^。]{0,24}(能|可以|可不可以|能不能)[^。]{0,6}(帮|出面|处理|管|调|查)/.test(text)) add("complaint", 0.6);
  // "你好，我是7栋2单元1601新搬来的租客", "我是1202的业主，手机尾号0022": who the sender is, nothing asked.
  if (text.length <= 32 && (/新搬来|刚搬来|新搬进|刚搬进|新入住|新来的(租客|住户|业主)/.test(text) || /(我是|我系|本人是)[^。?？]{0,16}(业主|租客|住户|房东|家属)/.test(text)) && !FAULT.test(text) && !PROBLEM_WORD.test(text) && !/问|吗|\?|？|谁|哪|怎么|咋|如何|什么|求|能不能|可以|反映|投诉|麻烦|帮|几|多少/.test(text) && !DISPLEASURE.test(text)) add("other", 1.0);
  // "再报一次，上周报的卫生间漏水还没修好，麻烦再安排一下": the repair asked for again, without anger.
  if (/再报一(次|下)|重新报一?(次|下)?|麻烦再(安排|派|来)/.test(text) && !DISPLEASURE.test(text)) add("repair", 0.7);
  // "我换微信号了，以后3栋的工单都发到这个号": about whom to send work to, no problem reported.
  if (/(换|改|用)了?(个|新)?(微信|手机号?|号码|账号|新号)|这个号|新号/.test(text) && /工单|派单|单子|发到|发给|转到|转给/.test(text) && !FAULT.test(text)) add("other", 1.2);
  // "俺得表扬表扬你们那个维修师傅": the sender says it is praise.
  if (/(得|要|想|必须|一定要)(好好)?表扬|表扬表扬|表扬一下|表扬(你们|你|他|她)(一下|下)?|(真|挺|蛮|可)不赖|得劲|没得说|杠杠的|希望[^。]{0,8}(表扬|嘉奖|奖励)(他|她|一下)|(非常|十分|特别)感激/.test(text) && !SARCASM.test(text) && !DISPLEASURE.test(text)) add("praise", 0.6);
  // "物业费一年三千多 草长到膝盖了 这钱花哪了": the fee's value, measured by a failing: a complaint.
  if (FEE_WORDS.test(text) && FEE_VALUE.test(text) && !FEE_ASK.test(text)) add("complaint", 0.4);
  // "Great job guys, the gate has been 'under repair' for two weeks now": praise words, a complaint meant.
  if (/\b(great job|well done|amazing|truly|bravo|thanks a lot)\b/i.test(text) && SARCASM.test(text)) add("complaint", 0.8);
  // "谢谢师傅昨天修好了马桶，顺便问下，阳台的下水也有点慢": thanks, then the next job.
  if (THANKS.test(text) && PIVOT.test(text) && /慢|坏|漏|堵|不亮|不灵|失灵|\b(out|broken|leak\w*|not working)\b/i.test(text.slice(PIVOT.exec(text)!.index))) add("repair", 0.6);
  // "谢谢你们啊 师傅人蛮好的…不过我跟你讲哦 阳台那个晾衣架又摇不下来了": thanks, then the next job.
  const turn = /对了|不过|但是|可是|还有(一|个|件)|另外/.exec(text);
  if (THANKS.test(text) && turn && /又|坏|漏|堵|不亮|不灵|失灵|摇不|下不来|打不开|关不上|不动|不转|不出水|没反应/.test(text.slice(turn.index)) && !DISPLEASURE.test(text) && !/满意|回访/.test(text)) add("repair", 2.0);
  // "师傅态度很好，但是问题没解决，门还是卡": kind words, then the point — it is not fixed.
  if (/(但是?|可是|不过|就是)[^。]{0,12}(没解决|没修好|没弄好|还是(不|卡|漏|坏|没|堵)|又(坏|漏|不|堵))/.test(text)) add("complaint", 1.0);
  // "我家门口那个声控灯也不亮了 你们一起看看": one more job for the same visit, asked kindly.
  if (/(一起|顺便|一块|顺带)(帮忙)?(看看|看一下|修|修一下|弄一下|来)/.test(text) && !DISPLEASURE.test(text) && !ANNOYED.test(text)) add("repair", 1.2);
  // "Hi there, thanks for fixing the lobby door yesterday": thanks for a fix, in English.
  if (/\bthanks?( you| a lot| so much)? for (fixing|repairing|sorting( out)?|sending|coming|unblocking|replacing)\b/i.test(text) && !/\b(but|still|again|however)\b/i.test(text)) add("praise", 1.5);
  // "我昨天在小区花园丢了一串钥匙…有人捡到交到前台吗": lost property asked of the office.
  if (/(丢了|掉了|遗失|弄丢|找不到)[^。]{0,20}(钥匙|钱包|手机|门禁卡|卡|包|证件|身份证|眼镜|手表|耳机)|失物招领|捡到[^。]{0,10}(交|送)到?(前台|物业)/.test(text) && /前台|物业|你们|有人捡到|捡到/.test(text) && !FAULT.test(text)) add("inquiry", 1.5);
  // "人老了觉少 睡不着 跟你们说说话": company, not a report.
  if (/跟你们(说说话|聊聊|唠唠|说说)|陪(我)?聊|聊聊天|说说话|早点睡吧|早点休息/.test(text) && !FAULT.test(text)) add("other", 1.5);
  // "缴费二维码扫了显示订单异常", "房子空着 物业费能不能减免": paying and what is owed, not a fault or a grievance.
  if (FEE_ASK.test(text) && !staffConduct(text) && !/(开|办|弄|做)好了?(吗|没)/.test(text)) add("fee", 0.5);
  // "快递柜里我的包裹超时了要收费 这个找谁": the locker company's charge, a question for the office.
  if (/快递柜[^。]{0,16}(收费|超时|费)|\bparcel locker\b[^.]{0,30}\b(fee|charge)/i.test(text)) add("inquiry", 0.6);
  // "我家空调不制冷了 你们能上门修吗": asking whether they repair it is asking for the repair.
  if (FAULT_OR_BROKEN.test(text) && /(能|可以|会)(不能)?(上门|来|过来)(帮忙)?修(吗|不|一下吗)/.test(text)) add("repair", 1.0);
  // "建议周末也开一下物业前台": a message that opens with a proposal is one.
  // (…unless it proposes replacing staff for how they behave: "建议把保安换了 天天在岗亭里睡觉" is a complaint.)
  if (OPENS_WITH_PROPOSAL.test(text) && !FAULT.test(text) && !staffConduct(text) && !GRIEVANCE.test(text)) add("suggestion", 0.8);
  if (staffConduct(text) && /换(了|掉|人)|开除|辞退/.test(text)) add("complaint", 0.7);
  // "前台那个小姑娘跟我讲话很冲": staff behaving badly, with no thanks anywhere, is a complaint.
  if (staffConduct(text) && !THANKS.test(text)) add("complaint", 0.5);
  // "挂点灯笼吧…你们觉得呢": a proposal put to the office for its opinion.
  if (/吧[^。]{0,16}(你们觉得呢|大家觉得呢|觉得怎么样|觉得如何)/.test(text) && !FAULT.test(text)) add("suggestion", 0.4);
  if (EARLIER_REPORT.test(text) && ASKS.test(text) && !DISPLEASURE.test(text)) add("progress", WHEN_COMING.test(text) ? 0.9 : 0.5);
  const chasing = followUp(text);
  if (chasing) add("progress", TICKET_REF.test(text) ? 0.8 : 0.5);
  if (FAULT.test(text) && !EARLIER_REPORT.test(text) && !VEHICLE_BLOCK.test(text) && !chasing) add("repair", 0.15);
  // "能不能安排人来灭一下鼠", "蚊子太多了 能不能喷点药": a service asked for, not a proposal.
  if ((/(能不能|可不可以|能否|麻烦|请)[^，。]{0,4}(安排|派)(个)?人/.test(text) || PEST_CONTROL.test(text)) && !DISPLEASURE.test(text)) add("repair", 0.4);
  if (ASKS_FOR_VISIT.test(text) && !EARLIER_REPORT.test(text) && !chasing && !DISPLEASURE.test(text) && !NEGLECT_ANGER.test(text)) add("repair", 0.3);
  // "还是没水", "怎么还是没电": a supply missing, said in a few words, is a fault to repair.
  if (text.length <= 16 && /(没水|没电|没气|停水|停电|停气|不出水|不来水|不来电|断水|断电)(了)?[啊呀吗呢嘛？?！!。.,，\s]*(怎么回事|咋回事|什么情况|啥情况|搞什么)?[啊呀吗呢嘛？?！!。.\s]*$/.test(text) && !DISPLEASURE.test(text) && !ANNOYED.test(text) && !FEE_WORDS.test(text) && !/会不会/.test(text)) add("repair", 0.8);
  // "算了不用修了" … "还是来修吧，又堵上了": the repair asked for after all.
  if (/还是(来|过来|上门|派人)?修|还是要修|还是得修|还是(麻烦|请)?(你们)?(来|过来)(修|看看)|还是派(个)?人/.test(text) && !NEGLECT_ANGER.test(text)) add("repair", 0.6);
  // "前几天报过一次了 下水还在堵 麻烦再来看看": reported again without displeasure is still a repair (LABELS.md).
  if (REPEAT.test(text) && /麻烦|请|再派|再来|帮忙/.test(text) && !ANNOYED.test(text) && !DISPLEASURE.test(text) && !NEGLECT_ANGER.test(text)) add("repair", 0.2);
  if (HANDLED_WELL.test(text) && THANKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.3);
  // "修好了 谢谢", "谢啦 水不漏了": thanks for a fix.
  if (THANKS_FOR_FIX.test(text) && !FAULT.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !PIVOT.test(text)) add("praise", 1.0);
  // "访客咋进", "今天停电吗", "where to pick up parcels?": a short question with no fault in it.
  if (text.length <= 14 && SHORT_ASK.test(text) && !FAULT.test(text) && !followUp(text) && !DISPLEASURE.test(text) && !FEE_WORDS.test(text) && !/修|来人|好了没|一起|有人|有没有人|谁|(没|停|断)(水|电|气)|\brepair/.test(text)) add("inquiry", 0.5);
  // "管家回消息好快 绝绝子", "五分钟就有人来了 respect": praise in slang, no thank-you word.
  if (HANDLED_WELL.test(text) && /绝绝子|yyds|respect|🫡|赞|给力|牛|靠谱|点赞|好评/i.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.6);
  if (PROPOSAL_EN.test(text) || (PROPOSAL_CN.test(text) && !FAULT.test(text))) add("suggestion", 0.25);
  if (PHONE_ASK.test(text) && !FAULT.test(text) && !PROPOSAL_CN.test(text)) add("inquiry", 1);
  // "請問管理處星期六開唔開門？" (an A-not-A question), "Just wondering — where's the nearest…?"
  if ((ASK_A_NOT_A.test(text) || QUESTION_EN.test(text)) && !FAULT.test(text) && !DISPLEASURE.test(text)) add("inquiry", 0.4);
  if (SCARE_ENDED.test(text) && THANKS.test(text) && !DISPLEASURE.test(text)) add("praise", 0.4);
  if (FORMAL_THANKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.9);
  if (SCHEDULE_Q.test(text)) add("inquiry", 0.6);
  // "是不是整个小区都停电了？我们2栋好好的": asking after an outage elsewhere, the sender's own supply fine.
  if (/(停电|停水|停气|没电|没水|没气)/.test(text) && /是不是|是否|吗|[?？]|怎么回事/.test(text) && OWN_SUPPLY_FINE.test(text)) add("inquiry", 1.5);
  // "谢谢你们上周的中秋活动": thanks to the office for something done.
  if (/(谢谢|感谢)(各位|你们的?)?(你们|物业|管家|师傅|保安|保洁|前台)/.test(text) && !ASKS.test(text) && !/想问|请问|问一下|问下/.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.4);
  // "门卫好负责，台风天一直守在门口", "啲清洁阿姨好勤力": a staff member praised for their diligence.
  if (/(保安|门卫|门岗|保洁|清洁工?|阿姨|师傅|管家|前台|小哥|大叔|物业)[^，。]{0,6}(好|很|真|挺|非常|特别|太)(负责|尽职|尽责|敬业|勤快|勤力|认真|用心|细心|耐心|热心)/.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !FAULT.test(text) && !/不(负责|尽职|敬业|认真)|吗|\?|？|(但是?|可是|不过|就是)[^。]{2,}|麻烦|安排|来修|派人/.test(text)) add("praise", 0.9);
  // "收到，谢谢管家🙏", "好的谢谢王管家": a short thank-you addressed to a staff member is praise (LABELS.md:
  // thanks for staff), where a bare "收到 谢谢" is only an acknowledgement.
  if (text.length <= 16 && /(谢谢|感谢|多谢|谢啦)[^，。]{0,1}(管家|师傅|保安|保洁|前台|阿姨|大哥|小哥)/.test(text) && !/邻居|大家|各位(?!管家|师傅)/.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !FAULT.test(text)) add("praise", 1.0);
  // "谢谢前台的小姑娘耐心教我妈交物业费": a message that opens with thanks is praise, whatever it was about.
  if (/^\s*(谢谢|感谢|多谢|非常感谢|特别感谢)(?![^，。]{0,4}(\d+|[一二三四五六七八九十]+)(栋|号楼|幢|座)的)/.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !FAULT.test(text)) add("praise", 0.3);
  // "Big thanks to Master Wang from maintenance…", "Thanks 小王 for 帮我 找回…": thanks in English.
  if (/\b(big |many |huge )?thanks\b[^.?!]{0,16}\b(to|for)\b|\bthank you (so much |very much )?(to|for)\b/i.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.4);
  // "感谢3栋的张阿姨帮我收快递": thanks between neighbours.
  if (/(谢谢|感谢)[^，。]{0,4}(\d+|[一二三四五六七八九十]+)(栋|号楼|幢|座)的/.test(text)) add("other", 0.6);
  // "消防演练搞得挺好": an event or a service praised without a thank-you.
  if (DONE_WELL.test(text) && !FAULT.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !ASKS.test(text)) add("praise", 0.6);
  // "刚才闻到煤气味…师傅来看过了…现在已经没事了": a scare already over, told for information.
  if ((RESOLVED.test(text) || HARMLESS_CAUSE.test(text)) && /说一声|告诉你们|报备|知会|跟你们讲|大家放心|不用怕|别担心|别慌|保安已经(上去|过去|到了|在处理)|已经(有人)?(在)?处理了|\bfyi\b|just so you know/i.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text)) add("other", 0.8);
  if (PLAIN_QUESTION.test(text) && !FAULT.test(text) && !DISPLEASURE.test(text)) add("inquiry", 0.3);
  // "家里刚跳闸了 自己推上去就好了 没事。就想问下总电闸箱在哪": the scare is over; the question is the point.
  if (OVER_THEN_ASK.test(text) && !DISPLEASURE.test(text)) add("inquiry", 0.8);
  // "电梯里警铃响个不停…原来是维保师傅在测试": the alarming thing explained by the sender.
  if (EXPLAINED.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text)) add("other", 0.8);
  if (STAFF_WHO.test(text) && CONDUCT.test(text)) add("complaint", BAD_ATTITUDE.test(text) ? 0.6 : 0.3);
  // "我要投诉，…": the sender says what it is.
  if (/我要投诉|我想投诉|我(要|得)?(向你们)?投诉一下|^投诉[:：，,\s]/.test(text)) add("complaint", 0.6);
  // "停水也不提前通知": the office's way of cutting the supply, not a question about it.
  if (NOT_NOTIFIED.test(text)) add("complaint", 0.8);
  if (VANDALISED.test(text)) add("complaint", 0.8);
  // "请问#18 什么时候能有人上门": a ticket named and a visit asked after.
  if (TICKET_REF.test(text) && WHEN_COMING.test(text) && !DISPLEASURE.test(text)) add("progress", 0.9);
  // "你们管家微信不回、电话不接，我到底找谁？": staff who cannot be reached (not "是换人了吗").
  if (!/是谁|换人了?(吗|没)/.test(text) && STAFF_WHO.test(text) && /(微信|消息|电话)[^，。]{0,3}(不回|不接|没人接|打不通)|联系不上/.test(text)) add("complaint", 0.6);
  // "电梯关人 半小时才来人": help that came late is a complaint about the service.
  if (SLOW_RESPONSE.test(text)) add("complaint", 0.8);
  if (MOVE_CAR.test(text)) add("complaint", 0.4);
  // "修完之后比修之前漏得还厉害", "师傅捅了两下说好了，当天晚上又堵了😤": a fix that did not hold, told
  // with feeling (worse than before, a ticket closed on them, an angry face) is a complaint (LABELS.md).
  if (FIX_FAILED.test(text) && (FIX_WORSE.test(text) || ANNOYED.test(text) || /生气|单子[^，。]{0,6}关了|(显示|标|写)[^，。]{0,4}(已完成|已处理|修好)|捅了两下|糊弄/.test(text))) add("complaint", 0.7);
  // "这是物业该说的话吗？", "意见箱是装饰品吗？", "值班是干嘛用的": questions that are complaints.
  if (RHETORICAL.test(text)) add("complaint", 0.9);
  // "…我还是要谢的。不过电梯停了五天的事你们得给个说法": thanks, then the grievance.
  if (/(得|要|必须)?给(我|我们)?(个|一个)说法|讨(个|一个)说法/.test(text)) add("complaint", 0.7);
  // "就不能弄个篮球架吗", "赶紧建几个吧": something new asked for, however sharply.
  if (/就不能(弄|建|装|搞|加|修|设)(个|一个|几个)|(赶紧|快)(建|装|加|弄)(几个|一个|个)(吧|啊)/.test(text) && !FAULT.test(text)) add("suggestion", 0.9);
  // "回访的主管态度很诚恳…给你们打个满分", "现在这个管家比之前那个强太多了": praise without a thank-you.
  if (/满分|五星|秒回|比之前(那个|的)?强|(态度|服务)(很|挺|特别|非常)?(好|诚恳|热情|耐心)(?!差|坏|烂|凶|冲|恶劣)|很耐心|(很|挺|特别)负责/.test(text) && !SARCASM.test(text) && !DISPLEASURE.test(text) && !/不过|但是|可是|就是/.test(text)) add("praise", 0.7);
  // "Kindly share the schedule of the water tank cleaning": a polite request for information.
  if (/^\s*(kindly|please) (share|let me know|inform|tell|advise|send)\b/i.test(text) && !FAULT.test(text)) add("inquiry", 0.6);
  // "暴雨那天你们的人一直在抽水…真心感谢", "门卫大叔…住在这里很安心": gratitude without a request.
  if (WARM_WORDS.test(text) && !ASKS.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text) && !/不过|但是|可是|就是|又/.test(text)) add("praise", 0.8);
  // "要不要在门岗放个共享充电宝", "可不可以加高一点", "能多装几块吗": something new proposed.
  if (/要不要(在|搞|弄|放|装|加|设|联系|统一)|(可以|能不能|能否|可不可以)[^，。？?]{0,10}(加高|加宽|加长|多装|多加|多放|多设|提前)|多(装|加|设|放)(几|一些|点)/.test(text) && !FAULT.test(text) && !DISPLEASURE.test(text)) add("suggestion", 0.6);
  // "Mr. Zhang from maintenance was fantastic…please pass on our thanks": praise in English.
  if (/\b(fantastic|excellent|wonderful|amazing job|great job|pass on (our|my) (thanks|gratitude)|hats off|above and beyond)\b/i.test(text) && !SARCASM.test(text) && !DISPLEASURE.test(text) && !/\b(again|still|but)\b|'under/i.test(text)) add("praise", 0.7);
  // "物业小姐姐yyds 半夜帮我开了门 感动": praise in today's words.
  if (/yyds|感动|暖心|太暖了|好人一生平安|\bkudos\b/i.test(text) && !/反讽|呵呵|\?|？/.test(text) && !DISPLEASURE.test(text) && !SARCASM.test(text)) add("praise", 0.6);
  if (PET_AT_NIGHT.test(text)) add("complaint", 0.3);
  // "不是说周末不能施工吗", "维修基金从来不公示", "好久没人浇水", "出了事谁负责": grievances put as questions or facts.
  if (GRIEVANCE.test(text)) add("complaint", 0.4);
  // "隔壁家的空调外机…轰隆轰隆的": a neighbour's noise is theirs to stop, not a repair.
  if (NEIGHBOUR_NOISE.test(text) && !/我家|我们家/.test(text.replace(NEIGHBOUR_NOISE, ""))) add("complaint", 0.3);
  return out;
}

/** Category probabilities nudged by strong keywords (classes in the category head's order). */
export function categoryPriors(text: string, classes: readonly string[], p: number[]): number[] {
  const out = p.slice();
  for (const [re, cat, boost] of CATEGORY_PRIORS) {
    if (!re.test(text)) continue;
    const i = classes.indexOf(cat);
    if (i >= 0) out[i] = (out[i] ?? 0) + boost;
  }
  return out;
}

// A complaint that a repair was promised and not done is about the thing to repair (LABELS.md: the
// problem's category), unless it is about how a person behaved.
const STAFF_CONDUCT = /态度|一地|满地|弄脏|弄得|鞋套|留在|不收拾|不清理|什么服务|骂|吼|凶|不耐烦|爱答不理|翻白眼|阴阳怪气|冷漠|玩手机|睡觉|打瞌睡|喝酒|抽烟|收钱|乱收费|多收|收了[^，。]{0,6}(钱|块|元|费)|上门费|人工费|材料费|素质|不礼貌|没礼貌|\b(rude|yell(ed)?|shout(ed)?)\b/i;
const OBJECT_CATEGORIES: ReadonlySet<Category> = new Set(["water", "electricity", "gas", "elevator", "access", "structure", "facility"]);

/** The physical category a staff complaint names, when it names one and is not about conduct. */
export function objectOfStaffComplaint(text: string, classes: readonly string[], p: number[]): Category | null {
  if (STAFF_CONDUCT.test(text)) return null;
  let best: Category | null = null, bestP = -1;
  for (const [re, cat] of CATEGORY_PRIORS) {
    if (!OBJECT_CATEGORIES.has(cat) || !re.test(text)) continue;
    const q = p[classes.indexOf(cat)] ?? 0;
    if (q > bestP) { best = cat; bestP = q; }
  }
  return best;
}

/** A member of staff named with how they behaved ("前台…阴阳怪气", "保安上班刷抖音"). */
const IDLE_ON_DUTY = /睡觉|睡着|睡得|呼呼大睡|瞓觉|打瞌睡|玩手机|看手机|刷手机|刷抖音|放抖音|外放|刷剧|刷视频|打游戏|喝酒/;
export function staffConduct(text: string): boolean {
  return STAFF_WHO.test(text) && (CONDUCT.test(text) || IDLE_ON_DUTY.test(text));
}

// Specific problem words (strong enough to name a category alone) for complaints the model files as `other`.
const NAMED: ReadonlyArray<readonly [RegExp, Category]> = [
  [/(?<!(楼顶|屋顶|房顶|顶楼|外墙|墙体?))漏水|滴水|滴滴答答|渗漏|水管|下水道|返水|水压|马桶|积水|泡水|水淹|\b(leak(ing|s)?|pipe|drain|sewage)\b/i, "water"],
  [/噪音|吵|扰民|音响|唱歌|唱k|\b(noise|noisy|loud|karaoke|music)\b/i, "noise"],
  [/电梯|\b(lift|elevator)\b/i, "elevator"],
  [/车位|停车|乱停|充电桩|\b(parking|car park)\b/i, "parking"],
  [/垃圾|臭|蟑螂|老鼠|油烟|卫生(?!间)|\b(rubbish|bins?|stink|smell)\b/i, "sanitation"],
  [/漏雨|外墙|墙体|裂缝|天花板|屋顶|楼顶|房顶|\b(roof|ceiling|damp)\b/i, "structure"],
  [/狗|猫|宠物|(?<!放)鸽子|\b(dogs?|cats?|pets?)\b/i, "pets"],
  [/装修|砸墙|电钻|\b(renovat\w*|drilling)\b/i, "decoration"],
  [/杂物|陌生人|小偷|被偷|\b(theft|stolen|strangers?)\b/i, "security"],
  [/门禁|单元门|道闸|对讲|\b(intercom|gate)\b/i, "access"],
  [/路灯|楼道灯|停电|跳闸|插座|\b(power cut|lights?|streetlights?)\b/i, "electricity"],
  [/绿化|草坪|草地|修剪|树木|\b(lawn|hedges?|trees?)\b/i, "greenery"],
  [/大坑|坑洼|井盖|健身器材|健身器|滑梯|秋千|长椅|信报箱|快递柜|\b(playground|bench|mailbox|manhole|pothole)\b/i, "facility"],
];
// A promise of a visit broken, with no object named: the staff's conduct ("说好的周三来修…人影都没见着").
const NO_SHOW = /放鸽子|爽约|人影都没|(说好|约好|约了|约的)的?[^，。]{0,10}(来|上门)[^。]{0,30}(没来|没见|没人|没有人)/;
const FEE_PAID = /物业费|管理费|服务费|\b(service charge|management fee)\b/i;

/**
 * The category a complaint takes when it names its problem in words the model may miss: the one problem
 * an escalation is about ("…水管漏水…我已经找了律师"), `other` for a fee-value complaint listing several
 * ("物业费三千多，电梯三天两头坏，绿化没人修剪，保安也不管事"), staff for a broken appointment.
 */
export function complaintCategory(text: string, category: Category, escalated: boolean): Category {
  const named = new Set<Category>();
  for (const [re, c] of NAMED) if (re.test(text)) named.add(c);
  // (Cleaners are the sanitation service itself, not another problem.)
  const staffNamed = STAFF_WHO.test(text.replace(/保洁|清洁/g, ""));
  // The fee against several failings ("楼道脏 电梯老坏 保安天天睡觉 真不知道交钱干嘛的"): other.
  if (FEE_PAID.test(text) && FEE_VALUE.test(text) && named.size + (staffNamed ? 1 : 0) >= 2) return "other";
  // A member of staff behaving badly is a staff complaint, whatever else is named ("物业经理收了装修押金不给收据").
  if (staffConduct(text)) return "staff";
  if (escalated && named.size === 1) return [...named][0] ?? category;
  if (named.size === 0 && NO_SHOW.test(text)) return "staff";
  return category;
}

/** The category of the only problem a text names, or null when it names none or several. */
export function singleNamedCategory(text: string): Category | null {
  const hits = new Set<Category>();
  for (const [re, c] of NAMED) if (re.test(text)) hits.add(c);
  return hits.size === 1 ? [...hits][0] ?? null : null;
}
