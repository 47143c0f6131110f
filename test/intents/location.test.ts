import { describe, expect, it } from "vitest";
import { parseAddress, parseLocation } from "../../src/intents/location.js";
import { normalize } from "../../src/intents/normalize.js";

const loc = (building: string | null, unit: string | null, room: string | null) => ({ building, unit, room });
const parse = (t: string) => parseLocation(normalize(t));

describe("parseLocation", () => {
  it.each([
    ["3栋2单元1201", loc("3", "2", "1201")],
    ["3-2-1201", loc("3", "2", "1201")],
    ["三号楼二单元1201室", loc("3", "2", "1201")],
    ["12幢703", loc("12", null, "703")],
    ["B座1502", loc("B", null, "1502")],
    ["Block 4, flat 1103", loc("4", null, "1103")],
    ["Building 10, Unit 1, 1502", loc("10", "1", "1502")],
    ["二十三动一单元", loc("23", "1", null)],
    ["六号楼一单元七零二", loc("6", "1", "702")],
    ["3号楼", loc("3", null, null)],
    ["我是5栋的", loc("5", null, null)],
    ["十一栋楼道", loc("11", null, null)],
    ["九栋两单元", loc("9", "2", null)],
    ["5-3的单元门坏了", loc("5", "3", null)],
    ["10棟2單元", loc("10", "2", null)],
    ["2单元楼道", loc(null, "2", null)],
  ])("%s", (text, want) => {
    expect(parse(text)).toEqual(want);
  });

  it("does not take a floor for a unit or room", () => {
    expect(parse("9栋3单元14楼的灯坏了")).toEqual(loc("9", "3", null));
    expect(parse("住14楼")).toBeNull();
  });

  it.each([
    "电话13812345678", "周六9:00-11:00停水", "修了3次", "第三次报修", "等了2个小时", "交了200元", "2024-05-18",
    "工单号R20240518-032", "车库B2 127号车位", "一栋楼都停电了",
  ])("finds no location in %s", (text) => {
    expect(parse(text)).toBeNull();
  });

  it("parseAddress accepts the same forms", () => {
    expect(parseAddress("7-1-302")).toEqual(loc("7", "1", "302"));
  });
});
