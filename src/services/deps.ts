// What every service takes as its first argument. Only src/main.ts (and the scenario runner and
// tests) build real ones: nothing in services reads a global client, the wall clock or process.env.
import type { Logger } from "pino";
import type { Db } from "../db.js";

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type Deps = { db: Db; clock: Clock; log: Logger };

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
