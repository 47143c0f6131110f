import { describe, expect, it } from "vitest";
import { writtenLanguage } from "../../src/intents/language.js";

describe("writtenLanguage", () => {
  it("reads English sentences as English", () => {
    expect(writtenLanguage("Hi, the kitchen sink in my flat is leaking")).toBe("en");
    expect(writtenLanguage("thank you")).toBe("en");
    expect(writtenLanguage("Block 4, flat 1103")).toBe("en");
  });
  it("reads anything with Chinese words as Chinese, even with English in it", () => {
    expect(writtenLanguage("厨房水管漏水了")).toBe("zh");
    expect(writtenLanguage("wifi 密码是多少 the router is broken")).toBe("zh");
  });
  it("decides nothing from numbers, emoji, one word or one character", () => {
    for (const t of ["1", "1201", "3-2-1201", "👍👍", "OK", "ok 1", "好", ""]) expect(writtenLanguage(t)).toBeNull();
  });
});
