// End to end through real wechaty (on wechaty-puppet-mock), the real assistant, the offline
// classifier and a SQLite file: what residents, staff and groups see, and what is stored.
// The community's chat identities (staff ids, resident person ids, group ids) are the mock's
// contact and room ids, as they would be the wxids and room ids of a real deployment.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../src/bot/assistant.js";
import { WechatyTransport } from "../../src/bot/transports/wechaty.js";
import { openDb, type Db } from "../../src/db.js";
import { createClassifier } from "../../src/intents/policy.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { systemClock } from "../../src/services/deps.js";
import { startMockWechat, type MockWechat } from "../helpers/wechaty-mock.js";

const ROOM = "g3@chatroom";
const PHONE = "13912345678";
/** Delivery through the mock, the classifier and SQLite is asynchronous: be generous. */
const WAIT_MS = 10_000;

const COMMUNITY = {
  name: "祥云国际",
  timezone: "Asia/Shanghai",
  grids: [{ id: "A", name: "A区", housekeeper: "hk1", buildings: ["1", "2", "3"] }],
  staff: [
    { id: "hk1", name: "李敏", role: "housekeeper" },
    { id: "sup", name: "王强", role: "supervisor" },
    { id: "mgr", name: "赵磊", role: "manager" },
  ],
  households: [{ building: "3", unit: "2", room: "1201", owner: "张伟", phone: PHONE }],
  residents: [{ person: "res1", building: "3", unit: "2", room: "1201", verified: true }],
  groups: [{ id: ROOM, topic: "3号楼业主群", buildings: ["3"], members: ["res1", "res2", "hk1"] }],
  settings: {},
};
const PEOPLE = { res1: "张伟", res2: "刘洋" };

let wechat: MockWechat;
let db: Db;
let assistant: Assistant;
let dbFile: string;

beforeAll(async () => {
  dbFile = path.join(os.tmpdir(), `wuye-e2e-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  db = await openDb(`file:${dbFile}`);
  await loadCommunity(db, CommunityDefinitionSchema.parse(COMMUNITY), PEOPLE);

  wechat = await startMockWechat();
  wechat.contact("hk1", "李敏");
  wechat.contact("sup", "王强");
  wechat.contact("mgr", "赵磊");
  wechat.contact("res1", "张伟");
  wechat.contact("res2", "刘洋");
  wechat.room(ROOM, "3号楼业主群", ["res1", "res2", "hk1"]);

  const log = pino({ level: "silent" });
  const transport = new WechatyTransport({ name: "e2e", botName: wechat.botName, log, wechaty: wechat.wechaty, printQr: false });
  assistant = createAssistant({ db, clock: systemClock, log, classifier: createClassifier({}), transport, botName: wechat.botName });
  await assistant.start();
});

afterAll(async () => {
  // Each step is guarded so a failed setup still releases what was acquired.
  await assistant?.stop().catch(() => undefined);
  await wechat?.stop().catch(() => undefined);
  await db?.$disconnect().catch(() => undefined);
  if (dbFile) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
});

/** Texts the assistant sent to a contact (direct chat) or a room. */
const textsTo = (id: string) => wechat.received.filter((m) => m.to === id).map((m) => m.text);
/** Waits for a text to `id` that matches; messages may arrive in any order. */
const waitForText = (id: string, match: (text: string) => boolean) =>
  wechat.waitFor(() => textsTo(id).find(match), WAIT_MS);
const mentionsTicket = (n: number) => (text: string) => new RegExp(`#${n}(?!\\d)`).test(text);
const ticketNumber = async (n: number) => db.ticket.findFirstOrThrow({ where: { number: n }, include: { events: true } });
/** Polls the database (the assistant commits before it sends, but polling keeps it order-free). */
const waitForDb = <T>(read: () => Promise<T | null | undefined | false>) => {
  const deadline = Date.now() + WAIT_MS;
  const poll = async (): Promise<T> => {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`database condition not met within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return poll();
  };
  return poll();
};

describe("the assistant through wechaty (puppet-mock) on SQLite", () => {
  let n = 0;

  it("registers a bound resident's direct repair and notifies the housekeeper", async () => {
    const messageId = wechat.say("res1", "厨房水管漏水了");

    const reply = await waitForText("res1", (t) => /#\d+/.test(t));
    n = Number(/#(\d+)/.exec(reply)?.[1]);
    expect(n).toBeGreaterThan(0);

    const card = await waitForText("hk1", mentionsTicket(n));
    expect(card).toContain("接单");

    const ticket = await ticketNumber(n);
    expect(ticket).toMatchObject({ status: "open", category: "water" });

    const inbound = await waitForDb(() => db.inboundMessage.findFirst({ where: { transportMessageId: messageId, status: "processed" } }));
    expect(inbound).toMatchObject({ text: "厨房水管漏水了", ticketId: ticket.id, groupPlatformId: null });
  });

  it("lets the housekeeper accept and complete the ticket by direct commands", async () => {
    expect(n).toBeGreaterThan(0);

    wechat.say("hk1", `接单 #${n}`);
    await waitForText("res1", (t) => mentionsTicket(n)(t) && t.includes("受理"));
    await waitForText("hk1", (t) => mentionsTicket(n)(t) && t.includes("已受理"));
    expect((await ticketNumber(n)).status).toBe("accepted");

    wechat.say("hk1", `完成 #${n} 更换了角阀`);
    const done = await waitForText("res1", (t) => mentionsTicket(n)(t) && t.includes("完成"));
    expect(done).toContain("更换了角阀");
    const ticket = await ticketNumber(n);
    expect(ticket.status).toBe("done");
    expect(ticket.resolution).toContain("更换了角阀");
    expect(ticket.events.map((e) => e.type)).toEqual(expect.arrayContaining(["accept", "complete"]));
  });

  it("answers an @-mention in the building group with one line and no private details", async () => {
    const before = textsTo(ROOM).length;
    wechat.sayInRoom("res1", ROOM, "3栋电梯又坏了", { mentionBot: true });

    const line = await waitForText(ROOM, (t) => /#\d+/.test(t));
    const m = Number(/#(\d+)/.exec(line)?.[1]);
    expect(m).toBeGreaterThan(n);
    expect(line).not.toContain("\n");
    expect(line).not.toContain(PHONE);
    expect(line).not.toMatch(/1[3-9]\d{9}/);
    expect(line).not.toContain("1201");
    expect(line).not.toContain("2单元");

    await waitForText("hk1", mentionsTicket(m));
    expect((await ticketNumber(m)).category).toBe("elevator");
    // Nothing else was said in the room because of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(textsTo(ROOM).slice(before)).toEqual([line]);
  });

  it("stays silent on group chit-chat that does not mention it", async () => {
    const tickets = await db.ticket.count();
    const roomTexts = textsTo(ROOM).length;
    const messageId = wechat.sayInRoom("res2", ROOM, "今天天气真好");

    // The message is stored and handled (so silence is a decision, not a lost message)...
    await waitForDb(() => db.inboundMessage.findFirst({ where: { transportMessageId: messageId, status: "processed" } }));
    // ...and nothing reaches the room for a while afterwards.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(textsTo(ROOM).slice(roomTexts)).toEqual([]);
    expect(await db.ticket.count()).toBe(tickets);
  });
});
