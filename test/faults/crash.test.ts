// kill -9 at random points while the assistant works through a load, restart, and check: every
// inbound message processed exactly once, every reply and alert sent exactly once (a message sent
// but killed before it was recorded is sent again: the one documented at-least-once window), and
// the database consistent. A small run for CI; `npm run bench:crash` runs bigger ones.
import { expect, it } from "vitest";
import { runCrashTest } from "../../bench/crash/run.js";

it("loses nothing and duplicates nothing across three kills -9 and restarts", async () => {
  const report = await runCrashTest({ messages: 50, kills: 3, seed: 7 });
  expect(report.runs.map((r) => r.ended)).toEqual(["SIGKILL", "SIGKILL", "SIGKILL", "exit 0"]);
  expect(report.lines.filter((l) => l.startsWith("FAIL")), report.lines.join("\n")).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.figures.messages).toBe(50);
  expect(report.figures.tickets).toBeGreaterThan(10);
  // The second run kills itself right after a send, before recording it: that one message is sent twice.
  expect(report.figures.windowResends).toBeGreaterThanOrEqual(1);
}, 90_000);
