// A WeChat stand-in for tests: wechaty on wechaty-puppet-mock, with residents who write to the
// assistant and a record of what the assistant sent. Pass `wechaty` to WechatyTransport and call
// its start(): the mock logs the assistant's account in as soon as the puppet starts.
//
// Quirks of the mock this hides:
// - Room ids must contain "@" (e.g. "r1@chatroom"): the mock's send picks room vs contact by it.
// - The mock emits a message on its talker, listener and room objects; `received` listens on the
//   assistant's own contact and keeps only messages it is the talker of (so each send once).
// - Messages are created here with known ids (not the mock's `say().to()`), so a test can
//   redeliver one and ask for media that cannot be fetched.
import { FileBox } from "file-box"; // wechaty's own dependency; the mock stores media as FileBox JSON
import { WechatyBuilder, types } from "wechaty";
import type { Wechaty } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";

export type MockWechatOptions = {
  /** The assistant account's nickname, used in @-mentions. Default "物业小助手". */
  botName?: string;
  /** The assistant account's contact id. Default "wxid_assistant". */
  botId?: string;
};

/** A text the assistant sent: `to` is the contact id (direct chat) or the room id (group). */
export type SentByBot = { to: string; text: string; inRoom: boolean; messageId: string };

export type MockMedia = {
  kind: "image" | "voice";
  /** Send in this room instead of a direct chat. */
  roomId?: string;
  /** false: the puppet cannot fetch the file (toFileBox fails). Default true. */
  fetchable?: boolean;
};

export type MockWechat = {
  wechaty: Wechaty;
  mocker: mock.Mocker;
  /** The assistant's own account. */
  user: mock.ContactMock;
  botName: string;
  contact(id: string, name: string): mock.ContactMock;
  /** The assistant is added to every room. */
  room(id: string, topic: string, memberIds: string[]): mock.RoomMock;
  /** A direct message from a contact to the assistant; returns the message id. */
  say(fromContactId: string, text: string): string;
  /** A group message; with mentionBot it starts "@botName\u2005" like real WeChat and carries the mention. */
  sayInRoom(fromContactId: string, roomId: string, text: string, options?: { mentionBot?: boolean }): string;
  /** An image or voice message; returns the message id. */
  sendMedia(fromContactId: string, media: MockMedia): string;
  /** Emits an already sent message again, as puppets sometimes do. */
  redeliver(messageId: string): void;
  /** Everything the assistant sent, in order. */
  received: SentByBot[];
  /** Polls until predicate returns a truthy value (returned); rejects after timeoutMs. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Stops the bot if it is still running. */
  stop(): Promise<void>;
};

// A 1×1 PNG: enough for anything that looks at the bytes.
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

export async function startMockWechat(options: MockWechatOptions = {}): Promise<MockWechat> {
  const botName = options.botName ?? "物业小助手";
  const mocker = new mock.Mocker();
  const wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  const user = mocker.createContact({ id: options.botId ?? "wxid_assistant", name: botName });
  // Environments run when the puppet starts: this plays the part of scanning the QR code.
  mocker.use((m) => {
    m.login(user);
    return () => undefined;
  });

  const received: SentByBot[] = [];
  // The mock's emitter types do not resolve under nodenext (typed-emitter is CommonJS): say what we use.
  const userEvents = user as unknown as { on(event: "message", listener: (msg: mock.MessageMock) => void): void };
  userEvents.on("message", (msg) => {
    const p = msg.payload;
    if (p.talkerId !== user.id) return;
    const to = p.roomId ?? p.listenerId;
    if (!to) return;
    received.push({ to, text: p.text ?? "", inRoom: Boolean(p.roomId), messageId: p.id });
  });

  let counter = 0;
  const nextId = () => `mockmsg-${++counter}`;
  const emit = (payload: Parameters<typeof mocker.MessageMock.create>[0]) => {
    mocker.MessageMock.create(payload);
    mocker.puppet.emit("message", { messageId: payload.id });
    return payload.id;
  };
  const requireRoom = (roomId: string) => {
    if (!mocker.cacheRoomPayload.has(roomId)) throw new Error(`mock room ${roomId} was not created`);
  };

  return {
    wechaty,
    mocker,
    user,
    botName,
    contact: (id, name) => mocker.createContact({ id, name }),
    room(id, topic, memberIds) {
      if (!id.includes("@")) throw new Error(`mock room ids must contain "@" (e.g. "${id}@chatroom")`);
      const memberIdList = memberIds.includes(user.id) ? [...memberIds] : [user.id, ...memberIds];
      return mocker.createRoom({ id, topic, memberIdList, ownerId: memberIdList[0] ?? user.id, adminIdList: [] });
    },
    say: (fromContactId, text) =>
      emit({ id: nextId(), talkerId: fromContactId, listenerId: user.id, timestamp: Date.now(), type: types.Message.Text, text }),
    sayInRoom(fromContactId, roomId, text, opts = {}) {
      requireRoom(roomId);
      const mention = opts.mentionBot ?? false;
      return emit({
        id: nextId(),
        talkerId: fromContactId,
        roomId,
        mentionIdList: mention ? [user.id] : [],
        timestamp: Date.now(),
        type: types.Message.Text,
        text: mention ? `@${botName}\u2005${text}` : text,
      });
    },
    sendMedia(fromContactId, media) {
      const id = nextId();
      const box =
        media.kind === "image" ? FileBox.fromBase64(PNG_1X1, "photo.png") : FileBox.fromBase64(Buffer.from("#!SILK_V3").toString("base64"), "voice.silk");
      if (media.fetchable ?? true) mocker.cacheFileBoxPayload.set(id, box.toJSON());
      const type = media.kind === "image" ? types.Message.Image : types.Message.Audio;
      const base = { id, talkerId: fromContactId, timestamp: Date.now(), type };
      if (media.roomId) {
        requireRoom(media.roomId);
        return emit({ ...base, roomId: media.roomId, mentionIdList: [] });
      }
      return emit({ ...base, listenerId: user.id });
    },
    redeliver(messageId) {
      mocker.puppet.emit("message", { messageId });
    },
    received,
    async waitFor(predicate, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async stop() {
      if (wechaty.isLoggedIn || wechaty.state.active()) await wechaty.stop();
    },
  };
}
