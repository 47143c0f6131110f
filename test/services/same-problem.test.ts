// Two reports of one home about the same problem (a resend, or a repeat) versus two problems.
import { describe, expect, it } from "vitest";
import { sameProblem } from "../../src/services/tickets/related.js";

describe("sameProblem", () => {
  it.each([
    ["我家卫生间马桶堵了", "卫生间马桶堵了，冲不下去"],
    ["客厅吸顶灯不亮了", "客厅的吸顶灯还是不亮"],
    ["阳台的下水管一直在滴水", "阳台下水管滴水 麻烦来看看"],
    ["卫生间马桶堵了", "厕所马桶堵住了，冲不下去"], // one room, two names
    ["洗手间水龙头漏水", "卫生间的水龙头一直漏水"],
    ["厨房水管漏水了", "我家厨房漏水了"], // the same room: one problem word in common
    ["卫生间热水器坏了 不出热水", "卫生间热水器坏了 没热水洗澡"], // the same room, three words in common
  ])("same: %s / %s", (a, b) => expect(sameProblem(a, b)).toBe(true));
  it.each([
    ["厨房水龙头漏水", "卫生间水龙头漏水"], // different rooms
    ["客厅灯不亮", "卧室空调不制冷"],
    ["卫生间灯坏了", "卫生间热水器坏了"], // the same room, different things
    ["漏水", "漏水了"], // too few words to tell
  ])("different: %s / %s", (a, b) => expect(sameProblem(a, b)).toBe(false));
});
