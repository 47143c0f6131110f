// Dates, times and time windows as an office writes them in a notice: "明天8:00-12:00",
// "3月5日 8:00至17:00", "2026-03-05 08:00-3月6日 12:00", "明天上午8点至下午6点". Pure functions;
// relative days (今天/明天/后天, 周六, 下周一) count from `base` (the day the notice goes out) in the community's zone.
import { atLocal, localParts } from "../time.js";

const WEEKDAY_SRC = String.raw`(?:本|这|下|下下)?(?:周|星期|礼拜)[一二三四五六日天]`;
const DATE_SRC = String.raw`(?:(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}[日号]|\d{1,2}[./]\d{1,2}[日号]|今天|今日|明天|明日|后天|明早|明晚|今早|今晚|次日|第二天|翌日|隔天)(?:\s*[(（]?(?:周|星期)[一二三四五六日天][)）]?)?|${WEEKDAY_SRC})`;
const PERIOD_SRC = String.raw`(?:上午|早上|早晨|中午|下午|晚上|夜间|凌晨)`;
const TIME_SRC = String.raw`${PERIOD_SRC}?\s*\d{1,2}(?::\d{2}|[点时](?:\d{1,2}(?![栋号幢座单元楼层户室\d])分?|半)?)`;
const RANGE_SEP = String.raw`\s*(?:-|—|–|~|～|至|到)\s*`;

/** A window: [date] time – [date] time. Groups: 1 start date, 2 start time, 3 end date, 4 end time. */
const WINDOW_SRC = String.raw`(${DATE_SRC}\s*)?(${TIME_SRC})${RANGE_SEP}(${DATE_SRC}\s*)?(${TIME_SRC})`;
const WINDOW = new RegExp(WINDOW_SRC);
const WINDOW_AT_START = new RegExp(`^${WINDOW_SRC}`);
/** A moment: date and time ("2026-03-05 08:00", "明天 8:00"). */
const MOMENT_AT_START = new RegExp(String.raw`^(${DATE_SRC})\s*(${TIME_SRC})`);
const DATE_ONLY = new RegExp(DATE_SRC);
/** "延长至今天16:00", "推迟到18点": a new end written after the window. Groups: 1 date, 2 time. */
const EXTENDED = new RegExp(String.raw`(?:延长|延至|推迟|顺延|延迟)(?:至|到)?\s*(${DATE_SRC}\s*)?(${TIME_SRC})`);
const localDay = (d: Date, tz: string): Ymd => { const p = localParts(d, tz); return { year: p.year, month: p.month, day: p.day }; };
const MOMENT = new RegExp(String.raw`(${DATE_SRC})\s*(${TIME_SRC})`);

type Ymd = { year: number; month: number; day: number };

/** The calendar day a date expression names; relative words count from `base`. */
function parseDate(text: string, base: Date, tz: string): Ymd | null {
  const b = localParts(base, tz);
  const plusDays = (n: number): Ymd => {
    const d = new Date(Date.UTC(b.year, b.month - 1, b.day + n));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  };
  if (/今天|今日|今早|今晚/.test(text)) return plusDays(0);
  if (/明天|明日|明早|明晚|次日|第二天|翌日|隔天/.test(text)) return plusDays(1);
  if (/后天/.test(text)) return plusDays(2);
  let m = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (m) return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  // "周六", "本周六", "下周一" (weeks run Monday to Sunday): a bare weekday is the next one from today
  // (today included); 本周/这周 that day of this week; 下周 of the next.
  m = /^(本|这|下下|下)?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(text.trim());
  if (m) {
    const want = "一二三四五六".indexOf(m[2]!) + 1 || 7; // 1 = Monday … 7 = Sunday
    const today = new Date(Date.UTC(b.year, b.month - 1, b.day)).getUTCDay() || 7;
    if (!m[1]) return plusDays((want - today + 7) % 7);
    const weeks = m[1] === "下" ? 1 : m[1] === "下下" ? 2 : 0;
    return plusDays(want - today + 7 * weeks);
  }
  m = /(\d{1,2})[./](\d{1,2})[日号]/.exec(text);
  m ??= /(\d{1,2})月(\d{1,2})/.exec(text);
  if (m) {
    // No year: this year's date, or next year's when that one is long past (a December notice about January).
    const month = Number(m[1]);
    const day = Number(m[2]);
    const year = month < b.month - 6 ? b.year + 1 : b.year;
    return valid({ year, month, day });
  }
  return null;
}

const valid = (d: Ymd): Ymd | null => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day ? d : null;
};

/** "下午3点半" → "15:30"; null when not a time of day. */
function parseTime(text: string): string | null {
  const m = /(上午|早上|早晨|中午|下午|晚上|夜间|凌晨)?\s*(\d{1,2})(?::(\d{2})|[点时](?:(\d{1,2})(?![栋号幢座单元楼层户室\d])分?|(半))?)/.exec(text);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? Number(m[4]) : m[5] ? 30 : 0;
  const period = m[1];
  if ((period === "下午" || period === "晚上" || period === "夜间") && hour < 12) hour += 12;
  if (period === "中午" && hour < 6) hour += 12;
  if (hour === 24 && minute === 0) return "23:59"; // "至24时": the end of the day
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const at = (d: Ymd, hhmm: string, tz: string) => atLocal(d.year, d.month, d.day, hhmm, tz);

export type Window = { from: Date; to: Date };

const nextDay = (d: Ymd): Ymd => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

function windowOf(m: RegExpExecArray, base: Date, tz: string): Window | null {
  const startDay = m[1] ? parseDate(m[1], base, tz) : parseDate("今天", base, tz);
  // "明晚8点": the evening the date word names, when the time says no part of the day itself.
  const evening = (date: string | undefined, time: string) => (date?.includes("晚") && !/上午|早|中午|下午|晚|夜|凌晨/.test(time) ? `晚上${time}` : time);
  const startTime = parseTime(evening(m[1], m[2]!));
  // "今晚22:00-次日6:00": the end's "次日" is the day after the start's.
  const endDay = m[3] ? (/次日|第二天|翌日|隔天/.test(m[3]) && startDay ? nextDay(startDay) : parseDate(m[3], base, tz)) : startDay;
  // (The end follows the start into the evening only when the start was moved there: "今晚22:00-6:00" ends at 06:00.)
  const startMoved = startTime !== null && startTime !== parseTime(m[2]!);
  const endTime = parseTime(m[3] ? evening(m[3], m[4]!) : startMoved ? evening(m[1], m[4]!) : m[4]!);
  if (!startDay || !startTime || !endDay || !endTime) return null;
  const from = at(startDay, startTime, tz);
  let to = at(endDay, endTime, tz);
  // "22:00-6:00" with one date runs past midnight.
  if (to <= from && !m[3]) to = new Date(to.getTime() + 86_400_000);
  return to > from ? { from, to } : null;
}

/** The first time window written in a notice's text; or, for a date alone ("3月5日停水"), that whole day. */
export function findWindow(text: string, base: Date, tz: string): Window | null {
  text = text.normalize("NFKC"); // the stored text is as typed: "8：00" reads as "8:00"
  const m = WINDOW.exec(text);
  if (m) {
    const w = windowOf(m, base, tz);
    // "原定今天9:00-12:00的停电，因施工需要延长至今天16:00": the window as extended.
    const ext = EXTENDED.exec(text.slice(m.index + m[0].length));
    const endTime = ext ? parseTime(ext[2]!) : null;
    const endDay = ext?.[1] ? parseDate(ext[1], base, tz) : w ? localDay(w.from, tz) : null;
    if (w && endTime && endDay) {
      const to = at(endDay, endTime, tz);
      if (to > w.from) return { from: w.from, to };
    }
    return w;
  }
  const d = DATE_ONLY.exec(text);
  const day = d ? parseDate(d[0], base, tz) : null;
  if (!day) return null;
  const dayStart = at(day, "00:00", tz);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  // "明天14:00停电": from that time, for the rest of the day (at least six hours when it starts late).
  const start = MOMENT.exec(text);
  const startTime = start && start.index === d!.index ? parseTime(start[2]!) : null;
  if (startTime) {
    const from = at(day, startTime, tz);
    return { from, to: new Date(Math.max(dayEnd.getTime(), from.getTime() + 6 * 3_600_000)) };
  }
  return { from: dayStart, to: dayEnd };
}

/** A window at the very start of `text` (the explicit `时段 …` option); with how much text it took. */
export function windowAtStart(text: string, base: Date, tz: string): { window: Window; length: number } | null {
  const m = WINDOW_AT_START.exec(text);
  const window = m ? windowOf(m, base, tz) : null;
  return m && window ? { window, length: m[0].length } : null;
}

/** A moment at the very start of `text` (the `定时 …` option); with how much text it took. */
export function momentAtStart(text: string, base: Date, tz: string): { at: Date; length: number } | null {
  const m = MOMENT_AT_START.exec(text);
  if (!m) return null;
  const day = parseDate(m[1]!, base, tz);
  const time = parseTime(m[2]!);
  return day && time ? { at: at(day, time, tz), length: m[0].length } : null;
}
