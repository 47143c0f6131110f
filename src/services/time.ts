// Local-time helpers for a community's time zone (Asia/Shanghai by default), without a date library:
// Intl gives the wall-clock parts; everything stored is UTC.

type Parts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", weekday: "short" });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function localParts(date: Date, tz: string): Parts {
  const p = Object.fromEntries(formatter(tz).formatToParts(date).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), weekday: WEEKDAYS.indexOf(p.weekday ?? "") };
}

/** Offset of `tz` from UTC at `date`, in minutes. */
function offsetMinutes(date: Date, tz: string): number {
  const p = localParts(date, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(date.getTime() / 60000) * 60000) / 60000);
}

/** The instant when the local clock in `tz` shows the given date and HH:MM. */
export function atLocal(year: number, month: number, day: number, hhmm: string, tz: string): Date {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const guess = new Date(Date.UTC(year, month - 1, day, h, m));
  return new Date(guess.getTime() - offsetMinutes(guess, tz) * 60000);
}

/** Local HH:MM on `daysLater` days after `from`'s local date. */
export function localTimeOnDay(from: Date, daysLater: number, hhmm: string, tz: string): Date {
  const p = localParts(from, tz);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + daysLater));
  return atLocal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hhmm, tz);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** Whether `date` falls in the quiet hours (which may wrap midnight, e.g. 21:00–09:00). */
export function inQuietHours(date: Date, quiet: { start: string; end: string }, tz: string): boolean {
  const p = localParts(date, tz);
  const now = p.hour * 60 + p.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/** `date` itself, or the end of the quiet hours it falls in. */
export function outsideQuietHours(date: Date, quiet: { start: string; end: string }, tz: string): Date {
  if (!inQuietHours(date, quiet, tz)) return date;
  const p = localParts(date, tz);
  const today = atLocal(p.year, p.month, p.day, quiet.end, tz);
  return today > date ? today : localTimeOnDay(date, 1, quiet.end, tz);
}

/** "3月2日 09:30" in the community's time zone. */
export function formatLocal(date: Date, tz: string): string {
  const p = localParts(date, tz);
  return `${p.month}月${p.day}日 ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/** "09:30" when `date` is on the same local day as `now`, else "3月2日 09:30". */
export function formatRelative(date: Date, now: Date, tz: string): string {
  const a = localParts(date, tz);
  const b = localParts(now, tz);
  const hm = `${String(a.hour).padStart(2, "0")}:${String(a.minute).padStart(2, "0")}`;
  return a.year === b.year && a.month === b.month && a.day === b.day ? `今天 ${hm}` : `${a.month}月${a.day}日 ${hm}`;
}
