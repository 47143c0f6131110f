import { describe, expect, it } from "vitest";
import { excerpt } from "../../src/services/excerpt.js";

const filler = (n: number, ch = "啊") => ch.repeat(n);

describe("excerpt for staff cards", () => {
  it("keeps a short text whole", () => {
    expect(excerpt("厨房水管漏水了")).toBe("厨房水管漏水了");
  });
  it("shows the beginning and the end of a long text, with what was left out", () => {
    const text = `开头${filler(1000)}结尾`;
    const out = excerpt(text, 100);
    expect(out.startsWith("开头")).toBe(true);
    expect(out.endsWith("结尾")).toBe(true);
    expect(out).toContain(`省略 ${text.length - 100} 字`);
  });
  it("shows a kept passage from the middle between the two", () => {
    const fire = "现在楼道里着火了，浓烟很大，快来人！";
    const text = `开头${filler(800)}${fire}${filler(800)}结尾`;
    const out = excerpt(text, 100, fire);
    expect(out).toContain(fire);
    expect(out.startsWith("开头")).toBe(true);
    expect(out.endsWith("结尾")).toBe(true);
    expect(out.length).toBeLessThan(100 + fire.length + 40);
  });
  it("widens the beginning or the end when the kept passage reaches into it", () => {
    const gas = "煤气味很重";
    const early = `${filler(55)}${gas}${filler(900)}`;
    expect(excerpt(early, 100, gas)).toContain(gas);
    const late = `${filler(900)}${gas}${filler(30)}`;
    expect(excerpt(late, 100, gas)).toContain(gas);
  });
});
