// `npm run bench:crash -- [--messages 300] [--kills 8] [--seed 1] [--households 60] [--keep]`: the kill -9
// test at a size of your choosing (CI runs a small one: test/faults/crash.test.ts). See bench/crash/run.ts.
import { runCrashTest } from "./crash/run.js";
import { arg, flag, machine } from "./lib/load.js";

console.log(`machine: ${machine()}`);
const t = Date.now();
const report = await runCrashTest({
  messages: arg("messages", 300), kills: arg("kills", 8), seed: arg("seed", 1), households: arg("households", 60), keep: flag("keep"),
  onRun: (r) => console.log(`run ${String(r.run).padStart(2)}: ${r.plan} → ${r.ended} after ${r.ms} ms`),
});
for (const l of report.lines) console.log(l);
const f = report.figures;
console.log(`\n${f.messages} messages, ${f.tickets} tickets, ${f.outbox} outbox rows, ${f.sends} sends (${f.windowResends} resent after a kill between send and record), ${f.redeliveries} inbound redeliveries after kills; ${report.runs.length} runs in ${((Date.now() - t) / 1000).toFixed(1)} s`);
if (!report.ok) console.log(`files kept in ${report.dir}`);
process.exit(report.ok ? 0 : 1);
