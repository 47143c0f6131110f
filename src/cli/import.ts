// npm run import -- bills FILE.csv [--community NAME]
// npm run import -- payments FILE.csv [--community NAME]
// Columns and rules: src/services/fees/import.ts. Exit 0 imported, 2 the file (or the arguments) was
// rejected and nothing was written, 1 any other failure.
import fs from "node:fs";
import { loadConfig } from "../config.js";
import { openDb } from "../db.js";
import { COLUMNS, ImportError, importFees, resolveCommunity, type ImportKind } from "../services/fees/import.js";

const USAGE = `usage: npm run import -- bills|payments FILE.csv [--community NAME]
  bills:    ${COLUMNS.bills.join(",")}
  payments: ${COLUMNS.payments.join(",")}`;

function parseArgs(argv: string[]): { kind: ImportKind; file: string; community?: string } | null {
  const positional: string[] = [];
  let community: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--community") {
      community = argv[++i];
      if (!community) return null;
    } else if (a.startsWith("--community=")) community = a.slice("--community=".length);
    else if (a.startsWith("--")) return null;
    else positional.push(a);
  }
  const [kind, file] = positional;
  if ((kind !== "bills" && kind !== "payments") || !file || positional.length !== 2) return null;
  return { kind, file, ...(community ? { community } : {}) };
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error(USAGE);
  process.exit(2);
}
let text: string;
try {
  text = fs.readFileSync(args.file, "utf8");
} catch (err) {
  console.error(`${args.file}: cannot read: ${(err as Error).message}`);
  process.exit(2);
}

const db = await openDb(loadConfig().DATABASE_URL);
let code = 0;
try {
  const community = await resolveCommunity(db, args.community);
  if (!community) {
    console.error(args.community ? `no community named ${args.community}` : "the database has no community yet");
    code = 2;
  } else {
    const r = await importFees(db, community.id, args.kind, text);
    console.log(`${community.name}: ${r.kind} ${args.file}: ${r.rows} rows — ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
  }
} catch (err) {
  if (err instanceof ImportError) {
    for (const i of err.issues) console.error(`${args.file}:${i.line}: ${i.message}`);
    console.error(`${args.file}: rejected (${err.issues.length} problem${err.issues.length === 1 ? "" : "s"}); nothing was imported`);
    code = 2;
  } else {
    console.error(err instanceof Error ? err.message : err);
    code = 1;
  }
} finally {
  await db.$disconnect();
}
process.exit(code);
