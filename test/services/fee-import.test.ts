// Bill and payment imports against a real SQLite file: malformed files are rejected whole with the
// exact line, nothing half-imported, and importing the same file twice changes nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { ImportError, importFees, parseCsv, toCents } from "../../src/services/fees/import.js";
import { COMMUNITY } from "../helpers/harness.js";

let db: Db;
let file: string;
let communityId: number;

beforeEach(async () => {
  file = path.join(os.tmpdir(), `wuye-import-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  db = await openDb(`file:${file}`);
  communityId = await loadCommunity(db, CommunityDefinitionSchema.parse({ ...COMMUNITY, bills: [] }));
});
afterEach(async () => {
  await db.$disconnect();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});

const BILLS = `building,unit,room,item,period,amount,dueDate
3,2,1201,物业服务费,2026-01,356.40,2026-01-31
3,2,1201,物业服务费,2026-02,356.40,2026-02-28
4,1,301,物业服务费,2026-01,298.00,2026-01-31
4,1,301,停车费,2026-01,150,2026-01-31
`;

async function rejected(kind: "bills" | "payments", text: string) {
  try {
    await importFees(db, communityId, kind, text);
  } catch (err) {
    if (err instanceof ImportError) return err.issues;
    throw err;
  }
  throw new Error("expected the file to be rejected");
}

describe("CSV parsing", () => {
  it("handles quotes, escaped quotes, CRLF, a BOM and blank lines, keeping line numbers", () => {
    const { rows, issues } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",2\n3,4');
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 4, cells: ["multi\nline", "2"] },
      { line: 6, cells: ["3", "4"] },
    ]);
  });
  it("reports an unterminated quote", () => {
    expect(parseCsv('a,b\n1,"2\n').issues).toEqual([{ line: 2, message: "unterminated quoted field" }]);
  });
  it("converts yuan to cents without floating point", () => {
    expect([toCents("356.40"), toCents("0.1"), toCents("150"), toCents("1.05"), toCents("19.99")]).toEqual([35640, 10, 15000, 105, 1999]);
  });
});

describe("bills import", () => {
  it("imports, and importing the same file twice changes nothing", async () => {
    expect(await importFees(db, communityId, "bills", BILLS)).toEqual({ kind: "bills", rows: 4, created: 4, updated: 0, unchanged: 0 });
    const before = await db.bill.findMany({ orderBy: { id: "asc" } });
    expect(before.map((b) => b.amountCents)).toEqual([35640, 35640, 29800, 15000]);
    // Due at the end of the local day (Asia/Shanghai).
    expect(before[0]!.dueDate.toISOString()).toBe("2026-01-31T15:59:59.000Z");
    expect(await importFees(db, communityId, "bills", BILLS)).toEqual({ kind: "bills", rows: 4, created: 0, updated: 0, unchanged: 4 });
    expect(await db.bill.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("updates a corrected amount but never what was paid", async () => {
    await importFees(db, communityId, "bills", BILLS);
    await importFees(db, communityId, "payments", "building,unit,room,item,period,amount,paidAt\n3,2,1201,物业服务费,2026-01,356.40,2026-02-03\n");
    const r = await importFees(db, communityId, "bills", BILLS.replace("3,2,1201,物业服务费,2026-01,356.40", "3,2,1201,物业服务费,2026-01,360.00"));
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const bill = await db.bill.findFirstOrThrow({ where: { period: "2026-01", household: { room: "1201" } } });
    expect(bill).toMatchObject({ amountCents: 36000, paidCents: 35640 });
  });

  it("accepts columns in any order, quoted fields and an empty unit", async () => {
    await loadCommunity(db, CommunityDefinitionSchema.parse({ name: "别墅区", households: [{ building: "B", room: "8", owner: "王", phone: "13900000000" }] }));
    const other = (await db.community.findUniqueOrThrow({ where: { name: "别墅区" } })).id;
    const r = await importFees(db, other, "bills", 'amount,dueDate,building,unit,room,item,period,note\n"1200.00",2026-03-31,B,,8,"物业服务费",2026-03,"季度, 预收"\n');
    expect(r.created).toBe(1);
    expect(await db.bill.findFirstOrThrow({ where: { communityId: other } })).toMatchObject({ amountCents: 120000, item: "物业服务费" });
  });

  it("rejects a file with a missing column on line 1", async () => {
    expect(await rejected("bills", "building,unit,room,item,period,dueDate\n3,2,1201,物业服务费,2026-01,2026-01-31\n")).toEqual([
      { line: 1, message: "missing column(s): amount (expected building,unit,room,item,period,amount,dueDate)" },
    ]);
  });

  it("rejects bad amounts, dates and periods with their lines, and writes nothing", async () => {
    const text = `building,unit,room,item,period,amount,dueDate
3,2,1201,物业服务费,2026-01,356.40,2026-01-31
3,2,1201,物业服务费,2026-02,35a.40,2026-02-28
3,2,1201,物业服务费,2026-03,-1,2026-03-31
3,2,1201,物业服务费,2026-04,1.234,2026-04-30
3,2,1201,物业服务费,2026-05,100,2026-02-30
3,2,1201,物业服务费,2026-13,100,2026-05-31
3,2,1201,物业服务费,2026-06,0,2026-06-30
3,2,1201,物业服务费,2026-07,100
`;
    const issues = await rejected("bills", text);
    expect(issues).toEqual([
      { line: 3, message: "amount: expected an amount in yuan like 356.40" },
      { line: 4, message: "amount: expected an amount in yuan like 356.40" },
      { line: 5, message: "amount: expected an amount in yuan like 356.40" },
      { line: 6, message: "dueDate: not a real date" },
      { line: 7, message: "period: expected a month like 2026-01" },
      { line: 8, message: "amount: a bill must be more than 0" },
      { line: 9, message: "expected 7 fields, found 6" },
    ]);
    expect(await db.bill.count()).toBe(0); // line 2 was fine, and still not imported
  });

  it("rejects unknown households and duplicate rows with their lines", async () => {
    const text = `building,unit,room,item,period,amount,dueDate
3,2,1201,物业服务费,2026-01,356.40,2026-01-31
9,1,101,物业服务费,2026-01,356.40,2026-01-31
4,1,301,物业服务费,2026-01,298.00,2026-01-31
3,2,1201,物业服务费,2026-01,356.40,2026-01-31
`;
    expect(await rejected("bills", text)).toEqual([
      { line: 3, message: "unknown household 9栋1单元101 (building,unit,room = 9,1,101)" },
      { line: 5, message: "duplicate of line 2: 3栋2单元1201 物业服务费 2026-01" },
    ]);
    expect(await db.bill.count()).toBe(0);
  });

  it("rejects an empty file and a file with only a header", async () => {
    expect(await rejected("bills", "")).toEqual([{ line: 1, message: "empty file; expected a header row: building,unit,room,item,period,amount,dueDate" }]);
    expect(await rejected("bills", "building,unit,room,item,period,amount,dueDate\n")).toEqual([{ line: 1, message: "no data rows" }]);
  });
});

describe("payments import", () => {
  const PAYMENTS = `building,unit,room,item,period,amount,paidAt
3,2,1201,物业服务费,2026-01,356.40,2026-02-03
4,1,301,物业服务费,2026-01,100.00,2026-02-05
`;
  it("sets the total paid per bill, idempotently", async () => {
    await importFees(db, communityId, "bills", BILLS);
    expect(await importFees(db, communityId, "payments", PAYMENTS)).toEqual({ kind: "payments", rows: 2, created: 0, updated: 2, unchanged: 0 });
    const after = await db.bill.findMany({ orderBy: { id: "asc" } });
    expect(after.map((b) => b.paidCents)).toEqual([35640, 0, 10000, 0]);
    expect(after[0]!.paidAt?.toISOString()).toBe("2026-02-02T16:00:00.000Z");
    expect(await importFees(db, communityId, "payments", PAYMENTS)).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await db.bill.findMany({ orderBy: { id: "asc" } })).toEqual(after);
    // A later statement replaces the total; it does not add to it.
    await importFees(db, communityId, "payments", "building,unit,room,item,period,amount,paidAt\n4,1,301,物业服务费,2026-01,298.00,2026-02-20\n");
    expect((await db.bill.findMany({ orderBy: { id: "asc" } })).map((b) => b.paidCents)).toEqual([35640, 0, 29800, 0]);
  });

  it("rejects payments for bills that do not exist or exceed the bill, and writes nothing", async () => {
    await importFees(db, communityId, "bills", BILLS);
    const text = `building,unit,room,item,period,amount,paidAt
3,2,1201,物业服务费,2026-01,356.40,2026-02-03
3,2,1201,物业服务费,2025-12,356.40,2026-02-03
4,1,301,停车费,2026-01,150.01,2026-02-03
`;
    expect(await rejected("payments", text)).toEqual([
      { line: 3, message: "no bill 物业服务费 2025-12 for this household (import bills first)" },
      { line: 4, message: "amount: paid 150.01 is more than the bill (150.00)" },
    ]);
    expect(await db.bill.aggregate({ _sum: { paidCents: true } })).toEqual({ _sum: { paidCents: 0 } });
  });

  it("rejects a payments file with a bills header", async () => {
    expect(await rejected("payments", BILLS)).toEqual([{ line: 1, message: "missing column(s): paidAt (expected building,unit,room,item,period,amount,paidAt)" }]);
  });
});

describe("npm run import", () => {
  it("imports through the CLI and reports a bad file with FILE:LINE, exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wuye-import-cli-"));
    const good = path.join(dir, "bills.csv");
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(good, BILLS);
    fs.writeFileSync(bad, BILLS + "3,2,1201,物业服务费,2026-01,356.40,2026-01-31\n");
    const env = { ...process.env, DATABASE_URL: `file:${file}`, LOG_LEVEL: "silent" };
    const run = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync("npx", ["tsx", "src/cli/import.ts", ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }), err: "" };
      } catch (e) {
        const x = e as { status: number; stdout: string; stderr: string };
        return { code: x.status, out: x.stdout, err: x.stderr };
      }
    };
    const ok = run("bills", good, "--community", "祥云国际");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("4 rows — 4 created, 0 updated, 0 unchanged");
    const no = run("bills", bad);
    expect(no.code).toBe(2);
    expect(no.err).toContain(`${bad}:6: duplicate of line 2`);
    expect(no.err).toContain("nothing was imported");
    expect(run("bills", good, "--community", "没有这个小区").code).toBe(2);
    expect(run("invoices", good).code).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
