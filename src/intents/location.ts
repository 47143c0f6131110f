// Parse the place named in a message: building / unit / room, as strings.
// Chinese numerals become digits, letters stay as written, a floor ("14楼") is not a unit or room.
// Precision first: phone numbers, times, dates, money and counts must not become locations.
import type { Location } from "./types.js";

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_NUM = "[零〇一幺二两三四五六七八九十百]";

/** "二十三" → "23", "十一" → "11", "七零二" → "702", "一千二百零一" is not expected. Digits pass through. */
export function cnToDigits(s: string): string | null {
  if (/^\d+$/.test(s)) return String(Number(s));
  if (!/^[零〇一幺二两三四五六七八九十百]+$/.test(s)) return null;
  if (!/[十百]/.test(s)) return [...s].map((c) => String(CN_DIGIT[c] ?? "")).join(""); // read digit by digit
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === "百") { total += (current || 1) * 100; current = 0; }
    else if (c === "十") { total += (current || 1) * 10; current = 0; }
    else current = CN_DIGIT[c] ?? 0;
  }
  return String(total + current);
}

const NUM = `(?:\\d{1,3}|${CN_NUM}{1,4})`;
const BLD_ID = `(?:[A-Za-z](?![A-Za-z])|\\d{1,3}|${CN_NUM}{1,4})`;
// "号楼" is a building; a bare "楼" after a number is a floor. "动" is a common IME slip for 栋.
const BLD_SUFFIX = "(?:号楼|栋楼|栋|幢|座|号院|动(?=\\s*" + NUM + "\\s*单元|的|$|\\s))";
const ROOM_ID = `(?:\\d{3,4}|${CN_NUM.replace("十百", "")}{3,4})`;
// A room number must not run into more digits or a unit of measure, time, money or count.
const ROOM_END = "(?![\\d:.%]|\\s*(?:楼|层|元|块|个|次|号车位|分|秒|米|平|天|小时|年|月|日|号|点|岁|斤|人|户|w|k))";

const CN_RE = new RegExp(
  `(?<![\\dA-Za-z])(${BLD_ID})\\s*${BLD_SUFFIX}` +
    `(?:\\s*的?\\s*(${NUM})\\s*单元)?` +
    `(?:\\s*(?:的)?\\s*(${ROOM_ID})${ROOM_END}\\s*(?:室|房|号房)?)?`,
);
const UNIT_ONLY_RE = new RegExp(`(?<![\\dA-Za-z栋幢座楼])(${NUM})\\s*单元(?:\\s*(${ROOM_ID})${ROOM_END})?`);
// "3-2-1201", "3-1-804"; building-unit "5-3" only when followed by a word that names a unit place.
const DASH3_RE = /(?<![\d\w:.\-/])(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{3,4})(?![\d:.\-/])/;
const DASH2_RE = /(?<![\d\w:.\-/])(\d{1,2})-(\d{1,2})(?=\s*的?\s*(?:单元|楼道|电梯|门口|楼下))/;
const ROOM_ONLY_RE = new RegExp(`(?<![\\d\\-])(\\d{3,4})\\s*(?:室|号房)`);
const EN_BLD_RE = /\b(?:building|bldg\.?|block|tower)\s*(?:no\.?\s*)?#?\s*([A-Za-z]|\d{1,3})\b/i;
const EN_UNIT_RE = /\bunit\s*(?:no\.?\s*)?#?\s*(\d{1,2})\b(?!\s*\d)/i;
const EN_ROOM_RE = /\b(?:flat|room|apt\.?|apartment|rm\.?)\s*(?:no\.?\s*)?#?\s*(\d{3,4})\b/i;
const EN_TRAIL_ROOM_RE = /\bunit\s*\d{1,2}\s*,\s*(?:#\s*)?(\d{3,4})\b/i;
// "Building 12, 1502" / "Tower C, 1203": a bare 3–4 digit number right after the building is the flat.
const EN_BLD_ROOM_RE = /\b(?:building|bldg\.?|block|tower)\s*(?:no\.?\s*)?#?\s*(?:[A-Za-z]|\d{1,3})\s*[,，]\s*#?(\d{3,4})\b(?!\s*(?:sq|m2|m²|yuan|rmb|people|cars|residents|households|floor))/i;

function bld(id: string): string | null {
  return /^[A-Za-z]$/.test(id) ? id.toUpperCase() : cnToDigits(id);
}

function make(building: string | null, unit: string | null, room: string | null): Location | null {
  if (building === null && unit === null && room === null) return null;
  return { building, unit, room };
}

function parseEnglish(text: string): Location | null {
  const b = EN_BLD_RE.exec(text);
  const u = EN_UNIT_RE.exec(text);
  const r = EN_ROOM_RE.exec(text) ?? EN_TRAIL_ROOM_RE.exec(text) ?? EN_BLD_ROOM_RE.exec(text);
  if (!b && !r) return null; // "unit" alone in English is too ambiguous
  return make(b?.[1] ? bld(b[1]) : null, u?.[1] ? String(Number(u[1])) : null, r?.[1] ?? null);
}

export function parseLocation(text: string): Location | null {
  const dash = DASH3_RE.exec(text);
  if (dash?.[1] && dash[2] && dash[3] && !/\d{3,}\s*-\s*\d/.test(text.slice(Math.max(0, dash.index - 4), dash.index + 2))) {
    return make(String(Number(dash[1])), String(Number(dash[2])), dash[3]);
  }
  const cn = CN_RE.exec(text);
  if (cn?.[1]) {
    // "一栋楼都停电" / "两栋楼之间" count buildings, they do not name one.
    const counting = /^[一两几]$/.test(cn[1]) && /栋楼|幢楼/.test(cn[0]);
    const building = counting ? null : bld(cn[1]);
    let unit = cn[2] ? cnToDigits(cn[2]) : null;
    let room = cn[3] ? cnToDigits(cn[3]) : null;
    if (building !== null) {
      if (unit === null && room === null) {
        // "3栋 2单元 1201" with text between is rare; look for a unit/room later in the message.
        const rest = text.slice(cn.index + cn[0].length);
        const u = new RegExp(`^\\s*,?\\s*(${NUM})\\s*单元(?:\\s*(${ROOM_ID})${ROOM_END})?`).exec(rest);
        if (u?.[1]) { unit = cnToDigits(u[1]); room = u[2] ? cnToDigits(u[2]) : null; }
      }
      if (room === null) {
        const r = ROOM_ONLY_RE.exec(text.slice(cn.index + cn[0].length));
        if (r?.[1]) room = r[1];
      }
      return make(building, unit, room);
    }
  }
  const en = parseEnglish(text);
  if (en) return en;
  const d2 = DASH2_RE.exec(text);
  if (d2?.[1] && d2[2]) return make(String(Number(d2[1])), String(Number(d2[2])), null);
  const uo = UNIT_ONLY_RE.exec(text);
  if (uo?.[1]) return make(null, cnToDigits(uo[1]), uo[2] ? cnToDigits(uo[2]) : null);
  const ro = ROOM_ONLY_RE.exec(text);
  if (ro?.[1]) return make(null, null, ro[1]);
  return null;
}

/** Used when a resident binds their address: the same grammar as message locations. */
export function parseAddress(text: string): Location | null {
  return parseLocation(text);
}
