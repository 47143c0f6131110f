// The table of scheduled task kinds and their handlers, and the one entry point ticks call.
import type { Deps } from "./deps.js";
import { askRevisit, revisitTimeout } from "./revisits/revisit.js";
import { runDueTasks, type TaskHandler } from "./scheduler.js";

export const TASK_HANDLERS: Record<string, TaskHandler> = {
  "revisit.ask": askRevisit,
  "revisit.timeout": revisitTimeout,
};

export function runDue(deps: Deps, now: Date): Promise<number> {
  return runDueTasks(deps, now, TASK_HANDLERS);
}
