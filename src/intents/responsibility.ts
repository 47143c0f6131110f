// Requests that are not the property office's to fix (DOMAIN.md: "a city-wide water cut, a dispute
// between private parties"): the resident is told politely whom to turn to, and the message stays
// logged. Narrow on purpose: anything in doubt is handled as usual (a ticket costs a phone call; a
// wrong "not ours" leaves a resident without help). Dangers never reach this (urgency 1 is a ticket).

export type Elsewhere = "water_utility" | "power_utility" | "gas_utility" | "telecom" | "mediation";

const OUTAGE = /停水|停电|停气|没水|没电|没气|断水|断电|断气|来水|来电/;
/** Wider than the community: the city's network, the district, the streets around. */
const CITY_WIDE = /市政|自来水公司|水务|供水公司|供电局|供电公司|电网|燃气公司|整个片区|整片区域|整条街|周边(几个|好几个)?小区|附近(几个|好几个)?小区都|旁边小区也|全市|全区|全城|半个城/;
const TELECOM = /宽带|断网|没网|网断了|网络(断|不通|连不上|故障|很卡|好卡)|光猫|有线电视|电视信号|手机信号|\b(wifi|wi-fi|broadband|internet)\b/i;
const TELECOM_FAULT = /断|没|不通|连不上|故障|卡|坏|掉线|上不了|用不了|不稳|\b(down|not working|no)\b/i;
/** Money or property between private people: a loan, rent between landlord and tenant, inheritance. */
const PRIVATE_DISPUTE = /借(了)?(我|他|她)?[^，。]{0,8}(钱|块|万)[^，。]{0,12}(不还|没还|赖账)|欠(我|我们)[^，。]{0,8}钱|欠钱不还|(房东|二房东)[^，。]{0,8}(不退|扣)[^，。]{0,4}押金|租客[^，。]{0,6}(不交|拖欠|欠)[^，。]{0,3}房租|遗产|分家产|离婚|房产证[^，。]{0,6}(过户|纠纷)/;

/** "是不是市政停水了？": a guess, not news; the office answers it (it may be its own pump). */
const GUESS = /是不是[^，。]{0,8}(市政|片区|供水|供电|电网)|(市政|片区|供水|供电|电网)[^，。]{0,10}(吗|\?|？)/;

export function outsideOffice(text: string): Elsewhere | null {
  if (OUTAGE.test(text) && CITY_WIDE.test(text) && !GUESS.test(text)) {
    if (/电/.test(text.match(OUTAGE)?.[0] ?? "") || /供电|电网/.test(text)) return "power_utility";
    if (/气/.test(text.match(OUTAGE)?.[0] ?? "") || /燃气公司/.test(text)) return "gas_utility";
    return "water_utility";
  }
  if (TELECOM.test(text) && TELECOM_FAULT.test(text.replace(TELECOM, ""))) return "telecom";
  if (PRIVATE_DISPUTE.test(text)) return "mediation";
  return null;
}
