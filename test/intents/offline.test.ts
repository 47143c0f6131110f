import { describe, expect, it } from "vitest";
import { classifyOffline } from "../../src/intents/offline.js";
import type { ChatKind } from "../../src/intents/types.js";

const c = (text: string, chat: ChatKind = "direct", mentioned = false) => classifyOffline({ text, chat, mentioned });

describe("safety words give urgency 1", () => {
  it.each([
    ["厨房里一股煤气味 我把阀门关了", "repair", "gas"],
    ["燃气泄漏了快来人", "repair", "gas"],
    ["楼道里着火了 好大的烟", "complaint", "security"],
    ["电表箱冒烟了 一股焦味", "repair", "electricity"],
    ["阳台水管爆了 水喷了一地", "repair", "water"],
    ["家里被淹了 楼上漏下来的", "repair", "water"],
    ["我被困在电梯里了", "repair", "elevator"],
    ["整栋楼都停电了 怎么回事", "repair", "electricity"],
    ["全小区都没水了吗", "repair", "water"],
    ["小区停水了", "repair", "water"],
    ["我们小区突然停电了", "repair", "electricity"],
    ["楼下有两个人打起来了", "complaint", "security"],
    ["我家门被撬了 东西都被翻了", "complaint", "security"],
    ["有人从楼上往下扔花盆", "complaint", "security"],
    // Dangers told without the usual words.
    ["我女儿刚才不见了 在小区里找了半天 帮忙看下监控", "complaint", "security"],
    ["洗衣机漏电 碰一下手就发麻 我妈被电了一下", "repair", "electricity"],
    ["5栋那部电梯刚才一下子往下溜了三层 里面的人吓坏了", "repair", "elevator"],
    ["刮大风 我家卧室窗户被风吹掉了 玻璃掉到楼下了", "repair", "structure"],
    ["东门的保安在岗亭被人打了 头上都是血", "complaint", "security"],
    ["楼下草坪边上一根电线露在外面 正下着雨 孩子们在边上玩", "repair", "electricity"],
    ["家里一氧化碳报警器响个不停 我有点头晕", "repair", "gas"],
    ["两个人在车棚正撬别人的电瓶车锁", "complaint", "security"],
  ])("%s", (text, intent, category) => {
    const r = c(text);
    expect(r.urgency).toBe(1);
    expect(r.intent).toBe(intent);
    expect(r.category).toBe(category);
  });

  it.each([
    "楼上噪音投诉了好几次都没人管",
    "再不修好我就打12345",
    "我要找媒体曝光你们",
    "再拖下去就去法院起诉物业",
    "I will report this to the housing bureau",
  ])("escalation: %s", (text) => {
    const r = c(text);
    expect(r.urgency).toBe(1);
    expect(r.intent).toBe("complaint");
  });

  it("a hypothetical fire or a stove that won't light is not urgent", () => {
    expect(c("楼道堆满纸箱 万一着火怎么跑").urgency).not.toBe(1);
    expect(c("燃气灶打不着火 帮忙看看").urgency).not.toBe(1);
  });
  it("a danger denied, a guess with nothing taken, asking whether to call the police: not urgent", () => {
    expect(c("插座有点松 插头老掉 不冒烟也不发烫 就是不好用").urgency).not.toBe(1);
    expect(c("昨晚好像有人在车棚转悠 不知道是不是小偷 早上看了车都在").urgency).not.toBe(1);
    expect(c("隔壁两口子又在吵架 声音好大 要不要报警啊 没动手").urgency).not.toBe(1);
    expect(c("我朋友说他们小区物业被业主起诉了 哈哈", "group").urgency).not.toBe(1);
  });
  it("a planned outage notice question is not an incident", () => {
    expect(c("明天停水通知说整个小区都停水吗").urgency).toBe(3);
  });
});

describe("urgency 2 conventions", () => {
  it("repeat lift failure", () => expect(c("电梯又坏了").urgency).toBe(2));
  it("complaint about staff", () => {
    const r = c("保安态度太差了 问个路都爱答不理");
    expect(r.intent).toBe("complaint");
    expect(r.urgency).toBe(2);
  });
  it("a neighbour's noise is routine", () => {
    const r = c("楼上天天半夜跺脚 吵得睡不着");
    expect(r.intent).toBe("complaint");
    expect(r.urgency).toBe(3);
  });
});

describe("group banter", () => {
  it.each(["哈哈哈哈太逗了", "有没有人拼团买橙子 接龙", "早上好各位邻居", "出闲置儿童自行车 8成新", "今天的晚霞好美"])(
    "%s → other", (text) => {
      const r = c(text, "group", false);
      expect(r.intent).toBe("other");
      expect(r.urgency).toBe(3);
    });
});

describe("routine intents", () => {
  it.each([
    ["卫生间马桶堵了 麻烦派人来通一下", "repair"],
    ["物业费可以用支付宝交吗", "fee"],
    ["我上周报的修现在到哪一步了", "progress"],
    ["装修需要办什么手续", "inquiry"],
    ["建议小区多装几个充电桩", "suggestion"],
    ["谢谢维修师傅 修得又快又好", "praise"],
    ["The lift is broken again", "repair"],
  ])("%s → %s", (text, intent) => {
    expect(c(text).intent).toBe(intent);
  });
  it("category is null outside repair and complaint", () => {
    expect(c("物业费怎么交").category).toBeNull();
  });
  it("reports offline decisions with a confidence in 0..1", () => {
    const r = c("电梯坏了");
    expect(r.decidedBy).toBe("offline");
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });
});

describe("lifts out of service and unit doors (LABELS.md conventions)", () => {
  it("a lift out of service is urgency 2, a small fault stays 3", () => {
    expect(c("6栋电梯停运了 住高层的只能爬楼").urgency).toBe(2);
    expect(c("电梯按钮有点不灵 按两下才亮").urgency).toBe(3);
  });
  it("a unit door that no longer locks is urgency 2", () => {
    const r = c("2单元单元门的锁坏了 一推就开");
    expect(r.category).toBe("access");
    expect(r.urgency).toBe(2);
  });
  it("attempts are not repeat reports", () => expect(c("门禁卡刷了七八次了 就是不开门").urgency).toBe(3));
});

describe("complaint categories", () => {
  it("a repair promised and not done is about the thing", () => {
    const r = c("约好上午来修马桶 等到下午人影都没有 耍人呢");
    expect(r.intent).toBe("complaint");
    expect(r.category).toBe("water");
  });
  it("conduct stays staff", () => expect(c("修灯的师傅态度很凶 还嫌我事多").category).toBe("staff"));
});

describe("group banter with danger words", () => {
  it.each(["热得我要冒烟了", "38度了 阳台要着火了 热死人🔥🔥", "昨天追了部电影 电梯坠落那种 现在坐电梯都腿软", "我同事在公司被困电梯了 吓死", "看新闻说外省有个小区燃气爆炸 大家注意", "我家狗把水盆打翻了 地上全是水 哈哈"])(
    "%s → other", (text) => {
      const r = c(text, "group", false);
      expect(r.intent).toBe("other");
      expect(r.urgency).toBe(3);
    });
});

describe("a community-wide outage", () => {
  it.each(["小区停水是几点到几点", "明天小区停水吗"])("asked about as planned works is an enquiry: %s", (text) => {
    const r = c(text);
    expect(r.urgency).not.toBe(1);
    expect(r.intent).toBe("inquiry");
  });
});

describe("unmentioned group messages", () => {
  it("acting on a report is judged on repair or complaint together", () => {
    // Between a repair and a complaint; the group threshold (0.75) applies to both together.
    const r = c("楼道灯坏了一个星期了", "group", false);
    expect(["repair", "complaint"]).toContain(r.intent);
    expect(r.confidence).toBeGreaterThanOrEqual(0.75);
  });
  it("banter stays below any threshold", () => {
    expect(c("哈哈哈笑死 今晚吃啥", "group", false).intent).toBe("other");
  });
});

describe("escalation wording is not a category", () => {
  it("找电视台 names no electrical problem", () => {
    const r = c("我已经投诉过五六次了 没有一个人回复 明天我就找电视台");
    expect(r.urgency).toBe(1);
    expect(r.category).not.toBe("electricity");
  });
});

describe("chasing an earlier request (progress) vs new reports and complaints", () => {
  it.each(["师傅到底还来不来 我在家等一下午了", "帮我催催 那个漏水的单子", "我那个报修有人接了没有", "请问维修有进展了吗"])(
    "%s → progress", (text) => expect(c(text).intent).toBe("progress"));
  it("a new fault asking when is a repair", () => expect(c("厨房水管在滴水 师傅什么时候能来").intent).toBe("repair"));
  it("neglect named with displeasure stays a complaint", () =>
    expect(c("报修一个礼拜了人影都没有 什么效率").intent).toBe("complaint"));
});

describe("group talk about shops and adverts", () => {
  it.each(["电梯里那个搬家公司的广告 有人用过吗", "北门新开的那家理发店收费贵不贵", "我认识个修家电的师傅 需要的可以找我"])(
    "%s → other", (text) => {
      const r = c(text, "group", false);
      expect(r.intent).toBe("other");
    });
  it("a real report in the group is still a ticket", () => expect(c("7号楼2单元的单元门坏了 关不上", "group", false).intent).toBe("repair"));
});

// Written after fresh14–fresh16 (new phrasings, not copies of those sets).
describe("dangers and near-misses told in other words", () => {
  it.each(["外墙上一块瓷砖半悬在那 随时可能坠落 下面是小区广场", "阳台上面的雨棚歪了 随时会塌"])("urgent: %s", (text) => {
    expect(c(text).urgency).toBe(1);
  });
  it.each([
    ["书房柜子的门合页坏了 整扇门掉下来了", "repair"],
    ["马桶水箱一直在放水 哗哗响了一晚上", "repair"],
    ["孩子的自行车在车棚被偷了 谁看到了告诉我一声", "complaint"],
  ])("routine: %s", (text, intent) => {
    const r = c(text);
    expect(r.intent).toBe(intent);
    expect(r.urgency).not.toBe(1);
  });
  it("passing the buck is not a scuffle", () => {
    const r = c("墙面渗水的事你们物业一直推来推去 再不解决我就打12345");
    expect(r.urgency).toBe(1);
    expect(r.category).toBe("structure");
  });
});

describe("intents that read like others", () => {
  it.each([
    ["卧室停电了 别的房间也没电", "repair"],
    ["尊敬的物业：感谢贵处保安上月深夜帮我家找回走失的老人，特此致谢。", "praise"],
    ["能不能在北门那边加个快递柜 现在取件要走好远", "suggestion"],
    ["#41 啥进度了", "progress"],
    ["7栋3单元502刘女士的电话号码告诉我一下", "inquiry"],
    ["我手机换号了 登记的号码要怎么改", "inquiry"],
  ])("%s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it.each(["急售 本小区两居 精装修 满五唯一 有意私聊", "关你什么事 管好你自己家", "今晚掼蛋三缺一 速来"])("group talk: %s", (text) => {
    expect(c(text, "group").intent).toBe("other");
  });
});

describe("complaint categories named in words", () => {
  it("a fee-value complaint listing several problems is other", () => {
    expect(c("交着物业费 电梯天天坏 草坪没人管 保安也不巡逻 服务在哪").category).toBe("other");
  });
  it("a broken appointment with nothing named is the staff's conduct", () => {
    expect(c("说好的今天上午来 我在家等到中午 人影都没见着 电话也不接").category).toBe("staff");
  });
  it("a dog breed barking is pets", () => expect(c("对门的哈士奇天天半夜嚎 吵得睡不着").category).toBe("pets"));
  it("a barrier gate is access", () => expect(c("地库出口的道闸坏了 抬不起来").category).toBe("access"));
});

// Written after fresh17 (safety): dangers in new word orders, and danger words that report nothing.
describe("safety after fresh17", () => {
  it.each([
    "5栋三楼窗台外面蹲着个小孩 家里好像没大人",
    "楼梯扶手整段松动了 一靠就往外倒 老人天天走",
    "半夜有个陌生男人在楼道里挨家挨户拧门 好吓人 9栋2单元",
    "成個屋苑黑晒，乜都睇唔到",
  ])("urgent: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    ["前天报的燃气泄漏那个工单 师傅今天还来复查吗", "progress"],
    ["上个月楼道着火那事我反映过一次 到现在没人回复", "complaint"],
    ["楼顶可以烧烤吗 听说容易起火", "inquiry"],
    ["請問管理處禮拜日開唔開門", "inquiry"],
    ["上次水管爆了是你们师傅修的 请问收不收费", "fee"],
  ])("not a new danger: %s → %s", (text, intent) => {
    const r = c(text);
    expect(r.urgency).not.toBe(1);
    expect(r.intent).toBe(intent);
  });
});

// Written after fresh18 (categories): new phrasings of its boundary cases.
describe("categories after fresh18", () => {
  it.each([
    ["凌晨四点半清运车就来了 哐当哐当的 整栋楼都被吵醒", "noise"],
    ["地库入口那个摄像头坏了三个月了 出了事都查不到", "facility"],
    ["给我们修马桶的师傅在屋里抽烟 鞋套也不穿", "staff"],
    ["对门的柯基把快递员咬了 现在还在楼道里乱窜", "pets"],
  ])("%s → %s", (text, category) => expect(c(text).category).toBe(category));
  it("a licence plate is not the 12345 hotline", () => {
    expect(c("门口那辆京A12345的车堵了消防通道 麻烦挪一下").urgency).not.toBe(1);
  });
  it("a dog that nearly bit someone is not an emergency", () => {
    expect(c("楼下那条大狗不拴绳 差点咬到我家孩子").urgency).not.toBe(1);
  });
});

// Written after fresh19 (a realistic week): new phrasings of its misses.
describe("after fresh19", () => {
  it.each([
    ["停车费付款一直显示支付失败 扣了钱没到账", "fee"],
    ["家里常年没人住 管理费能不能减半", "fee"],
    ["建议物业中午也留个人值班 我们只有午休有空", "suggestion"],
  ])("%s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it("a word to a neighbour by name in the group is not for the office", () => {
    expect(c("@王姐 你家阳台的花盆快掉了 收一下吧", "group").intent).not.toBe("suggestion");
    expect(c("@张哥 你车窗没关 在地库C区", "group").intent).toBe("other");
  });
  it.each(["物业电话打了二十多次都没人接 什么服务", "车老停在消防通道 万一救护车进不来怎么办"])("not grade 1: %s", (text) => {
    expect(c(text).urgency).not.toBe(1);
  });
});

// Written after fresh21/fresh22 (phone typing; category boundaries): new phrasings of their misses.
describe("after fresh21 and fresh22", () => {
  it.each([
    "刚才还以为哪里着火了 原来是楼下饭店在熏腊肉 味道飘了一晚上",
    "隔壁好像在砸门……哦不是 是他们家在钉柜子 太吵了",
    "着火了着火了 江对岸放的烟花真漂亮",
    "电梯停在五楼不动了 门开着 没人困在里面 5栋",
    "小区北边绿化带那根管子漏了好几天了 一直往外冒水 太浪费了",
  ])("not grade 1: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it.each([
    "楼道里有人烧东西 烟大得呛人 7栋",
    "车库那根总管往外喷水 水都没过脚面了",
  ])("grade 1: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    ["顶楼房顶漏水 一下雨卧室墙角就往下滴 12栋", "structure"],
    ["楼顶漏水两年了 投诉多少次都没人管 再不修我就找记者 3栋", "structure"],
    ["北门那个监控探头歪了 灯也不亮", "facility"],
    ["阳台晾衣架的绳子断了 杆子降不下来", "other"],
    ["草坪刚打完农药也不立个牌子 狗都差点吃了", "greenery"],
    ["前台那个小姑娘说话太冲了 问两句就不耐烦", "staff"],
  ])("%s → %s", (text, category) => expect(c(text).category).toBe(category));
  it.each([
    ["我们单元好像停气了 楼上楼下都说没气 6栋2单元", 2],
    ["单元门的门禁坏了 刷卡没反应 大家只能等人出来才进得去", 2],
  ])("%s → grade %i", (text, urgency) => expect(c(text).urgency).toBe(urgency));
  it.each([
    ["上次说帮我补办的车位卡办好了没 我周末去拿", "progress"],
    ["不是说晚上十点以后不能装修吗 楼上还在敲", "complaint"],
    ["前几天报过一次了 阳台下水还在堵 麻烦再来看看", "repair"],
    ["跟你们说一声 早上燃气有点味 燃气公司来看过了 已经没事了", "other"],
  ])("%s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
});

// Written after fresh23/fresh24 and the adv11 scenarios: new phrasings of their misses.
describe("after fresh24 (urgency)", () => {
  it.each([
    "院子里那棵老槐树根都翘起来了 整棵往停车位那边歪 快倒了",
    "2栋电梯门开着 轿厢不在 里面黑乎乎的 我拿箱子挡住了",
    "对面楼有个小孩爬到窗户外面 坐在空调架上 没大人",
    "冰箱后面冒烟了 一股焦味 7栋1单元302",
    "1号楼电梯坏了半个月 我反映了四五次都没人理",
  ])("grade 1: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    "燃气公司的人来测过了 不是漏气 就是下水道的味 麻烦派人看看",
    "楼道烟感响了是我家 炒菜油烟太大 不是着火 抱歉",
    "插座有点松 没冒火花 有空来修一下就行",
    "我同事住翠苑小区 说他们那边昨晚有人打架 咱们小区保安晚上巡逻吗",
    "听说昨天电梯困人了 后来消防把人救出来了 现在能坐了吗",
    "热水器打不着火 燃气灶是好的",
    "值班保安在岗亭里睡觉 叫都叫不醒",
    "这道菜辣得我嘴里着火了",
    "@物业小助手 把我们楼欠费的都列出来 曝光一下",
  ])("not grade 1: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it("an old man collapsed in a stuck lift is a lift emergency", () => {
    const r = c("电梯卡住不动了 电梯里有个老奶奶晕倒了 叫她不应");
    expect([r.intent, r.category, r.urgency]).toEqual(["repair", "elevator", 1]);
  });
});

describe("after fresh23 (asking versus reporting)", () => {
  it.each([
    "我一定要打12345好好表扬一下你们的王师傅",
    "马桶水箱一直哗哗响着流水 麻烦来换个浮球",
    "楼下花坛里全是烟头 也没人扫",
  ])("not grade 1: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it.each([
    ["希望物业能管管楼下乱停的三轮车 天天堵路", "complaint"],
    ["我那个漏水的单子到底还管不管了", "complaint"],
    ["有个想法 小区东边空地能不能改成停车场", "suggestion"],
  ])("%s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it("a fault in the group asking whether anyone reported it is a repair", () => {
    expect(c("篮球场的灯坏了好几盏 有人报修了吗", "group").intent).toBe("repair");
  });
  it("the fee against several failings is `other`, even with a sleeping guard among them", () => {
    expect(c("交那么多物业费 垃圾没人收 路灯不亮 保安天天睡觉 真不知道交钱干嘛的").category).toBe("other");
  });
});

describe("after fresh24 (how and who)", () => {
  it.each([
    "电梯卡丢了 怎么补办",
    "楼道里的灭火器过期了 是物业换还是我们自己换？",
    "上周楼上漏水把我家吊顶泡了 物业能赔吗",
    "前两天说有人偷电瓶 后来抓到了吗",
  ])("inquiry: %s", (text) => expect(c(text).intent).toBe("inquiry"));
  it("a receptionist's conduct over a parking-fee question is a staff complaint", () => {
    const r = c("你们前台态度太差了 我问个停车费 她直接挂我电话");
    expect([r.intent, r.category]).toEqual(["complaint", "staff"]);
  });
  it("renovation rubbish is decoration", () => expect(c("楼道里堆着别人家的装修垃圾 半个月没人清").category).toBe("decoration"));
});

describe("after fresh25 and fresh31 (northern winters)", () => {
  it.each([
    // Three of the four holdout authors who met heating file a cold radiator under water (README).
    ["我家暖气片摸着冰凉 屋里才14度 5栋1单元302", "water"],
    ["暖气片接口一直滴水 地上湿了一片", "water"],
    ["南门口的冰一直没人铲 老人都不敢出门", "sanitation"],
  ])("%s → %s", (text, category) => expect(c(text).category).toBe(category));
  it.each([
    ["空房子取暖费能不能打折", "fee"],
  ])("%s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it("'反映过多少回了…一次都没管过' is an escalation", () => {
    expect(c("楼下烧烤店排风扇半夜响 反映过多少回了 你们一次都没管过").urgency).toBe(1);
  });
});

describe("after fresh32 (safety: dangers told every way, and near-misses)", () => {
  it.each([
    "隔壁1502一直有哗哗的水声 门缝底下都在往外渗水 敲门没人",
    "热水器底下一直往外冒水 地上全湿了 我关不上",
    "单元门口的雨棚玻璃裂了 正在一片一片往下掉 2栋3单元",
    "窗台上有个小孩 往外探 好危险 谁家的 快去",
    "燃气表接头那里在冒泡 我拿肥皂水试了 真漏了",
    "电梯门开着就在往上走 差点把我女儿夹了",
    "楼道里有点烟 应该没事吧?",
    "楼上那家又在打架了 砸东西的声音 女的在哭喊救命",
    "There's a kid standing on the windowsill on the 8th floor of block A, window wide open!!",
    "我十分钟前报了电梯困人 维修师傅出发了吗 人还在里面",
    "6栋地下室燃气管道被施工队挖破了 味道很大",
  ])("urgent: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    "楼道一股烧焦味是我家 煮粥煮糊了 不好意思",
    "我是电视台的记者 想拍一下你们小区的垃圾分类",
    "12345那边让我来问物业 我家楼下的空地能不能停车",
    "刚才家里跳闸 插座冒了个火花 我重新推上去就好了 现在都正常",
    "打架的已经被保安拉开了 派出所也来人了 大家别围观了",
    "电梯里贴了通知说今天在做困人救援演练 是这台不能坐吗",
    "My friend's building in another district flooded last night. Does our garage have flood barriers?",
    "楼上小孩跑来跑去 感觉楼板都要塌了 哈哈",
  ])("not urgent: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it("smoke from an electric blanket is electrical", () => {
    expect(c("屋里全是烟 好像是电热毯 我眼睛看不清").category).toBe("electricity");
  });
});

describe("after fresh26 (group chats)", () => {
  it.each([
    "谁家丢的钱包？黑色的，我交给门卫了",
    "好好好你说得都对 不跟你吵了",
    "大家的电动车都在哪修的？我的刹车不灵了",
    "[转发] 街道通知：周六上午社区广场义诊",
    "谢谢5栋的李阿姨帮我接孩子",
  ])("other in the group: %s", (text) => expect(c(text, "group").intent).toBe("other"));
});

describe("after fresh35–fresh38 (indirect dangers, harmless smells, group chatter)", () => {
  it.each([
    ["小区里一条狗把我女儿咬了 腿上都是血 狗还在楼下", "pets"],
    ["刚才被一只没拴的大黄狗咬伤了 在3栋门口", "pets"],
    ["有个男的硬挤进我们单元门 现在还在楼梯间转悠 我好害怕", "security"],
    ["对门一直有孩子在哭 敲门没人开 门缝里有烟味飘出来", "security"],
    ["9栋外墙砖又往下掉了 砸在一辆车上", null],
    ["Bits of glass are falling from the balcony onto the walkway below, please come now", null],
    ["后面小路上有根电线垂下来 挂得很低 小孩伸手就够得着", "electricity"],
    ["12栋燃气全停了 整栋楼都打不着火", "gas"],
    ["反映了不下十次了 地库的灯天天不亮 你们一次都没管过", null],
  ])("urgent: %s", (text, category) => {
    const r = c(text);
    expect(r.urgency).toBe(1);
    if (category) expect(r.category).toBe(category);
  });
  it.each([
    "我表哥在别的城市被困电梯了半小时 咱们这电梯多久检修一次？",
    "燃气热水器用一会就灭 闻了没有燃气味 8栋302",
    "The gas boiler keeps switching off. No smell of gas at all.",
    "煤气灶的火很小 还是黄色的 做饭半天熟不了",
    "保洁刚喷了消毒水 楼道味道好冲 孩子有点咳",
    "楼下那家在熏腊肉 一股烧焦味 我下去看过了 没事",
    "电梯里的警铃一直响 原来是维保在测试",
    "家里刚跳闸了 自己推上去就好了 没事。就想问下总闸在哪",
    "快递柜屏幕黑了 整栋楼都取不了快递",
    "老伴拿扳手拧了半天水龙头还是滴水",
    "卫生间开关一按啪的一声 灯就不亮了 是不是灯烧了",
  ])("not urgent: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it.each([
    "我被困在公司电梯里了 等维修呢 晚上的团购帮我留着",
    "我家宽带又断了 电信客服死活打不通",
    "谁拿错我的快递了 一个蓝色箱子 放回2栋门口吧",
    "我车没电了 打不着 小区里有人有搭电线吗",
  ])("other in the group: %s", (text) => expect(c(text, "group").intent).toBe("other"));
  it.each([
    ["电梯里小广告贴得满满的 也没人撕", "sanitation"],
    ["楼上刷墙的油漆味太大了 呛得头疼", "decoration"],
    // (Charging an e-bike indoors stays `parking`: five holdout authors of eight file it so.)
    ["一楼那家把电动车推进楼道里充电 还拉了根线", "parking"],
    ["我停在地面的车后视镜被人掰断了", "security"],
  ])("category: %s → %s", (text, category) => expect(c(text).category).toBe(category));
  it("a car to move in the group is a parking complaint", () => {
    const r = c("谁家的白色大众挡在消防通道了 尾号66 麻烦挪一下车", "group");
    expect(r.intent).toBe("complaint");
    expect(r.category).toBe("parking");
  });
  it("asking whether they repair a broken thing asks for the repair", () => {
    expect(c("家里热水器坏了 你们能上门修吗").intent).toBe("repair");
  });
});

describe("after fresh40 (short messages)", () => {
  it.each([
    ["窗户玻璃裂了 好像要掉下去了", 1],
    ["楼道灯全灭了 黑乎乎的", 2],
    ["刚才电梯困人 四十分钟才来人", 2],
    ["楼下烧烤的油烟熏死人了", 3],
  ])("urgency: %s → %i", (text, urgency) => expect(c(text).urgency).toBe(urgency));
  it.each([
    ["冒烟那个事查清楚了没", "progress"],
    ["电梯修好没", "progress"],
    ["访客车怎么进", "inquiry"],
    ["弄好了 谢谢师傅", "praise"],
    ["不用来了 我自己弄好了 谢谢", "other"],
    ["刚才电梯困人 四十分钟才来人", "complaint"],
  ])("intent: %s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it("a pet keeping the building awake, posted in the group, is a complaint", () => {
    expect(c("谁家的狗天天半夜叫", "group").intent).toBe("complaint");
  });
});

describe("after fresh39 and fresh41 (dialects, English, Taiwan and Hong Kong)", () => {
  it.each([
    "我投诉了不下十次 一次都莫人管 楼下天天半夜唱歌",
    "The bike room in Building 3 was broken into last night, lock cut, two bikes gone",
  ])("urgent: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    "谁家的小狗在我家门口睡着了 好可爱 快来领走",
    "烟雾报警器一直叫 到处找了 啥子都莫得 应该是没电了",
    "有人挨家挨户敲门推销 保安怎么放进来的",
    "消防栓箱门掉下来了 玻璃碎了一地",
    "楼梯扶手松了 一扶就晃 老人上下楼不方便",
    "隔壁的狗天天在走廊尿尿 跟他说了好几次都不理",
    "马桶堵了 水都快漫出来了 快点来",
    "插座冒了火花 我已经把闸拉了 现在没事 想找人来换一个",
  ])("not urgent: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it.each([
    ["Mr. Li from maintenance was fantastic, please pass on our thanks", "praise"],
    ["Kindly share the schedule of the water tank cleaning", "inquiry"],
    ["我们上个月提的加装充电口的建议 研究得怎么样了", "progress"],
    ["公司要开增值税专票 需要什么资料", "fee"],
  ])("intent: %s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
});

describe("after fresh42–fresh45 (the office itself, follow-ups, non-ticket intents)", () => {
  it.each([
    ["你们前台在群里跟业主吵架，这是物业该说的话吗？", "complaint"],
    ["我的工单#31 什么时候能有人上门？", "progress"],
    ["多交的物业费退款处理好了吗", "fee"],
    ["上次台风那晚你们的人一直在地库抽水，真心感谢", "praise"],
    ["要不要在大门口放个雨伞架", "suggestion"],
    ["门禁卡丢了，补一张多少钱？", "inquiry"],
  ])("intent: %s → %s", (text, intent) => expect(c(text).intent).toBe(intent));
  it.each([
    ["地库B1的水快没过车轮了", 1],
    ["账单面积写的119平 实际只有110平", 3],
    ["我真要报警了 投诉了半年没人管", 1],
    ["5栋电梯从早上就一直停在12楼，按了没反应", 2],
  ])("urgency: %s → %i", (text, urgency) => expect(c(text).urgency).toBe(urgency));
});

describe("after fresh46–fresh47 (northern and southern weeks)", () => {
  it.each([
    "7号楼有户装修把承重墙砸了个大洞",
    "2栋的电梯卡在5楼不动了，里头有个老太太关起的",
    "暖气管裂了！！！客厅哗哗往外喷水",
    "家里一点水都没有了 问了邻居 整个小区好像都停水了 是有通知吗？",
  ])("urgent: %s", (text) => expect(c(text).urgency).toBe(1));
  it.each([
    "一开洗衣机卫生间地漏就往外反水 能来看看吗",
    "插座冒火花了 我已经把总闸拉了 想找个电工来看看",
    "井盖一直往外冒水 不知道是不是哪儿的管子爆了",
    "厨房水龙头关不严 一直哗哗流",
    "楼道里有人喂流浪猫 猫越来越多 晚上打架叫唤",
    "门口绿化带浸了好几天水 草都烂了",
    "卫生间地漏堵了 洗个澡水就漫到脚背",
    "谁家炖肉了 好香 在楼道都闻着了",
  ])("not urgent: %s", (text) => expect(c(text).urgency).not.toBe(1));
  it("a water heater that will not light for want of gas is a gas repair", () => {
    expect(c("热水炉点不着 是不是没有燃气了").category).toBe("gas");
  });
});
