// Wires a transport to the dispatcher, the outbox sender and the due-work runner. main.ts, the
// scenario runner and the end-to-end tests all build the assistant through this one function.
import type { Logger } from "pino";
import type { Db } from "../db.js";
import type { Classifier } from "../intents/policy.js";
import type { Clock } from "../services/deps.js";
import { runDue } from "../services/due-work.js";
import { ensureRecurring } from "../services/recurring.js";
import { handleInbound, processStored } from "./dispatch.js";
import { flushOutbox, type SenderOptions } from "./outbox-sender.js";
import type { Inbound, Transport } from "./transport.js";

export type AssistantOptions = {
  db: Db; clock: Clock; log: Logger; classifier: Classifier; transport: Transport; botName: string;
  pace?: SenderOptions["pace"];
};

export function createAssistant(o: AssistantOptions) {
  const deps = { db: o.db, clock: o.clock, log: o.log, classifier: o.classifier, botName: o.botName };
  const sender: SenderOptions = { db: o.db, clock: o.clock, log: o.log, transport: o.transport, botName: o.botName, ...(o.pace ? { pace: o.pace } : {}) };
  // One flush at a time. A caller that finds one running gets the next flush, which starts when the
  // running one ends (the running one may have looked for rows before the caller's committed); all
  // callers meanwhile share that one next flush instead of queueing one each: under load a burst of
  // messages costs a flush or two, not one per message. Every caller's rows are looked for by a flush
  // that starts after the call.
  let running: Promise<number> | null = null;
  let next: Promise<number> | null = null;
  const startFlush = (): Promise<number> => {
    const p: Promise<number> = flushOutbox(sender).finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  const flush = (): Promise<number> => {
    if (next) return next; // (checked first: between the running flush ending and `next` starting, running is null)
    if (!running) return startFlush();
    next = running.then(noop, noop).then(() => {
      next = null;
      return startFlush();
    });
    return next;
  };

  // Messages that could not even be stored (the database unavailable). WeChat does not redeliver,
  // so they are held here and offered again on every tick until stored (storing is idempotent by
  // transport id, so a transport that does redeliver causes no duplicate). Bounded: a database down
  // for hours must not exhaust memory; what overflows is logged with its id.
  const unstored = new Map<string, Inbound>();
  const MAX_UNSTORED = 10_000;
  const hold = (inbound: Inbound) => {
    if (unstored.size >= MAX_UNSTORED) return void o.log.error({ messageId: inbound.messageId }, "inbound message dropped: too many held while the database is unavailable");
    unstored.set(inbound.messageId, inbound);
  };

  const receive = async (inbound: Inbound) => {
    try {
      await handleInbound(deps, inbound);
      unstored.delete(inbound.messageId);
    } catch (err) {
      // Not stored, or stored but not processed (e.g. the database is unavailable): the rejection
      // tells the transport; the message is held and retried by later ticks (retryUnstored, retryReceived).
      o.log.error({ err, messageId: inbound.messageId }, "inbound message not handled");
      hold(inbound);
      throw err;
    }
    // The message is handled and its replies are in the outbox: if sending fails now, a later tick sends them.
    await flush().catch((err: unknown) => o.log.error({ err }, "outbox flush failed; the next tick retries"));
  };

  /** Processes messages stored but left unprocessed (a crash, the database briefly unavailable); `before`: received before then. */
  const retryReceived = async (before?: Date) => {
    const pending = await o.db.inboundMessage.findMany({ where: { status: "received", ...(before ? { receivedAt: { lt: before } } : {}) }, include: { attachments: true }, orderBy: { id: "asc" } });
    for (const m of pending) {
      const user = await o.db.chatUser.findUniqueOrThrow({ where: { id: m.chatUserId } });
      const inbound: Inbound = {
        messageId: m.transportMessageId, userId: user.platformId, userName: user.name, roomId: m.groupPlatformId ?? undefined,
        mentionsSelf: m.mentioned, kind: m.kind as Inbound["kind"], text: m.text, receivedAt: m.receivedAt, filePath: m.attachments[0]?.path ?? undefined,
      };
      await processStored(deps, m.id, inbound, user);
    }
    if (pending.length) o.log.info({ count: pending.length }, "recovered unprocessed messages");
  };

  const retryUnstored = async () => {
    for (const inbound of [...unstored.values()]) {
      try {
        await handleInbound(deps, inbound);
        unstored.delete(inbound.messageId);
      } catch {
        return; // still unavailable: the next tick tries again
      }
    }
  };

  return {
    receive,
    /** How many messages are held because they could not be stored yet. */
    heldCount: () => unstored.size,
    flush,
    /** Runs due scheduled work (revisits, deadlines...) and sends what it queued. */
    async tick(now: Date = o.clock.now()) {
      const ran = await runDue({ db: o.db, clock: o.clock, log: o.log }, now);
      // Messages whose storing or processing failed for want of the database are retried without a restart.
      await retryUnstored();
      await retryReceived(new Date(now.getTime() - 30_000));
      await flush();
      return ran;
    },
    /** Messages stored but not processed when the process last stopped are processed now. */
    async recover() {
      await retryReceived();
      await flush();
    },
    async start() {
      await ensureRecurring(o.db, o.clock.now());
      await o.transport.start(receive);
      await this.recover();
    },
    async stop() {
      if (unstored.size) o.log.error({ count: unstored.size, messageIds: [...unstored.keys()] }, "stopping with inbound messages that could not be stored");
      await Promise.all([running?.catch(noop), next?.catch(noop)]);
      await o.transport.stop();
    },
  };
}
export type Assistant = ReturnType<typeof createAssistant>;

const noop = () => undefined;
