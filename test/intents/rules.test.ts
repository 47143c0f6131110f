import { describe, expect, it } from "vitest";
import { normalize } from "../../src/intents/normalize.js";
import { categoryPriors, escalates, safetySignal } from "../../src/intents/rules.js";

const sig = (t: string) => safetySignal(normalize(t))?.kind ?? null;

describe("safety rules: hypotheticals, resolved and past events", () => {
  it("ignores a hypothetical earlier in the clause", () => {
    expect(sig("如果发现燃气泄漏应该先做什么")).toBeNull();
    expect(sig("万一哪天楼里着火了怎么跑")).toBeNull();
  });
  it("ignores a danger that is already over", () => {
    expect(sig("刚才油锅起火了 还好盖上锅盖就灭了 没事了")).toBeNull();
  });
  it("ignores an outage told as a past event", () => {
    expect(sig("前几天整个小区停电 冰箱里的东西全坏了")).toBeNull();
  });
  it("needs a lift for a rescue", () => {
    expect(sig("我昨天被困在地铁里两个小时")).toBeNull();
    expect(sig("我妈被困在电梯里了")).toBe("trapped");
  });
  it("still fires on real dangers", () => {
    expect(sig("厨房一股臭鸡蛋味 是不是漏气了")).toBe("gas");
    expect(sig("楼下有人在砸车窗 快让保安过去")).toBe("fight");
    expect(sig("我们楼都停电了 电梯也停了")).toBe("outage");
  });
  it("knows escalation anywhere in the text", () => {
    expect(escalates(normalize("楼上漏水 再不处理我就打12345"))).toBe(true);
    expect(escalates(normalize("楼上漏水 麻烦看看"))).toBe(false);
  });
});

describe("category priors", () => {
  it("nudges a close call toward the keyword's category", () => {
    const classes = ["water", "structure"];
    const p = categoryPriors("卧室门把手掉了", classes, [0.5, 0.4]);
    expect((p[1] ?? 0) > (p[0] ?? 0)).toBe(true);
  });
});
