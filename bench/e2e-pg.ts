// `npm run bench:e2e:pg`: the end-to-end load on PostgreSQL with two assistant processes sharing
// the database. Starts a throwaway PostgreSQL on loopback (Debian's `postgresql` package, via
// scripts/with-local-pg.sh), seeds a generated community, then both processes take inbound load at
// once (group messages reach both of them, as a redelivery would), and both run the scheduled
// sweeps at the same moments (deadlines, daily list, fee reminders, next morning's list).
// Prints throughput and latency, then checks: every message processed once, no duplicate tickets,
// no duplicate alerts or reminders, and every outbox row sent exactly once across both processes.
// Without PostgreSQL installed it prints a clear skip and exits 0.
//
//   npm run bench:e2e:pg -- [--messages 3000] [--households 2000] [--concurrency 16]
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { isPostgresUrl, openDb } from "../src/db.js";
import { generateCommunity, loadGeneratedBulk } from "./lib/community.js";
import { arg, flag, machine, mb, ms, percentiles } from "./lib/load.js";
import { generateMessages, type LoadMessage } from "./lib/messages.js";
import type { WorkerCommand } from "./lib/pg-worker.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

if (!flag("inner")) {
  const bins = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").filter((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)) : [];
  if (bins.length === 0) {
    console.log("SKIP bench:e2e:pg — PostgreSQL is not installed (Debian package `postgresql`: apt-get install postgresql). Nothing was measured.");
    process.exit(0);
  }
  const r = spawnSync(path.join(root, "scripts/with-local-pg.sh"), [process.execPath, "--import", "tsx", fileURLToPath(import.meta.url), "--inner", ...process.argv.slice(2)], { stdio: "inherit", cwd: root });
  process.exit(r.status ?? 1);
}

const url = loadConfig().DATABASE_URL;
if (!isPostgresUrl(url)) throw new Error(`--inner needs a postgresql:// DATABASE_URL, got ${url}`);
const households = arg("households", 2000);
const count = arg("messages", 3000);
const concurrency = arg("concurrency", 16);
const BASE = "2026-03-03T10:00:00+08:00"; // a Tuesday morning: routine deadlines fall in business hours

console.log(`machine: ${machine()}`);
const db = await openDb(url);
const community = generateCommunity({ households });
const tSeed = performance.now();
await loadGeneratedBulk(db, community);
console.log(`seed: ${households} households, ${community.residents.length} bound residents in ${((performance.now() - tSeed) / 1000).toFixed(1)} s (PostgreSQL ${(await db.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0]?.v})`);

type Reply = { ok: boolean; error?: string; [k: string]: unknown };
class Worker {
  private pending: ((r: Reply) => void)[] = [];
  readonly ready: Promise<void>;
  constructor(readonly name: string, readonly child: ChildProcess) {
    let onReady!: () => void;
    this.ready = new Promise((r) => (onReady = r));
    child.on("message", (m: Reply & { ready?: boolean }) => {
      if (m.ready) return onReady();
      this.pending.shift()?.(m);
    });
    child.on("exit", (code) => {
      if (code) console.error(`${name} exited with ${code}`);
    });
  }
  ask<T extends Reply>(c: WorkerCommand): Promise<T> {
    return new Promise((resolve, reject) => {
      this.pending.push((r) => (r.ok ? resolve(r as T) : reject(new Error(`${this.name}: ${r.error}`))));
      this.child.send(c);
    });
  }
}
const startedAt = Date.now();
const workers = [0, 1].map((i) => new Worker(`process ${i + 1}`, fork(path.join(here, "lib/pg-worker.ts"), [], {
  execArgv: ["--import", "tsx"], env: { ...process.env, BASE_TIME: BASE, STARTED_AT: String(startedAt) }, stdio: ["ignore", "inherit", "inherit", "ipc"],
})));
await Promise.all(workers.map((w) => w.ready));

// Lanes alternate between the processes; each group message also reaches the other process.
const { lanes } = generateMessages(community, { count, lanes: concurrency * 2, idPrefix: "pg" });
const share = (k: number) => {
  const own = lanes.filter((_, i) => i % 2 === k);
  const echoes = lanes.filter((_, i) => i % 2 !== k).map((l) => l.filter((m) => m.roomId)).filter((l) => l.length > 0);
  return [...own, ...echoes];
};
const redelivered = lanes.flat().filter((m) => m.roomId).length;
type LoadReply = Reply & { latencies: number[]; errors: number; wallMs: number; firstError: string | null; cpuMs: number; rssMb: number; logged: string[] };
const t0 = performance.now();
const loads = await Promise.all(workers.map((w, k) => w.ask<LoadReply>({ cmd: "load", lanes: share(k) })));
const wall = performance.now() - t0;
const lat = percentiles(loads.flatMap((l) => l.latencies));
console.log(`\n-- load: ${count} distinct messages (${redelivered} group messages delivered to both processes), ${concurrency} chats in flight per process`);
console.log(`throughput           ${((count / wall) * 1000).toFixed(0)} distinct msg/s over both processes (${(wall / 1000).toFixed(2)} s wall)`);
console.log(`latency per delivery p50 ${ms(lat.p50)}  p90 ${ms(lat.p90)}  p99 ${ms(lat.p99)}  max ${ms(lat.max)}`);
loads.forEach((l, k) => console.log(`process ${k + 1}            ${l.latencies.length} deliveries, cpu ${(l.cpuMs / 1000).toFixed(1)} s, peak rss ${mb(l.rssMb)}, ${l.errors} rejected${l.firstError ? ` (first: ${l.firstError})` : ""}${l.logged.length ? `; logged: ${l.logged[0]}` : ""}`));
if (flag("verbose")) for (const l of loads) for (const e of l.logged) console.log(`  logged: ${e}`);

// Both processes run the due work at the same moments.
const at = (iso: string) => Date.parse(iso) - Date.parse(BASE) - (Date.now() - startedAt);
for (const [label, iso] of [
  ["acceptance deadlines", "2026-03-03T10:45:00+08:00"], ["more deadlines", "2026-03-03T12:30:00+08:00"], ["daily list", "2026-03-03T18:00:30+08:00"],
  ["morning list and fee reminders", "2026-03-04T09:31:00+08:00"], ["a day later", "2026-03-05T10:01:00+08:00"],
] as const) {
  const offset = at(iso);
  const ticks = await Promise.all(workers.map((w) => w.ask<Reply & { ran: number; ms: number; logged: string[] }>({ cmd: "tick", offsetMs: offset })));
  // runDue counts every due task it looked at, including those the other process claimed first.
  console.log(`tick ${label.padEnd(32)} ${ticks[0]!.ran} due tasks; ${ticks.map((t, k) => `process ${k + 1} ${ms(t.ms)}${t.logged.length ? ` (logged: ${t.logged[0]})` : ""}`).join(", ")}`);
}
await Promise.all(workers.map((w) => w.ask({ cmd: "tick", offsetMs: at("2026-03-05T10:01:00+08:00") })));

// ——— checks ———
let failures = 0;
const check = (ok: boolean, what: string, detail = "") => {
  if (!ok) failures++;
  console.log(`${ok ? "PASS" : "FAIL"}  ${what}${detail ? ` — ${detail}` : ""}`);
};
const sent = (await Promise.all(workers.map((w) => w.ask<Reply & { sent: { to: string; text: string }[] }>({ cmd: "sent" })))).map((r) => r.sent);
const inbound = await db.inboundMessage.groupBy({ by: ["status"], _count: true });
const statuses = Object.fromEntries(inbound.map((g) => [g.status, g._count]));
const stored = inbound.reduce((a, g) => a + g._count, 0);
console.log("");
check(stored === count, "every distinct message stored once", `${stored} stored for ${count} sent in, statuses ${JSON.stringify(statuses)}`);
check(!statuses.received, "no message left unprocessed");

const q = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql);
const dupTickets = await q<{ n: bigint }>(`
  WITH t AS (SELECT "reporterId" AS u, "createdAt" AS at, count(*) AS n FROM "Ticket" WHERE "reporterId" IS NOT NULL GROUP BY 1, 2),
       m AS (SELECT "chatUserId" AS u, "processedAt" AS at, count(*) AS n FROM "InboundMessage" WHERE status = 'processed' GROUP BY 1, 2)
  SELECT coalesce(sum(t.n - coalesce(m.n, 0)), 0) AS n FROM t LEFT JOIN m ON m.u = t.u AND m.at = t.at WHERE t.n > coalesce(m.n, 0)`);
check(Number(dupTickets[0]?.n ?? 0) === 0, "no duplicate tickets", `${await db.ticket.count()} tickets; tickets with no processing of their own: ${dupTickets[0]?.n}`);

const ALERTS = ["staff.new_ticket", "staff.urgent_alert", "staff.urgent_repeat", "staff.grade2_notice", "staff.deadline_warning", "staff.deadline_missed", "staff.escalation",
  "staff.daily_list", "staff.daily_list_all", "staff.morning_overdue", "fee.reminder", "resident.ticket_created", "resident.revisit_question"];
const dupAlerts = await q<{ key: string; n: bigint }>(`
  SELECT key, sum(c - 1) AS n FROM (SELECT key, "toPlatformId", params, count(*) AS c FROM "OutboxMessage" WHERE key IN (${ALERTS.map((k) => `'${k}'`).join(",")}) GROUP BY 1, 2, 3) x
  WHERE c > 1 GROUP BY key`);
const byKey = await q<{ key: string; n: bigint }>(`SELECT key, count(*) AS n FROM "OutboxMessage" WHERE key IN (${ALERTS.map((k) => `'${k}'`).join(",")}) GROUP BY key ORDER BY key`);
check(dupAlerts.length === 0, "no duplicate alerts, lists or reminders (same recipient, key and content queued twice)",
  dupAlerts.length ? dupAlerts.map((d) => `${d.key} ×${d.n}`).join(", ") : byKey.map((k) => `${k.key} ${k.n}`).join(", "));
const dupEscalations = await q<{ n: bigint }>(`SELECT count(*) AS n FROM (SELECT "ticketId", note FROM "TicketEvent" WHERE type = 'escalated' GROUP BY 1, 2 HAVING count(*) > 1) x`);
check(Number(dupEscalations[0]?.n ?? 0) === 0, "each escalation step recorded once per ticket", `${await db.ticketEvent.count({ where: { type: "escalated" } })} escalations`);

const outbox = await db.outboxMessage.groupBy({ by: ["status"], _count: true });
const sentRows = await db.outboxMessage.findMany({ where: { status: "sent" }, select: { toPlatformId: true, text: true } });
const key = (to: string, text: string | null) => `${to}\u0000${text}`;
const expected = new Map<string, number>();
for (const r of sentRows) expected.set(key(r.toPlatformId, r.text), (expected.get(key(r.toPlatformId, r.text)) ?? 0) + 1);
const actual = new Map<string, number>();
for (const s of sent.flat()) actual.set(key(s.to, s.text), (actual.get(key(s.to, s.text)) ?? 0) + 1);
let extra = 0;
let missing = 0;
const show = (k: string) => k.replace("\u0000", " ← ").slice(0, 160).replace(/\n/g, " ");
for (const [k, n] of actual) {
  const d = Math.max(0, n - (expected.get(k) ?? 0));
  if (d && flag("verbose")) {
    console.log(`  sent but not recorded: ${show(k)}`);
    const [to, text] = k.split("\u0000") as [string, string];
    const near = sentRows.find((r) => r.toPlatformId === to && r.text?.slice(0, 20) === text.slice(0, 20) && r.text !== text);
    if (near?.text) {
      let i = 0;
      while (i < text.length && text[i] === near.text[i]) i++;
      console.log(`    differs at ${i} of ${text.length}/${near.text.length}: sent ${JSON.stringify(text.slice(i - 20, i + 40))} recorded ${JSON.stringify(near.text.slice(i - 20, i + 40))}`);
    }
  }
  extra += d;
}
for (const [k, n] of expected) {
  const d = Math.max(0, n - (actual.get(k) ?? 0));
  if (d && flag("verbose")) console.log(`  recorded but not sent: ${show(k)}`);
  missing += d;
}
check(extra === 0 && missing === 0, "every outbox row sent exactly once across both processes",
  `${sentRows.length} rows sent (${sent.map((s) => s.length).join(" + ")} by the two processes), ${extra} duplicate sends, ${missing} missing; outbox ${JSON.stringify(Object.fromEntries(outbox.map((g) => [g.status, g._count])))}`);

await Promise.all(workers.map((w) => w.child.send({ cmd: "exit" })));
await db.$disconnect();
process.exit(failures ? 1 : 0);
