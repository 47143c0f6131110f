// The Prisma client with its driver adapter: a SQLite file by default, PostgreSQL when DATABASE_URL
// is a postgres URL. Two clients are generated from one schema (see README, "PostgreSQL").
import { PrismaClient } from "../generated/prisma/client.js";
import { applyMigrations } from "./db-migrate.js";
import { cachingSqliteAdapter } from "./db-statement-cache.js";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction: what services take to read and write. */
export type DbOrTx = Db | Tx;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Opens the database and brings its schema up to date (committed migrations, applied in order). */
export async function openDb(url: string): Promise<Db> {
  await applyMigrations(url);
  if (isPostgresUrl(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient: PgClient } = await import("../generated/pg/client.js");
    // Same models, other provider: the generated APIs are identical, so one type serves both.
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: cachingSqliteAdapter(sqlitePath(url)) });
}

/** "file:./data/x.db" → "./data/x.db" (better-sqlite3 takes a path). */
export function sqlitePath(url: string): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
