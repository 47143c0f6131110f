// Report periods in a community's local time: a day, a week (Monday to Sunday), a calendar month, a
// calendar quarter. A period is the half-open interval [from, to) of local midnights (or, for the
// current period so far, from its start to just after now).
import { atLocal, localParts } from "../time.js";

export type PeriodKind = "daily" | "weekly" | "monthly" | "quarterly";
/** "custom" is an explicit --from/--to range of the CLI. */
export type Period = { kind: PeriodKind | "custom"; from: Date; to: Date };

/** Local midnight of year-month-day; month and day may overflow (Date.UTC normalises them). */
export function localMidnight(year: number, month: number, day: number, tz: string): Date {
  const d = new Date(Date.UTC(year, month - 1, day));
  return atLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), "00:00", tz);
}

/** The period of `kind` that contains the instant `at`. */
export function periodContaining(kind: PeriodKind, at: Date, tz: string): Period {
  const p = localParts(at, tz);
  switch (kind) {
    case "daily":
      return { kind, from: localMidnight(p.year, p.month, p.day, tz), to: localMidnight(p.year, p.month, p.day + 1, tz) };
    case "weekly": {
      const back = (p.weekday + 6) % 7; // days since Monday (weekday: 0 = Sunday)
      return { kind, from: localMidnight(p.year, p.month, p.day - back, tz), to: localMidnight(p.year, p.month, p.day - back + 7, tz) };
    }
    case "monthly":
      return { kind, from: localMidnight(p.year, p.month, 1, tz), to: localMidnight(p.year, p.month + 1, 1, tz) };
    case "quarterly": {
      const first = Math.floor((p.month - 1) / 3) * 3 + 1;
      return { kind, from: localMidnight(p.year, first, 1, tz), to: localMidnight(p.year, first + 3, 1, tz) };
    }
  }
}

/** The complete period before the one containing `at` (yesterday, last week, last month, last quarter). */
export function previousPeriod(kind: PeriodKind, at: Date, tz: string): Period {
  return periodContaining(kind, new Date(periodContaining(kind, at, tz).from.getTime() - 1), tz);
}

/** The current period so far: from its start up to and including `now` (what happened at this instant counts). */
export function periodToDate(kind: PeriodKind, now: Date, tz: string): Period {
  return { kind, from: periodContaining(kind, now, tz).from, to: new Date(now.getTime() + 1) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-02" (local date). */
export function localDate(d: Date, tz: string): string {
  const p = localParts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local date of the last day in [from, to): the day before `to` when `to` is a midnight. */
export function lastLocalDate(period: { to: Date }, tz: string): string {
  return localDate(new Date(period.to.getTime() - 1), tz);
}

/** "2026-03-05" → local midnight of that day; null when it is not a real date. */
export function parseLocalDate(ymd: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return localMidnight(y, mo, d, tz);
}
