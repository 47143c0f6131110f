// A transport on files, for the kill -9 test. Inbound: a JSON-lines inbox; a message counts as
// delivered once the assistant's handler has resolved, and its id is then appended to the acks
// file — so after a crash every message not yet acknowledged is delivered again, as a platform
// that redelivers unacknowledged messages would. Outbound: each send appends one JSON line
// {run, to, text} to the sent file before it returns (one write: a kill cannot split it).
import fs from "node:fs";
import type { Inbound, OutboundTarget, Transport } from "../../src/bot/transport.js";
import type { Clock } from "../../src/services/deps.js";
import type { LoadMessage } from "../lib/messages.js";

export type SentLine = { run: number; seq: number; to: string; kind: string; text: string };

export class FileTransport implements Transport {
  readonly name = "file";
  private seq = 0;
  private stopped = false;
  delivering: Promise<void> = Promise.resolve();
  /** Called after each line is written (the worker's deterministic crash points hook in here). */
  afterSend: (n: number) => void = () => {};

  constructor(private readonly o: { inbox: string; acks: string; sent: string; run: number; lanes: number; clock: Clock }) {}

  /** Messages of the inbox not yet acknowledged, in order. */
  pending(): LoadMessage[] {
    const acked = new Set(fs.existsSync(this.o.acks) ? fs.readFileSync(this.o.acks, "utf8").split("\n").filter(Boolean) : []);
    return fs.readFileSync(this.o.inbox, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as LoadMessage).filter((m) => !acked.has(m.messageId));
  }

  async start(onMessage: (m: Inbound) => Promise<void>): Promise<void> {
    // Like a chat platform: one chat's messages in order, chats concurrently (lanes by sender).
    const lanes: LoadMessage[][] = Array.from({ length: this.o.lanes }, () => []);
    const laneOf = new Map<string, number>();
    for (const m of this.pending()) {
      let lane = laneOf.get(m.userId);
      if (lane === undefined) laneOf.set(m.userId, (lane = laneOf.size % this.o.lanes));
      lanes[lane]!.push(m);
    }
    this.delivering = Promise.all(
      lanes.map(async (lane) => {
        for (const m of lane) {
          if (this.stopped) return;
          const inbound: Inbound = {
            messageId: m.messageId, userId: m.userId, userName: m.userName, text: m.text, mentionsSelf: m.mentionsSelf, kind: m.kind,
            receivedAt: this.o.clock.now(), ...(m.roomId ? { roomId: m.roomId } : {}),
          };
          fs.appendFileSync(`${this.o.acks}.delivered`, `${m.messageId}\n`);
          // Not acknowledged when the handler fails: delivered again on the next start.
          await onMessage(inbound).then(() => fs.appendFileSync(this.o.acks, `${m.messageId}\n`), () => {});
        }
      }),
    ).then(() => {});
  }

  async send(to: OutboundTarget, text: string): Promise<void> {
    const line: SentLine = { run: this.o.run, seq: ++this.seq, to: to.id, kind: to.kind, text };
    fs.appendFileSync(this.o.sent, `${JSON.stringify(line)}\n`);
    this.afterSend(this.seq);
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}
