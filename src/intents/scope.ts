// Whether a reported problem is in the resident's home or in a public place, and how to name the
// place. A home problem needs a bound household; a public one goes to the grid owning the building.
import type { Category, Location } from "./types.js";

const PUBLIC_PLACE = /(门口|小区|楼前|楼后)的?路灯|(那条|这条|门口的?|小区的?|楼前的?|楼后的?)路(?![由灯])|步道|人行道|主干道|小路|电梯|东门|西门|南门|北门|大门|小区门|道闸|门岗|岗亭|大堂|门厅|楼道|走廊|楼梯|消防通道|地库|地下室|车库|停车场|车位|充电桩|单元门|门禁|路灯|广场|花园|绿化|草坪|树|垃圾(站|房|桶)|游乐|健身|泳池|信报箱|快递柜|监控|外墙|天台|楼顶|水箱|配电房|公共|小区|整栋|全楼|整个|\b(lobby|corridor|stairwell|stairs|staircase|garage|car ?park|parking|(?:north|south|east|west|main|back|front) gate|gate|street ?lamps?|street ?lights?|garbage room|bin room|playground|gym|clubhouse|courtyard|lawn|mailbox(es)?|roof|basement)\b/i;
/** English public places named as the office's staff name them. */
const PLACE_EN: Record<string, string> = { lobby: "大堂", corridor: "楼道", hallway: "楼道", stairwell: "楼梯", stairs: "楼梯", staircase: "楼梯", garage: "车库", carpark: "停车场", "car park": "停车场", parking: "停车场", gate: "大门", "garbage room": "垃圾房", "bin room": "垃圾房", playground: "游乐场", gym: "健身区", clubhouse: "会所", courtyard: "中庭", lawn: "草坪", mailbox: "信报箱", mailboxes: "信报箱", entrance: "单元门", roof: "楼顶", basement: "地下室" };
const GATE_EN: Record<string, string> = { north: "北门", south: "南门", east: "东门", west: "西门", main: "大门", front: "大门", back: "后门" };
const inChinese = (w: string | undefined) => (w === undefined ? undefined : PLACE_EN[w.toLowerCase()] ?? GATE_EN[/^(\w+) gate$/i.exec(w)?.[1]?.toLowerCase() ?? ""] ?? (/^street ?(lamps?|lights?)$/i.test(w) ? "路灯" : w));
const HOME_PLACE = /我家|家里|家门|屋里|屋企|我屋|室内|厨房|卫生间|洗手间|厕所|浴室|客厅|卧室|阳台|书房|房间|马桶|水龙头|热水器|户内|入户|\b(my|our) (own )?(flat|apartment|home|house|place|unit|kitchen|bathroom|bedroom|toilet|front door|door|balcony|sink|shower|ceiling|living room|intercom|doorbell|handset)\b|\b(at|in) (my|our) (home|flat|apartment|place)\b/i;
/** Categories that are almost always about shared property. */
const PUBLIC_CATEGORIES: ReadonlySet<Category> = new Set(["elevator", "access", "facility", "greenery", "parking", "security"]);

export type Place = { scope: "home" | "public"; description: string };

/** Things only found inside a home: with none of them, "我家老人下不了楼" about a lift is still the lift. */
const IN_HOME = /厨房|卫生间|洗手间|厕所|浴室|客厅|卧室|阳台|书房|房间|马桶|水龙头|热水器|户内|室内|屋里|家门|入户/;

const WHOLE_BUILDING = /整栋|整幢|全楼|整个楼|整座楼|整个单元|全单元|整个小区|全小区/;
/** "我们这栋楼停电了": the sender's building, said without its number. */
const THIS_BUILDING_OUT = /((我们|咱们)?这(栋|幢|座)楼|我们(栋|幢)楼?)(?=[^。]{0,6}(停电|停水|停气|没电|没水|没气|断电|断水|都停|全停))/;
/** "5栋没水了", "十二号楼又停电了": a building and its supply gone, said together. */
// ("5栋暖气全停了", "5栋暖气是不是停了": the building's heating, off for everyone.)
const BUILDING_OUT = /(\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Z])(栋|号楼|幢|座)楼?[^，。\d]{0,4}(停电|停水|停气|没电|没水|没气|断电|断水|没有水|没有电|停暖|暖气[^，。\d]{0,5}(停|全都?不热|都不热))/;
/** "我家老人下不了楼": what a stopped lift does to a family, not a fault inside their home. */
const STRANDED = /下不了楼|上不了楼|下不去楼|上不去楼|下不去|上不去|爬楼|走楼梯/;

const SUPPLY_WEAK = /(水压|水流|水)[^，。]{0,4}(小|低|弱)|二次供水|供水泵|加压泵|水泵/;

export function placeOf(text: string, location: Location | null, category: Category | null): Place {
  const publicWords = inChinese(text.match(PUBLIC_PLACE)?.[0]);
  // A lift is never in a home, whoever's family is waiting for it.
  if ((category === "elevator" || publicWords === "电梯") && (/电梯|\b(lift|elevator)\b/i.test(text) || (category === "elevator" && STRANDED.test(text))) && !IN_HOME.test(text)) {
    // (The reporter's room is not part of a public place.)
    const where = describe(location ? { ...location, room: null } : null);
    return { scope: "public", description: [where, "电梯"].filter(Boolean).join(" ") };
  }
  // "我家也停电了，3栋整栋都没电": the whole building's supply, whoever says it from home.
  const wholeBuilding = WHOLE_BUILDING.exec(text)?.[0] ?? (THIS_BUILDING_OUT.test(text) ? "整栋" : undefined);
  // "5栋没水了，水龙头一滴都没有": a building named (no room) as the one without a supply — the tap is
  // only how the sender found out.
  const buildingOut = Boolean(location?.building && !location.room && BUILDING_OUT.test(text));
  // "5栋整栋楼水压都很低，楼上好几家都说水小，热水器都打不着火": the building's, whatever appliance showed it.
  const manyHomes = /好几家|好几户|几户|都说|大家都|邻居们?都|楼上楼下|家家/.test(text);
  // "我们5栋2单元水也很小，是不是二次供水泵出问题了": a building's (or unit's) supply, weak.
  const supplyWeak = Boolean(location?.building && !location.room && SUPPLY_WEAK.test(text) && !HOME_PLACE.test(text));
  if ((wholeBuilding && (!IN_HOME.test(text) || manyHomes)) || buildingOut || supplyWeak) {
    const where = describe(location ? { ...location, room: null } : null);
    return { scope: "public", description: [where, wholeBuilding ?? (location?.unit ? undefined : "整栋")].filter(Boolean).join(" ") };
  }
  const homeNamed = HOME_PLACE.test(text) || Boolean(location?.room);
  if (homeNamed && !(publicWords && !location?.room && /电梯|单元门|门禁|楼道/.test(text) && !/我家|家里/.test(text))) {
    return { scope: "home", description: describe(location) };
  }
  if (publicWords || (category && PUBLIC_CATEGORIES.has(category))) {
    const where = describe(location);
    return { scope: "public", description: [where, publicWords].filter(Boolean).join(" ") || "公共区域" };
  }
  return { scope: "home", description: describe(location) };
}

function describe(location: Location | null): string {
  if (!location) return "";
  const { building, unit, room } = location;
  // Same labels as src/services/community/building-names.ts (intents do not import services): "3栋", "B座".
  const label = !building ? "" : /^[A-Z]$/.test(building) ? `${building}座` : /^\d+$/.test(building) ? `${building}栋` : building;
  return `${label}${unit ? `${unit}单元` : ""}${room ?? ""}`;
}
