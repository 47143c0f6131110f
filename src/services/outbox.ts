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

export type PendingMessage = { id: number; communityId: number | null; to: Recipient; key: string; params: Params; attempts: number };

/**
 * Claims up to `limit` due messages for sending. A claim older than `staleMs` (a sender that died
 * mid-send) is taken over, so a crash between "claimed" and "sent" resends rather than forgets.
 * Two statements whatever the batch size: read the candidates, then claim them in one conditional
 * UPDATE … RETURNING (`updateManyAndReturn`, SQLite and PostgreSQL) that repeats the "unclaimed or
 * stale" test, so of several senders at once each row goes to exactly one, and the rows returned are
 * exactly the ones this sender won (PostgreSQL re-checks the condition on a row another transaction
 * just claimed).
 */
export async function claimDue(db: DbOrTx, now: Date, limit = 100, staleMs = 60_000): Promise<PendingMessage[]> {
  return (await claimDuePage(db, now, limit, staleMs)).messages;
}

/** As claimDue, and whether there may be more due rows than this page (`more`: the read was full). */
export async function claimDuePage(db: DbOrTx, now: Date, limit = 100, staleMs = 60_000): Promise<{ messages: PendingMessage[]; more: boolean }> {
  const stale = new Date(now.getTime() - staleMs);
  const claimable = { status: "pending", notBefore: { lte: now }, OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] };
  const candidates = await db.outboxMessage.findMany({ where: claimable, orderBy: { id: "asc" }, take: limit, select: { id: true } });
  if (candidates.length === 0) return { messages: [], more: false };
  const won = await db.outboxMessage.updateManyAndReturn({ where: { id: { in: candidates.map((r) => r.id) }, ...claimable }, data: { claimedAt: now } });
  const messages = won
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ id: r.id, communityId: r.communityId, to: { kind: r.toKind as Recipient["kind"], platformId: r.toPlatformId }, key: r.key, params: JSON.parse(r.params) as Params, attempts: r.attempts }));
  return { messages, more: candidates.length === limit };
}

export async function markSent(db: DbOrTx, id: number, text: string, now: Date): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "sent", text, sentAt: now, attempts: { increment: 1 } } });
}

/**
 * A failed send is retried with backoff; after `maxAttempts` it is dead (logged by the caller).
 * Backoff 2 s, 4 s, 8 s … capped at 10 minutes: with the default 10 attempts a message is given up
 * ("dead", for the office to look at) only after about 17 minutes of failures, so a short platform
 * outage delays messages instead of losing them.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;
const MAX_BACKOFF_MS = 10 * 60_000;

export async function markFailed(db: DbOrTx, id: number, error: string, now: Date, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<"retry" | "dead"> {
  const row = await db.outboxMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), claimedAt: null } });
  if (row.attempts >= maxAttempts) {
    await db.outboxMessage.update({ where: { id }, data: { status: "dead" } });
    return "dead";
  }
  const backoffMs = Math.min(2 ** row.attempts * 1000, MAX_BACKOFF_MS);
  await db.outboxMessage.update({ where: { id }, data: { notBefore: new Date(now.getTime() + backoffMs) } });
  return "retry";
}

// A progress update written at night and held for the morning: completing or cancelling the ticket
// first makes it stale ("师傅马上过来" ten hours after the fix), so it is withdrawn.
const HELD_FEEDBACK = "feedback.held:";
export const heldFeedbackKey = (ticketId: number, chatUserId: number, at: Date) => `${HELD_FEEDBACK}${ticketId}:${chatUserId}:${at.getTime()}`;
export async function dropHeldFeedback(db: DbOrTx, ticketId: number, now: Date): Promise<void> {
  await db.outboxMessage.deleteMany({ where: { dedupeKey: { startsWith: `${HELD_FEEDBACK}${ticketId}:` }, status: "pending", claimedAt: null, notBefore: { gt: now } } });
}
