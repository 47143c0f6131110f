// What the office does not run: whom the resident is sent to, and what stays the office's own work.
import { describe, expect, it } from "vitest";
import { outsideOffice } from "../../src/intents/responsibility.js";

describe("outsideOffice", () => {
  it.each([
    ["听说整个片区都停水了 市政的主管道爆了 什么时候来水", "water_utility"],
    ["周边几个小区都停电了 供电局在抢修", "power_utility"],
    ["市政燃气管道施工 整条街都停气了", "gas_utility"],
    ["家里宽带断网了 上不了网", "telecom"],
    ["wifi 一直掉线 broadband is down", "telecom"],
    ["楼上邻居借了我两万块钱一直不还 物业能帮我要吗", "mediation"],
    ["房东不退押金 你们管不管", "mediation"],
  ] as const)("%s → %s", (text, who) => expect(outsideOffice(text)).toBe(who));

  it.each([
    "3栋整栋楼都停水了", // the community's own supply: a ticket
    "家里停电了",
    "是不是市政停水了？我家没水", // a guess: the office answers (it may be its own pump)
    "装修押金什么时候退", // the office's own deposit: a fee question
    "电视柜的门坏了",
    "宽带费在哪交",
  ])("the office's own: %s", (text) => expect(outsideOffice(text)).toBeNull());
});
