// The only file that imports node-cron. Ticks only call into services: the work itself is data
// (ScheduledTask and outbox rows), so a missed tick or a restart just catches up on the next one.
import cron from "node-cron";
import type { Logger } from "pino";

export type Tickable = { tick(now?: Date): Promise<number>; flush(): Promise<number> };

export type JobSchedule = {
  /** Due scheduled work (revisits, deadlines, reminders); seconds-resolution cron. */
  dueWork: string;
  /** Retries of held-back or failed outbound messages. */
  outbox: string;
};

export const DEFAULT_SCHEDULE: JobSchedule = { dueWork: "*/30 * * * * *", outbox: "*/10 * * * * *" };

export function startJobs(assistant: Tickable, log: Logger, schedule: JobSchedule = DEFAULT_SCHEDULE) {
  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (err) {
      log.error({ err, job: name }, "scheduled job failed; next tick retries");
    }
  };
  const tasks = [
    cron.schedule(schedule.dueWork, guard("due-work", () => assistant.tick()), { name: "due-work", noOverlap: true }),
    cron.schedule(schedule.outbox, guard("outbox", () => assistant.flush()), { name: "outbox", noOverlap: true }),
  ];
  return {
    async stop() {
      for (const t of tasks) await t.destroy();
    },
  };
}
