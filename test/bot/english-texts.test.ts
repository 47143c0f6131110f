import { describe, expect, it } from "vitest";
import { hasText, render } from "../../src/bot/texts.js";
import { ENGLISH_TEXTS } from "../../src/bot/texts/english.js";

const ctx = { tz: "Asia/Shanghai", now: new Date("2026-03-02T10:00:00+08:00"), botName: "物业小助手" };
const params = {
  number: 7, intent: "repair", category: "water", urgency: 1, place: "3栋2单元1201", staff: "李敏", acceptBy: "2026-03-02T02:30:00.000Z",
  until: "2026-03-03T02:00:00.000Z", completeBy: "2026-03-07T02:00:00.000Z", feedbackBy: "2026-03-04T02:00:00.000Z", from: "2026-03-02T01:00:00.000Z",
  to: "2026-03-02T04:00:00.000Z", address: "3栋2单元1201", total: "356.40", months: 1, tries: 1, resolution: "换了角阀", text: "已订配件", index: 1,
  service: "保洁", lines: "· 物业服务费 2026-01：356.40 元", length: 6000, max: 5000, reported: 1,
};

describe("English texts", () => {
  it("exist only beside a Chinese text of the same key (a misspelt key would never be used)", () => {
    for (const key of Object.keys(ENGLISH_TEXTS)) expect(hasText(key), key).toBe(true);
  });
  it("go above the whole Chinese text for English readers, and never to Chinese readers", () => {
    for (const key of Object.keys(ENGLISH_TEXTS)) {
      const zh = render(key, params, { ...ctx, lang: "zh" });
      const en = render(key, params, { ...ctx, lang: "en" });
      expect(en.endsWith(zh), key).toBe(true);
      expect(en.length, key).toBeGreaterThan(zh.length);
      expect(zh, key).not.toMatch(/\b(the|your|please|ticket)\b/i);
    }
  });
  it("say the same ticket number, time and place as the Chinese", () => {
    const en = render("resident.ticket_created", params, { ...ctx, lang: "en" });
    expect(en).toMatch(/^Your repair request is logged as #7 \(water, URGENT\), place: 3栋2单元1201\. 李敏 will contact you by today 10:30/);
    expect(en).toMatch(/close the gas valve|main water valve/);
    expect(en).toContain("已为您登记报修 #7");
  });
});
