import { describe, expect, it } from "vitest";
import { normalize } from "../../src/intents/normalize.js";
import { BANTER, SHOP_TALK, categoryPriors, escalates, followUp, safetySignal } from "../../src/intents/rules.js";

const sig = (t: string) => safetySignal(normalize(t))?.kind ?? null;

describe("safety rules: hypotheticals, resolved and past events", () => {
  it("ignores a hypothetical earlier in the clause", () => {
    expect(sig("如果发现燃气泄漏应该先做什么")).toBeNull();
    expect(sig("万一哪天楼里着火了怎么跑")).toBeNull();
  });
  it("ignores a danger that is already over", () => {
    expect(sig("刚才油锅起火了 还好盖上锅盖就灭了 没事了")).toBeNull();
  });
  it("ignores an outage told as a past event", () => {
    expect(sig("前几天整个小区停电 冰箱里的东西全坏了")).toBeNull();
  });
  it("needs a lift for a rescue", () => {
    expect(sig("我昨天被困在地铁里两个小时")).toBeNull();
    expect(sig("我妈被困在电梯里了")).toBe("trapped");
  });
  it("still fires on real dangers", () => {
    expect(sig("厨房一股臭鸡蛋味 是不是漏气了")).toBe("gas");
    expect(sig("楼下有人在砸车窗 快让保安过去")).toBe("fight");
    expect(sig("我们楼都停电了 电梯也停了")).toBe("outage");
  });
  it("knows escalation anywhere in the text", () => {
    expect(escalates(normalize("楼上漏水 再不处理我就打12345"))).toBe(true);
    expect(escalates(normalize("楼上漏水 麻烦看看"))).toBe(false);
  });
});

describe("category priors", () => {
  it("nudges a close call toward the keyword's category", () => {
    const classes = ["water", "structure"];
    const p = categoryPriors("卧室门把手掉了", classes, [0.5, 0.4]);
    expect((p[1] ?? 0) > (p[0] ?? 0)).toBe(true);
  });
});

describe("safety rules: wider phrasings of real dangers", () => {
  it.each([
    ["3号楼电梯关人了 快来", "trapped"],
    ["部電梯困咗人", "trapped"],
    ["热水器炸了 满屋子水", "flood"],
    ["吸顶灯里在往下滴水 地上已经一层水", "flood"],
    ["变压器那边冒黑烟了", "electrical-smoke"],
    ["有人在地库撬车门", "fight"],
    ["我家门锁被人撬了", "fight"],
  ])("%s → %s", (text, kind) => expect(sig(text)).toBe(kind));
});

describe("safety rules: banter, stories and other places", () => {
  it.each([
    "家里全是烟味 谁家在抽烟",
    "太阳太毒了 晒得我头顶冒烟",
    "我朋友在商场被困电梯半小时",
    "老家那边下暴雨 半个镇都淹了",
    "抖音上刷到有人被困电梯 好可怕",
    "我家水管要是爆了就去你家洗澡",
    "上次楼里着火那件事 后来查清楚了吗",
    "我家熊孩子把浴缸水放满了 厕所淹了 哈哈",
    "俩娃又打起来了 头疼",
    "我电动车胎漏气了 谁有打气筒",
    "手机掉进鱼缸进水了",
    "笑得眼泪止不住",
    "疏通下水道 电话13911900000",
    "谁认识靠谱的律师 想咨询下继承的事",
    "刚才救护车从门口开过去了",
  ])("%s → no signal", (text) => expect(sig(text)).toBeNull());
  it("still fires when the sender is back home or it is happening now", () => {
    expect(sig("我在公司 家里水管爆了")).toBe("flood");
    expect(sig("上次电梯困人 今天又困人了")).toBe("trapped");
    expect(sig("两个小孩在楼下打起来了 有个流血了")).toBe("fight");
    expect(sig("燃气管漏气了 嘶嘶响")).toBe("gas");
  });
});

describe("safety rules: indirect phrasings (round 4)", () => {
  const fires = (t: string) => safetySignal(normalize(t));
  it("catches dangers told without the usual words", () => {
    for (const t of [
      "我闻着厨房有股臭鸡蛋的味 不知道是不是燃气", "天然气好像泄露了 味道很大", "电梯突然往下掉了好几层 里面还有人",
      "角阀崩了 水一直喷", "一楼大堂进了好多水 都漫到电梯门口了", "8栋停电了 整栋都黑的", "停电了 整个小区黑漆漆的",
      "整个单元都停水了 也没看到通知", "配电箱那里啪啪响还有焦味", "楼道里有人在烧纸 烟熏得整层楼都是",
      "lift stuck between floors with my mum inside", "I'm contacting the local news about this",
    ]) expect(fires(t), t).not.toBeNull();
  });
  it("stays quiet on figurative, planned and stove-flame talk", () => {
    for (const t of ["今天太热了 感觉整个人都要着火了", "灶台打火打了十几下才着 火苗还是黄的", "周六停水是全小区还是只有几栋楼", "小孩拿水枪到处喷 客厅全是水"])
      expect(fires(t), t).toBeNull();
  });
});

describe("safety rules: round 5 phrasings", () => {
  it("a person inside a lift that stopped or will not open", () => {
    expect(sig("电梯卡在三楼半 我跟我儿子在里面 按哪个都没用 门打不开")).toBe("trapped");
    expect(sig("The lift stopped between floors and we're inside")).toBe("trapped");
    // Inside a working lift is not a rescue.
    expect(sig("我在电梯里面闻到一股油漆味")).toBeNull();
  });
  it("a whole building dark or stopped, with the utility read from the message", () => {
    expect(safetySignal(normalize("整个七号楼都黑了 楼道里什么也看不见"))).toMatchObject({ kind: "outage", category: "electricity" });
    expect(safetySignal(normalize("五栋从中午开始一滴水没有 整栋楼都停了"))).toMatchObject({ kind: "outage", category: "water" });
    expect(safetySignal(normalize("Our entire block has lost power, lifts are dead"))).toMatchObject({ kind: "outage", category: "electricity" });
  });
  it("water gushing, a lamp full of water", () => {
    expect(sig("Water is gushing from the wall behind the washing machine")).toBe("flood");
    expect(sig("顶上往下流水 像下雨似的 灯罩里面全是水")).toBe("flood");
  });
  it("an open manhole where people walk", () => {
    expect(sig("人行道那个井盖不见了 黑洞洞的")).toBe("hole");
  });
  it("things set alight, pots dropped on cars, threats to post online", () => {
    expect(sig("垃圾房门口的纸皮被人点着了")).toBe("fire");
    expect(sig("楼上晾衣杆掉下来 砸到楼下停的车")).toBe("height");
    expect(escalates(normalize("再不处理我就发到网上 让大家评评理"))).toBe(true);
    expect(escalates(normalize("反映了快二十次了 没一个人管"))).toBe(true);
    expect(escalates(normalize("这事我要去住建委反映"))).toBe(true);
  });
});

describe("safety rules: intruders and English past events", () => {
  it("someone climbing in and trying car doors is a break-in", () => {
    expect(sig("刚才看到一个人翻墙进来 在停车场挨个拉车门")).toBe("fight");
  });
  it("thanks for handling last night's burst pipe is not a new flood", () => {
    expect(sig("Thanks so much for coming out last night when the pipe burst")).toBeNull();
    expect(sig("A pipe burst last night and water is still pouring in")).toBe("flood");
  });
});

describe("composed dangers: a hazard told by its effect", () => {
  it("smoke by its look and what it does to people", () => {
    expect(sig("走廊那头飘过来好多烟 咳得不行")).toBe("fire");
    expect(sig("对门门缝里冒东西 熏得眼睛疼")).toBe("fire");
    expect(sig("今天炒菜冒了好多烟 油烟机该换了")).toBeNull();
  });
  it("wiring by object and effect", () => {
    expect(sig("排插上有蓝光 还有股胶皮味")).toBe("electrical-smoke");
    expect(sig("插座有一个孔松了 插头插不紧")).toBeNull();
  });
  it("gas by name near a smell or a hiss, either order", () => {
    expect(sig("一股子怪味 像液化气")).toBe("gas");
    expect(sig("新闻说外地燃气爆炸了 大家注意关阀门")).toBeNull();
    expect(sig("燃气表的数字不走了")).toBeNull();
  });
  it("water where the lights are, and water spreading through rooms", () => {
    expect(sig("卧室吊灯里积了好多水")).toBe("flood");
    expect(sig("吊顶一直往下滴水 灯也不亮了")).toBe("flood");
    expect(sig("卫生间的水已经漫进了卧室")).toBe("flood");
    expect(sig("洗衣机龙头关不住 水一直流 总阀关了先")).toBeNull();
  });
  it("someone inside a lift that stopped", () => {
    expect(sig("电梯不动了 我外婆在电梯里")).toBe("trapped");
    expect(sig("The lift stopped and my dad is still in there")).toBe("trapped");
    expect(sig("今天在电梯里碰到老同学")).toBeNull();
  });
  it("a person outside a window or railing, things flying down", () => {
    expect(sig("有个娃趴在窗台外面")).toBe("height");
    expect(sig("楼上飞下来一个罐子 碎了一地")).toBe("height");
    expect(sig("孩子总爱趴窗台 想问能不能装防护栏")).toBeNull();
  });
  it("fights, break-ins and their traces", () => {
    expect(sig("两个男的在车库扭打 有人头破血流")).toBe("fight");
    expect(sig("回家一看屋里翻得乱七八糟")).toBe("fight");
    expect(sig("之前有车被偷过 建议多装监控")).toBeNull();
    expect(sig("打起来了 群里两个人为了拼车吵翻了")).toBeNull();
  });
  it("escalation to new authorities, not questions about them", () => {
    expect(sig("说了好几次没人管 我去找议员")).toBe("escalation");
    expect(sig("We've asked 5 times and been ignored, going to the ombudsman")).not.toBeNull();
    expect(sig("12345的号码是多少")).toBeNull();
    expect(sig("火警演习是哪天")).toBeNull();
  });
});

describe("round-7 category and intent cues", async () => {
  const { singleNamedCategory, staffConduct, intentPriors } = await import("../../src/intents/rules.js");
  it("a complaint naming one problem takes its category; none or several stay open", () => {
    expect(singleNamedCategory(normalize("卫生间渗漏的事反映了不下十次 我准备找律师"))).toBe("water");
    expect(singleNamedCategory(normalize("收了物业费 垃圾没人收 电梯也老坏"))).toBeNull();
    expect(singleNamedCategory(normalize("这物业必须换"))).toBeNull();
  });
  it("staff conduct is recognised by who and how", () => {
    expect(staffConduct(normalize("值班保安在岗亭里刷抖音 外人随便进"))).toBe(true);
    expect(staffConduct(normalize("保安大哥人很好"))).toBe(false);
  });
  it("thanks for a job handled well leans to praise; a vehicle blocking a lane is not a fault", () => {
    const classes = ["repair", "complaint", "fee", "progress", "inquiry", "suggestion", "praise", "other"];
    const zero = classes.map(() => 0);
    const at = (t: string, c: string) => intentPriors(normalize(t), classes, zero)[classes.indexOf(c)];
    expect(at("停电那晚你们处理得很及时 谢谢", "praise")).toBeGreaterThan(0);
    expect(at("谢谢物业让我天天爬楼锻炼 电梯又坏了", "praise")).toBe(0);
    expect(at("应急通道被一辆车堵了", "repair")).toBe(0);
    expect(at("下水道堵了", "repair")).toBeGreaterThan(0);
  });
});

describe("near-misses found on fresh11", () => {
  it.each([
    "我住11幢2单元 顶楼1801 下雨屋顶漏水 滴到床上了",
    "1201室 空调外机的排水管掉了 滴到楼下阳台上",
    "4栋楼下的健身器材 那个扭腰的转盘松了 老人用着危险",
  ])("is no danger: %s", (t) => {
    expect(safetySignal(normalize(t))).toBeNull();
  });
  it.each(["水漫到床了", "空调外机掉下来了 楼下是人行道", "阳台栏杆松了 随时会掉 很危险"])("still a danger: %s", (t) => {
    expect(safetySignal(normalize(t))).not.toBeNull();
  });
  it("lost property in a group is banter", () => {
    expect(BANTER.test(normalize("谁家小孩的滑板车落在9栋楼下了"))).toBe(true);
  });
});

describe("follow-ups and shop talk", () => {
  it("a follow-up asks after an earlier request", () => {
    expect(followUp(normalize("师傅出发了没"))).toBe(true);
    expect(followUp(normalize("怎么还没人联系我"))).toBe(true);
    expect(followUp(normalize("Any update on my request?"))).toBe(true);
  });
  it("naming the neglect with displeasure is not a mere follow-up", () => {
    expect(followUp(normalize("投诉了好几次了还没人回复"))).toBe(false);
    expect(followUp(normalize("拖了半个月 还来不来了 什么效率"))).toBe(false);
  });
  it("a new fault asking when is not a follow-up", () => {
    expect(followUp(normalize("马桶堵了 什么时候能来修"))).toBe(false);
  });
  it("shop and advert talk", () => {
    expect(SHOP_TALK.test(normalize("那家店真的便宜吗 有人去过没"))).toBe(true);
    expect(SHOP_TALK.test(normalize("楼下饭店油烟太大了"))).toBe(false);
  });
});
