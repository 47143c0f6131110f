// Sends what the services queued: claims due outbox rows, renders each key to text, sends it through
// the transport and marks it sent (with the text, for the audit trail). Paced, so that a burst of
// messages does not get the WeChat account restricted.
import type { Logger } from "pino";
import type { Db } from "../db.js";
import type { Clock } from "../services/deps.js";
import { cachedTimezone } from "../services/community/community.js";
import { claimDuePage, DEFAULT_MAX_ATTEMPTS, markFailed, markSent } from "../services/outbox.js";
import { hasEnglish, render } from "./texts.js";
import { TransportError, type Transport } from "./transport.js";

export type SenderOptions = {
  db: Db; clock: Clock; log: Logger; transport: Transport; botName: string;
  /** Minimum gap between two sends, plus random jitter (0 in tests and scenarios). */
  pace?: { minGapMs: number; jitterMs: number; sleep: (ms: number) => Promise<void>; random: () => number };
  maxAttempts?: number;
  /** A send that has not finished after this long counts as failed and is retried (default 30 s). */
  sendTimeoutMs?: number;
};

/**
 * Messages the transport delivered but the database did not record as sent (it was briefly
 * unavailable), per sender: never sent again by this process, recorded on a later flush.
 */
const unrecorded = new WeakMap<SenderOptions, Map<number, string>>();

/** Half of an emoji cut by a `.slice()` upstream is not valid text: drop it rather than send it. */
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError(`send timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The people of a batch who write in English, read only when a message to a person has an English text. */
async function englishReaders(db: Db, batch: { key: string; to: { kind: string; platformId: string } }[]): Promise<Set<string>> {
  const ids = [...new Set(batch.filter((m) => m.to.kind === "user" && hasEnglish(m.key)).map((m) => m.to.platformId))];
  if (ids.length === 0) return new Set();
  const rows = await db.chatUser.findMany({ where: { platformId: { in: ids }, lang: "en" }, select: { platformId: true } });
  return new Set(rows.map((r) => r.platformId));
}

/** Sends every message due now; returns how many were sent. */
export async function flushOutbox(o: SenderOptions): Promise<number> {
  let sent = 0;
  const pendingRecord = unrecorded.get(o) ?? new Map<number, string>();
  unrecorded.set(o, pendingRecord);
  for (const [id, text] of pendingRecord) {
    await markSent(o.db, id, text, o.clock.now());
    pendingRecord.delete(id);
  }
  for (;;) {
    const now = o.clock.now();
    // Paced, a batch takes about a second a message: keep it well inside the 60 s claim.
    const page = await claimDuePage(o.db, now, o.pace ? 10 : 50);
    const batch = page.messages.filter((m) => !pendingRecord.has(m.id));
    if (batch.length === 0 && !page.more) return sent;
    const english = await englishReaders(o.db, batch);
    for (const m of batch) {
      const tz = m.communityId ? await cachedTimezone(o.db, m.communityId) : "Asia/Shanghai";
      let text: string;
      try {
        text = render(m.key, m.params, { tz, now: o.clock.now(), botName: o.botName, lang: english.has(m.to.platformId) ? "en" : "zh" }).replace(loneSurrogates, "");
      } catch (err) {
        // A bug, not a platform failure: park it as dead at once, loudly.
        o.log.error({ err, outboxId: m.id, key: m.key }, "outbox message cannot be rendered");
        await markFailed(o.db, m.id, String(err), now, 1);
        continue;
      }
      let delivered = false;
      try {
        await withTimeout(o.transport.send({ kind: m.to.kind, id: m.to.platformId }, text), o.sendTimeoutMs ?? 30_000);
        delivered = true;
        await markSent(o.db, m.id, text, o.clock.now());
        sent++;
      } catch (err) {
        if (delivered) {
          // Sent, but not recorded (the database is unavailable): it must not count as a failed send.
          pendingRecord.set(m.id, text);
          o.log.error({ err, outboxId: m.id }, "message sent but not recorded as sent; will record it when the database is back");
          throw err;
        }
        const outcome = await markFailed(o.db, m.id, err instanceof Error ? err.message : String(err), o.clock.now(), o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
        const log = { err, outboxId: m.id, to: m.to.kind, attempts: m.attempts + 1 };
        if (outcome === "dead") o.log.error(log, "outbox message dead after repeated send failures");
        else o.log.warn(log, err instanceof TransportError ? "send failed; will retry" : "send failed unexpectedly; will retry");
      }
      if (o.pace) await o.pace.sleep(o.pace.minGapMs + Math.floor(o.pace.random() * o.pace.jitterMs));
    }
    // A short page was everything due when it was read; what was queued since asked for its own flush.
    if (!page.more) return sent;
  }
}
