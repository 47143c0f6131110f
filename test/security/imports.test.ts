// Malformed imports (src/services/fees/import.ts): every bad file is refused as a whole with the
// line and reason of each problem, and nothing of it is written — not even its good lines.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportError, importFees, type ImportKind } from "../../src/services/fees/import.js";
import { startHarness, type Harness } from "../helpers/harness.js";
import { SECURE_COMMUNITY } from "./helpers.js";

let h: Harness;
beforeEach(async () => { h = await startHarness({ community: SECURE_COMMUNITY }); });
afterEach(async () => { await h.close(); });

const BILLS = "building,unit,room,item,period,amount,dueDate";
const PAYMENTS = "building,unit,room,item,period,amount,paidAt";
const GOOD = "3,2,1201,物业服务费,2026-02,356.40,2026-02-28";
const state = async () => ({ bills: await h.db.bill.findMany({ orderBy: { id: "asc" } }) });

type Case = { label: string; kind: ImportKind; text: string; issue: RegExp };
const CASES: Case[] = [
  { label: "an empty file", kind: "bills", text: "", issue: /^line 1: empty file/ },
  { label: "only a BOM", kind: "bills", text: "\ufeff", issue: /^line 1: empty file/ },
  { label: "a header and nothing else", kind: "bills", text: `${BILLS}\n`, issue: /^line 1: no data rows/ },
  { label: "a missing column", kind: "bills", text: `building,unit,room,item,period,amount\n3,2,1201,物业服务费,2026-02,356.40`, issue: /^line 1: missing column\(s\): dueDate/ },
  { label: "a duplicated column", kind: "bills", text: `${BILLS},amount\n${GOOD},1`, issue: /^line 1: duplicate column\(s\): amount/ },
  { label: "letters for an amount", kind: "bills", text: `${BILLS}\n${GOOD}\n3,2,1201,停车费,2026-02,abc,2026-02-28`, issue: /^line 3: amount: expected an amount/ },
  { label: "a negative amount", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-02,-5.00,2026-02-28`, issue: /^line 2: amount/ },
  { label: "three decimals", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-02,1.234,2026-02-28`, issue: /^line 2: amount/ },
  { label: "an amount in scientific notation", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-02,1e9,2026-02-28`, issue: /^line 2: amount/ },
  { label: "a bill of zero", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-02,0,2026-02-28`, issue: /^line 2: amount: a bill must be more than 0/ },
  { label: "an impossible date", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-02,356.40,2026-02-30`, issue: /^line 2: dueDate: not a real date/ },
  { label: "a month 13", kind: "bills", text: `${BILLS}\n3,2,1201,物业服务费,2026-13,356.40,2026-02-28`, issue: /^line 2: period/ },
  { label: "an unknown household", kind: "bills", text: `${BILLS}\n${GOOD}\n9,9,999,物业服务费,2026-02,100.00,2026-02-28`, issue: /^line 3: unknown household 9栋9单元999/ },
  { label: "the same bill twice", kind: "bills", text: `${BILLS}\n${GOOD}\n${GOOD}`, issue: /^line 3: duplicate of line 2/ },
  { label: "an unterminated quote", kind: "bills", text: `${BILLS}\n3,2,1201,"物业服务费,2026-02,356.40,2026-02-28`, issue: /^line 2: unterminated quoted field/ },
  { label: "too many fields", kind: "bills", text: `${BILLS}\n${GOOD},extra`, issue: /^line 2: expected 7 fields, found 8/ },
  { label: "binary junk", kind: "bills", text: "\u0000\u0001\u0002\u0003\ufffd\u0007PK\u0003\u0004", issue: /^line 1: missing column/ },
  { label: "an item name of 41 characters", kind: "bills", text: `${BILLS}\n3,2,1201,${"费".repeat(41)},2026-02,356.40,2026-02-28`, issue: /^line 2: item: too long/ },
  { label: "an empty room", kind: "bills", text: `${BILLS}\n3,2,,物业服务费,2026-02,356.40,2026-02-28`, issue: /^line 2: room: required/ },
  { label: "SQL in a field", kind: "bills", text: `${BILLS}\n3,2,"1201'; DROP TABLE Bill; --",物业服务费,2026-02,356.40,2026-02-28`, issue: /^line 2: unknown household/ },
  { label: "a payment of a bill never imported", kind: "payments", text: `${PAYMENTS}\n3,2,1201,物业服务费,2025-06,100.00,2025-07-01`, issue: /^line 2: no bill 物业服务费 2025-06/ },
  { label: "a payment above its bill", kind: "payments", text: `${PAYMENTS}\n3,2,1201,物业服务费,2026-01,999.00,2026-02-01`, issue: /^line 2: amount: paid 999.00 is more than the bill \(356.40\)/ },
  { label: "a payment in the future format", kind: "payments", text: `${PAYMENTS}\n3,2,1201,物业服务费,2026-01,356.40,01/02/2026`, issue: /^line 2: paidAt/ },
];

describe("a malformed file is refused whole, with line numbers, and writes nothing", () => {
  it.each(CASES)("$label", async (c) => {
    const before = await state();
    const err = await importFees(h.db, h.communityId, c.kind, c.text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message.split("\n").some((l) => c.issue.test(l)), (err as ImportError).message).toBe(true);
    expect(await state()).toEqual(before);
  });

  it("refuses 2,000 good lines and one bad last line, writing none of them", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `3,2,1201,停车费${i},2026-02,100.00,2026-02-28`);
    const before = await state();
    const err = await importFees(h.db, h.communityId, "bills", [BILLS, ...rows, "4,1,301,物业服务费,2026-02,abc,2026-02-28"].join("\n")).catch((e: unknown) => e);
    expect((err as ImportError).issues).toEqual([{ line: 2002, message: expect.stringMatching(/^amount/) as unknown as string }]);
    expect(await state()).toEqual(before);
  });

  it("lists every problem of a file, not just the first", async () => {
    const text = [BILLS, "3,2,1201,物业服务费,2026-02,abc,2026-02-28", GOOD, "9,9,9,物业服务费,2026-02,1.00,2026-02-28", "3,2,1201,物业服务费,2026-02,1.00,2026-02-31"].join("\n");
    const err = (await importFees(h.db, h.communityId, "bills", text).catch((e: unknown) => e)) as ImportError;
    expect(err.issues.map((i) => i.line)).toEqual([2, 4, 5]);
  });

  it("imports a good file, and importing it again changes nothing (the control case)", async () => {
    expect(await importFees(h.db, h.communityId, "bills", `${BILLS}\n${GOOD}`)).toMatchObject({ created: 1 });
    expect(await importFees(h.db, h.communityId, "bills", `${BILLS}\n${GOOD}`)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});
