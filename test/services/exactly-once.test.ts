// Due work survives crashes and concurrent instances: a sender that claimed messages and died is
// taken over after the claim goes stale, and two instances running the same due work send once.
import { afterEach, beforeEach, expect, it } from "vitest";
import { runDue } from "../../src/services/due-work.js";
import { claimDue } from "../../src/services/outbox.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => { h = await startHarness(); });
afterEach(async () => { await h.close(); });

const escalationsTo = (id: string) => h.transport.to(id).filter((m) => /超时升级/.test(m.text)).length;

it("resends once after a sender died between claiming and sending", async () => {
  await h.say("res1", "卧室的插座没电了");
  h.clock.advance(31 * 60_000);
  await runDue({ db: h.db, clock: h.clock, log: h.log }, h.clock.now()); // decided, queued, not sent
  const claimed = await claimDue(h.db, h.clock.now()); // a sender claims... and the process dies here
  expect(claimed.some((m) => m.key === "staff.escalation")).toBe(true);
  await h.assistant.flush();
  expect(escalationsTo("sup")).toBe(0); // the claim is fresh: nobody else sends it yet
  h.clock.advance(2 * 60_000);
  await h.assistant.flush(); // the restarted instance takes over the stale claim
  await h.assistant.flush();
  expect(escalationsTo("sup")).toBe(1);
  await h.assistant.tick(h.clock.now());
  expect(escalationsTo("sup")).toBe(1);
  expect(await h.db.ticketEvent.count({ where: { type: "escalated" } })).toBe(1);
});

it("runs each due task once when two instances tick together", async () => {
  await h.say("res1", "卧室的插座没电了");
  h.clock.advance(31 * 60_000);
  const deps = { db: h.db, clock: h.clock, log: h.log };
  await Promise.all([runDue(deps, h.clock.now()), runDue(deps, h.clock.now()), h.assistant.tick(h.clock.now())]);
  await h.assistant.flush();
  expect(escalationsTo("sup")).toBe(1);
  expect(await h.db.ticketEvent.count({ where: { type: "escalated" } })).toBe(1);
});
