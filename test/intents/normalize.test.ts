import { describe, expect, it } from "vitest";
import { normalize } from "../../src/intents/normalize.js";

describe("normalize", () => {
  it("turns full-width characters into half-width", () => {
    expect(normalize("３栋２单元１２０１，ＯＫ")).toBe("3栋2单元1201,OK");
  });
  it("converts traditional characters to simplified", () => {
    expect(normalize("電梯壞了，請派人來")).toBe("电梯坏了,请派人来");
  });
  it("collapses whitespace and strips bot mentions", () => {
    expect(normalize("@物业小助手   电梯\t坏了 ")).toBe("电梯 坏了");
    expect(normalize("电梯坏了 @物业")).toBe("电梯坏了");
  });
  it("keeps other people's mentions", () => {
    expect(normalize("@李阿姨 葱放门口了")).toContain("@李阿姨");
  });
  it("fixes common homophone typos", () => {
    expect(normalize("墙角甚水了")).toBe("墙角渗水了");
    expect(normalize("我要报休")).toBe("我要报修");
    expect(normalize("花洒漏谁")).toBe("花洒漏水");
    expect(normalize("物叶你好")).toBe("物业你好");
  });
  it("maps Cantonese function words", () => {
    expect(normalize("部電梯壞咗，冇電")).toBe("部电梯坏了,没电");
  });
  it("turns meaningful emoji into words and drops the rest", () => {
    expect(normalize("谢谢🙏")).toContain("谢谢");
    expect(normalize("早上好☀️")).toBe("早上好");
  });
  it("keeps letter case for locations", () => {
    expect(normalize("B座1502")).toBe("B座1502");
  });
});

describe("normalize: more Cantonese", () => {
  it("reads common Cantonese words", () => {
    expect(normalize("係咪停水 點解冇水")).toBe("是不是停水 为什么没水");
    expect(normalize("屋企水喉爆咗 快啲嚟睇下")).toBe("家里水管爆了 快些来看下");
  });
});

describe("normalize: English words inside Chinese", () => {
  it("reads 'lift' written inside a Cantonese sentence as 电梯, and leaves English alone", () => {
    expect(normalize("部lift壞咗")).toBe("部电梯坏了");
    expect(normalize("The lift is broken")).toBe("The lift is broken");
  });
});

describe("pinyin typed without characters", () => {
  it.each([
    ["dian ti li you ren bei guan zhu le!! 7 dong kuai lai", /电梯.*被关住.*7 栋 快来/],
    ["@物业小助手 dian ti huai le, 5 hao lou", /电梯 坏了, 5 号楼/],
    ["wo jia tiao zha le, quan wu mei dian", /跳闸.*没电/],
  ])("%s", (text, read) => expect(normalize(text)).toMatch(read));
  it.each(["Tower B left lift doors won't close properly", "he is in the hall", "Big thanks to Master Wang"])("leaves English alone: %s", (text) => {
    expect(normalize(text)).toBe(text);
  });
});
