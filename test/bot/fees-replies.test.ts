// Fees through the fake transport, part two: holds by chat (暂停催缴 / 恢复催缴) with their grid
// rules, residents answering a reminder ("已交" → the housekeeper checks, "有问题" → a fee ticket),
// and fee questions about an amount becoming tickets for the housekeeper.
import { afterEach, describe, expect, it } from "vitest";
import { activeFeeHold } from "../../src/services/fees/holds.js";
import { importFees } from "../../src/services/fees/import.js";
import { COMMUNITY, startHarness, type Harness } from "../helpers/harness.js";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let h: Harness;
afterEach(async () => { await h.close(); });

const household = (room: string) => h.db.household.findFirstOrThrow({ where: { room } });
const say = async (who: string, text: string) => h.textsTo(await h.say(who, text), who).join("\n");

/** Starts on Mon 2026-03-02 20:00 (the 1-31 bill of 3-2-1201 is overdue) and runs to the 09:30 reminder. */
async function afterFirstReminder() {
  h = await startHarness({ start: "2026-03-02T20:00:00+08:00" });
  const out = await h.advance(13.5 * HOUR + 60_000);
  expect(h.textsTo(out, "res1").join()).toContain("尚未缴纳");
}

describe("暂停催缴 / 恢复催缴", () => {
  it("a housekeeper holds a household of their grid, with reason, note and review date; 欠费 shows it; 恢复催缴 ends it", async () => {
    h = await startHarness({ start: "2026-03-02T10:00:00+08:00" });
    const reply = await say("hk1", "暂停催缴 3-2-1201 争议 住户对面积有异议 20天");
    expect(reply).toContain("已暂停 3栋2单元1201 的催缴（费用争议：住户对面积有异议）");
    expect(reply).toContain("复核日期 3月22日");
    const hold = await activeFeeHold(h.db, (await household("1201")).id, h.clock.now());
    expect(hold).toMatchObject({ reason: "dispute", note: "住户对面积有异议", until: new Date("2026-03-22T10:00:00+08:00") });
    expect(hold?.by).toMatch(/^staff:\d+$/);
    expect(await say("hk1", "欠费")).toContain("暂停催缴：费用争议（住户对面积有异议）");

    // A new hold replaces the old one.
    expect(await say("hk1", "暂停催缴 3栋2单元1201 分期 每月还一期")).toMatch(/分期缴费：每月还一期）.*替换了原来的暂停[\s\S]*复核日期 4月1日/);
    expect(await h.db.feeHold.count({ where: { releasedAt: null } })).toBe(1);

    expect(await say("hk1", "恢复催缴 3-2-1201")).toContain("已恢复 3栋2单元1201 的催缴");
    expect(await activeFeeHold(h.db, (await household("1201")).id, h.clock.now())).toBeNull();
    expect(await say("hk1", "恢复催缴 3-2-1201")).toContain("3栋2单元1201 目前没有暂停催缴");
    // Released holds tell nobody at their review date.
    expect(await h.db.scheduledTask.count({ where: { kind: "fee.hold_end", claimedAt: null } })).toBe(0);
  });

  it("refuses another grid, unknown households, a missing reason, bad days, and staff who do not chase fees", async () => {
    h = await startHarness({ start: "2026-03-02T10:00:00+08:00" });
    expect(await say("hk2", "暂停催缴 3-2-1201 争议 面积")).toContain("3栋2单元1201 不在您负责的网格");
    expect(await say("hk2", "恢复催缴 3-2-1201")).toContain("不在您负责的网格");
    expect(await say("hk1", "暂停催缴 3-2-9999 争议 面积")).toContain("没有找到 3-2-9999 的住户档案");
    expect(await say("hk1", "暂停催缴 3-2-1201 不想交")).toContain("请写明暂停原因：「争议」");
    expect(await say("hk1", "暂停催缴 3-2-1201 分期 365天")).toContain("暂停天数需在 1 到 180 天之间");
    expect(await say("hk1", "暂停催缴 争议 面积")).toContain("指令格式：暂停催缴 3-2-1201 争议");
    expect(await say("hk1", "暂停催缴")).toContain("指令格式");
    expect(await say("desk", "暂停催缴 3-2-1201 争议 面积")).toContain("仅限有相应权限的同事使用");
    expect(await say("fix1", "恢复催缴 3-2-1201")).toContain("仅限有相应权限的同事使用");
    expect(await h.db.feeHold.count()).toBe(0);
    // The help lists the commands to those who may use them.
    expect(await say("hk1", "帮助")).toContain("暂停催缴 房号");
    expect(await say("desk", "帮助")).not.toContain("暂停催缴");
  });

  it("a supervisor may hold any grid's household; reminders stop, and the housekeeper hears at the review date", async () => {
    h = await startHarness({ community: { ...COMMUNITY, residents: [...COMMUNITY.residents, { person: "res3", building: "4", unit: "1", room: "301", verified: true }], bills: [...COMMUNITY.bills, { building: "4", unit: "1", room: "301", item: "停车费", period: "2026-01", amount: "150.00", dueDate: "2026-01-31", paid: false }] }, start: "2026-03-02T10:00:00+08:00" });
    expect(await say("sup", "暂停催缴 4-1-301 分期 约定3月底前交清 10天")).toContain("已暂停 4栋1单元301 的催缴（分期缴费：约定3月底前交清）");
    const got: string[] = [];
    const toHk2: string[] = [];
    for (let i = 0; i < 14; i++) {
      const out = await h.advance(DAY);
      if (h.textsTo(out, "res3").some((t) => t.includes("尚未缴纳"))) got.push(h.clock.now().toISOString().slice(5, 10));
      toHk2.push(...h.textsTo(out, "hk2"));
    }
    // Ticks at 10:00 each day: held 3-3..3-11; the hold ends 3-12 10:00, so that tick's sweep reminds.
    expect(got).toEqual(["03-12"]);
    expect(toHk2.join()).toMatch(/催缴暂停到期.*4栋1单元301（分期缴费：约定3月底前交清）/);
  });
});

describe("answers to a reminder", () => {
  it("已交 → the housekeeper is asked to check, with household, amount and the words; the resident is told", async () => {
    await afterFirstReminder();
    const out = await h.say("res1", "我已经交了");
    expect(h.textsTo(out, "res1").join()).toContain("已请您的管家 李敏 核对缴费记录");
    const hk = h.textsTo(out, "hk1").join();
    expect(hk).toContain("【缴费核对】3栋2单元1201 的住户张伟回复催缴：「我已经交了」");
    expect(hk).toContain("逾期未缴 356.40 元（1 个月：2026-01）");
    expect(out.every((m) => m.to.kind === "user")).toBe(true);
    expect(await h.db.ticket.count()).toBe(0);
    // Said again the same day: the housekeeper is not asked twice.
    const again = await h.say("res1", "交过了");
    expect(h.textsTo(again, "res1").join()).toContain("核对缴费记录");
    expect(h.textsTo(again, "hk1")).toEqual([]);
  });

  it("已交 after the payment was imported: thanked, nobody bothered", async () => {
    await afterFirstReminder();
    await importFees(h.db, h.communityId, "payments", "building,unit,room,item,period,amount,paidAt\n3,2,1201,物业服务费,2026-01,356.40,2026-03-03\n");
    const out = await h.say("res1", "已交");
    expect(h.textsTo(out, "res1").join()).toContain("目前没有逾期未缴的费用");
    expect(h.textsTo(out, "hk1")).toEqual([]);
  });

  it("有问题 → a fee ticket for the housekeeper; a second doubt joins it", async () => {
    await afterFirstReminder();
    const out = await h.say("res1", "有问题");
    expect(h.textsTo(out, "res1").join()).toMatch(/已为您登记费用咨询 #1：有问题[\s\S]*您的管家 李敏 会核对账单/);
    expect(h.textsTo(out, "hk1").join()).toMatch(/【新工单 #1】费用·其他（一般）[\s\S]*3栋2单元1201[\s\S]*内容：有问题/);
    const t = await h.db.ticket.findFirstOrThrow();
    expect(t).toMatchObject({ intent: "fee", category: null, place: "3栋2单元1201", status: "open" });

    const more = await h.say("res1", "金额不对，我家面积只有89平");
    expect(h.textsTo(more, "res1").join()).toContain("已把您的补充记入费用咨询 #1");
    expect(h.textsTo(more, "hk1").join()).toMatch(/【工单 #1 补充】3栋2单元1201 的住户补充：金额不对.我家面积只有89平/);
    expect(await h.db.ticket.count()).toBe(1);
    // The housekeeper works it like any ticket.
    expect(h.textsTo(await h.say("hk1", "接单 #1"), "res1").join()).toContain("#1");
  });

  it("only within 14 days of a reminder, in a group only when addressed (answered privately), and never swallowing a repair", async () => {
    await afterFirstReminder();
    // A repair is still a repair.
    expect(h.textsTo(await h.say("res1", "厨房水管有问题 漏水了"), "res1").join()).toContain("报修");
    // In a group, "已交" said among neighbours is not taken as an answer to a private reminder…
    const chat = await h.say("res1", "已交", { in: "g3" });
    expect(h.textsTo(chat, "hk1").join()).not.toContain("缴费核对");
    // …"@物业小助手 已交" is: the housekeeper checks, the group hears only that a private message went out.
    const g = await h.say("res1", "已交", { in: "g3", mention: true });
    expect(h.textsTo(g, "hk1").join()).toContain("缴费核对");
    expect(h.textsTo(g, "g3").join()).toContain("已私信您");
    expect(h.textsTo(g, "g3").join()).not.toMatch(/356|1201/);
    // The housekeeper holds reminders; 15 days after the last one, "已交" is no longer an answer to it.
    await h.say("hk1", "暂停催缴 3-2-1201 争议 面积");
    for (let i = 0; i < 15; i++) await h.advance(DAY);
    expect(await h.db.outboxMessage.count({ where: { key: "fee.reminder" } })).toBe(1);
    const late = await h.say("res1", "已交");
    expect(h.textsTo(late, "hk1").join()).not.toContain("缴费核对");
  });
});

describe("fee questions about an amount", () => {
  it("为什么这个月物业费这么多 → a fee ticket for the housekeeper, and the bills as usual", async () => {
    h = await startHarness({ start: "2026-03-02T10:00:00+08:00" });
    const out = await h.say("res1", "为什么这个月物业费这么多");
    const res1 = h.textsTo(out, "res1").join("\n");
    expect(res1).toContain("已为您登记费用咨询 #1：为什么这个月物业费这么多");
    expect(res1).toContain("合计：356.40 元");
    expect(h.textsTo(out, "hk1").join()).toContain("【新工单 #1】费用·其他");
    // An ordinary fee question makes no ticket.
    expect(h.textsTo(await h.say("res1", "物业费怎么交"), "res1").join()).toContain("缴费方式");
    expect(await h.db.ticket.count()).toBe(1);
  });

  it("asked in a group: the ticket and amounts go to a direct chat; an unbound person is asked to bind", async () => {
    h = await startHarness({ start: "2026-03-02T10:00:00+08:00" });
    const out = await h.say("res1", "停车费怎么多收了", { in: "g3", mention: true });
    expect(h.textsTo(out, "g3").join()).toContain("已私信您");
    expect(h.textsTo(out, "g3").join()).not.toMatch(/356|#1/);
    expect(h.textsTo(out, "res1").join()).toContain("费用咨询 #1");
    const stranger = await h.say("res2", "为什么这个月物业费这么多");
    expect(h.textsTo(stranger, "res2").join()).toContain("绑定");
    expect(await h.db.ticket.count()).toBe(1);
  });
});

describe("a fee question naming a household", () => {
  const withBills = {
    ...COMMUNITY,
    bills: [
      ...COMMUNITY.bills,
      { building: "4", unit: "1", room: "301", item: "物业服务费", period: "2026-01", amount: "298.00", dueDate: "2026-01-31", paid: false },
    ],
  };

  it("someone else's: nothing of theirs is shown; the sender is told why and gets their own", async () => {
    h = await startHarness({ community: withBills, start: "2026-03-02T10:00:00+08:00" });
    const text = await say("res1", "帮我查下4栋1单元301欠多少钱");
    expect(text).toContain("只能查询您本人已验证的房屋");
    expect(text).toContain("356.40");
    expect(text).not.toMatch(/298|赵敏|4栋1单元301 的费用|13687654321/);
  });

  it("their own second home: that home's bills", async () => {
    const both = { ...withBills, residents: [...COMMUNITY.residents, { person: "res1", building: "4", unit: "1", room: "301", verified: true }] };
    h = await startHarness({ community: both, start: "2026-03-02T10:00:00+08:00" });
    const text = await say("res1", "4栋1单元301的物业费欠多少");
    expect(text).toContain("298.00");
    expect(text).not.toContain("只能查询");
  });
});
