// The seam between chat platforms and the assistant. A transport turns platform events into
// `Inbound` messages and sends rendered text; nothing else in the project knows the platform.
// Implementations: transports/console.ts, transports/wechaty.ts, transports/fake.ts (tests, scenarios).

export type InboundKind = "text" | "image" | "voice" | "video" | "file" | "other";

export type Inbound = {
  /** The platform's message id: unique, so a redelivered message is processed once. */
  messageId: string;
  /** The sender's stable platform id (WeChat contact id, console name, scenario person id). */
  userId: string;
  userName: string;
  /** Set when the message was written in a group chat. */
  roomId?: string | undefined;
  roomTopic?: string | undefined;
  /** Whether the message @-mentions the assistant. */
  mentionsSelf: boolean;
  kind: InboundKind;
  /** The text (for media: empty, or a caption). */
  text: string;
  receivedAt: Date;
  /** For media: a saved copy, when the transport could fetch it. */
  filePath?: string | undefined;
};

export type OutboundTarget = { kind: "user" | "group"; id: string };

export class TransportError extends Error {
  override name = "TransportError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface Transport {
  readonly name: string;
  /** Starts receiving; resolves once the transport can send (e.g. after WeChat login). */
  start(onMessage: (message: Inbound) => Promise<void>): Promise<void>;
  /** Sends one text; throws TransportError when the platform refused or failed. */
  send(to: OutboundTarget, text: string): Promise<void>;
  stop(): Promise<void>;
}
