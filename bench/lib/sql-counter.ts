// `--count-sql`: counts the SQL statements the Prisma SQLite adapter runs (it prepares every
// statement it runs) and the time SQLite spends executing them, grouped by shape, to see where the
// work goes: how many statements, and which ones are slow (e.g. a scan for want of an index).
import Database from "better-sqlite3";

type Entry = { count: number; ms: number };
const shapes = new Map<string, Entry>();
let total = 0;
let totalMs = 0;
let installed = false;

type Stmt = { run: (...a: unknown[]) => unknown; all: (...a: unknown[]) => unknown; get: (...a: unknown[]) => unknown };

export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  const proto = Database.prototype as unknown as { prepare: (sql: string) => Stmt };
  const orig = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    total++;
    const shape = sql.replace(/\s+/g, " ").replace(/^SELECT .*? FROM/, "SELECT … FROM").replace(/VALUES \(.*?\)/, "VALUES (…)").slice(0, 120);
    let e = shapes.get(shape);
    if (!e) shapes.set(shape, (e = { count: 0, ms: 0 }));
    e.count++;
    const stmt = orig.call(this, sql);
    for (const m of ["run", "all", "get"] as const) {
      const fn = stmt[m];
      stmt[m] = (...args: unknown[]) => {
        const t = performance.now();
        try {
          return fn.apply(stmt, args);
        } finally {
          const d = performance.now() - t;
          e.ms += d;
          totalMs += d;
        }
      };
    }
    return stmt;
  };
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
