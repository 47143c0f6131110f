// Scheduled reports: weekly, monthly, quarterly, and the Monday fee progress table.
//   report.weekly      Monday at settings.reportAt: last week's analysis (每周客户服务受理分析表) → supervisors and managers
//   report.fee_weekly  Monday at settings.reportAt: the fee collection progress table (物业费收缴进度表) → managers
//   report.monthly     the 1st at settings.reportAt: last month's summary (客户服务单汇总表) → supervisors and managers
//   report.quarterly   the 1st of Jan/Apr/Jul/Oct: last quarter's management report to residents (管理报告),
//                      counts only → managers, to review and post
// A run time inside quiet hours moves to their end. Each kind is a ScheduledTask chain like the daily
// list: every run schedules the next, and the dedupe keys name the period (task
// `<kind>:<community>:<run period start>`, message `<kind>:<community>:<reported period start>:<staff>`),
// so restarts, missed ticks and several instances send each report once. A late run (the assistant was
// down on Monday) still reports the week it was scheduled for.
import type { DbOrTx, Tx } from "../../db.js";
import { getSettings } from "../community/community.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { atLocal, localParts, outsideQuietHours } from "../time.js";
import { feeProgress } from "./fee-progress.js";
import { computeReport } from "./figures.js";
import { localDate, periodContaining, previousPeriod, type Period, type PeriodKind } from "./periods.js";
import { publicSummary } from "./public-summary.js";

type Community = { id: number; name: string; timezone: string; settings: string };
type Job = { period: PeriodKind; to: readonly string[]; send: (tx: Tx, c: Community, settings: Settings, period: Period) => Promise<Record<string, string>> };

const SUPERVISORS_AND_MANAGERS = ["supervisor", "manager"] as const;
const MANAGERS = ["manager"] as const;

/** What each kind reports, to whom, as which text. */
const JOBS: Record<string, Job & { key: string }> = {
  "report.weekly": {
    period: "weekly", to: SUPERVISORS_AND_MANAGERS, key: "report.summary",
    send: async (tx, c, s, p) => ({ data: JSON.stringify(await computeReport(tx, c, s, p)) }),
  },
  "report.fee_weekly": {
    period: "weekly", to: MANAGERS, key: "report.fee_progress",
    send: async (tx, c, _s, p) => ({ data: JSON.stringify(await feeProgress(tx, c, p)) }),
  },
  "report.monthly": {
    period: "monthly", to: SUPERVISORS_AND_MANAGERS, key: "report.summary",
    send: async (tx, c, s, p) => ({ data: JSON.stringify(await computeReport(tx, c, s, p)) }),
  },
  "report.quarterly": {
    period: "quarterly", to: MANAGERS, key: "report.quarterly",
    send: async (tx, c, s, p) => ({ data: JSON.stringify(publicSummary(await computeReport(tx, c, s, p))) }),
  },
};
export const PERIODIC_REPORT_KINDS = Object.keys(JOBS);

/** The next run of a job of `kind` strictly after `now`: the first day of a period at reportAt, out of quiet hours. */
export function nextReportRun(kind: PeriodKind, now: Date, settings: Settings, tz: string): { at: Date; periodStart: Date } {
  let start = periodContaining(kind, now, tz).from;
  for (;;) {
    const p = localParts(start, tz);
    const at = outsideQuietHours(atLocal(p.year, p.month, p.day, settings.reportAt, tz), settings.quietHours, tz);
    if (at > now) return { at, periodStart: start };
    start = periodContaining(kind, start, tz).to;
  }
}

async function scheduleNext(db: DbOrTx, c: Community, kind: string, now: Date): Promise<void> {
  const job = JOBS[kind]!;
  const { at, periodStart } = nextReportRun(job.period, now, getSettings(c), c.timezone);
  const day = localDate(periodStart, c.timezone);
  await scheduleTask(db, { communityId: c.id, kind, dueAt: at, data: { periodStart: periodStart.toISOString() }, dedupeKey: `${kind}:${c.id}:${day}` });
}

/** Makes sure each community's next periodic reports are scheduled (idempotent; called at start-up and by each run). */
export async function ensurePeriodicReports(db: DbOrTx, now: Date): Promise<void> {
  for (const c of await db.community.findMany()) {
    for (const kind of PERIODIC_REPORT_KINDS) await scheduleNext(db, c, kind, now);
  }
}

const runJob: TaskHandler = async (tx, _deps, task, now) => {
  const job = JOBS[task.kind]!;
  const c = await tx.community.findUniqueOrThrow({ where: { id: task.communityId } });
  const settings = getSettings(c);
  // The period before the one the run was scheduled in (stored, so a late or quiet-hours-moved run reports the same).
  const runPeriodStart = typeof task.data.periodStart === "string" ? new Date(task.data.periodStart) : task.dueAt;
  const period = previousPeriod(job.period, runPeriodStart, c.timezone);
  const recipients = await tx.staff.findMany({ where: { communityId: c.id, role: { in: [...job.to] }, active: true }, include: { chatUser: true }, orderBy: { id: "asc" } });
  const withChat = recipients.filter((s) => s.chatUser);
  if (withChat.length > 0) {
    const params = await job.send(tx, c, settings, period);
    const day = localDate(period.from, c.timezone);
    for (const s of withChat) {
      await enqueue(tx, { communityId: c.id, to: { kind: "user", platformId: s.chatUser!.platformId }, key: job.key, params, notBefore: now, dedupeKey: `${task.kind}:${c.id}:${day}:${s.id}` });
    }
  }
  await scheduleNext(tx, c, task.kind, now);
};

export const REPORT_TASK_HANDLERS: Record<string, TaskHandler> = Object.fromEntries(PERIODIC_REPORT_KINDS.map((k) => [k, runJob]));
