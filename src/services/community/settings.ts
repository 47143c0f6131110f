// The office's configuration, per community (Community.settings JSON, and scenario `settings`).
// Defaults are the numbers of ../shared/DOMAIN.md.
import { z } from "zod";
import { CATEGORIES } from "../../labels.js";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");

/** Minutes by information grade; an office may override only some grades ({"3": 60}), the rest keep their defaults. */
const byGrade = (d: { 1: number; 2: number; 3: number }) =>
  z.object({ 1: z.number().positive().optional(), 2: z.number().positive().optional(), 3: z.number().positive().optional() }).strict().default({})
    .transform((v) => ({ 1: v[1] ?? d[1], 2: v[2] ?? d[2], 3: v[3] ?? d[3] }));
/** A daily span of local time; either end may be given alone, the other keeps its default. */
const span = (d: { start: string; end: string }) =>
  z.object({ start: hhmm.optional(), end: hhmm.optional() }).strict().default({})
    .transform((v) => ({ start: v.start ?? d.start, end: v.end ?? d.end }));

export const SettingsSchema = z
  .object({
    /** Minutes within which a ticket must be accepted, by information grade. */
    acceptMinutes: byGrade({ 1: 5, 2: 10, 3: 30 }),
    /** Repairs: someone on site within this many minutes, by grade (clock as for acceptance). */
    onsiteMinutes: byGrade({ 1: 30, 2: 120, 3: 240 }),
    /** A complaint about a repair (维修方面的有效投诉): a technician on site within this many minutes (DOMAIN.md). */
    repairComplaintOnsiteMinutes: z.number().positive().nullable().default(5),
    /** Grade-1 repairs are resolved within this many hours (急修不过夜); others the same business day. */
    urgentResolveHours: z.number().positive().default(4),
    /** Reported after this local time, "same day" means the next business day. */
    sameDayCutoff: hhmm.default("16:00"),
    /** The office's business hours: routine (grade 3) work clocks (on site, same day) start at their start; "same day" ends at their end. Acceptance runs 24 hours. */
    businessHours: span({ start: "08:30", end: "18:00" }),
    /** What is not finished the same day: feedback to the resident within N days, completion within N days. */
    feedbackDays: z.number().positive().default(2),
    completeDays: z.number().positive().default(5),
    /** Overrides of the figures above by intent, category and grade; the first rule naming a figure wins. */
    deadlineRules: z.array(z.object({
      // (A rule for a category or intent outside the label vocabulary would never apply: refused.)
      intent: z.enum(["repair", "complaint", "fee"]).optional(), category: z.enum(CATEGORIES).optional(), urgency: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      acceptMinutes: z.number().positive().optional(), onsiteMinutes: z.number().positive().nullable().optional(), resolveHours: z.number().positive().nullable().optional(),
      feedbackDays: z.number().positive().optional(), completeDays: z.number().positive().optional(),
    }).strict()).default([]),
    /** A ticket waiting on the resident with no time agreed pauses this long. */
    defaultWaitHours: z.number().positive().default(24),
    /** A warning to the assignee this many minutes before the acceptance and on-site deadlines. */
    warnBeforeMinutes: z.number().min(0).default(5),
    /** A warning to the assignee this many minutes before the resolution deadline. */
    warnBeforeResolveMinutes: z.number().min(0).default(60),
    /** Grade 1: the alert repeats at this interval until someone accepts, at most this many times. */
    urgentRepeatMinutes: z.number().positive().default(5),
    urgentRepeatMax: z.number().int().min(0).default(48),
    /** Reports of the same public fault (building + category) within this window join one incident. */
    incidentWindowHours: z.number().positive().default(6),
    /** Fee reminders (催缴): daily sweep time; first reminder N days after the due date, then every N days, at most N per calendar month. */
    feeReminderAt: hhmm.default("09:00"),
    feeFirstReminderDays: z.number().int().min(0).default(3),
    feeReminderIntervalDays: z.number().int().positive().default(14),
    feeMaxRemindersPerMonth: z.number().int().min(0).default(2),
    /** The daily unresolved list (日未处理工作盘点表), and next morning's re-announcement of overdue tickets. */
    dailyListAt: hhmm.default("18:00"),
    morningListAt: hhmm.default("09:00"),
    /** Periodic reports (src/services/reports/periodic.ts): local time of the Monday weekly analysis and fee
     *  progress table, the monthly summary on the 1st and the quarterly report; moved out of quiet hours. */
    reportAt: hhmm.default("09:00"),
    /** Revisit: how many days after completion, and at what local time (never in quiet hours). Unset:
     *  10:00, or the completion's own time of day when that comes sooner (src/services/revisits/schedule-revisit.ts). */
    revisitAfterDays: z.number().int().min(0).default(1),
    revisitAt: hhmm.optional(),
    /** An unanswered revisit is recorded as "no answer" after this many hours. */
    revisitTimeoutHours: z.number().positive().default(48),
    /** No reminders, revisits or surveys between these local times. */
    quietHours: span({ start: "21:00", end: "09:00" }),
    /** Binding: wrong phone tails allowed before the household is locked, and for how long. */
    bindMaxFailures: z.number().int().positive().default(3),
    bindLockMinutes: z.number().positive().default(60),
    /** In groups, an un-mentioned message becomes a ticket only above this classifier confidence. */
    groupTicketConfidence: z.number().min(0).max(1).default(0.75),
    /** How to pay, shown with fee answers. */
    paymentChannels: z.string().default("微信缴费（公众号「物业服务」→ 缴费）、物业服务中心前台（刷卡/扫码）"),
    /** Notices (通知, src/services/notices): a draft waits this long for 确认; the messages of one broadcast
     *  are queued this many seconds apart, plus up to noticeJitterSeconds (the outbox sender paces on top). */
    noticeDraftMinutes: z.number().positive().default(30),
    noticeGapSeconds: z.number().min(0).default(3),
    noticeJitterSeconds: z.number().min(0).default(2),
    /** Satisfaction surveys (满意度调查, src/services/surveys): the services asked about, in order; the default
     *  sampling ratio of verified households and window (days); the one reminder, this many days after the
     *  first question; the gap between two invitees' first questions (pacing). */
    surveyServices: z.array(z.string().min(1).max(20)).min(1).default(["客户服务", "维修服务", "保洁", "绿化", "秩序维护", "社区活动"]),
    surveySampleRatio: z.number().gt(0).max(1).default(0.2),
    surveyWindowDays: z.number().int().min(1).max(90).default(7),
    surveyReminderDays: z.number().positive().default(2),
    surveyPaceSeconds: z.number().min(0).default(30),
    /** Satisfaction targets (share of scores ≥ 4): "overall" and per service name; a service without its
     *  own target is held to the overall one. Overrides are merged into these defaults (DOMAIN.md). */
    surveyTargets: z.record(z.string(), z.number().min(0).max(1)).default({})
      .transform((t): Record<string, number> => ({ overall: 0.95, 秩序维护: 0.9, 保洁: 0.9, 绿化: 0.9, 社区活动: 0.8, ...t })),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(json: string | object | undefined): Settings {
  const raw = typeof json === "string" ? (JSON.parse(json) as unknown) : (json ?? {});
  return SettingsSchema.parse(raw);
}
