// Logs carry no full phone numbers and no residents' names: conversations that handle phones and
// names (binding, fee answers, tickets with the owner's card, residents writing their own number),
// and the error paths (a failing classifier, a failing send, an unavailable database), all logged
// at debug level through src/log.ts, and every line checked.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Classifier } from "../../src/intents/policy.js";
import { createClassifier } from "../../src/intents/policy.js";
import { createLogger } from "../../src/log.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { FlakyTransport, secondInstance } from "../faults/helpers.js";
import { SECURE_COMMUNITY } from "./helpers.js";

const SECRETS = ["13912345678", "13687654321", "13800138000", "张伟", "赵敏", "刘洋"];

let h: Harness;
beforeEach(async () => { h = await startHarness({ community: SECURE_COMMUNITY }); });
afterEach(async () => { await h.close(); });

type Step = { who: string; name: string; text: string; in?: string };
const offline = createClassifier({});
const throwing: Classifier = async (input) => {
  // A classifier bug whose message quotes the input (as many libraries' errors do).
  if (input.text.includes("电话")) throw new Error(`cannot classify: ${input.text}`);
  return offline(input);
};

const CASES: { label: string; steps: Step[]; classifier?: Classifier; fail?: boolean }[] = [
  { label: "binding with the owner's phone tail", steps: [{ who: "res2", name: "刘洋", text: "3-2-1201" }, { who: "res2", name: "刘洋", text: "5678" }] },
  { label: "a fee question and its answer", steps: [{ who: "res1", name: "张伟", text: "我家物业费还欠多少" }] },
  { label: "a repair whose card carries the owner's name and phone", steps: [{ who: "res1", name: "张伟", text: "厨房水管漏水了" }, { who: "hk1", name: "李敏", text: "接单 #1" }, { who: "hk1", name: "李敏", text: "完成 #1 换了角阀" }] },
  { label: "a resident writing their own full number", steps: [{ who: "res1", name: "张伟", text: "我的电话13800138000，厨房漏水了请联系我" }] },
  { label: "a stranger giving a name and number", steps: [{ who: "x1", name: "刘洋", text: "我叫刘洋 电话13800138000 要绑定3栋2单元1201" }] },
  { label: "a group report by a named resident", steps: [{ who: "res2", name: "刘洋", text: "@物业小助手 3栋电梯坏了 我是刘洋13800138000", in: "g3" }] },
  { label: "a classifier failure whose error quotes the text", classifier: throwing, steps: [{ who: "res1", name: "张伟", text: "我的电话13800138000 厨房漏水" }] },
  { label: "failed sends of messages with phones", fail: true, steps: [{ who: "res1", name: "张伟", text: "厨房水管漏水了" }] },
];

describe("no full phone number or resident name in any log line", () => {
  it.each(CASES)("$label", async (c) => {
    const t = new FlakyTransport(h.clock);
    if (c.fail) t.otherwise = "error";
    const inst = await secondInstance(h, { transport: t, ...(c.classifier ? { classifier: c.classifier } : {}) });
    for (const s of c.steps) {
      await t.deliver({ userId: s.who, userName: s.name, text: s.text, mentionsSelf: Boolean(s.in), ...(s.in ? { roomId: s.in } : {}) });
    }
    for (let i = 0; i < 6; i++) {
      h.clock.advance(60_000);
      await inst.assistant.flush();
    }
    await inst.assistant.tick();
    if (c.fail || c.classifier) expect(inst.raw.length).toBeGreaterThan(0); // the error paths did log
    for (const line of inst.raw) for (const s of SECRETS) expect(line, `log line carries ${s}`).not.toContain(s);
  });
});

// A name inside free text cannot be recognised: Chinese text quoted inside an error (here the
// classifier failing on what a resident wrote) is masked to its first character.
it("masks a resident's name quoted inside an error message", async () => {
  const t = new FlakyTransport(h.clock);
  const inst = await secondInstance(h, { transport: t, classifier: throwing });
  await t.deliver({ userId: "res1", userName: "张伟", text: "我的电话13800138000 我是张伟" });
  expect(inst.raw.length).toBeGreaterThan(0);
  expect(inst.raw.join("\n")).not.toContain("张伟");
});

describe("the logger masks what it is given", () => {
  it.each([
    { label: "a phone field", obj: { phone: "13912345678" }, msg: "x", hidden: "13912345678", shown: "5678" },
    { label: "a nested phone field", obj: { owner: { phone: "13912345678" } }, msg: "x", hidden: "13912345678", shown: "" },
    { label: "a name field", obj: { name: "张伟" }, msg: "x", hidden: "张伟", shown: "张" },
    { label: "a userName field", obj: { userName: "刘洋" }, msg: "x", hidden: "刘洋", shown: "" },
    { label: "a phone in the message text", obj: {}, msg: "call 13912345678 now", hidden: "13912345678", shown: "139****5678" },
    { label: "a phone inside an error", obj: { err: new Error("cannot reach 13912345678") }, msg: "failed", hidden: "13912345678", shown: "" },
  ])("$label", ({ obj, msg, hidden, shown }) => {
    const raw: string[] = [];
    createLogger("debug", { write: (s: string) => void raw.push(s) }).info(obj, msg);
    expect(raw.join()).not.toContain(hidden);
    expect(raw.join()).toContain(shown);
  });
});
