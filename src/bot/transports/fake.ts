// A transport for tests and scenarios: messages are delivered by calling `deliver`, and everything
// the assistant sends is recorded with the (injected) clock's time.
import type { Clock } from "../../services/deps.js";
import { TransportError, type Inbound, type OutboundTarget, type Transport } from "../transport.js";

export type SentMessage = { to: OutboundTarget; text: string; at: Date };

export class FakeTransport implements Transport {
  readonly name = "fake";
  readonly sent: SentMessage[] = [];
  private handler: ((m: Inbound) => Promise<void>) | null = null;
  private seq = 0;
  /** Make the next n sends fail (for retry tests). */
  failNext = 0;

  constructor(private readonly clock: Clock) {}

  async start(onMessage: (m: Inbound) => Promise<void>): Promise<void> {
    this.handler = onMessage;
  }

  async send(to: OutboundTarget, text: string): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new TransportError(`fake send failure to ${to.id}`);
    }
    this.sent.push({ to, text, at: this.clock.now() });
  }

  async stop(): Promise<void> {
    this.handler = null;
  }

  /** Delivers a message as the platform would; resolves when the assistant has handled it. */
  async deliver(m: Partial<Inbound> & { userId: string; text: string }): Promise<void> {
    if (!this.handler) throw new Error("fake transport not started");
    await this.handler({
      messageId: m.messageId ?? `fake-${++this.seq}`, userName: m.userName ?? m.userId, mentionsSelf: m.mentionsSelf ?? false,
      kind: m.kind ?? "text", receivedAt: m.receivedAt ?? this.clock.now(), ...m,
    });
  }

  /** Messages sent to a user or group id. */
  to(id: string): SentMessage[] {
    return this.sent.filter((s) => s.to.id === id);
  }
}
