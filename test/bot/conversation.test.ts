// Conversations through the fake transport: what residents and staff see, and what is stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.close(); });

const ticketNumber = (texts: string[]) => {
  const m = texts.join("\n").match(/#(\d+)/);
  if (!m) throw new Error(`no ticket number in ${JSON.stringify(texts)}`);
  return Number(m[1]);
};

describe("a bound resident reports a repair in a direct chat", () => {
  it("creates a routed ticket, tells the resident and the grid's housekeeper", async () => {
    const out = await h.say("res1", "厨房水管漏水了");
    const toResident = h.textsTo(out, "res1");
    const n = ticketNumber(toResident);
    expect(toResident[0]).toMatch(/李敏/); // who their housekeeper is
    expect(toResident[0]).toMatch(/前联系您/); // when they will hear back
    const toHk = h.textsTo(out, "hk1");
    expect(toHk).toHaveLength(1);
    expect(toHk[0]).toContain(`#${n}`);
    expect(toHk[0]).toContain("3栋2单元1201");
    expect(toHk[0]).toContain(`接单 #${n}`);
    expect(h.textsTo(out, "hk2")).toHaveLength(0);
    const ticket = await h.db.ticket.findFirstOrThrow({ where: { number: n } });
    expect(ticket).toMatchObject({ intent: "repair", category: "water", status: "open", place: "3栋2单元1201" });
    const msg = await h.db.inboundMessage.findFirstOrThrow({ where: { text: "厨房水管漏水了" } });
    expect(msg).toMatchObject({ status: "processed", intent: "repair", ticketId: ticket.id, decidedBy: "offline" });
    expect(await h.db.ticketEvent.count({ where: { ticketId: ticket.id, type: "created" } })).toBe(1);
  });

  it("walks the ticket through accept, on site and done, telling the resident each time", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "卫生间马桶堵了"), "res1"));
    let out = await h.say("hk1", `接单 #${n}`);
    expect(h.textsTo(out, "res1").join()).toMatch(new RegExp(`#${n}.*受理`));
    out = await h.say("hk1", `到场 ${n}`);
    expect(h.textsTo(out, "res1").join()).toMatch(/到场/);
    out = await h.say("hk1", `完成 #${n} 疏通了下水管`);
    expect(h.textsTo(out, "res1").join()).toMatch(/疏通了下水管/);
    const ticket = await h.db.ticket.findFirstOrThrow({ where: { number: n }, include: { events: { orderBy: { id: "asc" } } } });
    expect(ticket.status).toBe("done");
    expect(ticket.events.map((e) => e.type)).toEqual(["created", "accept", "arrive", "complete"]);
    expect(ticket.events.every((e) => e.actor.length > 0)).toBe(true);
  });

  it("lists open tickets on 进度, and the housekeeper's on 我的工单", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "客厅灯不亮了"), "res1"));
    expect(h.textsTo(await h.say("res1", "进度"), "res1").join()).toMatch(new RegExp(`#${n}[\\s\\S]*待受理[\\s\\S]*李敏`));
    expect(h.textsTo(await h.say("hk1", "我的工单"), "hk1").join()).toContain(`#${n}`);
    expect(h.textsTo(await h.say("hk2", "我的工单"), "hk2").join()).not.toContain(`#${n}`);
  });
});

describe("binding", () => {
  it("asks an unbound resident for the address and phone tail, then files the report they started with", async () => {
    let out = await h.say("res3", "客厅灯不亮了");
    expect(h.textsTo(out, "res3").join()).toMatch(/地址/);
    expect(await h.db.ticket.count()).toBe(0); // nothing about a home before binding
    out = await h.say("res3", "四号楼一单元301");
    expect(h.textsTo(out, "res3").join()).toMatch(/后四位/);
    expect(h.textsTo(out, "res3").join()).not.toMatch(/赵敏|1368/); // the owner's data is not revealed
    out = await h.say("res3", "4321");
    const texts = h.textsTo(out, "res3");
    expect(texts.join()).toMatch(/绑定成功/);
    const n = ticketNumber(texts.slice(1));
    expect(h.textsTo(out, "hk2").join()).toContain(`#${n}`);
    const ticket = await h.db.ticket.findFirstOrThrow({ where: { number: n } });
    expect(ticket.place).toBe("4栋1单元301");
  });

  it("locks binding for the household after three wrong phone tails", async () => {
    await h.say("res2", "3-2-1201");
    expect(h.textsTo(await h.say("res2", "0000"), "res2").join()).toMatch(/还可以再试 2 次/);
    await h.say("res2", "1111");
    expect(h.textsTo(await h.say("res2", "2222"), "res2").join()).toMatch(/暂停/);
    // Even the right tail is refused while locked.
    await h.say("res2", "3-2-1201");
    await h.say("res2", "5678");
    expect(await h.db.resident.count({ where: { chatUser: { platformId: "res2" } } })).toBe(0);
    // After the lock expires the right tail works.
    h.clock.advance(61 * 60_000);
    await h.say("res2", "3-2-1201");
    expect(h.textsTo(await h.say("res2", "5678"), "res2").join()).toMatch(/绑定成功/);
  });

  it("answers an unknown household clearly", async () => {
    let out = await h.say("res3", "9栋1单元999");
    expect(h.textsTo(out, "res3").join()).toMatch(/没有找到 9栋1单元999/);
    // Still binding: the corrected address that follows, with words around it, is read as one.
    const state = await h.db.conversation.findFirst({ where: { chatUser: { platformId: "res3" } } });
    expect(state?.kind).toBe("bind_address");
    out = await h.say("res3", "哦打错了 4栋1单元301");
    expect(h.textsTo(out, "res3").join()).toMatch(/4栋1单元301[\s\S]*后四位|后四位[\s\S]*4栋1单元301/);
    expect(await h.db.ticket.count()).toBe(0);
  });

  it("files a public-area problem without binding, to the grid owning the place or the front desk", async () => {
    let out = await h.say("res3", "东门道闸坏了 车出不去");
    expect(h.textsTo(out, "res3").join()).toMatch(/#\d+/);
    expect(h.textsTo(out, "desk").join()).toMatch(/#\d+/);
    out = await h.say("res3", "5栋电梯坏了");
    expect(h.textsTo(out, "hk2").join()).toMatch(/#\d+/);
  });
});

describe("groups", () => {
  it("handles an @-mention with a one-line group reply and details by direct message", async () => {
    const out = await h.say("res2", "@物业小助手 3栋电梯又坏了", { in: "g3", mention: true });
    const group = h.textsTo(out, "g3");
    expect(group).toHaveLength(1);
    const n = ticketNumber(group);
    expect(group[0]).toContain("李敏");
    expect(h.textsTo(out, "res2").join()).toContain(`#${n}`);
    expect(h.textsTo(out, "hk1").join()).toContain(`#${n}`);
    expect((await h.db.ticket.findFirstOrThrow({ where: { number: n } })).category).toBe("elevator");
  });

  it("stays silent on chit-chat and makes no ticket", async () => {
    const out = await h.say("res2", "今天天气真不错 大家周末去哪玩", { in: "g3" });
    expect(out).toHaveLength(0);
    expect(await h.db.ticket.count()).toBe(0);
    expect(await h.db.inboundMessage.count({ where: { status: "processed" } })).toBe(1); // stored all the same
  });

  it("acts on an un-mentioned emergency", async () => {
    const out = await h.say("res2", "3栋楼道里好大的煤气味 谁家漏气了", { in: "g3" });
    expect(h.textsTo(out, "g3").join()).toMatch(/#\d+/);
    expect(h.textsTo(out, "mgr").join()).toMatch(/紧急/);
  });

  it("sends fee details only privately", async () => {
    const out = await h.say("res1", "@物业小助手 我家物业费还欠多少", { in: "g3", mention: true });
    expect(h.textsTo(out, "g3").join()).not.toMatch(/356/);
    expect(h.textsTo(out, "g3").join()).toMatch(/私信/);
    expect(h.textsTo(out, "res1").join()).toMatch(/356\.40/);
  });
});

describe("permissions", () => {
  it("refuses a housekeeper acting on another grid's ticket, and lets the supervisor", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "阳台水龙头坏了"), "res1"));
    expect(h.textsTo(await h.say("hk2", `接单 #${n}`), "hk2").join()).toMatch(/不属于您的网格/);
    expect((await h.db.ticket.findFirstOrThrow({ where: { number: n } })).status).toBe("open");
    expect(h.textsTo(await h.say("sup", `接单 #${n}`), "sup").join()).toMatch(/已受理/);
  });

  it("politely refuses a resident who sends a staff command", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "卧室插座没电"), "res1"));
    expect(h.textsTo(await h.say("res1", `完成 #${n} 好了`), "res1").join()).toMatch(/工作人员/);
    expect((await h.db.ticket.findFirstOrThrow({ where: { number: n } })).status).toBe("open");
  });

  it("transfers a ticket to maintenance, who may then act on it", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "厨房下水道堵了"), "res1"));
    const out = await h.say("hk1", `转单 #${n} 钱师傅`);
    expect(h.textsTo(out, "fix1").join()).toContain(`#${n}`);
    expect(h.textsTo(await h.say("fix1", `完成 #${n} 疏通`), "fix1").join()).toMatch(/已完成/);
  });
});

describe("bad input", () => {
  it("answers an empty message", async () => {
    expect(h.textsTo(await h.say("res1", "   "), "res1").join()).toMatch(/没有收到文字/);
  });

  it("stores a 10,000-character message and asks for a short one", async () => {
    const out = await h.say("res1", "漏水".repeat(5000));
    expect(h.textsTo(out, "res1").join()).toMatch(/消息太长（10000 字）/);
    expect(await h.db.ticket.count()).toBe(0);
    expect((await h.db.inboundMessage.findFirstOrThrow()).text).toHaveLength(10000);
  });

  it("acts on a danger at the end of a message too long to read, and shows staff its beginning and end", async () => {
    const story = "我跟你们说说我家老头子的事情，".repeat(700); // 10,500 characters
    const out = await h.say("res1", `${story}刚才进厨房一股很浓的煤气味，赶紧派人来`);
    expect(h.textsTo(out, "res1").join()).not.toMatch(/消息太长/);
    const ticket = await h.db.ticket.findFirstOrThrow();
    expect(ticket).toMatchObject({ urgency: 1, category: "gas" });
    const card = h.textsTo(out, "hk1").join();
    expect(card).toMatch(/中间省略 \d+ 字/);
    expect(card).toContain("赶紧派人来");
  });

  it("attaches a photo sent after a report to that ticket, and asks for text on voice", async () => {
    const n = ticketNumber(h.textsTo(await h.say("res1", "卫生间天花板渗水"), "res1"));
    let out = await h.say("res1", "", { kind: "image" });
    expect(h.textsTo(out, "res1").join()).toContain(`#${n}`);
    expect(h.textsTo(out, "hk1").join()).toContain(`#${n}`);
    expect(await h.db.attachment.count({ where: { ticket: { number: n } } })).toBe(1);
    out = await h.say("res1", "", { kind: "voice" });
    expect(h.textsTo(out, "res1").join()).toMatch(/文字/);
  });

  it("answers staff commands with an unknown ticket or missing text", async () => {
    expect(h.textsTo(await h.say("hk1", "接单 #999"), "hk1").join()).toMatch(/没有找到工单 #999/);
    const n = ticketNumber(h.textsTo(await h.say("res1", "客厅灯不亮"), "res1"));
    expect(h.textsTo(await h.say("hk1", `完成 #${n}`), "hk1").join()).toMatch(/指令格式/);
    expect(h.textsTo(await h.say("hk1", "随便说点什么"), "hk1").join()).toMatch(/帮助/);
    expect((await h.db.ticket.findFirstOrThrow({ where: { number: n } })).status).toBe("open");
  });

  it("processes a redelivered message once", async () => {
    await h.say("res1", "厨房水管漏水了", { messageId: "wx-1" });
    const again = await h.say("res1", "厨房水管漏水了", { messageId: "wx-1" });
    expect(again).toHaveLength(0);
    expect(await h.db.ticket.count()).toBe(1);
    expect(await h.db.inboundMessage.count()).toBe(1);
  });
});

describe("revisits one at a time", () => {
  it("a second revisit waits until the first is answered, then comes within half an hour", async () => {
    const h = await startHarness({ start: "2026-03-02T10:00:00+08:00" });
    try {
      const n1 = Number(/#(\d+)/.exec(h.textsTo(await h.say("res1", "厨房水龙头漏水"), "res1").join())?.[1]);
      const n2 = Number(/#(\d+)/.exec(h.textsTo(await h.say("res1", "卧室空调插座没电了"), "res1").join())?.[1]);
      expect(n2).toBeGreaterThan(n1);
      await h.say("hk1", `完成 #${n1} 换了水龙头`);
      await h.say("hk1", `完成 #${n2} 换了插座`);
      let out = await h.advance(24 * 3_600_000); // next day, 10:00: both revisits fall due
      const questions = h.textsTo(out, "res1").filter((t) => /回访/.test(t));
      expect(questions).toHaveLength(1);
      expect(questions[0]).toContain(`#${n1}`);
      out = await h.say("res1", "1");
      expect(h.textsTo(out, "res1").join()).toContain(`#${n1} 已结案`);
      out = await h.advance(31 * 60_000);
      expect(h.textsTo(out, "res1").filter((t) => /回访/.test(t))).toEqual([expect.stringContaining(`#${n2}`)]);
      out = await h.say("res1", "2");
      expect(h.textsTo(out, "res1").join()).toContain(`#${n2} 已结案`);
      const tickets = await h.db.ticket.findMany({ where: { number: { in: [n1, n2] } }, orderBy: { number: "asc" } });
      expect(tickets.map((t) => [t.status, t.satisfaction])).toEqual([["closed", 1], ["closed", 2]]);
    } finally {
      await h.close();
    }
  });
});
