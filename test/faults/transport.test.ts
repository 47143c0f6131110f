// Transport faults: sends refused, timing out or throwing are retried with growing backoff and sent
// once; after ten attempts (backoff capped at 10 min) a message is parked as dead with an error log line; redelivered
// messages (in a row, at once, while the first is still being classified, to two instances) are
// processed once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushOutbox } from "../../src/bot/outbox-sender.js";
import { createClassifier, type Classifier } from "../../src/intents/policy.js";
import { enqueue } from "../../src/services/outbox.js";
import { PEOPLE, startHarness, type Harness } from "../helpers/harness.js";
import { captureLog, FlakyTransport, secondInstance } from "./helpers.js";

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.close(); });

const name = (id: string) => (PEOPLE as Record<string, string>)[id] ?? id;
const deliver = (t: FlakyTransport, from: string, text: string, extra: { messageId?: string; roomId?: string; mentionsSelf?: boolean } = {}) =>
  t.deliver({ userId: from, userName: name(from), text, ...extra });
const SECOND = 1000;

describe("sends that fail", () => {
  it("retries a refused send with growing backoff (2 s, 4 s, 8 s) and sends it once", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    t.script.push("error", "error", "error");
    await deliver(t, "res1", "帮助"); // one reply, to res1
    const row = () => h.db.outboxMessage.findFirstOrThrow({ where: { toPlatformId: "res1" } });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = await row();
      expect(r).toMatchObject({ status: "pending", attempts: attempt, lastError: "platform refused the message to res1" });
      waits.push(r.notBefore.getTime() - h.clock.now().getTime());
      h.clock.advance(r.notBefore.getTime() - h.clock.now().getTime() - 1);
      await inst.assistant.flush(); // a moment too early: nothing is sent
      expect(t.attempts).toHaveLength(attempt);
      h.clock.advance(1);
      await inst.assistant.flush();
    }
    expect(waits).toEqual([2 * SECOND, 4 * SECOND, 8 * SECOND]);
    expect(t.attempts.map((a) => a.outcome)).toEqual(["error", "error", "error", "ok"]);
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("res1")[0]!.text).toMatch(/您好/);
    expect(await row()).toMatchObject({ status: "sent", attempts: 4 });
    expect(inst.lines.filter((l) => l.msg === "send failed; will retry")).toHaveLength(3);
  });

  it("parks a message as dead after ten failed attempts (about 17 minutes, backoff capped at 10), logs it once, and keeps sending the rest", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    t.otherwise = "error";
    await deliver(t, "res1", "帮助");
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await h.db.outboxMessage.findFirstOrThrow({ where: { toPlatformId: "res1" } });
      if (r.status === "pending") waits.push(Math.round((r.notBefore.getTime() - h.clock.now().getTime()) / SECOND));
      h.clock.advance(10 * 60 * SECOND);
      await inst.assistant.flush();
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512]);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { toPlatformId: "res1" } });
    expect(row).toMatchObject({ status: "dead", attempts: 10 });
    expect(t.attempts).toHaveLength(10);
    expect(t.sent).toHaveLength(0);
    const dead = inst.lines.filter((l) => l.msg === "outbox message dead after repeated send failures");
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ level: 50, outboxId: row.id, attempts: 10 });
    // The platform is back: new messages go out, the dead one stays dead (for the office to look at).
    t.otherwise = "ok";
    await deliver(t, "res1", "进度");
    h.clock.advance(60 * SECOND);
    await inst.assistant.flush();
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("res1")[0]!.text).toMatch(/工单|报修/);
    expect(await h.db.outboxMessage.count({ where: { status: "dead" } })).toBe(1);
  });

  it("gives up on a send that never returns after the timeout, and retries it", async () => {
    const t = new FlakyTransport(h.clock);
    const { log, lines } = captureLog();
    await enqueue(h.db, { to: { kind: "user", platformId: "res1" }, key: "resident.hello", notBefore: h.clock.now() });
    const opts = { db: h.db, clock: h.clock, log, transport: t, botName: "物业小助手", sendTimeoutMs: 50 };
    t.script.push("hang");
    expect(await flushOutbox(opts)).toBe(0);
    const r = await h.db.outboxMessage.findFirstOrThrow();
    expect(r).toMatchObject({ status: "pending", attempts: 1, lastError: "send timed out after 50 ms" });
    expect(lines.some((l) => l.msg === "send failed; will retry")).toBe(true);
    h.clock.advance(2 * SECOND);
    expect(await flushOutbox(opts)).toBe(1);
    expect(t.sent).toHaveLength(1);
    expect(await h.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("treats an exception thrown by the transport like a failed send", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    t.script.push("crash");
    await deliver(t, "res1", "帮助");
    expect(t.sent).toHaveLength(0);
    expect(inst.lines.some((l) => l.msg === "send failed unexpectedly; will retry")).toBe(true);
    h.clock.advance(2 * SECOND);
    await inst.assistant.flush();
    expect(t.to("res1")).toHaveLength(1);
  });

  it("keeps the queue moving while one recipient's sends fail", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    t.script.push("error"); // the first row queued for a repair is the housekeeper's card
    await deliver(t, "res1", "厨房水管漏水了");
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("hk1")).toHaveLength(0);
    h.clock.advance(2 * SECOND);
    await inst.assistant.flush();
    expect(t.to("hk1")).toHaveLength(1);
    expect(t.to("hk1")[0]!.text).toMatch(/新工单/);
    expect(t.to("res1")).toHaveLength(1);
  });

  it("with every other send refused and every message delivered twice, each reply is sent exactly once", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    let n = 0;
    t.otherwise = "ok";
    const flip = () => void t.script.push(n++ % 2 === 0 ? "error" : "ok");
    for (let i = 0; i < 40; i++) flip();
    const texts = ["厨房水管漏水了", "进度", "帮助", "我家物业费还欠多少", "楼上装修太吵了", "卧室插座没电了"];
    for (const [i, text] of texts.entries()) {
      await deliver(t, "res1", text, { messageId: `wx-${i}` });
      await deliver(t, "res1", text, { messageId: `wx-${i}` });
    }
    for (let i = 0; i < 10; i++) {
      h.clock.advance(60 * SECOND);
      await inst.assistant.flush();
    }
    const rows = await h.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(t.sent).toHaveLength(rows.length);
    expect(t.sent.map((s) => `${s.to.id} ${s.text}`).sort()).toEqual(rows.map((r) => `${r.toPlatformId} ${r.text}`).sort());
    expect(await h.db.inboundMessage.count()).toBe(texts.length);
  });
});

describe("redelivered messages", () => {
  const countAll = async () => ({ inbound: await h.db.inboundMessage.count(), tickets: await h.db.ticket.count(), outbox: await h.db.outboxMessage.count() });

  it("processes a message delivered three times in a row once", async () => {
    const t = new FlakyTransport(h.clock);
    await secondInstance(h, { transport: t });
    for (let i = 0; i < 3; i++) await deliver(t, "res1", "厨房水管漏水了", { messageId: "wx-1" });
    expect(await countAll()).toEqual({ inbound: 1, tickets: 1, outbox: 2 });
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("hk1")).toHaveLength(1);
  });

  it("processes a message delivered three times at once once", async () => {
    const t = new FlakyTransport(h.clock);
    await secondInstance(h, { transport: t });
    const results = await Promise.allSettled([1, 2, 3].map(() => deliver(t, "res1", "厨房水管漏水了", { messageId: "wx-1" })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(await countAll()).toEqual({ inbound: 1, tickets: 1, outbox: 2 });
    expect(t.to("res1")).toHaveLength(1);
  });

  it("processes a redelivery that arrives while the first delivery is still being classified once", async () => {
    // An LLM takes seconds; a platform that redelivers in the meantime must not make a second ticket.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const offline = createClassifier({});
    const slow: Classifier = async (input) => {
      await gate;
      return offline(input);
    };
    const t = new FlakyTransport(h.clock);
    await secondInstance(h, { transport: t, classifier: slow });
    const first = deliver(t, "res1", "厨房水管漏水了", { messageId: "wx-slow" });
    while ((await h.db.inboundMessage.count()) === 0) await new Promise((r) => setTimeout(r, 5));
    // Stored, still "received" while it is classified: the redelivery takes the recovery path.
    const second = deliver(t, "res1", "厨房水管漏水了", { messageId: "wx-slow" });
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([first, second]);
    expect(await countAll()).toEqual({ inbound: 1, tickets: 1, outbox: 2 });
    expect(t.to("res1")).toHaveLength(1);
    expect((await h.db.inboundMessage.findFirstOrThrow()).status).toBe("processed");
  });

  it("acts once on a group message that reaches two instances at once", async () => {
    const t = new FlakyTransport(h.clock);
    await secondInstance(h, { transport: t });
    const m = { userId: "res2", userName: "刘洋", text: "@物业小助手 3栋电梯又坏了", roomId: "g3", mentionsSelf: true, messageId: "wx-group-1" };
    await Promise.all([h.transport.deliver(m), t.deliver(m)]);
    await Promise.all([h.assistant.flush(), (async () => { /* the second instance flushed in deliver */ })()]);
    const toGroup = [...h.transport.to("g3"), ...t.to("g3")];
    expect(toGroup).toHaveLength(1);
    expect(await countAll()).toMatchObject({ inbound: 1, tickets: 1 });
  });
});
