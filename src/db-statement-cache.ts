// A prepared-statement cache for Prisma's better-sqlite3 driver adapter.
//
// The adapter (7.10) calls `db.prepare(sql)` for every statement it runs, and preparing costs about
// as much as SQLite's own execution of our small statements: ~10% of the CPU of a resident's message
// (bench/README.md). Prisma emits the same SQL text for the same query shape, so the statements are
// kept (least recently used first out) and re-bound on each call. This is the only place that knows
// the adapter's internals; if an upgrade changes them, `withStatementCache` leaves the adapter as it
// was and `statementCacheStats().installed` says so (test/services/statement-cache.test.ts).
import type BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Statement = BetterSqlite3.Statement<unknown[]>;
type Factory = InstanceType<typeof PrismaBetterSqlite3>;

const stats = { installed: false, hits: 0, misses: 0 };
export const statementCacheStats = () => ({ ...stats });

const columnsOf = new WeakMap<Statement, BetterSqlite3.ColumnDefinition[]>();

/** What the adapter does with a statement after `prepare(sql).bind(args)`. */
class BoundStatement {
  constructor(
    private readonly stmt: Statement,
    private readonly args: unknown[],
  ) {}
  get reader() {
    return this.stmt.reader;
  }
  run() {
    return this.stmt.run(...this.args);
  }
  columns() {
    // Fixed for a prepared statement (it is prepared again, and re-cached, after a schema change).
    let cols = columnsOf.get(this.stmt);
    if (!cols) columnsOf.set(this.stmt, (cols = this.stmt.columns()));
    return cols;
  }
  raw() {
    const stmt = this.stmt.raw(true);
    return { all: () => stmt.all(...this.args) };
  }
}

/** The parts of a better-sqlite3 connection the adapter uses, with `prepare` served from a cache. */
function cachingConnection(db: BetterSqlite3.Database, maxSize: number) {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        stats.hits++;
        cache.delete(sql); // re-inserted below: the Map's order is the recency order
      } else {
        stats.misses++;
        stmt = db.prepare(sql);
        if (cache.size >= maxSize) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return { bind: (args: unknown[]) => new BoundStatement(stmt, args), run: () => stmt.run() };
    },
    exec(sql: string) {
      cache.clear(); // a script may change the schema
      db.exec(sql);
      return this;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}

/** The official adapter factory, whose connections reuse prepared statements. */
export function cachingSqliteAdapter(path: string, maxSize = 500): Factory {
  const factory = new PrismaBetterSqlite3({ url: path });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const holder = adapter as unknown as { client?: BetterSqlite3.Database };
    if (holder.client && typeof holder.client.prepare === "function" && typeof holder.client.exec === "function") {
      holder.client = cachingConnection(holder.client, maxSize) as unknown as BetterSqlite3.Database;
      stats.installed = true;
    }
    return adapter;
  };
  return factory;
}
