// Services never send: they queue {recipient, key, params} rows; src/bot renders the key with
// texts.ts and sends, marking the row sent with the rendered text (the audit trail).
// Rows written inside a transaction are sent only if it commits: a decision is never half-sent.
import type { DbOrTx } from "../db.js";

export type Recipient = { kind: "user" | "group"; platformId: string };
export type Params = Record<string, string | number | null | undefined>;

export type OutboxItem = {
  communityId?: number | null;
  to: Recipient;
  key: string;
  params?: Params;
  /** Not before this time (quiet hours, paced broadcasts); default now. */
  notBefore: Date;
  /** Queuing the same dedupeKey twice is a no-op (exactly-once alerts). */
  dedupeKey?: string;
  /** Groups the messages of one broadcast ("notice:12") so its progress can be counted. */
  batch?: string;
};

export async function enqueue(db: DbOrTx, item: OutboxItem): Promise<void> {
  const data = {
    communityId: item.communityId ?? null,
    toKind: item.to.kind,
    toPlatformId: item.to.platformId,
    key: item.key,
    params: JSON.stringify(item.params ?? {}),
    notBefore: item.notBefore,
    dedupeKey: item.dedupeKey ?? null,
    batch: item.batch ?? null,
  };
  if (item.dedupeKey) {
    // The no-op update (the key itself) makes Prisma issue one native INSERT … ON CONFLICT DO UPDATE:
    // atomic across instances. With `update: {}` it reads then inserts, and two at once collide (P2002).
    await db.outboxMessage.upsert({ where: { dedupeKey: item.dedupeKey }, create: data, update: { dedupeKey: item.dedupeKey } });
  } else {
    await db.outboxMessage.create({ data });
  }
}

export type PendingMessage = { id: number; to: Recipient; key: string; params: Params; attempts: number };

/**
 * Claims up to `limit` due messages for sending. A claim older than `staleMs` (a sender that died
 * mid-send) is taken over, so a crash between "claimed" and "sent" resends rather than forgets.
 */
export async function claimDue(db: DbOrTx, now: Date, limit = 100, staleMs = 60_000): Promise<PendingMessage[]> {
  const stale = new Date(now.getTime() - staleMs);
  const rows = await db.outboxMessage.findMany({
    where: { status: "pending", notBefore: { lte: now }, OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] },
    orderBy: { id: "asc" },
    take: limit,
  });
  const claimed: PendingMessage[] = [];
  for (const r of rows) {
    // Conditional update: only one sender wins each row, however many instances run.
    const won = await db.outboxMessage.updateMany({ where: { id: r.id, claimedAt: r.claimedAt }, data: { claimedAt: now } });
    if (won.count === 1) {
      claimed.push({ id: r.id, to: { kind: r.toKind as Recipient["kind"], platformId: r.toPlatformId }, key: r.key, params: JSON.parse(r.params) as Params, attempts: r.attempts });
    }
  }
  return claimed;
}

export async function markSent(db: DbOrTx, id: number, text: string, now: Date): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "sent", text, sentAt: now, attempts: { increment: 1 } } });
}

/** A failed send is retried with backoff; after `maxAttempts` it is dead (logged by the caller). */
export async function markFailed(db: DbOrTx, id: number, error: string, now: Date, maxAttempts = 5): Promise<"retry" | "dead"> {
  const row = await db.outboxMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), claimedAt: null } });
  if (row.attempts >= maxAttempts) {
    await db.outboxMessage.update({ where: { id }, data: { status: "dead" } });
    return "dead";
  }
  const backoffMs = 2 ** row.attempts * 1000;
  await db.outboxMessage.update({ where: { id }, data: { notBefore: new Date(now.getTime() + backoffMs) } });
  return "retry";
}
