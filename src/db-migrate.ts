// Applies the committed migrations (prisma/migrations for SQLite, prisma/pg/migrations for PostgreSQL)
// at start-up. Prisma's own `migrate deploy` needs a native engine this network cannot download, so
// this does the same small job: run each pending migration.sql in order, in a transaction, and
// record it in Prisma's `_prisma_migrations` table (so `prisma migrate status` still agrees).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Migration = { name: string; sql: string; checksum: string };

function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" TIMESTAMP,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMP,
  "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Returns the names of the migrations it applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  return /^postgres(ql)?:\/\//.test(url) ? applyPostgres(url) : applySqlite(url);
}

async function applySqlite(url: string): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const file = url.startsWith("file:") ? url.slice(5) : url;
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_TABLE);
    const done = new Set(db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).all().map((r) => (r as { migration_name: string }).migration_name));
    const applied: string[] = [];
    for (const m of readMigrations(path.join(root, "prisma/migrations"))) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, CURRENT_TIMESTAMP, ?, 1)`).run(randomUUID(), m.checksum, m.name);
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function applyPostgres(url: string): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time when several instances start together.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(CREATE_TABLE);
    const res = await client.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    const done = new Set(res.rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const m of readMigrations(path.join(root, "prisma/pg/migrations"))) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
