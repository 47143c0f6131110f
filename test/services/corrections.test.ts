// A resident's correction of what they just reported ("不对，是卫生间不是厨房") rewrites the ticket's text.
import { describe, expect, it } from "vitest";
import { correctedSummary } from "../../src/services/tickets/resident-followups.js";

describe("correctedSummary", () => {
  it.each([
    ["厨房水管漏水了", "不对，是卫生间不是厨房", "卫生间水管漏水了"],
    ["厨房水管漏水了", "不是厨房，是卫生间", "卫生间水管漏水了"],
    ["主卧的灯不亮", "说错了 应该是次卧而不是主卧", "次卧的灯不亮"],
  ])("%s + %s → %s", (summary, correction, expected) => {
    expect(correctedSummary(summary, correction)).toBe(expected);
  });

  it("appends a correction it cannot apply, so nothing the resident said is lost", () => {
    expect(correctedSummary("厨房水管漏水了", "说错了，是1202不是1201")).toBe("厨房水管漏水了（更正：说错了，是1202不是1201）");
    expect(correctedSummary("楼道灯坏了", "不对不对 是五楼")).toBe("楼道灯坏了（更正：不对不对 是五楼）");
  });
});
