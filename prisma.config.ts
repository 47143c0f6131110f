import { defineConfig } from "prisma/config";

// Offline: `prisma generate` never runs the native schema engine, but the CLI tries to download it
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Migrations are applied by our own code
// (src/db/migrate.ts) and created by scripts/schema-engine.mjs (WASM engine), never by `prisma migrate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? "prisma/schema.prisma",
  migrations: { path: process.env.PRISMA_MIGRATIONS ?? "prisma/migrations" },
});
