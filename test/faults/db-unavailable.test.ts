// The database briefly unavailable (SQLite: another process holds the write lock — a backup, an
// admin's sqlite3 session — longer than the busy timeout). The assistant logs it, accepts nothing it
// cannot store (the transport is told by a rejection), and recovers without a restart: a stored
// message is processed by a later tick, due work runs once, a message sent but not recorded is
// not sent again.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClassifier, type Classifier } from "../../src/intents/policy.js";
import type { OutboundTarget } from "../../src/bot/transport.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { FlakyTransport, secondInstance } from "./helpers.js";

let h: Harness;
let other: Database.Database;
let locked = false;
const lock = () => { other.exec("BEGIN EXCLUSIVE"); locked = true; };
const unlock = () => { if (locked) other.exec("ROLLBACK"); locked = false; };

beforeEach(async () => {
  h = await startHarness();
  const [main] = await h.db.$queryRawUnsafe<{ file: string }[]>("PRAGMA database_list");
  other = new Database(main!.file);
  // The assistant's connection gives up on a lock after 200 ms instead of 5 s, to keep this quick.
  await h.db.$queryRawUnsafe("PRAGMA busy_timeout = 200");
});
afterEach(async () => {
  unlock();
  other.close();
  await h.close();
});

const MIN = 60_000;

describe("a database that is briefly unavailable", () => {
  it("refuses a message it cannot store (the transport is told), then takes its redelivery once", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    lock();
    await expect(t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了", messageId: "wx-1" })).rejects.toMatchObject({ code: "P1008" });
    expect(inst.lines.some((l) => l.level === 50 && l.msg === "inbound message not handled" && l.messageId === "wx-1")).toBe(true);
    unlock();
    expect(await h.db.inboundMessage.count()).toBe(0);
    expect(t.sent).toHaveLength(0);

    await t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了", messageId: "wx-1" });
    expect(await h.db.ticket.count()).toBe(1);
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("res1")[0]!.text).toMatch(/已为您登记报修 #1/);
  });

  it("holds a message it could not store when the transport does not redeliver (WeChat), and stores and answers it on a later tick", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    lock();
    await expect(t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了", messageId: "wx-held" })).rejects.toMatchObject({ code: "P1008" });
    expect(inst.assistant.heldCount()).toBe(1);
    await inst.assistant.tick(h.clock.now()).catch(() => 0); // still locked: nothing lost, nothing written
    expect(inst.assistant.heldCount()).toBe(1);
    unlock();
    expect(await h.db.inboundMessage.count()).toBe(0);
    await inst.assistant.tick(h.clock.now());
    expect(inst.assistant.heldCount()).toBe(0);
    expect(await h.db.inboundMessage.count({ where: { transportMessageId: "wx-held", status: "processed" } })).toBe(1);
    expect(await h.db.ticket.count()).toBe(1);
    expect(t.to("res1").map((m) => m.text)).toEqual([expect.stringMatching(/已为您登记报修 #1/)]);
  });

  it("keeps a stored message whose processing failed, and processes it on a later tick without a restart", async () => {
    const offline = createClassifier({});
    // The lock is taken while the message is being classified: stored, but not yet processed.
    let once = true;
    const classifier: Classifier = async (input) => {
      if (once && input.text.includes("漏水")) {
        once = false;
        lock();
      }
      return offline(input);
    };
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t, classifier });
    await expect(t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了" })).rejects.toMatchObject({ code: "P1008" });
    expect(inst.lines.some((l) => l.msg === "database unavailable; message kept for a retry")).toBe(true);
    unlock();
    const msg = await h.db.inboundMessage.findFirstOrThrow();
    expect(msg.status).toBe("received");
    expect(t.sent).toHaveLength(0); // no "系统出了点问题" apology: it will be handled

    // This instance held the message it failed on, so its next tick retries it at once (messages
    // other instances left "received" wait 30 s, in case they are still in flight).
    await inst.assistant.tick();
    expect(await h.db.inboundMessage.findFirstOrThrow()).toMatchObject({ status: "processed", intent: "repair" });
    expect(await h.db.ticket.count()).toBe(1);
    expect(t.to("res1").map((m) => m.text).join()).toMatch(/已为您登记报修 #1/);
    expect(t.to("res1")).toHaveLength(1);
    expect(t.to("hk1")).toHaveLength(1);
    await inst.assistant.tick();
    expect(await h.db.ticket.count()).toBe(1);
    expect(t.sent).toHaveLength(2);
  });

  it("runs due work that fell due during the outage once, after it", async () => {
    const t = new FlakyTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    await t.deliver({ userId: "res1", userName: "张伟", text: "卧室的插座没电了" });
    h.clock.advance(31 * MIN);
    lock();
    await expect(inst.assistant.tick()).rejects.toMatchObject({ code: "P1008" });
    unlock();
    await inst.assistant.tick();
    await inst.assistant.tick();
    const escalations = t.to("sup").filter((m) => /超时升级/.test(m.text));
    expect(escalations).toHaveLength(1);
    expect(await h.db.ticketEvent.count({ where: { type: "escalated" } })).toBe(1);
  });

  it("does not send again a message that was sent while its record could not be written", async () => {
    class LockingTransport extends FlakyTransport {
      lockAfterNextSend = false;
      override async send(to: OutboundTarget, text: string): Promise<void> {
        await super.send(to, text);
        if (this.lockAfterNextSend) {
          this.lockAfterNextSend = false;
          lock();
        }
      }
    }
    const t = new LockingTransport(h.clock);
    const inst = await secondInstance(h, { transport: t });
    t.lockAfterNextSend = true;
    await t.deliver({ userId: "res1", userName: "张伟", text: "帮助" }); // handled; its reply sent, then the lock
    expect(t.to("res1")).toHaveLength(1);
    expect(inst.lines.some((l) => l.msg === "message sent but not recorded as sent; will record it when the database is back")).toBe(true);
    expect(inst.lines.some((l) => l.msg === "outbox flush failed; the next tick retries")).toBe(true);
    unlock();
    h.clock.advance(2 * MIN); // past the 60 s claim: the row could be taken over
    await inst.assistant.flush();
    await inst.assistant.flush();
    expect(t.to("res1")).toHaveLength(1);
    expect(await h.db.outboxMessage.findFirstOrThrow({ where: { toPlatformId: "res1" } })).toMatchObject({ status: "sent" });
  });
});
