// The office's configuration, per community (Community.settings JSON, and scenario `settings`).
// Defaults are the numbers of ../shared/DOMAIN.md.
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

export const SettingsSchema = z
  .object({
    /** Minutes within which a ticket must be accepted, by information grade. */
    acceptMinutes: z.object({ 1: z.number().positive(), 2: z.number().positive(), 3: z.number().positive() }).default({ 1: 5, 2: 10, 3: 30 }),
    /** A warning to the assignee this many minutes before the acceptance deadline. */
    warnBeforeMinutes: z.number().min(0).default(5),
    /** Grade 1: the alert repeats at this interval until someone accepts, at most this many times. */
    urgentRepeatMinutes: z.number().positive().default(5),
    urgentRepeatMax: z.number().int().min(0).default(48),
    /** Reports of the same public fault (building + category) within this window join one incident. */
    incidentWindowHours: z.number().positive().default(6),
    /** Fee reminders (催缴): daily sweep time; first reminder N days after the due date, then every N days, at most N per calendar month. */
    feeReminderAt: hhmm.default("09:30"),
    feeFirstReminderDays: z.number().int().min(0).default(3),
    feeReminderIntervalDays: z.number().int().positive().default(14),
    feeMaxRemindersPerMonth: z.number().int().min(0).default(2),
    /** The daily unresolved list (日未处理工作盘点表), and next morning's re-announcement of overdue tickets. */
    dailyListAt: hhmm.default("18:00"),
    morningListAt: hhmm.default("09:00"),
    /** Revisit: how many days after completion, and at what local time (never in quiet hours). */
    revisitAfterDays: z.number().int().min(0).default(1),
    revisitAt: hhmm.default("10:00"),
    /** An unanswered revisit is recorded as "no answer" after this many hours. */
    revisitTimeoutHours: z.number().positive().default(48),
    /** No reminders, revisits or surveys between these local times. */
    quietHours: z.object({ start: hhmm, end: hhmm }).default({ start: "21:00", end: "09:00" }),
    /** Binding: wrong phone tails allowed before the household is locked, and for how long. */
    bindMaxFailures: z.number().int().positive().default(3),
    bindLockMinutes: z.number().positive().default(60),
    /** In groups, an un-mentioned message becomes a ticket only above this classifier confidence. */
    groupTicketConfidence: z.number().min(0).max(1).default(0.75),
    /** How to pay, shown with fee answers. */
    paymentChannels: z.string().default("微信缴费（公众号「物业服务」→ 缴费）、物业服务中心前台（刷卡/扫码）"),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(json: string | object | undefined): Settings {
  const raw = typeof json === "string" ? (JSON.parse(json) as unknown) : (json ?? {});
  return SettingsSchema.parse(raw);
}
