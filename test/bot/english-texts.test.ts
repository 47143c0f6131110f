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
  it("list a resident's open tickets and unpaid bills in English too, with the same numbers, times and amounts", () => {
    const items = [
      { number: 12, intent: "repair", category: "water", status: "accepted", staff: "李敏", createdAt: "2026-03-02T01:00:00.000Z", promiseAt: "2026-03-02T04:00:00.000Z", promiseStep: "onsite" },
      { number: 15, intent: "complaint", category: "noise", status: "open", staff: "", createdAt: "2026-03-01T12:00:00.000Z", waitingUntil: "2026-03-03T01:00:00.000Z" },
    ];
    const progress = render("resident.progress", { lines: "#12 …", items: JSON.stringify(items) }, { ...ctx, lang: "en" });
    expect(progress).toMatch(/#12 repair request \(water\): accepted, in charge: 李敏, logged today 09:00; expected: someone on site by today 12:00/);
    expect(progress).toMatch(/#15 complaint \(noise\): waiting to be accepted, in charge: the property service centre, logged Mar 1 20:00; arranged with you for tomorrow 09:00/);
    const bills = JSON.stringify([{ item: "物业服务费", period: "2026-01", owed: "356.40", due: "2026-01-31T15:59:00.000Z" }, { item: "装修垃圾清运", period: "2026-02", owed: "50.00", due: "2026-03-02T15:00:00.000Z" }]);
    const fee = render("fee.summary", { ...params, bills }, { ...ctx, lang: "en" });
    expect(fee).toMatch(/total 356\.40 yuan:\n· property fee \(物业服务费\) 2026-01: 356\.40 yuan, due Jan 31\n· 装修垃圾清运 2026-02: 50\.00 yuan, due today\n/);
    // Without the structured list (an older queued row), the English points at the Chinese.
    expect(render("resident.progress", { lines: "#12 …" }, { ...ctx, lang: "en" })).toMatch(/details below in Chinese/);
  });
});
