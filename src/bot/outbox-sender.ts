// Sends what the services queued: claims due outbox rows, renders each key to text, sends it through
// the transport and marks it sent (with the text, for the audit trail). Paced, so that a burst of
// messages does not get the WeChat account restricted.
import type { Logger } from "pino";
import type { Db } from "../db.js";
import type { Clock } from "../services/deps.js";
import { claimDue, markFailed, markSent } from "../services/outbox.js";
import { render } from "./texts.js";
import { TransportError, type Transport } from "./transport.js";

export type SenderOptions = {
  db: Db; clock: Clock; log: Logger; transport: Transport; botName: string;
  /** Minimum gap between two sends, plus random jitter (0 in tests and scenarios). */
  pace?: { minGapMs: number; jitterMs: number; sleep: (ms: number) => Promise<void>; random: () => number };
  maxAttempts?: number;
};

/** Sends every message due now; returns how many were sent. */
export async function flushOutbox(o: SenderOptions): Promise<number> {
  let sent = 0;
  const tzCache = new Map<number, string>();
  for (;;) {
    const now = o.clock.now();
    const batch = await claimDue(o.db, now, 50);
    if (batch.length === 0) return sent;
    for (const m of batch) {
      const row = await o.db.outboxMessage.findUniqueOrThrow({ where: { id: m.id }, select: { communityId: true } });
      const tz = row.communityId ? await tzOf(o.db, row.communityId, tzCache) : "Asia/Shanghai";
      let text: string;
      try {
        text = render(m.key, m.params, { tz, now: o.clock.now(), botName: o.botName });
      } catch (err) {
        // A bug, not a platform failure: park it as dead at once, loudly.
        o.log.error({ err, outboxId: m.id, key: m.key }, "outbox message cannot be rendered");
        await markFailed(o.db, m.id, String(err), now, 1);
        continue;
      }
      try {
        await o.transport.send({ kind: m.to.kind, id: m.to.platformId }, text);
        await markSent(o.db, m.id, text, o.clock.now());
        sent++;
      } catch (err) {
        const outcome = await markFailed(o.db, m.id, err instanceof Error ? err.message : String(err), o.clock.now(), o.maxAttempts ?? 5);
        const log = { err, outboxId: m.id, to: m.to.kind, attempts: m.attempts + 1 };
        if (outcome === "dead") o.log.error(log, "outbox message dead after repeated send failures");
        else o.log.warn(log, err instanceof TransportError ? "send failed; will retry" : "send failed unexpectedly; will retry");
      }
      if (o.pace) await o.pace.sleep(o.pace.minGapMs + Math.floor(o.pace.random() * o.pace.jitterMs));
    }
  }
}

async function tzOf(db: Db, communityId: number, cache: Map<number, string>): Promise<string> {
  let tz = cache.get(communityId);
  if (!tz) {
    tz = (await db.community.findUnique({ where: { id: communityId }, select: { timezone: true } }))?.timezone ?? "Asia/Shanghai";
    cache.set(communityId, tz);
  }
  return tz;
}
