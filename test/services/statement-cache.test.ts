// The SQLite connection reuses prepared statements (src/db-statement-cache.ts): installed on the
// adapter of the pinned Prisma version, and invisible to the code above it — same rows, same errors,
// transactions that roll back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db.js";
import { statementCacheStats } from "../../src/db-statement-cache.js";

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "stmt-cache-"));
  db = await openDb(`file:${path.join(dir, "t.db")}`);
});
afterEach(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("is installed and reuses statements across queries", async () => {
  const before = statementCacheStats();
  for (const name of ["甲小区", "乙小区", "丙小区"]) await db.community.create({ data: { name } });
  const rows = await db.community.findMany({ orderBy: { id: "asc" } });
  expect(rows.map((r) => r.name)).toEqual(["甲小区", "乙小区", "丙小区"]);
  const after = statementCacheStats();
  expect(after.installed).toBe(true);
  expect(after.hits - before.hits).toBeGreaterThanOrEqual(2); // the 2nd and 3rd INSERT at least
});

it("returns fresh values each time a cached statement runs", async () => {
  const c = await db.community.create({ data: { name: "甲小区" } });
  for (let i = 1; i <= 3; i++) {
    const u = await db.community.update({ where: { id: c.id }, data: { lastTicketNumber: { increment: 1 } } });
    expect(u.lastTicketNumber).toBe(i);
  }
  expect((await db.community.findUnique({ where: { name: "甲小区" } }))?.lastTicketNumber).toBe(3);
  expect(await db.community.findUnique({ where: { name: "乙小区" } })).toBeNull();
});

it("still reports constraint errors and rolls back transactions", async () => {
  await db.community.create({ data: { name: "甲小区" } });
  await expect(db.community.create({ data: { name: "甲小区" } })).rejects.toMatchObject({ code: "P2002" });
  await expect(
    db.$transaction(async (tx) => {
      await tx.community.create({ data: { name: "乙小区" } });
      await tx.community.create({ data: { name: "甲小区" } });
    }),
  ).rejects.toMatchObject({ code: "P2002" });
  expect(await db.community.count()).toBe(1);
});
