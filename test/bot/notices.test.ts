// Notices (通知) through the fake transport: drafting and confirming, who may send, exactly which
// groups and residents receive them, paced delivery and its report, scheduled sends, and outage
// notices answering residents' reports instead of opening tickets. Plus the pure readers of scopes,
// times and outage words.
import { afterEach, describe, expect, it } from "vitest";
import { announcedOutages, reportedOutages } from "../../src/services/notices/outage.js";
import { findWindow, momentAtStart } from "../../src/services/notices/when.js";
import { asTyped } from "../../src/services/notices/compose.js";
import { jitterMs } from "../../src/services/notices/deliver.js";
import { COMMUNITY, startHarness, type Harness } from "../helpers/harness.js";

const TZ = "Asia/Shanghai";
const MIN = 60_000;
const local = (iso: string) => new Date(`${iso}+08:00`);

const NOTICE_COMMUNITY = {
  ...COMMUNITY,
  bills: [],
  households: [...COMMUNITY.households, { building: "3", unit: "1", room: "101", owner: "刘洋", phone: "13700001001" }],
  residents: [
    ...COMMUNITY.residents,
    { person: "res2", building: "3", unit: "1", room: "101", verified: true },
    { person: "res3", building: "4", unit: "1", room: "301", verified: true },
  ],
  groups: [
    ...COMMUNITY.groups,
    { id: "g45", topic: "4、5号楼业主群", buildings: ["4", "5"], members: ["res3"] },
    { id: "gall", topic: "业主大群", members: ["res1", "res3"] },
  ],
};

let h: Harness;
afterEach(async () => { await h?.close(); });

const start = (at = "2026-03-02T09:00:00+08:00") => startHarness({ community: NOTICE_COMMUNITY, start: at }).then((x) => (h = x));
/** Moves the clock like production does: a due-work tick every 30 s (the harness's advance ticks once). */
async function run(ms: number, stepMs = 30_000) {
  const out = [];
  for (let done = 0; done < ms; done += stepMs) out.push(...(await h.advance(Math.min(stepMs, ms - done))));
  return out;
}
const recipients = (out: { to: { id: string } }[]) => [...new Set(out.map((m) => m.to.id))].sort();

describe("reading notices", () => {
  const base = local("2026-03-02T09:00:00");
  const window = (text: string) => {
    const w = findWindow(text, base, TZ);
    return w && [w.from.toISOString(), w.to.toISOString()];
  };

  it("finds the outage window in the text, relative days counted from the day it goes out", () => {
    expect(window("明天8:00-12:00停水，请提前储水")).toEqual([local("2026-03-03T08:00:00").toISOString(), local("2026-03-03T12:00:00").toISOString()]);
    expect(window("3月5日 8:00至17:00停电检修")).toEqual([local("2026-03-05T08:00:00").toISOString(), local("2026-03-05T17:00:00").toISOString()]);
    expect(window("明天上午8点至下午6点半停气")).toEqual([local("2026-03-03T08:00:00").toISOString(), local("2026-03-03T18:30:00").toISOString()]);
    expect(window("今晚22:00-6:00抢修停水")).toEqual([local("2026-03-02T22:00:00").toISOString(), local("2026-03-03T06:00:00").toISOString()]);
    expect(window("2026-03-05 08:00-3月6日 12:00停水")).toEqual([local("2026-03-05T08:00:00").toISOString(), local("2026-03-06T12:00:00").toISOString()]);
    expect(window("3月5日（周四）停水一天")).toEqual([local("2026-03-05T00:00:00").toISOString(), local("2026-03-06T00:00:00").toISOString()]);
    expect(window("明天８：００－１２：００停水")).toEqual([local("2026-03-03T08:00:00").toISOString(), local("2026-03-03T12:00:00").toISOString()]); // full-width, as typed
    expect(window("近期将停水，时间另行通知")).toBeNull();
    // Weekdays (2026-03-02 is a Monday) and a start with no end.
    expect(window("本周六8:00-12:00停水")).toEqual([local("2026-03-07T08:00:00").toISOString(), local("2026-03-07T12:00:00").toISOString()]);
    expect(window("周一 9:00-11:00停电")).toEqual([local("2026-03-02T09:00:00").toISOString(), local("2026-03-02T11:00:00").toISOString()]);
    expect(window("下周一8:00-12:00停气")).toEqual([local("2026-03-09T08:00:00").toISOString(), local("2026-03-09T12:00:00").toISOString()]);
    expect(window("星期日全天停水")).toEqual([local("2026-03-08T00:00:00").toISOString(), local("2026-03-09T00:00:00").toISOString()]);
    expect(window("3.7日 8:00-17:00停电")).toEqual([local("2026-03-07T08:00:00").toISOString(), local("2026-03-07T17:00:00").toISOString()]);
    expect(window("明天14:00停电")).toEqual([local("2026-03-03T14:00:00").toISOString(), local("2026-03-04T00:00:00").toISOString()]);
    expect(window("明天22:00起停水检修")).toEqual([local("2026-03-03T22:00:00").toISOString(), local("2026-03-04T04:00:00").toISOString()]);
  });

  it("reads 明早 and 明晚 as tomorrow, and a building number after the hour is not minutes", () => {
    expect(window("明早8点至10点二次供水水箱清洗，届时停水")).toEqual([local("2026-03-03T08:00:00").toISOString(), local("2026-03-03T10:00:00").toISOString()]);
    expect(window("明晚8点到10点停电检修")).toEqual([local("2026-03-03T20:00:00").toISOString(), local("2026-03-03T22:00:00").toISOString()]);
    expect(window("明天上午8点至下午6点3栋停电")).toEqual([local("2026-03-03T08:00:00").toISOString(), local("2026-03-03T18:00:00").toISOString()]);
  });

  it("reads 定时 times", () => {
    expect(momentAtStart("2026-03-05 08:00 明天停水", base, TZ)?.at.toISOString()).toBe(local("2026-03-05T08:00:00").toISOString());
    expect(momentAtStart("明天 7:30 停水", base, TZ)?.at.toISOString()).toBe(local("2026-03-03T07:30:00").toISOString());
    expect(momentAtStart("下周停水", base, TZ)).toBeNull();
  });

  it("tells announced outages from lift maintenance, and supply-loss reports from emergencies", () => {
    expect(announcedOutages("明天停水停电")).toEqual(["water", "power"]);
    expect(announcedOutages("3栋停电梯维保")).toEqual([]);
    expect(announcedOutages("燃气公司检修，暂停供气")).toEqual(["gas"]);
    expect(reportedOutages("家里怎么没水了", "water")).toEqual(["water"]);
    expect(reportedOutages("停电了，什么时候来电", "electricity")).toEqual(["power"]);
    expect(reportedOutages("怎么又停了", "water")).toEqual(["water"]);
    expect(reportedOutages("怎么又停了", null)).toEqual([]);
    expect(reportedOutages("停水了 卫生间水管还在漏水", "water")).toEqual([]);
    expect(reportedOutages("水管爆了，家里淹了", "water")).toEqual([]);
    expect(reportedOutages("没气了，但是闻到煤气味", "gas")).toEqual([]);
    expect(reportedOutages("停电了，电梯里困人了", "elevator")).toEqual([]);
    expect(reportedOutages("厨房水管漏水了", "water")).toEqual([]);
    expect(reportedOutages("停电了什么时候来电啊，冰箱里东西都要坏了", "electricity")).toEqual(["power"]);
  });

  it("keeps the text as typed, and spreads a broadcast with reproducible jitter", () => {
    expect(asTyped("通知 3栋 明天停水，请储水。\n谢谢配合！", "明天停水,请储水。 谢谢配合!")).toBe("明天停水，请储水。\n谢谢配合！");
    const j = Array.from({ length: 50 }, (_, i) => jitterMs(7, i, 2000));
    expect(j.every((x) => x >= 0 && x <= 2000)).toBe(true);
    expect(new Set(j).size).toBeGreaterThan(20);
    expect(jitterMs(7, 3, 2000)).toBe(j[3]);
  });
});

describe("drafting and confirming a notice", () => {
  it("shows the draft with scope and reach, sends nothing before 确认, then reaches exactly the groups and residents in scope", async () => {
    await start();
    let out = await h.say("mgr", "通知 3栋 私信 明天8:00-12:00停水，请提前储水。\n给您带来不便，敬请谅解！");
    const draft = h.textsTo(out, "mgr").join();
    expect(draft).toMatch(/通知草稿 #\d+/);
    expect(draft).toContain("范围：3栋");
    expect(draft).toContain("1 个业主群 + 私信 2 位已认证住户");
    expect(draft).toContain("停水时段：3月3日 08:00 至 3月3日 12:00");
    expect(recipients(out)).toEqual(["mgr"]);
    const notice = await h.db.notice.findFirstOrThrow();
    expect(notice).toMatchObject({ status: "draft", kind: "water", directToResidents: true, groupCount: 1, residentCount: 2, scope: JSON.stringify({ kind: "buildings", names: ["3"] }) });
    expect(notice.text).toBe("明天8:00-12:00停水，请提前储水。\n给您带来不便，敬请谅解！"); // as typed
    expect(notice.outageFrom?.toISOString()).toBe(local("2026-03-03T08:00:00").toISOString());
    expect(await h.db.outboxMessage.count({ where: { batch: `notice:${notice.id}` } })).toBe(0);
    expect(await run(20 * MIN)).toEqual([]);

    out = await h.say("mgr", "确认");
    expect(h.textsTo(out, "mgr").join()).toMatch(new RegExp(`通知 #${notice.id} 开始发送：1 个业主群、私信 2 位住户`));
    const rows = await h.db.outboxMessage.findMany({ where: { batch: `notice:${notice.id}` }, orderBy: { notBefore: "asc" } });
    expect(rows.map((r) => `${r.toKind}:${r.toPlatformId}`)).toEqual(["group:g3", "user:res1", "user:res2"]);
    // Paced: at least noticeGapSeconds (3 s) apart, jitter on top, and never more than gap + jitter.
    for (let i = 1; i < rows.length; i++) {
      const gap = rows[i]!.notBefore.getTime() - rows[i - 1]!.notBefore.getTime();
      expect(gap).toBeGreaterThanOrEqual(3000 - 2000);
      expect(gap).toBeLessThanOrEqual(3000 + 2000);
    }
    expect(await h.db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "sending" });

    out = await run(MIN);
    expect(recipients(out)).toEqual(["g3", "res1", "res2"]);
    for (const m of out) expect(m.text).toBe("【物业通知】\n明天8:00-12:00停水，请提前储水。\n给您带来不便，敬请谅解！\n——祥云国际物业服务中心");
    expect(h.textsTo(await h.say("mgr", "通知进度"), "mgr").join()).toMatch(/已发送 3\/3，发送中/);

    out = await run(2 * MIN);
    expect(h.textsTo(out, "mgr")).toEqual([`【通知 #${notice.id} 发送完成】已发送 3/3（业主群 1 个，私信住户 2 位）。`]);
    expect(await h.db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "sent", groupCount: 1, residentCount: 2 });
    expect(h.textsTo(await h.say("mgr", "通知进度"), "mgr").join()).toMatch(/\[3栋\][\s\S]*已发送 3\/3，已发完，已答复住户停水咨询 0 次/);
    // Nothing to anyone else, ever.
    expect(recipients(await run(60 * MIN))).toEqual([]);
    expect(h.transport.to("g45").length + h.transport.to("gall").length + h.transport.to("res3").length).toBe(0);
  });

  it("reaches a grid's groups, and every group and resident for 全体; without 私信 no direct messages", async () => {
    await start();
    let draft = h.textsTo(await h.say("sup", "通知 B区 本周六上午电梯维保，请错峰出行。"), "sup").join();
    expect(draft).toContain("范围：B区（4栋、5栋）");
    expect(draft).toContain("1 个业主群（范围内已认证住户 1 位，加「私信」可同时私信他们）");
    await h.say("sup", "确认");
    expect(recipients(await run(5 * MIN))).toEqual(["g45", "sup"]);

    draft = h.textsTo(await h.say("mgr", "通知 全体 周日上午社区义诊，地点南门广场。"), "mgr").join();
    expect(draft).toContain("范围：全小区");
    expect(draft).toContain("3 个业主群");
    await h.say("mgr", "确认");
    expect(recipients(await run(5 * MIN))).toEqual(["g3", "g45", "gall", "mgr"]);
  });

  it("drops a draft on 取消, replaces it with a newer one, and lets it expire after 30 minutes", async () => {
    await start();
    await h.say("mgr", "通知 3栋 明天停水");
    expect(h.textsTo(await h.say("mgr", "取消"), "mgr").join()).toMatch(/已放弃通知草稿/);
    expect(h.textsTo(await h.say("mgr", "确认"), "mgr").join()).toContain("没有待确认的通知草稿");

    await h.say("mgr", "通知 3栋 第一稿");
    const second = h.textsTo(await h.say("mgr", "通知 3栋 第二稿"), "mgr").join();
    expect(second).toContain("上一份未确认的草稿已作废");
    await h.say("mgr", "确认");
    const sent = await run(5 * MIN);
    expect(h.textsTo(sent, "g3")).toEqual(["【物业通知】\n第二稿\n——祥云国际物业服务中心"]);

    await h.say("mgr", "通知 3栋 迟到的稿子");
    await run(31 * MIN);
    expect(h.textsTo(await h.say("mgr", "确认"), "mgr").join()).toContain("没有待确认的通知草稿（草稿 30 分钟内有效）");
    expect(await h.db.notice.count({ where: { status: "draft" } })).toBe(0);
    expect(await run(10 * MIN)).toEqual([]);
  });

  it("answers bad input with what was wrong, and stores nothing", async () => {
    await start();
    const reply = async (text: string) => h.textsTo(await h.say("mgr", text), "mgr").join();
    expect(await reply("通知 9栋 明天停水")).toContain("没有找到 9栋");
    expect(await reply("通知 C区 明天停水")).toContain("看不懂通知范围「C区」");
    expect(await reply("通知 明天停水")).toContain("看不懂通知范围「明天停水」");
    expect(await reply("通知 3栋")).toContain("请写上通知内容");
    expect(await reply("通知 3栋 定时 2026-03-01 08:00 停水")).toContain("已经过去了");
    expect(await reply("通知 3栋 定时 下周 停水")).toContain("定时的时间没有看懂");
    expect(await reply("通知 3栋 时段 明天8:00-12:00 电梯维保")).toContain("只用于停水、停电、停气");
    // Building 1 has no group of its own and nobody bound: nothing to send to.
    expect(await reply("通知 1栋 私信 明天停电")).toContain("没有可发送的对象");
    expect(await reply("通知 3栋,A区 明天停水")).toContain("看不懂通知范围");
    expect(await h.db.notice.count()).toBe(0);
  });
});

describe("who may send notices", () => {
  it("refuses housekeepers, the front desk and residents; nothing is stored or sent", async () => {
    await start();
    for (const who of ["hk1", "desk", "fix1"]) {
      expect(h.textsTo(await h.say(who, "通知 3栋 明天8:00-12:00停水"), who).join()).toContain("「通知」指令仅限有相应权限的同事使用");
      expect(h.textsTo(await h.say(who, "确认"), who).join()).toContain("仅限");
    }
    expect(h.textsTo(await h.say("hk1", "帮助"), "hk1").join()).not.toContain("通知 范围");
    expect(h.textsTo(await h.say("sup", "帮助"), "sup").join()).toContain("通知 范围 内容");

    const out = await h.say("res1", "通知 全体 明天停水");
    expect(h.textsTo(out, "res1")).toEqual(["抱歉，这是物业工作人员使用的指令。如需报修或查询，请直接描述您的问题。"]);
    expect(await h.db.notice.count()).toBe(0);
    expect(await h.db.ticket.count()).toBe(0);
    // 确认 / 取消 are ordinary words from a resident: classified and answered, not swallowed.
    expect(h.textsTo(await h.say("res1", "确认"), "res1")).toHaveLength(1);
    expect(recipients(await run(60 * MIN))).toEqual([]);
  });
});

describe("scheduled notices", () => {
  it("go out at their time, not before; 取消 #N calls one off", async () => {
    await start();
    await h.say("sup", "通知 A区 定时 2026-03-05 08:00 3月5日8:30-17:00停电检修，电梯暂停使用。");
    expect(h.textsTo(await h.say("sup", "确认"), "sup").join()).toContain("将于 3月5日 08:00 发出");
    const first = await h.db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(first).toMatchObject({ status: "scheduled", kind: "power" });
    await h.say("mgr", "通知 全体 定时 2026-03-04 10:00 周四上午消防演练");
    await h.say("mgr", "确认");
    const second = await h.db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(h.textsTo(await h.say("mgr", `取消 #${second.id}`), "mgr").join()).toContain(`已撤回定时通知 #${second.id}`);
    expect(h.textsTo(await h.say("mgr", `取消 #${second.id}`), "mgr").join()).toContain("不是待发送的定时通知");

    h.clock.t = local("2026-03-05T07:59:00");
    expect(await h.advance(0)).toEqual([]); // the cancelled 3-04 notice never went out either
    const out = await run(2 * MIN);
    expect(h.textsTo(out, "g3")).toEqual(["【物业通知】\n3月5日8:30-17:00停电检修，电梯暂停使用。\n——祥云国际物业服务中心"]);
    expect(recipients(out)).toEqual(["g3"]);
    expect(h.textsTo(await run(2 * MIN), "sup").join()).toContain("发送完成】已发送 1/1");
  });

  it("holds direct messages until quiet hours end; the groups get it at once", async () => {
    await start("2026-03-02T22:00:00+08:00");
    const draft = h.textsTo(await h.say("mgr", "通知 3栋 私信 明天7:00-11:00停水，请提前储水。"), "mgr").join();
    expect(draft).toContain("私信将在 3月3日 09:00 后发出");
    await h.say("mgr", "确认");
    expect(recipients(await run(MIN))).toEqual(["g3"]);
    h.clock.t = local("2026-03-03T08:59:00");
    expect(await h.advance(0)).toEqual([]);
    const out = await run(2 * MIN);
    expect(recipients(out)).toEqual(["res1", "res2"]);
  });
});

describe("outage notices answer residents' reports", () => {
  async function announce(text: string) {
    await h.say("mgr", text);
    await h.say("mgr", "确认");
    await run(5 * MIN);
    return h.db.notice.findFirstOrThrow({ orderBy: { id: "desc" } });
  }

  it("during the window: the notice is the answer, the message is linked to it, no ticket; emergencies and other buildings still get tickets", async () => {
    await start();
    const notice = await announce("通知 3栋 今天10:00-14:00停水（管道检修），请提前储水。");
    h.clock.t = local("2026-03-02T10:30:00");

    let out = await h.say("res1", "家里怎么没水了");
    expect(h.textsTo(out, "res1")).toHaveLength(1);
    expect(h.textsTo(out, "res1")[0]).toMatch(/计划内的停水[\s\S]*管道检修[\s\S]*3月2日 10:00 至 3月2日 14:00/);
    expect(recipients(out)).toEqual(["res1"]); // no housekeeper, no manager alert
    expect(await h.db.ticket.count()).toBe(0);
    const msg = await h.db.inboundMessage.findFirstOrThrow({ where: { text: "家里怎么没水了" } });
    expect(msg).toMatchObject({ status: "processed", intent: "repair", category: "water", ticketId: null });
    const link = await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `notice.answer:${notice.id}:${msg.id}` } });
    expect(JSON.parse(link.params)).toMatchObject({ noticeId: notice.id, messageId: msg.id });

    // In the group, the answer goes to the group (the notice is public anyway).
    out = await h.say("res2", "@物业小助手 3栋怎么停水了", { in: "g3", mention: true });
    expect(h.textsTo(out, "g3").join()).toContain("计划内的停水");
    expect(await h.db.ticket.count()).toBe(0);
    out = await h.say("res1", "又停水了", { in: "g3" }); // not even mentioned: clearly an outage report
    expect(h.textsTo(out, "g3")).toEqual(["这是计划内的停水（见上方通知），停水时段：3月2日 10:00 至 3月2日 14:00。"]);
    expect(await h.db.ticket.count()).toBe(0);
    expect(h.textsTo(await h.say("mgr", "通知进度"), "mgr").join()).toContain("已答复住户停水咨询 3 次");

    // A burst pipe during a water cut is still an emergency.
    out = await h.say("res2", "卫生间水管爆了，家里淹了");
    expect(h.textsTo(out, "res2").join()).toMatch(/已为您登记报修 #\d+/);
    expect(h.textsTo(out, "mgr").join()).toContain("紧急");
    // Building 4 is not in scope: a real fault, a ticket.
    out = await h.say("res3", "家里没水了");
    expect(h.textsTo(out, "res3").join()).toMatch(/已为您登记报修 #\d+/);
    // A complaint about the office is not answered by the notice.
    out = await h.say("res1", "停水也不提前通知，太差了");
    expect(h.textsTo(out, "res1").join()).toMatch(/已为您登记投诉 #\d+/);
    expect(await h.db.ticket.count()).toBe(3);

    // After the window, "still no water" is a problem to fix.
    h.clock.t = local("2026-03-02T14:30:00");
    out = await h.say("res1", "家里水龙头还是不出水");
    expect(h.textsTo(out, "res1").join()).toMatch(/#\d+/);
    expect(h.textsTo(out, "res1").join()).not.toContain("计划内");
  });

  it("a community-wide outage answers someone not yet bound; an outage notice without a time covers 24 hours from sending", async () => {
    await start();
    const draft = h.textsTo(await h.say("mgr", "通知 全体 因市政管网抢修，小区临时停水，恢复时间另行通知。"), "mgr").join();
    expect(draft).toContain("正文里没有读到停水时间，暂按发出后 24 小时计");
    await h.say("mgr", "确认");
    await run(5 * MIN);
    const notice = await h.db.notice.findFirstOrThrow();
    expect(notice.outageFrom?.toISOString()).toBe(local("2026-03-02T09:00:00").toISOString());
    expect(notice.outageTo?.toISOString()).toBe(local("2026-03-03T09:00:00").toISOString());

    const out = await h.say("stranger", "怎么停水了");
    expect(h.textsTo(out, "stranger").join()).toContain("计划内的停水");
    expect(h.textsTo(out, "stranger").join()).not.toContain("地址"); // not asked to bind first
    // A power report is not answered by a water notice.
    expect(h.textsTo(await h.say("res1", "家里没电了"), "res1").join()).toMatch(/已为您登记报修 #\d+/);
  });
});
