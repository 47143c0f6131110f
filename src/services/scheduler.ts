// Scheduled work is data: a ScheduledTask row with a dueAt. Whoever runs `runDueTasks` (a node-cron
// tick, the scenario runner's clock) claims due rows atomically and acts, in one transaction with
// the task's effects, so a crash retries the task and two instances never both act on it.
import type { DbOrTx, Tx } from "../db.js";
import { SweepCache, type Deps } from "./deps.js";

export type TaskInput = { communityId: number; kind: string; ticketId?: number | null; data?: object; dueAt: Date; dedupeKey: string };

/** Scheduling the same dedupeKey twice is a no-op. */
export async function scheduleTask(db: DbOrTx, t: TaskInput): Promise<void> {
  await db.scheduledTask.upsert({
    where: { dedupeKey: t.dedupeKey },
    create: { communityId: t.communityId, kind: t.kind, ticketId: t.ticketId ?? null, data: JSON.stringify(t.data ?? {}), dueAt: t.dueAt, dedupeKey: t.dedupeKey },
    // A no-op update (the key itself) makes this one native INSERT … ON CONFLICT: atomic across instances.
    update: { dedupeKey: t.dedupeKey },
  });
}

/**
 * Schedules tasks whose dedupe keys cannot exist yet — they name a row created in the same
 * transaction (a new ticket's deadlines) — with plain INSERTs, no conflict handling. One INSERT per
 * task rather than a createMany: Prisma 7.10 never caches the query plan of a createMany and compiles
 * it anew on every call, which costs more than three or four cached INSERTs.
 */
export async function scheduleNewTasks(db: DbOrTx, tasks: TaskInput[]): Promise<void> {
  for (const t of tasks) {
    await db.scheduledTask.create({
      data: { communityId: t.communityId, kind: t.kind, ticketId: t.ticketId ?? null, data: JSON.stringify(t.data ?? {}), dueAt: t.dueAt, dedupeKey: t.dedupeKey },
    });
  }
}

export type DueTask = { id: number; communityId: number; kind: string; ticketId: number | null; data: Record<string, unknown>; dueAt: Date };
export type TaskHandler = (tx: Tx, deps: Deps, task: DueTask, now: Date) => Promise<void>;

/**
 * A sweep over a large community (the daily fee reminders of 10,000 households) is one task and one
 * transaction; Prisma's default 5 s limit would make it fail and retry forever on a slow disk.
 */
const TASK_TX = { timeout: 60_000, maxWait: 10_000 };

/** Runs every task due at `now`, oldest first; returns how many ran. */
export async function runDueTasks(deps: Deps, now: Date, handlers: Record<string, TaskHandler>, batch = 200): Promise<number> {
  let ran = 0;
  deps = { ...deps, sweep: new SweepCache() }; // read-only lookups shared by this sweep's tasks
  for (;;) {
    const due = await deps.db.scheduledTask.findMany({ where: { claimedAt: null, dueAt: { lte: now } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: batch });
    if (due.length === 0) return ran;
    for (const row of due) {
      const handler = handlers[row.kind];
      try {
        await deps.db.$transaction(async (tx) => {
          const won = await tx.scheduledTask.updateMany({ where: { id: row.id, claimedAt: null }, data: { claimedAt: now, doneAt: now } });
          if (won.count !== 1) return; // another instance took it
          if (!handler) {
            deps.log.error({ taskId: row.id, kind: row.kind }, "no handler for scheduled task; marked done");
            return;
          }
          await handler(tx, deps, { ...row, data: JSON.parse(row.data) as Record<string, unknown> }, now);
        }, TASK_TX);
        ran++;
      } catch (err) {
        // Leave the row unclaimed: a later tick retries. Push it back a minute so one bad task can't spin.
        deps.log.error({ err, taskId: row.id, kind: row.kind }, "scheduled task failed; will retry");
        await deps.db.scheduledTask.update({ where: { id: row.id }, data: { dueAt: new Date(now.getTime() + 60_000) } });
      }
    }
    if (due.length < batch) return ran;
  }
}

/** The earliest moment any work (a task or a held-back message) falls due after `after`. */
export async function nextDueAt(db: DbOrTx, after: Date): Promise<Date | null> {
  const task = await db.scheduledTask.findFirst({ where: { claimedAt: null, dueAt: { gt: after } }, orderBy: { dueAt: "asc" } });
  const msg = await db.outboxMessage.findFirst({ where: { status: "pending", notBefore: { gt: after } }, orderBy: { notBefore: "asc" } });
  const times = [task?.dueAt, msg?.notBefore].filter((d): d is Date => d instanceof Date);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}
