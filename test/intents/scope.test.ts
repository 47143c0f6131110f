// Home or public: a home problem needs a bound household; a public one goes to the building's grid.
import { describe, expect, it } from "vitest";
import { placeOf } from "../../src/intents/scope.js";

describe("placeOf", () => {
  it.each([
    "厨房水管漏水了",
    "我家门锁坏了 进不去",
    "my front door lock is stuck, I can't get in",
    "water dripping from the ceiling in my flat",
    "屋企个水喉坏咗",
  ])("home: %s", (text) => expect(placeOf(text, null, "structure").scope).toBe("home"));

  it.each([
    ["3栋电梯又坏了", "elevator"],
    ["东门道闸坏了", "access"],
    ["楼道灯不亮", "electricity"],
    ["我们这栋楼停电了", "electricity"], // the sender's building, said without its number
    ["我家老人下不了楼啊", "elevator"], // what a stopped lift does, not a fault at home
  ] as const)("public: %s", (text, category) => expect(placeOf(text, null, category).scope).toBe("public"));

});
