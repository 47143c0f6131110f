// The warning before a deadline is for an assignee who can still keep it: on time it says how many
// minutes are left; on a tick that runs late (after an outage) only the breach notice goes out.
import { afterEach, beforeEach, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.close(); });

const texts = (id: string, re: RegExp) => h.transport.to(id).map((m) => m.text).filter((t) => re.test(t));

it("warns the housekeeper before the acceptance deadline, with the minutes left", async () => {
  await h.say("res1", "卧室的插座没电了");
  h.clock.advance(25 * 60_000);
  await h.assistant.tick(h.clock.now());
  await h.assistant.flush();
  const warnings = texts("hk1", /即将超时/);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/距受理时限还有 [1-9]\d? 分钟/);
  expect(texts("sup", /超时/)).toHaveLength(0);
});

it("sends the breach, not a stale warning, when the tick comes after the deadline", async () => {
  await h.say("res1", "卧室的插座没电了");
  h.clock.advance(45 * 60_000); // no tick ran during the acceptance window
  await h.assistant.tick(h.clock.now());
  await h.assistant.flush();
  expect(texts("hk1", /即将超时/)).toHaveLength(0);
  expect(texts("hk1", /已超时/)).toHaveLength(1);
  expect(texts("sup", /超时/).length).toBeGreaterThan(0);
});
