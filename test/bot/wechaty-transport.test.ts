// WechatyTransport against wechaty-puppet-mock: what arrives as Inbound, what is ignored, what is sent.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TransportError } from "../../src/bot/transport.js";
import type { Inbound } from "../../src/bot/transport.js";
import { WechatyTransport } from "../../src/bot/transports/wechaty.js";
import { startMockWechat } from "../helpers/wechaty-mock.js";
import type { MockWechat } from "../helpers/wechaty-mock.js";

const ROOM = "r3@chatroom";

let wechat: MockWechat;
let transport: WechatyTransport;
let inbox: Inbound[];
let logLines: string[];
let mediaDir: string;
/** Replaced per test to make the handler misbehave. */
let handler: (m: Inbound) => Promise<void>;

beforeEach(async () => {
  wechat = await startMockWechat();
  wechat.contact("wxid_alice", "王阿姨");
  wechat.contact("wxid_bob", "李先生");
  wechat.room(ROOM, "3栋业主群", ["wxid_alice", "wxid_bob"]);

  inbox = [];
  logLines = [];
  handler = async (m) => void inbox.push(m);
  mediaDir = await mkdtemp(path.join(tmpdir(), "wechaty-media-"));
  const log = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });
  transport = new WechatyTransport({ name: "test", botName: wechat.botName, log, wechaty: wechat.wechaty, mediaDir, printQr: false });
  await transport.start((m) => handler(m));
});

afterEach(async () => {
  await transport.stop();
  await wechat.stop();
  await rm(mediaDir, { recursive: true, force: true });
});

const arrived = (messageId: string) => wechat.waitFor(() => inbox.find((m) => m.messageId === messageId));

describe("WechatyTransport receiving", () => {
  it("delivers a direct text once, as Inbound", async () => {
    const id = wechat.say("wxid_alice", "厨房漏水了");
    const m = await arrived(id);
    expect(m).toMatchObject({ userId: "wxid_alice", userName: "王阿姨", kind: "text", text: "厨房漏水了", mentionsSelf: false });
    expect(m.roomId).toBeUndefined();
    expect(m.receivedAt).toBeInstanceOf(Date);

    // A redelivery is dropped (the transport logs it at debug level).
    wechat.redeliver(id);
    await wechat.waitFor(() => logLines.some((l) => l.includes("duplicate delivery") && l.includes(id)));
    expect(inbox.filter((x) => x.messageId === id)).toHaveLength(1);
  });

  it("delivers a group message that @-mentions the assistant with its room", async () => {
    const id = wechat.sayInRoom("wxid_bob", ROOM, "电梯坏了", { mentionBot: true });
    const m = await arrived(id);
    expect(m).toMatchObject({ userId: "wxid_bob", roomId: ROOM, roomTopic: "3栋业主群", mentionsSelf: true, kind: "text" });
    expect(m.text).toContain("电梯坏了");
  });

  it("marks a group message without a mention as not mentioning the assistant", async () => {
    const id = wechat.sayInRoom("wxid_bob", ROOM, "今天停水吗");
    const m = await arrived(id);
    expect(m).toMatchObject({ roomId: ROOM, mentionsSelf: false, text: "今天停水吗" });
  });

  it("counts a typed @botName as a mention even without the platform's mention list", async () => {
    const id = wechat.sayInRoom("wxid_bob", ROOM, `@${wechat.botName} 几点收垃圾`);
    expect((await arrived(id)).mentionsSelf).toBe(true);
  });

  it("ignores the assistant's own messages", async () => {
    // Our listener was registered first, so once this one sees the echo, the transport has too.
    const echoes: string[] = [];
    wechat.wechaty.on("message", (msg) => void (msg.self() && echoes.push(msg.id)));
    await transport.send({ kind: "user", id: "wxid_alice" }, "您好");
    await transport.send({ kind: "group", id: ROOM }, "通知");
    await wechat.waitFor(() => echoes.length === 2);

    const id = wechat.say("wxid_alice", "谢谢");
    await arrived(id);
    expect(inbox.map((m) => m.userId)).toEqual(["wxid_alice"]);
  });

  it("keeps delivering after the handler throws", async () => {
    handler = async (m) => {
      inbox.push(m);
      if (m.text === "第一条") throw new Error("handler exploded");
    };
    const first = wechat.say("wxid_alice", "第一条");
    const second = wechat.say("wxid_alice", "第二条");
    await arrived(first);
    await arrived(second);
    expect(logLines.some((l) => l.includes("message handler failed"))).toBe(true);
  });

  it("saves an image to mediaDir and sets filePath", async () => {
    const id = wechat.sendMedia("wxid_alice", { kind: "image" });
    const m = await arrived(id);
    expect(m).toMatchObject({ kind: "image", text: "" });
    expect(m.filePath).toBeDefined();
    expect(m.filePath!.startsWith(mediaDir)).toBe(true);
    expect(existsSync(m.filePath!)).toBe(true);
  });

  it("delivers a voice message whose file cannot be fetched, without filePath", async () => {
    const id = wechat.sendMedia("wxid_bob", { kind: "voice", roomId: ROOM, fetchable: false });
    const m = await arrived(id);
    expect(m).toMatchObject({ kind: "voice", roomId: ROOM });
    expect(m.filePath).toBeUndefined();
    expect(logLines.some((l) => l.includes("could not save media"))).toBe(true);
  });

  it("logs ids and lengths, not message text or names", async () => {
    const id = wechat.say("wxid_alice", "我的电话13812345678");
    await arrived(id);
    await transport.send({ kind: "user", id: "wxid_alice" }, "王阿姨您好，已登记");
    const logs = logLines.join("\n");
    expect(logs).toContain(id);
    expect(logs).not.toContain("13812345678");
    expect(logs).not.toContain("王阿姨");
    expect(logs).not.toContain(wechat.botName);
  });
});

describe("WechatyTransport sending", () => {
  it("sends to a user and to a group", async () => {
    await transport.send({ kind: "user", id: "wxid_alice" }, "报修已受理 #12");
    await transport.send({ kind: "group", id: ROOM }, "明天9点停水");
    expect(wechat.received).toEqual([
      expect.objectContaining({ to: "wxid_alice", text: "报修已受理 #12", inRoom: false }),
      expect.objectContaining({ to: ROOM, text: "明天9点停水", inRoom: true }),
    ]);
  });

  it("throws TransportError for an unknown user or group", async () => {
    await expect(transport.send({ kind: "user", id: "wxid_nobody" }, "hi")).rejects.toBeInstanceOf(TransportError);
    const err = await transport.send({ kind: "group", id: "nobody@chatroom" }, "hi").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).cause).toBeDefined();
    expect(wechat.received).toEqual([]);
  });
});
