// `npm run bench:fees`: the fee work that touches every household, on a community of 10,000
// households with 24 months of bills (mixed paid/unpaid) in a SQLite file:
//   - the daily reminder sweep, run as production runs it (the "fee.sweep" ScheduledTask through
//     runDueTasks, in one interactive transaction, whose default limit is 5 s): the first day
//     (every overdue household gets its first reminder) and the next day (all within the cadence);
//   - the collection rate (收缴率) of every grid, and the arrears list (欠费) for a supervisor and a housekeeper.
// Prints time and memory only; no assertions.
//
// The database is built first (not timed), then measured in a fresh child process, so that the
// peak RSS reported is that of the measured work, not of building 300,000 rows.
//
//   npm run bench:fees -- [--households 10000] [--months 24] [--keep]
//   npm run bench:fees -- --measure FILE     (measures a file kept with --keep; it adds reminders to it)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pino from "pino";
import { openDb, type Db } from "../src/db.js";
import { CommunityDefinitionSchema } from "../src/services/community/definition.js";
import { loadCommunity } from "../src/services/community/load-community.js";
import { TASK_HANDLERS } from "../src/services/due-work.js";
import { arrearsList } from "../src/services/fees/arrears.js";
import { collectionRates } from "../src/services/fees/collection-rate.js";
import { SWEEP_KIND } from "../src/services/fees/reminders.js";
import { runDueTasks } from "../src/services/scheduler.js";
import { atLocal } from "../src/services/time.js";
import { mulberry32 } from "../src/services/prng.js";

const TZ = "Asia/Shanghai";
/** "Today" of the benchmark: a Tuesday morning, the 2026-02 bills overdue since a week and more. */
const NOW = new Date("2026-03-10T09:30:00+08:00");
const NEXT_DAY = new Date("2026-03-11T09:30:00+08:00");
const PER_BUILDING = 100;
const PER_GRID = 400; // DOMAIN: 350–400 households per grid

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

const rng = mulberry32;

/** The `months` periods up to and including NOW's month: ["2024-04", …, "2026-03"]. */
function periods(months: number): { period: string; dueDate: Date }[] {
  const out: { period: string; dueDate: Date }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(2026, 2 - i, 1));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    out.push({ period: `${y}-${String(m).padStart(2, "0")}`, dueDate: new Date(atLocal(y, m, last, "23:59", TZ).getTime() + 59_000) });
  }
  return out;
}

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Builds the community: grids, staff, households, verified residents (60%), bills (24 months). */
async function build(db: Db, file: string, households: number, months: number) {
  const r = rng(42);
  const nBuildings = Math.ceil(households / PER_BUILDING);
  const nGrids = Math.ceil(households / PER_GRID);
  const buildingsPerGrid = Math.ceil(nBuildings / nGrids);
  const grids = Array.from({ length: nGrids }, (_, g) => ({
    id: `G${String(g + 1).padStart(2, "0")}`, name: `${g + 1}号网格`, housekeeper: `hk${g + 1}`,
    buildings: Array.from({ length: buildingsPerGrid }, (_, k) => String(g * buildingsPerGrid + k + 1)).filter((b) => Number(b) <= nBuildings),
  })).filter((g) => g.buildings.length > 0);
  const staff = [...grids.map((g) => ({ id: g.housekeeper, name: `管家${g.housekeeper}`, role: "housekeeper" })), { id: "sup", name: "主管", role: "supervisor" }, { id: "mgr", name: "经理", role: "manager" }];
  const communityId = await loadCommunity(db, CommunityDefinitionSchema.parse({ name: "基准小区", timezone: TZ, grids, staff, settings: {} }));
  const buildingIds = new Map((await db.building.findMany({ where: { communityId } })).map((b) => [b.name, b.id]));

  const hh: { communityId: number; buildingId: number; unit: string; room: string; ownerName: string; phone: string }[] = [];
  for (let i = 0; i < households; i++) {
    const b = Math.floor(i / PER_BUILDING) + 1;
    const k = i % PER_BUILDING; // 2 units × 25 floors × 2 rooms
    const floor = Math.floor((k % 50) / 2) + 1;
    hh.push({ communityId, buildingId: buildingIds.get(String(b))!, unit: String(Math.floor(k / 50) + 1), room: `${floor}0${(k % 2) + 1}`, ownerName: `业主${i}`, phone: `139${String(i).padStart(8, "0")}` });
  }
  await inChunks(hh, 2000, (c) => db.household.createMany({ data: c }));
  const ids = (await db.household.findMany({ where: { communityId }, select: { id: true }, orderBy: { id: "asc" } })).map((h) => h.id);

  // 60% of households have a verified resident on WeChat, a tenth of those a second one.
  const bound = ids.filter(() => r() < 0.6);
  const users = bound.flatMap((id) => (r() < 0.1 ? [`wx-${id}-a`, `wx-${id}-b`] : [`wx-${id}-a`]));
  await inChunks(users, 2000, (c) => db.chatUser.createMany({ data: c.map((platformId) => ({ platformId, name: platformId })) }));
  const userIds = new Map((await db.chatUser.findMany({ where: { platformId: { startsWith: "wx-" } }, select: { id: true, platformId: true } })).map((u) => [u.platformId, u.id]));
  await inChunks(users, 2000, (c) => db.resident.createMany({ data: c.map((p) => ({ chatUserId: userIds.get(p)!, householdId: Number(p.split("-")[1]), verified: true })) }));

  // Bills: property fee every month for all, parking for 30%. Most pay; 8% are chronic payers-late
  // (each month unpaid with probability 0.6); others miss a month now and then (3%). The current
  // month is not due yet and mostly unpaid.
  const ps = periods(months);
  const bills: { communityId: number; householdId: number; item: string; period: string; amountCents: number; dueDate: Date; paidCents: number; paidAt: Date | null }[] = [];
  for (const id of ids) {
    const chronic = r() < 0.08;
    const parking = r() < 0.3;
    const fee = 20000 + Math.floor(r() * 30000);
    for (const [n, p] of ps.entries()) {
      const current = n === ps.length - 1;
      for (const [item, amount] of parking ? ([["物业服务费", fee], ["停车费", 15000]] as const) : ([["物业服务费", fee]] as const)) {
        const unpaid = current ? r() < 0.7 : r() < (chronic ? 0.6 : 0.03);
        bills.push({ communityId, householdId: id, item, period: p.period, amountCents: amount, dueDate: p.dueDate, paidCents: unpaid ? 0 : amount, paidAt: unpaid ? null : p.dueDate });
      }
    }
  }
  // Through Prisma, 300,000 rows take a minute or more (~150 µs a row); better-sqlite3 takes about
  // a second. The one row written by Prisma first shows how the adapter stores a DateTime, and
  // the rest are written the same way (the sweep compares dates as the adapter wrote them).
  const [first, ...rest] = bills;
  const probe = await db.bill.create({ data: first! });
  await db.$disconnect();
  const raw = new Database(file);
  const stored = raw.prepare("SELECT dueDate FROM Bill WHERE id = ?").pluck().get(probe.id) as string;
  const asStored = (d: Date) => d.toISOString().replace(/Z$/, "+00:00");
  if (stored !== asStored(first!.dueDate)) throw new Error(`unexpected DateTime storage ${JSON.stringify(stored)}; write the bills through Prisma instead`);
  const insert = raw.prepare("INSERT INTO Bill (communityId, householdId, item, period, amountCents, dueDate, paidCents, paidAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  raw.transaction(() => {
    for (const b of rest) insert.run(b.communityId, b.householdId, b.item, b.period, b.amountCents, asStored(b.dueDate), b.paidCents, b.paidAt ? asStored(b.paidAt) : null);
  })();
  raw.close();
  return { communityId, households: ids.length, residents: users.length, bills: bills.length, unpaid: bills.filter((b) => b.paidCents === 0).length };
}

/**
 * Times `work` (wall clock, and this process's CPU time, which a busy machine inflates less),
 * sampling the heap every 5 ms; reports the process's peak RSS so far too.
 */
async function measure<T>(label: string, work: () => Promise<T>, describe: (r: T) => string) {
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms)` +
    `   heap peak +${mb(Math.max(0, peakHeap - heap0)).padStart(6)}   rss peak ${mb(process.resourceUsage().maxRSS * 1024)}   ${describe(result)}`,
  );
}

async function measureAll(file: string) {
  const db = await openDb(`file:${file}`);
  const log = pino({ level: "silent" });
  const community = await db.community.findFirstOrThrow();
  const deps = { db, log, clock: { now: () => NOW } };
  console.log(`rss before measuring               ${mb(process.memoryUsage().rss)} (modules, Prisma client)`);

  const sweepAt = async (now: Date) => {
    await db.scheduledTask.create({ data: { communityId: community.id, kind: SWEEP_KIND, dueAt: now, dedupeKey: `bench:${now.toISOString()}` } });
    const ran = await runDueTasks({ ...deps, clock: { now: () => now } }, now, TASK_HANDLERS);
    const failed = await db.scheduledTask.count({ where: { dedupeKey: `bench:${now.toISOString()}`, claimedAt: null } });
    return { ran, failed };
  };
  const sweepText = (r: { failed: number }) => (r.failed ? "FAILED (transaction limit?)" : "ok");
  for (const [label, at] of [["reminder sweep, first day", NOW], ["reminder sweep, next day", NEXT_DAY]] as const) {
    await measure(label, () => sweepAt(at), sweepText);
    // Counted after the clock stopped: that day's reminders and the households they went to.
    const day = at.toLocaleDateString("sv-SE", { timeZone: TZ });
    const keys = await db.outboxMessage.findMany({ where: { key: "fee.reminder", dedupeKey: { contains: `:${day}:` } }, select: { dedupeKey: true } });
    console.log(`${"".padEnd(34)} → ${keys.length} reminders to ${new Set(keys.map((k) => k.dedupeKey!.split(":")[1])).size} households on ${day}`);
  }
  await measure("collection rate, all grids", () => collectionRates(db, community.id, NOW, TZ), (r) => `${r.grids.length} grids, ${r.total.households} households, ${((r.total.collectedCents / r.total.receivableCents) * 100).toFixed(1)}%`);
  await measure("arrears list (欠费), all grids", () => arrearsList(db, community.id, NOW, null), (r) => `${r.length} households in arrears`);
  const grid = await db.grid.findFirstOrThrow({ where: { communityId: community.id }, orderBy: { code: "asc" } });
  await measure("arrears list (欠费), one grid", () => arrearsList(db, community.id, NOW, [grid.id]), (r) => `${r.length} households in arrears`);
  await db.$disconnect();
}

if (args[0] === "--measure") {
  await measureAll(args[1]!);
} else {
  const households = arg("households", 10_000);
  const months = arg("months", 24);
  const file = path.join(os.tmpdir(), `wuye-bench-fees-${process.pid}.db`);
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, SQLite file in ${os.tmpdir()}`);
  const t0 = performance.now();
  const db = await openDb(`file:${file}`);
  const built = await build(db, file, households, months); // closes db
  console.log(`built ${built.households} households, ${built.residents} verified residents, ${built.bills} bills (${built.unpaid} unpaid) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${mb(fs.statSync(file).size)} file`);
  // Measure in a fresh process: same loader (tsx), this file, the database just built.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--measure", file], { stdio: "inherit" });
  if (!args.includes("--keep")) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  else console.log(`kept ${file}`);
  process.exitCode = child.status ?? 1;
}
