// `npm run bench:sweeps`: the scheduled sweeps over a community of 10,000 households — acceptance
// deadlines (warnings, escalations) on many open tickets, revisits of yesterday's completed
// tickets, the daily unresolved list, next morning's overdue list, revisit timeouts. Each sweep is
// the due work one tick runs (`runDue`), timed on its own, then the messages it queued are sent
// through the fake transport (no pacing) and timed separately. Figures only, no assertions.
// (The fee reminder sweep has its own benchmark, bench/fees.ts; no bills are loaded here.)
//
//   npm run bench:sweeps -- [--households 10000] [--open 2000] [--revisits 2000] [--count-sql]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { createAssistant } from "../src/bot/assistant.js";
import { handleInbound } from "../src/bot/dispatch.js";
import type { Inbound } from "../src/bot/transport.js";
import { FakeTransport } from "../src/bot/transports/fake.js";
import { openDb } from "../src/db.js";
import { createClassifier } from "../src/intents/policy.js";
import { runDue, TASK_HANDLERS } from "../src/services/due-work.js";
import { runDueTasks, type TaskHandler } from "../src/services/scheduler.js";
import { ensureRecurring } from "../src/services/recurring.js";
import { generateCommunity, loadGeneratedBulk, pick, rng, type Person } from "./lib/community.js";
import { arg, flag, machine, mb, memorySampler } from "./lib/load.js";
import { installSqlCounter, reportSqlCounter, resetSqlCounter } from "./lib/sql-counter.js";

const households = arg("households", 10_000);
const openCount = arg("open", 2000);
const revisitCount = arg("revisits", 2000);

class Clock {
  constructor(public t: Date) {}
  now = () => new Date(this.t);
  set(iso: string) { this.t = new Date(iso); }
}

if (flag("count-sql")) installSqlCounter();
const file = path.join(os.tmpdir(), `wuye-bench-sweeps-${process.pid}.db`);
const db = await openDb(`file:${file}`);
const clock = new Clock(new Date("2026-03-02T15:00:00+08:00")); // a Monday
const log = pino({ level: "silent" });
const errors: string[] = [];
const errLog = pino({ level: "error" }, { write: (line: string) => void errors.push(line.slice(0, 300)) });
const deps = { db, clock, log: errLog, classifier: createClassifier({}), botName: "物业小助手" };
const transport = new FakeTransport(clock);
const assistant = createAssistant({ db, clock, log, classifier: deps.classifier, transport, botName: "物业小助手" });

console.log(`machine: ${machine()}`);
const tSeed = performance.now();
const community = generateCommunity({ households, boundRatio: 0.6, strangers: 0 });
await loadGeneratedBulk(db, community);
await transport.start(async () => {});
await ensureRecurring(db, clock.now());
const seedMs = performance.now() - tSeed;

// Distinct households for the two groups of tickets.
const r = rng(3);
const residents: Person[] = [...community.residents].sort(() => r() - 0.5);
if (residents.length < openCount + revisitCount) throw new Error(`only ${residents.length} bound residents for ${openCount + revisitCount} tickets`);
const PROBLEMS = ["厨房水管漏水了", "卫生间马桶堵了", "客厅灯不亮了", "卧室插座没电了", "阳台下水道堵了", "主卧天花板渗水", "入户门锁坏了", "热水器打不着火"];
let seq = 0;
const say = (userId: string, userName: string, text: string) => {
  const inbound: Inbound = { messageId: `s-${++seq}`, userId, userName, text, mentionsSelf: false, kind: "text", receivedAt: clock.now() };
  return handleInbound(deps, inbound);
};
/** Seeding writes outbox rows; they are not part of any sweep, so they are marked sent wholesale. */
const markAllSent = () => db.outboxMessage.updateMany({ where: { status: "pending" }, data: { status: "sent", sentAt: clock.now() } });

// Yesterday: tickets reported and completed, so that their revisits fall due this morning.
const tTickets = performance.now();
for (const p of residents.slice(0, revisitCount)) await say(p.id, p.name, pick(r, PROBLEMS));
clock.set("2026-03-02T15:30:00+08:00");
const firstNumber = (await db.ticket.aggregate({ _min: { number: true } }))._min.number ?? 1;
for (let n = firstNumber; n < firstNumber + revisitCount; n++) await say("sup", "王强", `完成 #${n} 已修复`);
clock.set("2026-03-02T21:00:00+08:00");
await runDue(deps, clock.now()); // yesterday's own deadlines and lists, not measured
await markAllSent();
// This morning: a bad day, many households report at once.
clock.set("2026-03-03T09:05:00+08:00");
for (const p of residents.slice(revisitCount, revisitCount + openCount)) await say(p.id, p.name, pick(r, PROBLEMS));
await markAllSent();
const ticketMs = performance.now() - tTickets;
const stats = async () => ({
  tickets: await db.ticket.count(), open: await db.ticket.count({ where: { status: { in: ["open", "reopened", "accepted", "onsite"] } } }),
  pendingTasks: await db.scheduledTask.count({ where: { claimedAt: null } }),
});
const s0 = await stats();
console.log(`seed: ${households} households, ${community.residents.length} bound residents, ${community.buildings.length} buildings, ${community.housekeepers.length} housekeepers in ${(seedMs / 1000).toFixed(1)} s; ` +
  `${s0.tickets} tickets (${s0.open} open) and ${s0.pendingTasks} pending scheduled tasks through the dispatcher in ${(ticketMs / 1000).toFixed(1)} s`);
console.log(`\n| sweep at (local) | tasks run (by kind; time inside the handlers) | runDue | per task | messages queued | sending them | peak rss |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);

// The production handlers, each timed (inside its transaction), to tell the kinds of work apart.
const kindMs = new Map<string, number>();
const timed: Record<string, TaskHandler> = Object.fromEntries(Object.entries(TASK_HANDLERS).map(([kind, handler]) => [kind, async (tx, d, task, now) => {
  const t = performance.now();
  try {
    await handler(tx, d, task, now);
  } finally {
    kindMs.set(kind, (kindMs.get(kind) ?? 0) + performance.now() - t);
  }
}]));

async function sweep(label: string, iso: string) {
  clock.set(iso);
  const now = clock.now();
  const outbox0 = await db.outboxMessage.count();
  const mem = memorySampler();
  resetSqlCounter();
  const t0 = performance.now();
  kindMs.clear();
  const ran = await runDueTasks(deps, now, timed); // what runDue does, with the handlers timed
  const runMs = performance.now() - t0;
  if (flag("count-sql") && ran > 0) {
    console.log(`\n${label}:`);
    reportSqlCounter(ran, 12, "task");
  }
  const queued = (await db.outboxMessage.count()) - outbox0;
  const t1 = performance.now();
  const sent = await assistant.flush();
  const sendMs = performance.now() - t1;
  const peak = mem.stop();
  const kinds = await db.scheduledTask.groupBy({ by: ["kind"], where: { claimedAt: now }, _count: true });
  const byKind = kinds.map((k) => `${k.kind} ${k._count}${kindMs.has(k.kind) ? ` (${fmt(kindMs.get(k.kind)!)})` : ""}`).join(", ");
  console.log(`| ${label} (${iso.slice(5, 16).replace("T", " ")}) | ${ran}: ${byKind || "—"} | ${(runMs / 1000).toFixed(2)} s | ${ran ? `${(runMs / ran).toFixed(1)} ms` : "—"} | ${queued} | ${sent} in ${(sendMs / 1000).toFixed(2)} s | ${mb(peak.rssMb)} |`);
}

await sweep("acceptance deadlines: every open ticket breaches at once", "2026-03-03T09:40:00+08:00");
await sweep("revisits of yesterday's tickets", "2026-03-03T10:00:00+08:00");
await sweep("second-level escalations", "2026-03-03T11:00:00+08:00");
await sweep("the day's other deadlines (7 h of ticks in one)", "2026-03-03T17:59:00+08:00");
await sweep("daily unresolved list", "2026-03-03T18:00:00+08:00");
await sweep("overnight due work", "2026-03-04T08:59:00+08:00");
await sweep("morning overdue list", "2026-03-04T09:00:00+08:00");
await sweep("the next day's due work", "2026-03-05T09:59:00+08:00");
await sweep("revisit timeouts (48 h)", "2026-03-05T10:00:00+08:00");
await sweep("an idle tick", "2026-03-05T10:00:30+08:00");

function fmt(msTotal: number) {
  return msTotal >= 1000 ? `${(msTotal / 1000).toFixed(2)} s` : `${msTotal.toFixed(0)} ms`;
}

const longest = await db.outboxMessage.findFirst({ where: { key: { startsWith: "staff.daily_list" } }, orderBy: { id: "desc" }, select: { text: true } });
if (longest?.text) console.log(`\nlargest daily list message: ${longest.text.length} characters, ${longest.text.split("\n").length} lines`);
console.log(`errors logged: ${errors.length}${errors[0] ? ` (first: ${errors[0]})` : ""}`);

await db.$disconnect();
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
