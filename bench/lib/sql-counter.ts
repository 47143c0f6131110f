// `--count-sql`: counts the SQL statements SQLite runs for Prisma's adapter and the time it spends
// executing them, grouped by shape, to see where the work goes: how many statements, and which ones
// are slow (e.g. a scan for want of an index). It wraps better-sqlite3's Statement methods, so it
// counts executions whether or not the statement was prepared anew (src/db-statement-cache.ts).
import Database from "better-sqlite3";

type Entry = { count: number; ms: number };
const shapes = new Map<string, Entry>();
let total = 0;
let totalMs = 0;
let installed = false;

type StmtProto = Record<"run" | "all" | "get", (this: { source: string }, ...a: unknown[]) => unknown>;

export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as StmtProto;
  probe.close();
  for (const m of ["run", "all", "get"] as const) {
    const fn = proto[m];
    proto[m] = function (...args: unknown[]) {
      total++;
      const shape = this.source.replace(/\s+/g, " ").replace(/^SELECT .*? FROM/, "SELECT … FROM").replace(/VALUES \(.*?\)/, "VALUES (…)").slice(0, 120);
      let e = shapes.get(shape);
      if (!e) shapes.set(shape, (e = { count: 0, ms: 0 }));
      e.count++;
      const t = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        const d = performance.now() - t;
        e.ms += d;
        totalMs += d;
      }
    };
  }
}

export function resetSqlCounter(): void {
  shapes.clear();
  total = 0;
  totalMs = 0;
}

export function reportSqlCounter(n: number, top = 30, unit = "message"): void {
  console.log(`sql                  ${total} statements for ${n} ${unit}s = ${(total / n).toFixed(1)} per ${unit}, ${(totalMs / n).toFixed(2)} ms per ${unit} executing in SQLite; by time:`);
  console.log(`      per ${unit}   ms per ${unit}`);
  for (const [k, v] of [...shapes].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(`  ${(v.count / n).toFixed(2).padStart(8)}  ${(v.ms / n).toFixed(3).padStart(10)}  ${k}`);
}
