// The table of scheduled task kinds and their handlers, and the one entry point ticks call.
import type { Deps } from "./deps.js";
import { FEE_TASK_HANDLERS } from "./fees/reminders.js";
import { NOTICE_TASK_HANDLERS } from "./notices/tasks.js";
import { REPORT_TASK_HANDLERS } from "./reports/periodic.js";
import { SURVEY_TASK_HANDLERS } from "./surveys/tasks.js";
import { sendDailyList, sendMorningOverdue } from "./reports/daily-list.js";
import { askRevisit, revisitTimeout } from "./revisits/revisit.js";
import { DEADLINE_HANDLERS, repeatUrgentAlert, tellResidentLater, warnBeforeDeadline } from "./tickets/deadlines.js";
import { waitEnded } from "./tickets/waiting.js";
import { runDueTasks, type TaskHandler } from "./scheduler.js";

export const TASK_HANDLERS: Record<string, TaskHandler> = {
  "revisit.ask": askRevisit,
  "revisit.timeout": revisitTimeout,
  ...FEE_TASK_HANDLERS,
  ...NOTICE_TASK_HANDLERS,
  ...SURVEY_TASK_HANDLERS,
  ...REPORT_TASK_HANDLERS,
  "sla.warn": warnBeforeDeadline,
  ...DEADLINE_HANDLERS,
  "sla.tell_resident": tellResidentLater,
  "ticket.wait_end": waitEnded,
  "alert.repeat": repeatUrgentAlert,
  "report.daily_list": sendDailyList,
  "report.morning_overdue": sendMorningOverdue,
};

export function runDue(deps: Deps, now: Date): Promise<number> {
  return runDueTasks(deps, now, TASK_HANDLERS);
}
