// Recurring jobs chain themselves (each run schedules the next); this starts every chain at start-up
// and is idempotent, so several instances or restarts schedule each run once.
import type { DbOrTx } from "../db.js";
import { getSettings } from "./community/community.js";
import { ensureFeeSweepScheduled } from "./fees/reminders.js";
import { ensureDailyLists } from "./reports/daily-list.js";
import { ensurePeriodicReports } from "./reports/periodic.js";

export async function ensureRecurring(db: DbOrTx, now: Date): Promise<void> {
  await ensureDailyLists(db, now);
  for (const c of await db.community.findMany()) await ensureFeeSweepScheduled(db, c.id, now, getSettings(c), c.timezone);
  await ensurePeriodicReports(db, now);
}
