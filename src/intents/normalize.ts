// Text normalisation, run once per message before rules, location parsing and the model.
// Keeps case (letters in "B座" matter for locations); the model lowercases its own features.
import * as OpenCC from "opencc-js/t2cn";

// opencc-js types resolve loosely under nodenext: pin the converter's shape here.
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: "hk", to: "cn" });

/** Common voice-input / pinyin-IME slips seen in resident messages, wrong → right. */
const TYPOS: ReadonlyArray<readonly [string, string]> = [
  ["甚水", "渗水"], ["深水", "渗水"], ["参水", "渗水"], ["报休", "报修"], ["抱修", "报修"], ["保修", "报修"],
  ["漏谁", "漏水"], ["楼水", "漏水"], ["物叶", "物业"], ["无业", "物业"], ["物页", "物业"],
  ["转不东", "转不动"], ["水笼头", "水龙头"], ["水龙投", "水龙头"], ["下水到", "下水道"], ["电悌", "电梯"],
  ["电题", "电梯"], ["停点了", "停电了"], ["跳匝", "跳闸"], ["没点了", "没电了"], ["马通", "马桶"],
  ["燃汽", "燃气"], ["煤汽", "煤气"], ["媒气", "煤气"], ["着伙", "着火"], ["起伙", "起火"], ["露电", "漏电"], ["天花版", "天花板"], ["门尽", "门禁"], ["门进卡", "门禁卡"],
  ["投述", "投诉"], ["头诉", "投诉"], ["堵赛", "堵塞"], ["坏掉拉", "坏掉了"], ["修里", "修理"],
  ["使唔使", "要不要"], ["得唔得", "行不行"], ["入唔入得", "能不能进"],
  ["唔该", "谢谢"], ["多谢", "谢谢"], ["唔使", "不用"], ["冇事喇", "没事了"], ["冇", "没"], ["咗", "了"], ["嘅", "的"], ["唔", "不"], ["嘢", "东西"], ["喺", "在"],
  ["佢", "他"], ["哋", "们"], ["乜嘢", "什么"], ["搞咩", "搞什么"], ["几时", "什么时候"], ["边度", "哪里"],
  // More Cantonese (after traditional → simplified): enough for the model and the rules to read it.
  ["系咪", "是不是"], ["点解", "为什么"], ["点样", "怎么"], ["边个", "谁"], ["咩", "什么"], ["嚟", "来"], ["睇", "看"],
  ["啲", "些"], ["揾", "找"], ["搵", "找"], ["攞", "拿"], ["畀", "给"], ["俾", "给"], ["咁", "这么"], ["成日", "经常"],
  ["琴日", "昨天"], ["噚日", "昨天"], ["听日", "明天"], ["而家", "现在"], ["瞓", "睡"], ["煲烟", "抽烟"], ["食烟", "抽烟"], ["屋企", "家里"],
  ["水喉", "水管"], ["冷气", "空调"], ["䢂", "电梯"], ["𨋢", "电梯"], ["坏咗", "坏了"], ["系度", "在这"], ["在度", "在这"],
  ["升降机", "电梯"], ["入面", "里面"], ["出面", "外面"], ["嗰", "那"], ["呢度", "这里"], ["呢个", "这个"], ["啱啱", "刚刚"],
  ["仲未", "还没"], ["仲有", "还有"], ["仲欠", "还欠"], ["仲要", "还要"], ["几多", "多少"], ["点算", "怎么办"], ["好耐", "好久"], ["成晚", "整晚"], ["朝早", "早上"], ["搞掂", "搞定"],
  ["成个", "整个"], ["吹冧", "吹倒"], ["冧咗", "倒了"], ["看更", "保安"], ["嘈", "吵"], ["跌落", "掉下"], ["郁紧", "在动"], ["鬆", "松"], ["停晒", "全停"], ["黑晒", "全黑"], ["撳", "按"], ["行楼梯", "走楼梯"], ["冲凉", "洗澡"], ["边日", "哪天"],
  ["屋苑", "小区"], ["熄晒", "全灭了"], ["熄咗", "灭了"], ["落唔到", "下不去"], ["落不到", "下不去"], ["打交", "打架"], ["细路", "小孩"], ["揸车", "开车"], ["揸", "开"], ["掟", "扔"], ["晾衫", "晾衣服"], ["系咁", "是这样"], ["好细", "好小"], ["落嚟", "下来"], ["落去", "下去"], ["风球", "台风信号"], ["勤力", "勤快"], ["甲荃", "甲醛"], ["甲全", "甲醛"],
  // More pinyin-IME and voice-input slips.
  ["灯炮", "灯泡"], ["插坐", "插座"], ["马统", "马桶"], ["维秀", "维修"], ["天燃气", "天然气"], ["暖器片", "暖气片"], ["楼到里", "楼道里"],
  ["物业废", "物业费"], ["wy费", "物业费"], ["WY费", "物业费"], ["交废", "交费"], ["停车废", "停车费"], ["保按", "保安"],
  ["跳炸", "跳闸"], ["抱修", "报修"], ["等泡", "灯泡"], ["楼道等坏", "楼道灯坏"], ["路等坏", "路灯坏"], ["楼道等不亮", "楼道灯不亮"], ["管架", "管家"], ["对奖机", "对讲机"], ["马筒", "马桶"], ["电听", "电梯"], ["不郁", "不动"], ["包安", "保安"],
  // Cantonese "唔执" (not tidied up) before "唔" → "不" above is applied… so as the result of it.
  ["不执", "不收拾"],
  // (More Cantonese: "仲係冇電" is still without power, "冧落" falling down.)
  ["𨋢", "电梯"], ["睇", "看"], ["嗌交", "吵架"], ["大嗌", "大喊"], ["执手尾", "收拾"], ["大闸", "大门"], ["烧衣", "烧纸"], ["仲系", "还是"], ["仲未", "还没"], ["都话", "都说"], ["话已经", "说已经"], ["今朝", "今天"], ["冧落", "倒下来"], ["冧咗", "倒了"], ["就快冧", "快倒下来"],
  // Shanghainese and northern words older residents write as they speak.
  ["阿拉", "我们"], ["侬好", "你好"], ["侬", "你"], ["屋里厢", "家里"], ["啥辰光", "什么时候"], ["辰光", "时候"],
  ["夜里向", "晚上"], ["落雨", "下雨"], ["关勿上", "关不上"], ["关勿牢", "关不紧"], ["勿好", "不好"], ["困勿着", "睡不着"], ["勿灵", "不灵"],
  ["坏脱了", "坏了"], ["好伐", "好吗"], ["俺家", "我家"], ["莫得", "没有"], ["没得水", "没水"], ["没得电", "没电"], ["没得气", "没气"], ["没得热水", "没热水"], ["莫事", "没事"], ["莫人", "没人"], ["莫担心", "别担心"], ["莫慌", "别慌"], ["啥子", "什么"], ["咋个", "怎么"], ["屋头", "家里"], ["搞快点", "快点"], ["嘎哈", "干啥"], ["俺妈", "我妈"], ["俺们", "我们"],
];

// A few emoji carry meaning (sarcastic thumbs, urgency, thanks); the rest become spaces.
const EMOJI_WORDS: Record<string, string> = {
  "👍": " 赞 ", "😂": " 哈哈 ", "🤣": " 哈哈 ", "🙏": " 谢谢 ", "😡": " 生气 ", "😤": " 生气 ", "💢": " 生气 ", "🤬": " 生气 ", "😠": " 生气 ", "😭": " 哭 ", "🔥": " 火 ",
  "💧": " 水 ", "⚡": " 电 ", "🆘": " 救命 ", "❤️": " 爱心 ", "🌹": " 花 ", "👌": " 好的 ",
};
const EMOJI_RE = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/gu;

// "@物业小助手", "@物业助手", "@小助手", "@物业" — the bot itself, not content. Other @names stay.
const BOT_MENTION_RE = /@(?:物业小助手|物业助手|小助手|物业管家|物业)/g;

const LIFT_IN_CHINESE = /(?<=\p{Script=Han}\s?)lift\b|\blift(?=\s?\p{Script=Han})/giu;

/** Full-width ASCII (Ｕ+FF01..FF5E) to half-width, ideographic space to space. */
function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

// Residents who type pinyin without converting it ("dian ti huai le, 5 hao lou"): the words of this
// domain, read back into characters so the rules and the model see them. A small table on purpose —
// general pinyin-to-characters conversion needs a language model; these words decide the labels.
const PINYIN_WORDS: ReadonlyArray<readonly [string, string]> = ([
  ["dian ti", "电梯"], ["shui guan", "水管"], ["lou shui", "漏水"], ["shen shui", "渗水"], ["ting shui", "停水"], ["ting dian", "停电"],
  ["mei shui", "没水"], ["mei dian", "没电"], ["tiao zha", "跳闸"], ["ran qi", "燃气"], ["mei qi", "煤气"], ["tian ran qi", "天然气"],
  ["xie lou", "泄漏"], ["lou qi", "漏气"], ["bei guan zhu", "被关住"], ["bei kun", "被困"], ["kun zhu", "困住"], ["guan zhu", "关住"],
  ["huai le", "坏了"], ["du le", "堵了"], ["bu liang", "不亮"], ["dan yuan men", "单元门"], ["dan yuan", "单元"], ["hao lou", "号楼"],
  ["wu ye fei", "物业费"], ["wu ye", "物业"], ["men jin ka", "门禁卡"], ["men jin", "门禁"], ["kuai di gui", "快递柜"], ["kuai di", "快递"],
  ["zhuang xiu", "装修"], ["za qiang", "砸墙"], ["bao jie", "保洁"], ["bao an", "保安"], ["kong tiao", "空调"], ["xie xie", "谢谢"],
  ["jian yi", "建议"], ["qing wen", "请问"], ["zen me yang", "怎么样"], ["zen me", "怎么"], ["wo de", "我的"], ["jin du", "进度"], ["dao na le", "到哪了"], ["bao xiu", "报修"], ["kuai lai", "快来"], ["zhao huo", "着火"],
  ["qi huo", "起火"], ["mao yan", "冒烟"], ["da jia", "打架"], ["ma tong", "马桶"], ["xia shui dao", "下水道"], ["yu shi", "浴室"],
  ["wei sheng jian", "卫生间"], ["chu fang", "厨房"], ["lou ti", "楼梯"], ["lou dao", "楼道"], ["deng", "灯"], ["suo", "锁"],
  ["ting che", "停车"], ["che wei", "车位"], ["jiao fei", "交费"], ["wei xin zhi fu", "微信支付"], ["zhi fu", "支付"], ["jiao", "交"],
  ["jin xiao qu", "进小区"], ["xiao qu", "小区"], ["deng ji", "登记"], ["you le chang", "游乐场"], ["chao", "吵"], ["tai guo fen le", "太过分了"],
  ["hai mei ren lai", "还没人来"], ["mei ren", "没人"], ["liang ci", "两次"], ["pai shui guan", "排水管"], ["an pai", "安排"], ["xian zai", "现在"],
  ["shen me shi hou", "什么时候"], ["bu ban", "补办"], ["sao", "扫"], ["hui chen", "灰尘"], ["dong", "栋"], ["ceng", "层"],
  ["xiu hao le mei", "修好了没"], ["xiu hao le ma", "修好了吗"], ["xiu hao", "修好"], ["jin du", "进度"], ["mei you", "没有"], ["mei", "没"],
  ["dian bu zhao huo", "点不着火"], ["bu zhao huo", "不着火"], ["zou bu dong", "走不动"], ["ming tian", "明天"], ["ma", "吗"], ["le", "了"],
] as const).slice().sort((a, b) => b[0].length - a[0].length);
const PINYIN_TEXT = /^[\sa-z0-9,.!?'"，。！？、#\-:]*$/i;
const PINYIN_SYLLABLES = /\b(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)\b/gi;

/** Pinyin typed without characters, mostly: its domain words as characters. Other text unchanged. */
function fromPinyin(text: string): string {
  if (!PINYIN_TEXT.test(text.replace(BOT_MENTION_RE, " "))) return text;
  const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const syllables = text.match(PINYIN_SYLLABLES)?.length ?? 0;
  if (words.length < 3 || syllables < words.length * 0.8) return text;
  let out = ` ${text.replace(BOT_MENTION_RE, " ").toLowerCase()} `;
  for (const [py, han] of PINYIN_WORDS) out = out.replace(new RegExp(`(?<=[^a-z])${py}(?=[^a-z])`, "g"), han);
  return out.trim();
}

export function normalize(text: string): string {
  let t = fromPinyin(toHalfWidth(text.normalize("NFKC")));
  t = toSimplified(t);
  t = t.replace(BOT_MENTION_RE, " ");
  // "部lift坏咗": Hong Kong Cantonese names the lift in English inside a Chinese sentence.
  t = t.replace(LIFT_IN_CHINESE, "电梯");
  for (const [wrong, right] of TYPOS) if (t.includes(wrong)) t = t.split(wrong).join(right);
  // Wuhan and Changsha speech: "么时候" (什么时候), "么样" (怎么样), "搞么事", "伢" (a child).
  t = t.replace(/(?<![什怎那这多要])么(时候|样|回事|事)/g, (_, w: string) => (w === "时候" ? "什么时候" : w === "样" ? "怎么样" : w === "回事" ? "怎么回事" : "什么"))
    .replace(/(?<![小])伢(们|子)?/g, "孩子");
  // Shanghainese "个" for 的: "阿拉是26号601个", "卫生间个水龙头".
  t = t.replace(/(?<=\d{3,4})个(?=[,，。\s]|$)/g, "的").replace(/(?<=卫生间|厨房|阳台|家里|房间|我们|客厅|楼道)个(?=[\u4e00-\u9fff])/g, "的");
  // Voice-input slips that need their context: "然气" without its 燃/天, "楼都停店了" (停电).
  t = t.replace(/(?<![燃天])然气/g, "燃气").replace(/(?<=(?:楼|家|家里|都|全|整栋|整个小区|单元)\s?)停店/g, "停电");
  t = t.replace(EMOJI_RE, (e) => EMOJI_WORDS[e] ?? " ");
  return t.replace(/[\s\u2005\u00a0]+/g, " ").trim();
}
