// The promised times of a ticket (DOMAIN.md "Deadlines"), computed from the office's settings:
//   accept   — by information grade (5 / 10 / 30 minutes);
//   onsite   — repairs: someone on site; complaints about a repair: a technician within 5 minutes;
//   resolve  — grade 1: within hours (急修不过夜); otherwise the same business day, or the next one
//              when reported after the same-day cut-off;
//   feedback — the resident hears how it stands within 2 days;
//   complete — finished within 5 days.
// Requests are accepted 24 hours a day (DOMAIN.md): the acceptance clock always runs. The work
// clocks of routine (grade 3) tickets — on site, same day — start at the next business hour when a
// report comes in outside business hours; grade 1 and 2 work clocks run around the clock. `deadlineRules` override any figure
// by intent, category and grade (first matching rule wins, field by field).
import type { Settings } from "../community/settings.js";
import { atLocal, localParts, localTimeOnDay, outsideQuietHours } from "../time.js";

export const DEADLINE_STEPS = ["accept", "onsite", "resolve", "feedback", "complete"] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
export type DeadlinePlan = Partial<Record<DeadlineStep, Date>>;

/** Categories of things the maintenance team repairs: a complaint about one is a repair complaint. */
const REPAIR_CATEGORIES: ReadonlySet<string> = new Set(["water", "electricity", "gas", "elevator", "access", "structure", "facility"]);

type TicketShape = { intent: string; category: string | null; urgency: number };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** `from`, or the start of the next business hours when `from` is outside them. */
export function businessStart(from: Date, settings: Settings, tz: string): Date {
  const p = localParts(from, tz);
  const now = p.hour * 60 + p.minute;
  const { start, end } = settings.businessHours;
  if (now >= minutesOf(start) && now < minutesOf(end)) return from;
  return now < minutesOf(start) ? atLocal(p.year, p.month, p.day, start, tz) : localTimeOnDay(from, 1, start, tz);
}

/** `minutes` of business hours from `from`: a routine clock stops at closing time and runs on next morning. */
export function addBusinessMinutes(from: Date, minutes: number, settings: Settings, tz: string): Date {
  let t = businessStart(from, settings, tz);
  let left = minutes * 60_000;
  for (let day = 0; day < 366; day++) {
    const p = localParts(t, tz);
    const close = atLocal(p.year, p.month, p.day, settings.businessHours.end, tz);
    const room = close.getTime() - t.getTime();
    if (left <= room) break;
    left -= room;
    t = businessStart(close, settings, tz); // closing time → the next morning's opening
  }
  return new Date(t.getTime() + left);
}

/** How much business time lies between `from` and `to` (0 when `to` is not later). */
export function businessMsBetween(from: Date, to: Date, settings: Settings, tz: string): number {
  let total = 0;
  let t = businessStart(from, settings, tz);
  for (let day = 0; day < 366 && t < to; day++) {
    const p = localParts(t, tz);
    const close = atLocal(p.year, p.month, p.day, settings.businessHours.end, tz);
    total += Math.min(close.getTime(), to.getTime()) - t.getTime();
    t = businessStart(close, settings, tz);
  }
  return Math.max(0, total);
}

/** The figures that apply to this ticket: defaults, then the first rule matching each field. */
export function deadlineFigures(settings: Settings, t: TicketShape) {
  const grade = t.urgency as 1 | 2 | 3;
  const figures = {
    acceptMinutes: settings.acceptMinutes[grade],
    onsiteMinutes: t.intent === "repair" ? settings.onsiteMinutes[grade] : t.intent === "complaint" && t.category && REPAIR_CATEGORIES.has(t.category) ? settings.repairComplaintOnsiteMinutes : null,
    resolveHours: grade === 1 && t.intent === "repair" ? settings.urgentResolveHours : null,
    feedbackDays: settings.feedbackDays,
    completeDays: settings.completeDays,
  };
  const matching = settings.deadlineRules.filter((r) =>
    (r.intent === undefined || r.intent === t.intent) && (r.category === undefined || r.category === t.category) && (r.urgency === undefined || r.urgency === grade));
  for (const key of Object.keys(figures) as (keyof typeof figures)[]) {
    const rule = matching.find((r) => r[key] !== undefined);
    if (rule) (figures as Record<string, number | null>)[key] = rule[key] ?? null;
  }
  return figures;
}

/** The promised times of a ticket whose clocks start at `from` (creation, or a change of grade). */
export function planDeadlines(settings: Settings, t: TicketShape, from: Date, tz: string): DeadlinePlan {
  const f = deadlineFigures(settings, t);
  const start = t.urgency === 3 ? businessStart(from, settings, tz) : from;
  const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const plan: DeadlinePlan = { accept: new Date(from.getTime() + f.acceptMinutes * 60_000) };
  if (f.resolveHours !== null) {
    plan.resolve = after(f.resolveHours * 60);
  } else {
    // Same day: the end of today's business hours, or tomorrow's when reported after the cut-off.
    const p = localParts(start, tz);
    const late = p.hour * 60 + p.minute >= minutesOf(settings.sameDayCutoff);
    plan.resolve = late ? localTimeOnDay(start, 1, settings.businessHours.end, tz) : atLocal(p.year, p.month, p.day, settings.businessHours.end, tz);
  }
  if (f.onsiteMinutes !== null) {
    // A routine visit counts business hours only (reported at 16:10: 1 h 50 today, the rest tomorrow
    // morning), and someone is on site at the latest when the work is due to be done.
    const onsite = t.urgency === 3 ? addBusinessMinutes(from, f.onsiteMinutes, settings, tz) : after(f.onsiteMinutes);
    plan.onsite = onsite > plan.resolve ? plan.resolve : onsite;
  }
  plan.feedback = after(f.feedbackDays * 24 * 60);
  plan.complete = after(f.completeDays * 24 * 60);
  // Promises counted in days, made at night (a grade-2 complaint at 22:30), fall due in the morning:
  // nobody is chased, and no resident told "still in progress", at 22:30 two days on.
  if (t.urgency !== 1) {
    plan.feedback = outsideQuietHours(plan.feedback, settings.quietHours, tz);
    plan.complete = outsideQuietHours(plan.complete, settings.quietHours, tz);
  }
  // A promise never comes before the one it follows (a tiny resolve window, a custom rule...) — except
  // a repair complaint's technician, due on site in 5 minutes while the 10-minute grade-2 notice runs.
  let floor = plan.accept!;
  for (const step of DEADLINE_STEPS) {
    const d = plan[step];
    if (!d) continue;
    if (step === "onsite" && t.intent === "complaint") continue;
    if (d < floor) plan[step] = floor;
    floor = plan[step]!;
  }
  return plan;
}

/** Whether the ticket has kept this promise (so its deadline passing means nothing). */
export function promiseKept(step: DeadlineStep, t: { status: string; acceptedAt: Date | null; onsiteAt: Date | null }, hadFeedback: boolean): boolean {
  const finished = t.status === "done" || t.status === "closed" || t.status === "cancelled";
  switch (step) {
    // A reopened ticket waits to be taken again (接单): its first acceptance does not keep the new promise.
    case "accept": return finished || (t.acceptedAt !== null && t.status !== "reopened");
    case "onsite": return finished || t.onsiteAt !== null;
    case "resolve": return finished;
    case "feedback": return finished || hadFeedback;
    case "complete": return finished;
  }
}
