// The WeChat transport, through wechaty. This is the only file that imports wechaty: real puppets
// are fragile and get swapped (wechat4u, puppet-service, …), so everything wechaty-specific,
// including its quirks, stays here.
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Logger } from "pino";
import { WechatyBuilder, types, qrcodeValueToImageUrl } from "wechaty";
import type { Message, OfficialPuppetNpmName, Wechaty, WechatyOptions } from "wechaty";
import { TransportError } from "../transport.js";
import type { Inbound, InboundKind, OutboundTarget, Transport } from "../transport.js";

export type WechatyTransportOptions = {
  /** Puppet package, e.g. "wechaty-puppet-wechat4u" or "wechaty-puppet-service"; default: wechaty's. */
  puppet?: string | undefined;
  puppetToken?: string | undefined;
  /** WECHATY_NAME: names the memory card, so a login survives restarts. */
  name: string;
  /** The account's nickname as it appears in @-mentions, e.g. "物业小助手". */
  botName: string;
  log: Logger;
  /** An already built instance (tests: one on wechaty-puppet-mock); otherwise one is built. */
  wechaty?: Wechaty | undefined;
  /** Where images and voice messages are saved; without it media is not fetched. */
  mediaDir?: string | undefined;
  /** Print the login QR code in the terminal (default true). */
  printQr?: boolean | undefined;
};

/** How long a message id is remembered for deduplication. */
const DEDUPE_TTL_MS = 10 * 60_000;
/** A puppet's media download can hang; the message must still get through. */
const MEDIA_TIMEOUT_MS = 20_000;
/** stop() waits this long for messages already being handled. */
const STOP_DRAIN_MS = 5_000;

const KINDS: ReadonlyMap<types.Message, InboundKind> = new Map([
  [types.Message.Text, "text"],
  [types.Message.Image, "image"],
  [types.Message.Audio, "voice"],
  [types.Message.Video, "video"],
  [types.Message.Attachment, "file"],
]);

type Handler = (message: Inbound) => Promise<void>;
type QrTerminal = { generate(text: string, opts: { small: boolean }, cb: (qr: string) => void): void };

export class WechatyTransport implements Transport {
  readonly name = "wechaty";
  private readonly bot: Wechaty;
  private readonly log: Logger;
  private readonly seen = new Map<string, number>();
  /** One queue per chat: messages of a chat are handled in order, chats in parallel. */
  private readonly queues = new Map<string, Promise<void>>();
  private stopping = false;
  private onMessage: Handler | undefined;

  constructor(private readonly options: WechatyTransportOptions) {
    this.log = options.log.child({ transport: "wechaty" });
    this.bot = options.wechaty ?? WechatyTransport.build(options);
  }

  private static build(options: WechatyTransportOptions): Wechaty {
    const built = {
      name: options.name,
      // Any puppet package is accepted; wechaty's type lists only the official ones.
      ...(options.puppet ? { puppet: options.puppet as OfficialPuppetNpmName } : {}),
      ...(options.puppetToken ? { puppetOptions: { token: options.puppetToken } } : {}),
    } satisfies WechatyOptions;
    return WechatyBuilder.build(built);
  }

  async start(onMessage: Handler): Promise<void> {
    const firstStart = this.onMessage === undefined;
    this.onMessage = onMessage;
    this.stopping = false;
    const bot = this.bot;
    if (firstStart) this.listen();

    const loggedIn = new Promise<void>((resolve) => bot.once("login", () => resolve()));
    await bot.start();
    // A memory card (or an injected, already running bot) may have logged in before we listened.
    if (bot.isLoggedIn) return;
    await loggedIn;
  }

  /** Once per instance: wechaty keeps its listeners across stop/start. */
  private listen(): void {
    const bot = this.bot;
    bot.on("scan", (qrcode, status) => {
      // Only these statuses carry a fresh code to scan; the others report progress.
      const showable = status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout;
      if (!showable || !qrcode) {
        this.log.info({ status: types.ScanStatus[status] }, "wechat scan status");
        return;
      }
      this.log.info({ url: qrcodeValueToImageUrl(qrcode) }, "scan the QR code with the assistant's WeChat to log in");
      if (this.options.printQr ?? true) printQrCode(qrcode);
    });
    bot.on("login", (user) => this.log.info({ userId: user.id, userName: maskName(user.name()) }, "wechat logged in"));
    bot.on("logout", (user, reason) => {
      // Stopping logs the puppet out; only an unexpected logout needs attention.
      this.log[this.stopping ? "info" : "warn"]({ userId: user.id, reason }, "wechat logged out");
    });
    bot.on("error", (error) => this.log.error({ err: error }, "wechaty error"));
    bot.on("message", (msg) => this.receive(msg));
  }

  async send(to: OutboundTarget, text: string): Promise<void> {
    if (!this.bot.isLoggedIn) throw new TransportError("wechat is not logged in");
    // Ask the puppet first: Room/Contact.find would only say "undefined", the puppet says why.
    const bot = this.bot;
    let conversation: { say(text: string): Promise<unknown> } | undefined;
    try {
      if (to.kind === "group") {
        await bot.puppet.roomPayload(to.id);
        conversation = await bot.Room.find({ id: to.id });
      } else {
        await bot.puppet.contactPayload(to.id);
        conversation = await bot.Contact.find({ id: to.id });
      }
    } catch (cause) {
      throw new TransportError(`unknown wechat ${to.kind} ${to.id}`, { cause });
    }
    if (!conversation) throw new TransportError(`unknown wechat ${to.kind} ${to.id}`);
    try {
      await conversation.say(text);
    } catch (cause) {
      throw new TransportError(`wechat refused a message to ${to.kind} ${to.id}`, { cause });
    }
    this.log.debug({ to: to.id, kind: to.kind, length: text.length }, "sent");
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const pending = Promise.allSettled([...this.queues.values()]);
    await Promise.race([pending, delay(STOP_DRAIN_MS)]);
    await this.bot.stop();
  }

  /** Wechaty's listener: never throws, never awaits the handler (so events keep flowing). */
  private receive(msg: Message): void {
    const onMessage = this.onMessage;
    if (this.stopping || !onMessage || msg.self()) return;
    // Synchronously, so two deliveries of one message cannot both pass.
    if (this.isDuplicate(msg.id)) {
      this.log.debug({ messageId: msg.id }, "duplicate delivery ignored");
      return;
    }
    const chat = msg.room()?.id ?? msg.talker().id;
    const previous = this.queues.get(chat) ?? Promise.resolve();
    // handle() catches its own errors; the catch keeps the chat's queue alive whatever happens.
    const current = previous
      .then(() => this.handle(msg, onMessage))
      .catch((err: unknown) => this.log.error({ err, messageId: msg.id }, "message handling failed"));
    this.queues.set(chat, current);
    void current.then(() => {
      if (this.queues.get(chat) === current) this.queues.delete(chat);
    });
  }

  private async handle(msg: Message, onMessage: Handler): Promise<void> {
    let inbound: Inbound;
    try {
      inbound = await this.toInbound(msg);
    } catch (err) {
      this.log.error({ err, messageId: msg.id }, "could not read a wechat message");
      return;
    }
    this.log.debug(
      { messageId: inbound.messageId, userId: inbound.userId, roomId: inbound.roomId, kind: inbound.kind, length: inbound.text.length, mentionsSelf: inbound.mentionsSelf },
      "received",
    );
    try {
      await onMessage(inbound);
    } catch (err) {
      this.log.error({ err, messageId: inbound.messageId }, "message handler failed");
    }
  }

  private async toInbound(msg: Message): Promise<Inbound> {
    const talker = msg.talker();
    const room = msg.room();
    const kind = KINDS.get(msg.type()) ?? "other";
    const text = kind === "text" ? msg.text() : "";
    const inbound: Inbound = {
      messageId: msg.id,
      userId: talker.id,
      userName: talker.name(),
      mentionsSelf: text.includes(`@${this.options.botName}`) || (await this.mentionSelf(msg)),
      kind,
      text,
      receivedAt: validDate(msg.date()) ?? new Date(),
    };
    if (room) {
      inbound.roomId = room.id;
      inbound.roomTopic = await room.topic().catch(() => undefined);
    }
    if (kind === "image" || kind === "voice") {
      inbound.filePath = await this.saveMedia(msg);
    }
    return inbound;
  }

  private async mentionSelf(msg: Message): Promise<boolean> {
    try {
      return await msg.mentionSelf();
    } catch (err) {
      this.log.warn({ err, messageId: msg.id }, "could not read mentions");
      return false;
    }
  }

  /** Saves the attachment; undefined (logged) when it could not be fetched. */
  private async saveMedia(msg: Message): Promise<string | undefined> {
    const dir = this.options.mediaDir;
    if (!dir) return undefined;
    try {
      return await withTimeout(
        (async () => {
          const box = await msg.toFileBox();
          await mkdir(dir, { recursive: true });
          const file = path.join(dir, `${safeName(msg.id)}-${safeName(box.name || "media")}`);
          await box.toFile(file, true);
          return file;
        })(),
        MEDIA_TIMEOUT_MS,
      );
    } catch (err) {
      this.log.warn({ err, messageId: msg.id }, "could not save media; delivering without it");
      return undefined;
    }
  }

  private isDuplicate(messageId: string): boolean {
    const now = Date.now();
    for (const [id, at] of this.seen) {
      // Insertion order is time order: stop at the first id still fresh.
      if (now - at < DEDUPE_TTL_MS) break;
      this.seen.delete(id);
    }
    if (this.seen.has(messageId)) return true;
    this.seen.set(messageId, now);
    return false;
  }
}

function printQrCode(value: string): void {
  // qrcode-terminal is CommonJS without types.
  const qr = createRequire(import.meta.url)("qrcode-terminal") as QrTerminal;
  qr.generate(value, { small: true }, (art) => console.log(art));
}

/** For logs: "物业小助手" → "物****". */
function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : chars[0] + "*".repeat(chars.length - 1);
}

/** File names from the platform may contain anything. */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80);
}

function validDate(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
