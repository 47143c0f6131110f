// What every service takes as its first argument. Only src/main.ts (and the scenario runner and
// tests) build real ones: nothing in services reads a global client, the wall clock or process.env.
import type { Logger } from "pino";
import type { Db } from "../db.js";

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** `sweep`: set by runDueTasks for the tasks of one call (see SweepCache). */
export type Deps = { db: Db; clock: Clock; log: Logger; sweep?: SweepCache };

/**
 * Read-only lookups shared by the tasks of one sweep (one runDueTasks call): a community's
 * supervisors and managers, a ticket's assignee — asked again by each of 2,000 escalations. Each task
 * still runs in its own transaction and its writes are its own, so effects stay exactly-once; only
 * data the tasks read (and never write) is kept, and only for the sweep (seconds): a staff change
 * made meanwhile applies from the next tick. A failed load is not kept.
 */
export class SweepCache {
  private readonly values = new Map<string, unknown>();
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = await load();
    this.values.set(key, value);
    return value;
  }
}

/** `sweep.get(key, load)`, or just `load()` outside a sweep. */
export const memo = <T>(sweep: SweepCache | undefined, key: string, load: () => Promise<T>): Promise<T> => (sweep ? sweep.get(key, load) : load());

/** An expected refusal, rendered by src/bot as the text of `code` (see texts.ts `error.*`). */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
