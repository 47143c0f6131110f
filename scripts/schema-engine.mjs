// Creates migrations offline with Prisma's WASM schema engine (the native engine cannot be downloaded here).
// A development tool: migrations are *applied* at start by src/db/migrate.ts, which needs no engine.
//   node scripts/schema-engine.mjs create <name>   diff (existing migrations → schema) for SQLite and PostgreSQL
// Pinned to prisma 7.10.1 / @prisma/schema-engine-wasm 8.1.0-2.59be4fda…; re-check on any Prisma upgrade.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const targets = [
  { provider: "sqlite", schema: "prisma/schema.prisma", dir: "prisma/migrations" },
  { provider: "postgresql", schema: "prisma/pg/schema.prisma", dir: "prisma/pg/migrations" },
];

async function sqliteAdapterFactory() {
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSqlite3({ url: ":memory:" });
  // The engine replays migrations on the shadow DB with executeRaw, which better-sqlite3 rejects for
  // multi-statement SQL: send parameterless SQL to executeScript instead.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => (q.args?.length ? executeRaw(q) : (await shadow.executeScript(q.sql), 0));
    return shadow;
  };
  return factory;
}

// The PostgreSQL engine connects at start: run this script under scripts/with-local-pg.sh.
async function pgAdapterFactory() {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const u = new URL(process.env.DATABASE_URL ?? "postgresql://127.0.0.1/postgres");
  return new PrismaPg({ host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), database: u.pathname.slice(1) });
}

// Importing the package root fails on Node 20 (.wasm extension): instantiate the glue's sibling .wasm by hand, once.
let gluePromise;
function loadGlue() {
  gluePromise ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => console.error("schema engine panic:", m) };
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasm)), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

async function loadEngine(schemaPath, adapterFactory) {
  const glue = await loadGlue();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const files = [[schemaPath, fs.readFileSync(schemaPath, "utf8")]];
  return glue.SchemaEngine.new({ datamodels: files }, () => {}, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}

function listMigrations(dir) {
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
}

// PostgreSQL has no shadow DB here, so its diff starts from the schema as of the previous migration,
// which this script keeps beside each migration (schema.prisma.snapshot).
async function create(target, name) {
  const schemaPath = path.resolve(target.schema);
  const existing = listMigrations(target.dir);
  const factory = target.provider === "sqlite" ? await sqliteAdapterFactory() : await pgAdapterFactory();
  const engine = await loadEngine(schemaPath, factory);
  try {
    const last = existing.at(-1);
    const snapshot = last && path.join(target.dir, last, "schema.prisma.snapshot");
    const from = snapshot && fs.existsSync(snapshot)
      ? { tag: "schemaDatamodel", files: [{ path: snapshot, content: fs.readFileSync(snapshot, "utf8") }] }
      : { tag: "empty" };
    const to = { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
    const out = await engine.diff({ from, to, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
    const sql = (out.stdout ?? "").trim();
    if (!sql || /^-- This is an empty migration\.?$/.test(sql)) return console.log(`${target.provider}: no schema changes`);
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(target.dir, `${stamp}_${name.replace(/\W+/g, "_")}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    fs.copyFileSync(schemaPath, path.join(dir, "schema.prisma.snapshot"));
    fs.writeFileSync(path.join(target.dir, "migration_lock.toml"), `provider = "${target.provider}"\n`);
    console.log(`${target.provider}: created ${dir}`);
  } finally {
    engine.free();
  }
}

const [cmd, name = "migration"] = process.argv.slice(2);
if (cmd !== "create") {
  console.error("usage: node scripts/schema-engine.mjs create <name>");
  process.exit(2);
}
for (const target of targets) await create(target, name);
