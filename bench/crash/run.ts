// The kill -9 test: runs the assistant (bench/crash/worker.ts) as a child process on SQLite and the
// file transport, kills it with SIGKILL again and again while it works through an inbox of
// messages and its due work, restarts it, and finally lets a clean run finish; then
// bench/crash/check.ts shows that every message was processed exactly once, every reply and alert
// sent exactly once (no loss; a duplicate only in the documented window), the database consistent.
//
// Kill points: the first run kills itself while classifying a stored message, the second right
// after a send (before the send is recorded); the others are killed from outside after a random
// delay. `npm run bench:crash -- [--messages 300] [--kills 8] [--seed 1]`; in CI a small run
// (test/faults/crash.test.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../../src/db.js";
import { generateCommunity, loadGenerated, rng } from "../lib/community.js";
import { generateMessages } from "../lib/messages.js";
import { checkCrashRun, type CheckResult } from "./check.js";

const here = path.dirname(fileURLToPath(import.meta.url));

export type RunRecord = { run: number; plan: string; ended: string; ms: number };
export type CrashReport = CheckResult & { runs: RunRecord[]; dir: string };

export async function runCrashTest(o: { messages: number; kills: number; seed?: number; households?: number; keep?: boolean; onRun?: (r: RunRecord) => void }): Promise<CrashReport> {
  const r = rng(o.seed ?? 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wuye-crash-"));
  const url = `file:${path.join(dir, "crash.db")}`;
  const community = generateCommunity({ households: o.households ?? 60, seed: o.seed ?? 1, strangers: 4 });
  const db = await openDb(url);
  await loadGenerated(db, community);
  await db.$disconnect();
  const { lanes } = generateMessages(community, { count: o.messages, lanes: 1, seed: o.seed ?? 1, idPrefix: "c" });
  fs.writeFileSync(path.join(dir, "inbox.jsonl"), lanes.flat().map((m) => JSON.stringify(m)).join("\n") + "\n");

  const t0Wall = Date.now();
  const base = { ...process.env, DATABASE_URL: url, CRASH_DIR: dir, T0_WALL: String(t0Wall), T0_FAKE: "2026-03-03T09:00:00+08:00", SPEED: "600" };
  const runs: RunRecord[] = [];
  const killed = new Set<number>();

  const start = (run: number, extra: Record<string, string>) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "worker.ts")], { env: { ...base, RUN: String(run), ...extra }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const ready = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => { out += d.toString(); if (out.includes("ready")) resolve(); }));
    child.stderr.on("data", (d: Buffer) => void (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    return { child, ready, exited, output: () => ({ out, err }) };
  };

  for (let run = 1; run <= o.kills; run++) {
    const t = Date.now();
    let plan: string;
    let extra: Record<string, string> = {};
    if (run === 1) extra = { CRASH_AT: `classify:${1 + Math.floor(r() * 8)}` };
    else if (run === 2) extra = { CRASH_AT: `send:${1 + Math.floor(r() * 3)}` };
    const w = start(run, extra);
    if (extra.CRASH_AT) {
      plan = `kills itself at ${extra.CRASH_AT}`;
      // A crash point the run never reaches (little left to do): killed from outside after a while.
      const guard = setTimeout(() => w.child.kill("SIGKILL"), 4000);
      await w.exited.finally(() => clearTimeout(guard));
    } else {
      await Promise.race([w.ready, w.exited]);
      const delay = 50 + Math.floor(r() * 700);
      plan = `killed from outside ${delay} ms after start-up`;
      await new Promise((res) => setTimeout(res, delay));
      w.child.kill("SIGKILL");
    }
    const end = await w.exited;
    if (end.signal !== "SIGKILL") throw new Error(`run ${run} ended with ${end.code ?? end.signal}, not a kill:\n${w.output().err.slice(-2000)}`);
    killed.add(run);
    const rec = { run, plan, ended: "SIGKILL", ms: Date.now() - t };
    runs.push(rec);
    o.onRun?.(rec);
  }

  const finalRun = o.kills + 1;
  const t = Date.now();
  const w = start(finalRun, { FINAL: "1" });
  const guard = setTimeout(() => w.child.kill("SIGKILL"), 60_000);
  const end = await w.exited.finally(() => clearTimeout(guard));
  if (end.code !== 0 || !w.output().out.includes("done")) throw new Error(`the final run did not finish (${end.code ?? end.signal}):\n${w.output().err.slice(-3000)}`);
  const rec = { run: finalRun, plan: "runs to completion", ended: "exit 0", ms: Date.now() - t };
  runs.push(rec);
  o.onRun?.(rec);

  const result = await checkCrashRun(dir, killed);
  if (!o.keep && result.ok) fs.rmSync(dir, { recursive: true, force: true });
  return { ...result, runs, dir };
}
