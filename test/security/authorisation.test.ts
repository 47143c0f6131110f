// Authorisation: residents (bound or not, whatever display name they give themselves) issuing staff
// commands; housekeepers, maintenance and the front desk acting on another grid's ticket; staff
// commands in groups and forged mentions; binding brute force (three wrong phone tails lock the
// household, across accounts). Each case checks the reply and that nothing changed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { allSent, expectNoLeak, expectStoredAndProcessed, SECURE_COMMUNITY, snapshot } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ community: SECURE_COMMUNITY });
  await h.say("res1", "卫生间马桶堵了"); // ticket #1, grid A (housekeeper hk1)
  expect(await h.db.ticket.count()).toBe(1);
});
afterEach(async () => {
  expectNoLeak(allSent(h));
  await h.close();
});

/** Delivers as any platform identity with any display name. */
const as = async (userId: string, userName: string, text: string, o: { roomId?: string; mentionsSelf?: boolean } = {}) => {
  h.drain();
  await h.transport.deliver({ userId, userName, text, mentionsSelf: o.mentionsSelf ?? false, ...(o.roomId ? { roomId: o.roomId } : {}) });
  return h.drain();
};

const STAFF_COMMANDS = ["接单 #1", "受理 #1", "到场 #1", "完成 #1 已修好", "办结 #1 好了", "转单 #1 钱师傅", "备注 #1 测试", "接单 1", "接单＃１", "通知 全体 明天停水", "欠费", "收缴率"];
const IMPOSTORS = [
  { id: "res1", name: "张伟", label: "the bound resident" },
  { id: "res2", name: "刘洋", label: "an unbound resident" },
  { id: "evil1", name: "李敏", label: "a stranger calling themself 李敏 (the housekeeper)" },
];

describe("residents issuing staff commands change nothing", () => {
  it.each(IMPOSTORS.flatMap((p) => STAFF_COMMANDS.map((text) => ({ ...p, text }))))("$label: $text", async (c) => {
    const before = await snapshot(h);
    const out = await as(c.id, c.name, c.text);
    const reply = h.textsTo(out, c.id).join("\n");
    expect(reply.length).toBeGreaterThan(0);
    expect(reply).not.toMatch(/已受理|已完成|已转给|已添加备注|已记录到场|收缴率（|欠费清单|通知已/);
    // No group and no other resident hears of it. (A word the classifier takes for a report of the
    // sender's own may become their own ticket, whose card goes to staff: that is no staff power.)
    const others = out.filter((m) => m.to.id !== c.id);
    expect(others.every((m) => m.to.kind === "user" && ["hk1", "hk2", "sup", "mgr", "desk"].includes(m.to.id) && /^【(新工单|紧急|需主管关注)/.test(m.text)), JSON.stringify(others)).toBe(true);
    const after = await snapshot(h);
    expect(after.tickets.slice(0, before.tickets.length)).toEqual(before.tickets);
    expect(await h.db.ticketEvent.count({ where: { ticket: { number: 1 } } })).toBe(1); // only "created"
    expect(after.notices).toBe(0);
    await expectStoredAndProcessed(h, c.text);
  });
});

describe("staff act only on tickets of their grid (or assigned to them)", () => {
  it.each([
    { who: "hk2", text: "接单 #1" },
    { who: "hk2", text: "到场 #1" },
    { who: "hk2", text: "完成 #1 已修好" },
    { who: "hk2", text: "转单 #1 张晨" },
    { who: "hk2", text: "备注 #1 看看" },
    { who: "fix1", text: "接单 #1" },
    { who: "fix1", text: "完成 #1 修好了" },
    { who: "fix1", text: "转单 #1 钱师傅" },
    { who: "desk", text: "接单 #1" },
    { who: "desk", text: "完成 #1 已处理" },
  ])("$who: $text", async (c) => {
    const before = await snapshot(h);
    const out = await h.say(c.who, c.text);
    expect(h.textsTo(out, c.who).join()).toMatch(/#1 不属于您的网格/);
    expect(out.filter((m) => m.to.id !== c.who)).toEqual([]);
    const after = await snapshot(h);
    expect(after.tickets).toEqual(before.tickets);
    expect(after.events).toBe(before.events);
  });

  it("lets maintenance act once the ticket is transferred to them, and no sooner", async () => {
    expect(h.textsTo(await h.say("fix1", "到场 #1"), "fix1").join()).toMatch(/不属于您的网格/);
    await h.say("hk1", "转单 #1 钱师傅");
    expect(h.textsTo(await h.say("fix1", "到场 #1"), "fix1").join()).toMatch(/已记录到场/);
  });
});

describe("staff commands in groups and forged mentions", () => {
  it.each([
    { label: "a housekeeper's command in the group", id: "hk1", name: "李敏", text: "@物业小助手 接单 #1", mention: true, groupSees: /私聊/ },
    { label: "a resident's command with a real mention", id: "res2", name: "刘洋", text: "@物业小助手 完成 #1 修好了", mention: true, groupSees: /工作人员/ },
    { label: "a command with the bot's name typed but not mentioned", id: "res2", name: "刘洋", text: "@物业小助手 接单 #1", mention: false, groupSees: /^$/ },
    { label: "a command mentioning the housekeeper, not the bot", id: "res2", name: "刘洋", text: "@李敏 接单 #1", mention: false, groupSees: /^$/ },
    { label: "someone named like the bot", id: "evil2", name: "物业小助手", text: "完成 #1 已处理", mention: false, groupSees: /^$/ },
    { label: "someone named like the supervisor, mentioning the bot", id: "evil3", name: "王强", text: "@物业小助手 转单 #1 钱师傅", mention: true, groupSees: /工作人员/ },
    { label: "a forged system card", id: "res2", name: "刘洋", text: "【新工单 #1】已受理，请回复「完成 #1 已修好」", mention: true, groupSees: /(?:)/ },
  ])("$label", async (c) => {
    const before = await snapshot(h);
    const out = await as(c.id, c.name, c.text, { roomId: "g3", mentionsSelf: c.mention });
    expect(h.textsTo(out, "g3").join()).toMatch(c.groupSees);
    const after = await snapshot(h);
    expect(after.tickets).toEqual(before.tickets);
    expect(after.events).toBe(before.events);
    await expectStoredAndProcessed(h, c.text);
  });

  it("takes a staff command by direct message from the real housekeeper, whatever name the impostor used", async () => {
    await as("evil1", "李敏", "接单 #1");
    expect((await h.db.ticket.findFirstOrThrow()).status).toBe("open");
    await as("hk1", "李敏", "接单 #1");
    expect((await h.db.ticket.findFirstOrThrow()).status).toBe("accepted");
  });
});

describe("binding brute force", () => {
  const residentsOf = (id: string) => h.db.resident.count({ where: { chatUser: { platformId: id } } });

  it("locks the household after three wrong tails; the right tail is then refused", async () => {
    await h.say("res2", "3-2-1201");
    expect(h.textsTo(await h.say("res2", "0000"), "res2").join()).toMatch(/还可以再试 2 次/);
    expect(h.textsTo(await h.say("res2", "1111"), "res2").join()).toMatch(/还可以再试 1 次/);
    expect(h.textsTo(await h.say("res2", "2222"), "res2").join()).toMatch(/暂停/);
    await h.say("res2", "3-2-1201");
    const out = await h.say("res2", "5678");
    expect(h.textsTo(out, "res2").join()).not.toMatch(/绑定成功/);
    expect(await residentsOf("res2")).toBe(0);
  });

  it("counts wrong tails per household, across accounts", async () => {
    await h.say("res2", "3-2-1201");
    await h.say("res2", "0000");
    await h.say("res2", "1111");
    await h.say("res3", "3栋2单元1201");
    expect(h.textsTo(await h.say("res3", "2222"), "res3").join()).toMatch(/暂停/);
    expect(h.textsTo(await h.say("stranger9", "3-2-1201"), "stranger9").join()).toMatch(/暂停/);
    await h.say("stranger9", "5678");
    expect(await residentsOf("res3")).toBe(0);
    expect(await residentsOf("stranger9")).toBe(0);
  });

  it("does not let a lock be reset by guessing another household in between", async () => {
    await h.say("res2", "3-2-1201");
    await h.say("res2", "0000");
    await h.say("res2", "1111");
    await h.say("res2", "4-1-301");
    await h.say("res2", "9999");
    await h.say("res2", "3-2-1201");
    expect(h.textsTo(await h.say("res2", "2222"), "res2").join()).toMatch(/暂停/);
  });

  it("stays locked for the lock period, then the right tail binds", async () => {
    await h.say("res2", "3-2-1201");
    for (const t of ["0000", "1111", "2222"]) await h.say("res2", t);
    h.clock.advance(59 * 60_000);
    await h.say("res2", "3-2-1201");
    await h.say("res2", "5678");
    expect(await residentsOf("res2")).toBe(0);
    h.clock.advance(2 * 60_000);
    await h.say("res2", "3-2-1201");
    expect(h.textsTo(await h.say("res2", "5678"), "res2").join()).toMatch(/绑定成功/);
  });

  it("never tells a guesser whose household it is or whose phone", async () => {
    const out = [...(await h.say("res2", "3-2-1201")), ...(await h.say("res2", "0000"))];
    expect(h.textsTo(out, "res2").join()).not.toMatch(/张伟|1391|139\*/);
  });
});
