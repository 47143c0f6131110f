// Parse the place named in a message: building / unit / room, as strings.
// Chinese numerals become digits, letters stay as written, a floor ("14楼") is not a unit or room.
// Precision first: phone numbers, times, dates, money and counts must not become locations.
import type { Location } from "./types.js";

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_NUM = "[零〇一幺二两三四五六七八九十百廿]";

/** "二十三" → "23", "十一" → "11", "七零二" → "702", "一千二百零一" is not expected. Digits pass through. */
export function cnToDigits(s: string): string | null {
  if (/^\d+$/.test(s)) return String(Number(s));
  s = s.replace(/^廿/, "二十");
  // "十二零一" (twelve, oh-one): a floor said as a number, then the flat's two digits.
  const floorFlat = /^([一二三四五六七八九]?十[一二三四五六七八九]?)([零〇幺][零〇一幺二两三四五六七八九])$/.exec(s);
  if (floorFlat) return `${cnToDigits(floorFlat[1]!)}${[...floorFlat[2]!].map((c) => String(CN_DIGIT[c] ?? "")).join("")}`;
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
// "T2栋" (a tower code: a letter and a number) is one building name.
const BLD_ID = `(?:[A-Z]\\d{1,2}(?![\\d-])|[A-Za-z](?![A-Za-z])|\\d{1,3}|${CN_NUM}{1,4})`;
// "号楼" is a building; a bare "楼" after a number is a floor. "动" is a common IME slip for 栋.
// "5#楼" / "5#2单元" / "5#1201" (the # shorthand of site plans); "1#电梯" or "#23工单" are not buildings.
// "7號5樓" (Taiwan: number 7, 5th floor) names building 7.
const BLD_SUFFIX = "(?:号楼|号栋|号幢|栋楼|栋|幢|座|号院|号(?=\\s*\\d{1,2}\\s*楼(?!上|下|道|顶))|号(?=\\s*[1-9]\\d{2,3}(?![\\d:.%])(?!\\s*(?:元|块|平|米|个|次|分|人|号|楼|层|天|w|k|户型|的时候|左右|以前|之前|以后|之后)))|#楼|#(?=\\s*(?:" + NUM + "\\s*单元|\\d{3,4}(?!\\d)|\\d{1,2}\\s*-\\s*\\d{3,4}(?!\\d)))|动(?=\\s*" + NUM + "\\s*单元|的|$|\\s))";
// "单元", or the Beijing "门" right after a building ("2号楼3门501"); not a gate word ("门口", "门禁").
const UNIT_WORD = "(?:单元|门(?![口卫禁岗前外面锁铃把框缝]))";
// Hong Kong flats are a floor and a letter ("12C").
const ROOM_ID = `(?:\\d{3,4}|[一二三四五六七八九]?十[一二三四五六七八九]?[零〇幺][零〇一幺二两三四五六七八九](?![零〇一幺二两三四五六七八九十百])|\\d{1,2}[A-H](?![A-Za-z])|${CN_NUM.replace("十百", "")}{3,4})`;
// A room number must not run into more digits or a unit of measure, time, money or count.
// "1502 楼上" / "1201 次卧" / "1201号房" still name the room: those words are excluded from the stop list.
const ROOM_END = "(?![\\d:.%]|\\s*(?:楼(?![上下顶里道])|层|元|块|个|次(?!卧)|号车位|分|秒|米|平(?![时常])|天(?!天)|小时|年|月|日|号(?![房室])|点|岁|斤|人(?!家)|户(?!型)|多|辆|w|k))";

const CN_RE = new RegExp(
  `(?<![\\dA-Za-z])(${BLD_ID})\\s*${BLD_SUFFIX}` +
    `(?:\\s*的?\\s*(${NUM})\\s*${UNIT_WORD})?` +
    `(?:\\s*(?:的)?\\s*(${ROOM_ID})${ROOM_END}\\s*(?:室|房|号房|号室)?)?`,
);
const UNIT_ONLY_RE = new RegExp(`(?<![\\dA-Za-z栋幢座]|[\\d号零〇一二两三四五六七八九十]楼)(${NUM})\\s*单元(?:\\s*(${ROOM_ID})${ROOM_END})?`);
// "3-2-1201", "3-1-804"; building-unit "5-3" only when followed by a word that names a unit place.
// "T2-806", "A2-1805": a tower code and the flat.
// ("B-1701": a block letter and the flat.)
const TOWER_ROOM_RE = /(?<![\w-])([A-Z]\d{0,2})\s*-\s*(\d{3,4})(?![\d\-])/;
// "the intercom for 1802 Block C": the flat named before the building.
const EN_ROOM_BLD_RE = /\b(\d{3,4}),?\s+(?:block|tower|building|bldg\.?)\s+([A-Za-z]|\d{1,3})\b/i;
// ("二次报修：5-1-601": a colon after a word is no time; "…in 6-2-1803." ends a sentence.)
const DASH3_RE = /(?<![\d\w.\-/]|\d:)(\d{1,2}|[A-Za-z])\s*-\s*(\d{1,2})\s*-\s*(\d{3,4})(?![\d:\-/]|\.\d)/;
// "4/2/1306" (not a date: the last part is no year).
const SLASH3_RE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(?!(?:19|20)\d\d\b)(\d{3,4})(?![\d/]|\.\d)/;
// "5-1102": a building and its flat.
const DASH_BLD_ROOM_RE = /(?<![\d\w:.\-/])(\d{1,2})\s*-\s*([1-9]\d{2,3})(?![\d:\-/]|\.\d)(?!\s*(?:元|块|平|米|个|人|天|年|号|w|k|楼|层))/;
// (or ending the message, or before "的" or a floor: "单元门闭门器坏了 18-1", "3-1的", "6-2 五楼").
const DASH2_RE = /(?<![\d\w:.\-/]|比分?|日期|时间)(\d{1,2})-(\d{1,2})(?=\s*的?\s*(?:单元|楼道|电梯|门口|楼下)|\s*的|\s*[。.!！?？]?\s*$|\s+(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*楼(?![上下])|\s+\d{1,2}(?:st|nd|rd|th)\s+floor)/i;
const ROOM_ONLY_RE = new RegExp(`(?<![\\d\\-])(\\d{3,4})\\s*(?:室|号房|房(?![子租东价间产贷屋型]))`);
const EN_BLD_RE = /\b(?:building|bldg\.?|block|tower|villa|bulding|buiding|bilding|buliding|builing)\s*(?:no\.?\s*)?#?\s*([A-Za-z]|\d{1,3})\b/i;
// "No.5 building, 2 unit, 1101": the Chinese order in English words.
const EN_NO_BLD_RE = /\bno\.?\s*(\d{1,3})\s+(?:building|bldg|block|tower)\b/i;
const EN_NUM_UNIT_RE = /(?<!\b(?:building|bldg\.?|block|tower|villa)\s*(?:no\.?\s*)?#?\s*)\b(\d{1,2})\s+unit\b(?:\s*,?\s*#?(\d{3,4})\b)?/i;
// "the dog in 1203", "outside 1502", "mailbox for 1903", "upstairs (1601)": a flat after a place word (no year, time or amount).
const EN_AT_ROOM_RE = /\b(?:in|at|for|of|outside|near|from|upstairs|downstairs|above|below|opposite|beside|next door|neighbou?rs?)\s+(?:the\s+)?(?:\(\s*)?#?(?!(?:19[5-9]\d|20[0-4]\d)\b)([1-9]\d{2,3})\b(?!\s*(?:sq|m2|m²|yuan|rmb|kuai|people|cars|minutes|mins|hours|days|floor|am|pm|times|[-/:.]\d|%))|\(\s*([1-9]\d{2,3})\s*\)/i;
// "entrance 2" (a Russian speaker's подъезд) is a 单元 too.
const EN_UNIT_RE = /\b(?:unit|entrance)\s*(?:no\.?\s*)?#?\s*(\d{1,2})\b(?!\s*\d)/i;
// "flat 1103", "apt 15C", and "unit 15C" / "unit 1502" (a flat in Hong Kong English; "unit 2" is a 单元).
const EN_ROOM_RE = /\b(?:flat|room|apt\.?|apartment|rm\.?)\s*(?:is\s+|no\.?\s*|number\s*)?#?\s*(\d{3,4}|\d{1,2}[A-Za-z])\b|\bunit\s*(?:no\.?\s*)?#?\s*(\d{3,4}|\d{1,2}[A-Za-z])\b/i;
const EN_TRAIL_ROOM_RE = /\bunit\s*\d{1,2}\s*,\s*(?:#\s*)?(\d{3,4})\b/i;
// "Building 12, 1502" / "Tower C, 1203" / "Block C 1502": a bare 3–4 digit number right after the building is the flat.
const EN_BLD_ROOM_RE = /\b(?:building|bldg\.?|block|tower)\s*(?:no\.?\s*)?#?\s*(?:[A-Za-z]|\d{1,3})\s*[,，]?\s*#?(\d{3,4})\b(?!\s*(?:sq|m2|m²|yuan|rmb|people|cars|residents|households|floor))/i;
// "we're in 602", "I live in 1502", "my flat is 803": an English "my home" phrase before a bare number
// ("I'm in 2023" is a year).
const EN_HOME_ROOM_RE = /\b(?:i'?m|i am|we'?re|we are|(?:i|we) (?:live|stay)|(?:my|our) (?:flat|apartment|apt|home|place|room) is)\s+(?:in|at)?\s*(?:no\.?\s*|number\s*)?#?(?!(?:19[5-9]\d|20[0-4]\d)\b)(\d{3,4})\b(?!\s*(?:sq|m2|m²|yuan|rmb|people|cars|minutes|mins|hours|days|floor|[-/:.]\d))/i;

// A bare room number told near the building: "11幢2单元 顶楼1801", "七号楼 二单元 就是 一零零三",
// "我家是903 在13栋". Digits (3–4, not part of a longer number, code, time or amount) or Chinese digits
// read one by one with a 零/幺 in them ("一零零三", "六零二"; "一三五" is weekdays, not a room).
const BARE_ROOM = `(?<![\\d\\-:./#A-Za-z])([1-9]\\d{2,3})${ROOM_END}(?![\\-/]|\\s*(?:单元|栋|幢|座|号楼))` +
  `|(?<![零〇一幺二两三四五六七八九十百第周期])((?=[一二三四五六七八九]{0,3}[零〇幺])[一幺二两三四五六七八九][零〇一幺二两三四五六七八九]{2,3})(?![零〇一幺二两三四五六七八九十百])${ROOM_END}`;
const BARE_ROOM_AFTER_RE = new RegExp(`^[^。!！?？]{0,14}?(?:${BARE_ROOM})`);
const BARE_ROOM_BEFORE_RE = new RegExp(`(?:是|住|家|在|我)\\s*(?:${BARE_ROOM})\\s*(?:室|房|号房)?(?:的|,|，|\\s)?\\s*(?:在|住|住在)?\\s*$`);
// "我家1102", "我是1102的", "住1102": a room without a building, only after words that say "my home"
// or a neighbour's ("隔壁1803装修", "楼上1502漏水").
const HOME_ROOM_RE = new RegExp(`(?:我家|我是|我住|住在|家住|家是|隔壁|楼上|楼下|对门|对面)\\s*(?:在\\s*)?(\\d{3,4})${ROOM_END}(?!\\s*(?:单元|栋|幢|座|号楼))`);

// "1203的能不能注意点", "@301的邻居", "@1102", "1902天花板有水印", "信报箱1203的锁", "写的702": a flat
// named by its number where only a flat can be meant (not "交了300的", "1200的物业费").
const NEIGHBOUR_ROOM_RE = new RegExp(
  `(?<![\\d\\-:./#*@A-Za-z交付花共])(?!([1-9])\\1\\1(?!\\d))([1-9]\\d{2,3})(?=的(?:邻居|住户|业主|人家|那家|那户|能|你|快|麻烦|朋友|狗|猫|小孩|孩子)|的?(?:天花板|天花|卫生间|厕所|厨房|阳台|门口|客厅|卧室|马桶|窗户|信箱))` +
    `|@\\s*([1-9]\\d{2,3})(?![\\d.])|(?:顶层|顶楼|信报箱|信箱|写的|写着|门牌)\\s*([1-9]\\d{2,3})(?![\\d:.])`,
);
// "…能不能帮忙说一下 1503的": a flat number ending a message with words before it (not a price: "物业费一年 2400").
const ROOM_LAST_RE = /(?<=[^\d\s][^]*)(?<![\d\-:./#*@A-Za-z交付花共])(?!([1-9])\1\1(?!\d)|(?:19[5-9]\d|20[0-4]\d)(?!\d))([1-9]\d{2,3})的?\s*[。.!！~]*\s*$/;
const MONEY = /钱|费|价|元|块|工资|多少|一共|合计|总共|\b(yuan|rmb|price|cost|fee)\b/i;
// "1203 马桶赌了": a flat number opening the message, then the problem.
const LEADING_ROOM_RE = new RegExp(`^\\s*(?!(?:11[09]|12[02]|19[5-9]\\d|20[0-4]\\d)(?!\\d))([1-9]\\d{2,3})${ROOM_END}(?=\\s+[^\\s\\d])`);
// The flat at the very end ("…我眼睛看不清 501"), or after "我们是/我家是/住的是" anywhere.
const ROOM_AT_END_RE = new RegExp(`(?:^|[\\s,，。!！])(?:${BARE_ROOM})\\s*(?:室|房|号房|的)?\\s*[。.!！~]*\\s*$`);
const ROOM_TOLD_RE = new RegExp(`(?:我们是|我家是|我们家是|住的是|我是)\\s*(?:${BARE_ROOM})`);

const firstGroup = (m: RegExpExecArray | null): string | null => m?.slice(1).find((g) => g !== undefined) ?? null;

function bareRoom(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  if (m[1]) return m[1];
  return m[2] ? cnToDigits(m[2]) : null;
}

function bld(id: string): string | null {
  if (/^[A-Z]\d{1,2}$/.test(id)) return id;
  return /^[A-Za-z]$/.test(id) ? id.toUpperCase() : cnToDigits(id);
}

function make(building: string | null, unit: string | null, room: string | null): Location | null {
  if (building === null && unit === null && room === null) return null;
  return { building, unit, room };
}

function parseEnglish(text: string): Location | null {
  const b = EN_BLD_RE.exec(text) ?? EN_NO_BLD_RE.exec(text);
  const nu = EN_NUM_UNIT_RE.exec(text);
  const u = EN_UNIT_RE.exec(text) ?? nu;
  const er = EN_ROOM_RE.exec(text);
  const at = EN_AT_ROOM_RE.exec(text);
  const room = er ? (er[1] ?? er[2] ?? null) : (EN_TRAIL_ROOM_RE.exec(text) ?? EN_BLD_ROOM_RE.exec(text) ?? EN_HOME_ROOM_RE.exec(text))?.[1] ?? nu?.[2] ?? (at ? (at[1] ?? at[2] ?? null) : null);
  // "unit 2 entrance", "the bins at unit 3": a 单元 alone (a flat is "unit 1502", three digits or more).
  if (!b && !room) return u?.[1] && /^\d{1,2}$/.test(u[1]) && /\b(unit|entrance)\s*(no\.?\s*)?#?\s*\d{1,2}\b|\b\d{1,2}\s+unit\b/i.test(text) ? make(null, String(Number(u[1])), null) : null;
  return make(b?.[1] ? bld(b[1]) : null, u?.[1] ? String(Number(u[1])) : null, room);
}

const parts = (l: Location) => (l.building ? 1 : 0) + (l.unit ? 1 : 0) + (l.room ? 2 : 0);

/** The place one match of CN_RE names, with a unit or room told right after it. */
function cnLocation(text: string, cn: RegExpExecArray): Location | null {
  if (cn[1]) {
    // "一栋楼都停电" / "两栋楼之间" count buildings, they do not name one.
    const counting = /^[一两几]$/.test(cn[1]) && /栋楼|幢楼/.test(cn[0]);
    const building = counting ? null : bld(cn[1]);
    let unit = cn[2] ? cnToDigits(cn[2]) : null;
    let room = cn[3] ? (/^\d{1,2}[A-H]$/.test(cn[3]) ? cn[3] : cnToDigits(cn[3])) : null;
    if (building !== null) {
      if (unit === null && room === null) {
        // "3栋 2单元 1201" with text between is rare; look for a unit/room later in the message.
        const rest = text.slice(cn.index + cn[0].length);
        const u = new RegExp(`^\\s*,?\\s*(${NUM})\\s*单元(?:\\s*(${ROOM_ID})${ROOM_END})?`).exec(rest);
        if (u?.[1]) { unit = cnToDigits(u[1]); room = u[2] ? cnToDigits(u[2]) : null; }
      }
      if (unit === null && room === null) {
        // "4栋1-301", "4栋-1-301", "4#1-301": unit and room written with a dash after the building.
        const d = /^\s*-?\s*(\d{1,2})\s*-\s*(\d{3,4})(?![\d:.\-/])/.exec(text.slice(cn.index + cn[0].length));
        if (d?.[1] && d[2]) { unit = String(Number(d[1])); room = String(Number(d[2])); }
      }
      if (unit !== null && room === null) {
        // "3号楼2单元1202号" / "…301户": a room number with 号 or 户 right after the unit.
        const r = /^\s*(\d{3,4})\s*(?:号|户)(?![\d楼])/.exec(text.slice(cn.index + cn[0].length));
        if (r?.[1]) room = r[1];
      }
      if (room === null) {
        const rest = text.slice(cn.index + cn[0].length);
        const r = ROOM_ONLY_RE.exec(rest);
        if (r?.[1]) room = r[1];
        else room = bareRoom(BARE_ROOM_AFTER_RE.exec(rest)) ?? bareRoom(BARE_ROOM_BEFORE_RE.exec(text.slice(Math.max(0, cn.index - 12), cn.index)));
      }
      return make(building, unit, room);
    }
  }
  return null;
}

/** Spellings the grammar below reads in one form: voice input's spaced characters, Japanese and Korean
 * building words, and emergency numbers (never a flat: "已经打120了"). */
function tidy(text: string): string {
  return text
    // ("七 栋 二 单元 五 零 三": one character at a time; "一零零二 三栋" is two words.)
    .replace(/(?<=(?:^|\s)(?:[零〇一幺二两三四五六七八九十百栋幢号室]|单元))\s+(?=(?:[零〇一幺二两三四五六七八九十百栋幢号室]|单元)(?:\s|$))/g, "")
    .replace(/棟/g, "栋")
    .replace(/(?<=\d)\s*동/g, "栋").replace(/(?<=\d)\s*호/g, "室")
    .replace(/(打|拨打?|叫|报|call|dial)(\s*了)?\s*(110|119|120|122)(?!\d)/gi, (m) => m.replace(/\d/g, "~"));
}

export function parseLocation(raw: string): Location | null {
  const text = tidy(raw);
  const slash = SLASH3_RE.exec(text);
  if (slash?.[1] && slash[2] && slash[3]) return make(String(Number(slash[1])), String(Number(slash[2])), String(Number(slash[3])));
  const dash = DASH3_RE.exec(text);
  if (dash?.[1] && dash[2] && dash[3] && !/\d{3,}\s*-\s*\d/.test(text.slice(Math.max(0, dash.index - 4), dash.index + 2))) {
    // "B-2-805" keeps its letter; "4-1-0301" is room 301.
    return make(bld(dash[1]), String(Number(dash[2])), String(Number(dash[3])));
  }
  // (Not a parking space: "B2-057", "车位B1-088" name a basement level and a bay.)
  const tower = /车位|停车|车库|地库|\b(parking|garage|spot|bay|space)\b/i.test(text) ? null : TOWER_ROOM_RE.exec(text);
  if (tower?.[1] && tower[2] && !tower[2].startsWith("0")) return make(tower[1], null, tower[2]);
  // The fullest of the places the message names: "我是十七栋的老周 … 17栋1单元1501" is 17/1/1501.
  let best: Location | null = null;
  const all = new RegExp(CN_RE.source, "g");
  for (let cn = all.exec(text); cn; cn = all.exec(text)) {
    const loc = cnLocation(text, cn);
    if (loc && parts(loc) > (best ? parts(best) : 0)) best = loc;
    if (best?.room) break;
    if (cn[0].length === 0) all.lastIndex++;
  }
  if (best && best.building && best.unit === null) {
    // "三单元的电梯…十六栋": the unit told before the building.
    const found = [...text.matchAll(new RegExp(UNIT_ONLY_RE.source, "g"))];
    const units = new Set(found.map((m) => cnToDigits(m[1]!)));
    // ("三单元1101 二十栋": the room told with the unit.)
    const room = found.length === 1 && found[0]![2] ? cnToDigits(found[0]![2]) : null;
    if (units.size === 1) best = { ...best, unit: [...units][0] ?? null, room: best.room ?? room };
  }
  // "隔壁1805天天半夜唱K…3栋", "…老人住的是二楼 二零二", "我们是五零一的": the flat told apart from the building.
  if (best && best.building && best.room === null) {
    const room = firstGroup(HOME_ROOM_RE.exec(text) ?? NEIGHBOUR_ROOM_RE.exec(text)) ?? bareRoom(ROOM_AT_END_RE.exec(text)) ?? bareRoom(ROOM_TOLD_RE.exec(text));
    if (room) best = { ...best, room };
  }
  if (best) return best;
  const roomFirst = EN_ROOM_BLD_RE.exec(text);
  if (roomFirst?.[1] && roomFirst[2]) return make(bld(roomFirst[2]), null, roomFirst[1]);
  const en = parseEnglish(text);
  if (en) return en;
  const d2 = DASH2_RE.exec(text);
  if (d2?.[1] && d2[2]) return make(String(Number(d2[1])), String(Number(d2[2])), null);
  const uo = UNIT_ONLY_RE.exec(text);
  if (uo?.[1]) return make(null, cnToDigits(uo[1]), uo[2] ? cnToDigits(uo[2]) : null);
  const dbr = DASH_BLD_ROOM_RE.exec(text);
  if (dbr?.[1] && dbr[2]) return make(String(Number(dbr[1])), null, dbr[2]);
  const parking = /车位|停车|车库|地库|\bparking\b/i.test(text);
  const ro = firstGroup(ROOM_ONLY_RE.exec(text) ?? HOME_ROOM_RE.exec(text) ?? (parking ? null : NEIGHBOUR_ROOM_RE.exec(text) ?? LEADING_ROOM_RE.exec(text) ?? (MONEY.test(text) ? null : ROOM_LAST_RE.exec(text))));
  if (ro) return make(null, null, ro);
  return null;
}

/** Used when a resident binds their address: the same grammar as message locations. */
export function parseAddress(text: string): Location | null {
  return parseLocation(text);
}
