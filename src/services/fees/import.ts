// Bills and payments from the office's accounts, as CSV files (`npm run import -- bills FILE.csv`).
// A file is validated whole before anything is written, and written in one transaction: a bad file
// is rejected with every bad line and its reason, and nothing of it is imported.
//
// bills.csv     building,unit,room,item,period,amount,dueDate   e.g. 3,2,1201,物业服务费,2026-01,356.40,2026-01-31
// payments.csv  building,unit,room,item,period,amount,paidAt    e.g. 3,2,1201,物业服务费,2026-01,356.40,2026-02-10
//
// - Header row first; columns may come in any order; extra columns are ignored. Comma-separated,
//   fields may be quoted ("..." with "" for a quote); blank lines are skipped; UTF-8, BOM allowed.
// - `unit` may be empty (buildings without units). `period` is YYYY-MM; `amount` in yuan with at most
//   two decimals (stored as integer cents); dates are YYYY-MM-DD in the community's time zone.
// - Bills are upserted by (household, item, period): importing a corrected file updates amounts and
//   due dates, and never touches what was paid.
// - A payment row states the TOTAL paid so far on that bill (what the accounts system shows), not an
//   increment: it sets paidCents and paidAt. So importing the same payments file twice changes
//   nothing, and a later statement of the same bill simply replaces the earlier one. The bill must
//   exist (import bills first) and the amount may not exceed the bill; 0 records "nothing paid".
// - Rows identical to what is stored are counted as unchanged and not written.
import { z } from "zod";
import { addressLabel, buildingName } from "../community/building-names.js";
import type { Db, Tx } from "../../db.js";
import { atLocal } from "../time.js";

export type ImportKind = "bills" | "payments";
export type ImportIssue = { line: number; message: string };
export type ImportResult = { kind: ImportKind; rows: number; created: number; updated: number; unchanged: number };

/** A rejected file: every problem found, by line (line 1 is the header). */
export class ImportError extends Error {
  override name = "ImportError";
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => `line ${i.line}: ${i.message}`).join("\n"));
  }
}

export const COLUMNS: Record<ImportKind, readonly string[]> = {
  bills: ["building", "unit", "room", "item", "period", "amount", "dueDate"],
  payments: ["building", "unit", "room", "item", "period", "amount", "paidAt"],
};

// ——— CSV ———

export type CsvRow = { line: number; cells: string[] };

/**
 * Splits CSV text into rows of cells. `line` is the physical line a row starts on (1-based), so
 * messages point at what an editor shows. Quoted fields may hold commas, quotes ("") and newlines.
 */
export function parseCsv(text: string): { rows: CsvRow[]; issues: ImportIssue[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const issues: ImportIssue[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= src.length) {
        if (quoted) issues.push({ line: start, message: "unterminated quoted field" });
        break;
      }
      const ch = src[i]!;
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') { cell += '"'; i += 2; continue; }
          quoted = false; i++; continue;
        }
        if (ch === "\n") line++;
        cell += ch; i++; continue;
      }
      if (ch === '"' && cell.trim() === "" && !wasQuoted) { quoted = true; wasQuoted = true; cell = ""; i++; continue; }
      if (ch === ",") { cells.push(wasQuoted ? cell : cell.trim()); cell = ""; wasQuoted = false; i++; continue; }
      if (ch === "\r" || ch === "\n") {
        i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
        line++;
        break;
      }
      if (wasQuoted) {
        // Text after a closing quote: tolerate spaces, refuse anything else.
        if (ch.trim() !== "") { issues.push({ line: start, message: "unexpected text after a closing quote" }); }
        i++; continue;
      }
      cell += ch; i++;
    }
    cells.push(wasQuoted ? cell : cell.trim());
    if (cells.length === 1 && cells[0] === "" && !wasQuoted) continue; // blank line
    rows.push({ line: start, cells });
  }
  return { rows, issues };
}

// ——— rows ———

const isRealDate = (ymd: string) => {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-01-31").refine(isRealDate, "not a real date");
const amount = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, "expected an amount in yuan like 356.40");

const RowBase = {
  // "3号楼", "B座" name the buildings the community was loaded with ("3", "B").
  building: z.string().min(1, "required").transform(buildingName),
  unit: z.string(),
  room: z.string().min(1, "required"),
  item: z.string().min(1, "required").max(40, "too long"),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month like 2026-01"),
  amount,
};
const BillRow = z.object({ ...RowBase, dueDate: date });
const PaymentRow = z.object({ ...RowBase, paidAt: date });

/** "356.4" → 35640, without floating point. */
export function toCents(yuan: string): number {
  const [whole, frac = ""] = yuan.split(".") as [string, string?];
  return Number(whole) * 100 + Number((frac + "00").slice(0, 2));
}

type Parsed = { line: number; householdId: number; item: string; period: string; cents: number; date: string };

const addressOf = (r: { building: string; unit: string; room: string }) => addressLabel(r);

/** Validates the whole file against the community's households (and bills, for payments). */
async function validate(tx: Tx, communityId: number, kind: ImportKind, text: string): Promise<Parsed[]> {
  const { rows, issues } = parseCsv(text);
  if (issues.length) throw new ImportError(issues);
  const [header, ...body] = rows;
  if (!header) throw new ImportError([{ line: 1, message: `empty file; expected a header row: ${COLUMNS[kind].join(",")}` }]);
  const names = header.cells.map((c) => c.trim());
  const missing = COLUMNS[kind].filter((c) => !names.includes(c));
  if (missing.length) throw new ImportError([{ line: header.line, message: `missing column(s): ${missing.join(", ")} (expected ${COLUMNS[kind].join(",")})` }]);
  const dupCols = names.filter((n, i) => n && names.indexOf(n) !== i);
  if (dupCols.length) throw new ImportError([{ line: header.line, message: `duplicate column(s): ${dupCols.join(", ")}` }]);
  if (body.length === 0) throw new ImportError([{ line: header.line, message: "no data rows" }]);

  const households = await tx.household.findMany({ where: { communityId }, select: { id: true, unit: true, room: true, building: { select: { name: true } } } });
  const householdKey = (b: string, u: string, r: string) => `${b}\u0000${u}\u0000${r}`;
  const householdIds = new Map(households.map((h) => [householdKey(h.building.name, h.unit, h.room), h.id]));

  const schema = kind === "bills" ? BillRow : PaymentRow;
  const out: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    if (row.cells.length !== names.length) {
      issues.push({ line: row.line, message: `expected ${names.length} fields, found ${row.cells.length}` });
      continue;
    }
    const record = Object.fromEntries(names.map((n, i) => [n, row.cells[i] ?? ""]));
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ line: row.line, message: `${issue.path.join(".") || "row"}: ${issue.message}` });
      continue;
    }
    const r = parsed.data;
    const cents = toCents(r.amount);
    if (kind === "bills" && cents === 0) { issues.push({ line: row.line, message: "amount: a bill must be more than 0" }); continue; }
    const householdId = householdIds.get(householdKey(r.building, r.unit, r.room));
    if (householdId === undefined) { issues.push({ line: row.line, message: `unknown household ${addressOf(r)} (building,unit,room = ${r.building},${r.unit},${r.room})` }); continue; }
    const key = `${householdId}\u0000${r.item}\u0000${r.period}`;
    const first = seen.get(key);
    if (first !== undefined) { issues.push({ line: row.line, message: `duplicate of line ${first}: ${addressOf(r)} ${r.item} ${r.period}` }); continue; }
    seen.set(key, row.line);
    out.push({ line: row.line, householdId, item: r.item, period: r.period, cents, date: "dueDate" in r ? r.dueDate : r.paidAt });
  }
  if (issues.length) throw new ImportError(issues);
  return out;
}

const endOfLocalDay = (ymd: string, tz: string) => {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(atLocal(y, m, d, "23:59", tz).getTime() + 59_000);
};
const startOfLocalDay = (ymd: string, tz: string) => {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return atLocal(y, m, d, "00:00", tz);
};

/** Imports a bills or payments CSV into a community, all or nothing. Throws ImportError for a bad file. */
export async function importFees(db: Db, communityId: number, kind: ImportKind, text: string): Promise<ImportResult> {
  const community = await db.community.findUniqueOrThrow({ where: { id: communityId } });
  const tz = community.timezone;
  return db.$transaction(
    async (tx) => {
      const rows = await validate(tx, communityId, kind, text);
      const periods = [...new Set(rows.map((r) => r.period))];
      const existing = await tx.bill.findMany({ where: { communityId, period: { in: periods } } });
      const billKey = (b: { householdId: number; item: string; period: string }) => `${b.householdId}\u0000${b.item}\u0000${b.period}`;
      const bills = new Map(existing.map((b) => [billKey(b), b]));
      const result: ImportResult = { kind, rows: rows.length, created: 0, updated: 0, unchanged: 0 };

      if (kind === "payments") {
        const issues: ImportIssue[] = [];
        for (const r of rows) {
          const bill = bills.get(billKey(r));
          if (!bill) issues.push({ line: r.line, message: `no bill ${r.item} ${r.period} for this household (import bills first)` });
          else if (r.cents > bill.amountCents) issues.push({ line: r.line, message: `amount: paid ${(r.cents / 100).toFixed(2)} is more than the bill (${(bill.amountCents / 100).toFixed(2)})` });
        }
        if (issues.length) throw new ImportError(issues);
        for (const r of rows) {
          const bill = bills.get(billKey(r))!;
          const paidAt = r.cents > 0 ? startOfLocalDay(r.date, tz) : null;
          if (bill.paidCents === r.cents && (bill.paidAt?.getTime() ?? null) === (paidAt?.getTime() ?? null)) { result.unchanged++; continue; }
          await tx.bill.update({ where: { id: bill.id }, data: { paidCents: r.cents, paidAt } });
          result.updated++;
        }
        return result;
      }

      for (const r of rows) {
        const dueDate = endOfLocalDay(r.date, tz);
        const bill = bills.get(billKey(r));
        if (!bill) {
          await tx.bill.create({ data: { communityId, householdId: r.householdId, item: r.item, period: r.period, amountCents: r.cents, dueDate } });
          result.created++;
        } else if (bill.amountCents === r.cents && bill.dueDate.getTime() === dueDate.getTime()) {
          result.unchanged++;
        } else {
          await tx.bill.update({ where: { id: bill.id }, data: { amountCents: r.cents, dueDate } });
          result.updated++;
        }
      }
      return result;
    },
    // A file of many thousand rows takes longer than Prisma's default 5 s interactive transaction.
    { maxWait: 10_000, timeout: 10 * 60_000 },
  );
}

/** The community to import into: by name, or the first one. */
export async function resolveCommunity(db: Db, name: string | undefined) {
  const community = name ? await db.community.findUnique({ where: { name } }) : await db.community.findFirst({ orderBy: { id: "asc" } });
  return community;
}
