// npm run report -- weekly|monthly|quarterly [--from YYYY-MM-DD --to YYYY-MM-DD] [--format md|csv|json] [--db URL] [--community NAME]
// Prints the office's report for its records: the figures the scheduled reports send (weekly: with the
// fee collection progress table; quarterly: the management report text for residents, in md).
// Without --from/--to: the last whole week / month / quarter. --to is exclusive (the day after the
// last day), like every report period. Exit 0 printed, 2 bad arguments or unknown community, 1 other failure.
import { z } from "zod";
import { publicReportMarkdown, reportCsv, reportMarkdown } from "../bot/texts/reports.js";
import { loadConfig } from "../config.js";
import { openDb } from "../db.js";
import { getSettings } from "../services/community/community.js";
import { resolveCommunity } from "../services/fees/import.js";
import { feeProgress } from "../services/reports/fee-progress.js";
import { computeReport } from "../services/reports/figures.js";
import { parseLocalDate, previousPeriod, type Period } from "../services/reports/periods.js";
import { publicSummary } from "../services/reports/public-summary.js";

const USAGE = "usage: npm run report -- weekly|monthly|quarterly [--from YYYY-MM-DD --to YYYY-MM-DD] [--format md|csv|json] [--db URL] [--community NAME]";

const day = z.string().refine((s) => parseLocalDate(s, "UTC") !== null, "expected a date YYYY-MM-DD");
const ArgsSchema = z
  .object({
    kind: z.enum(["weekly", "monthly", "quarterly"], { error: "expected weekly, monthly or quarterly" }),
    from: day.optional(),
    to: day.optional(),
    format: z.enum(["md", "csv", "json"], { error: "expected md, csv or json" }).default("md"),
    db: z.string().min(1).optional(),
    community: z.string().min(1).optional(),
  })
  .strict()
  .refine((a) => (a.from === undefined) === (a.to === undefined), { message: "--from and --to go together", path: ["to"] })
  // Same-shaped dates compare as strings.
  .refine((a) => !a.from || !a.to || a.from < a.to, { message: "--to must be after --from (it is exclusive)", path: ["to"] });

/** argv → the raw object zod checks: one positional (the kind), `--name value` or `--name=value`. */
function rawArgs(argv: string[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) { positional.push(a); continue; }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    raw[name] = eq < 0 ? argv[++i] ?? "" : a.slice(eq + 1);
  }
  raw.kind = positional[0];
  if (positional.length > 1) raw._extra = positional.slice(1).join(" "); // rejected by .strict()
  return raw;
}

const parsed = ArgsSchema.safeParse(rawArgs(process.argv.slice(2)));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`report: ${issue.path.map((p) => (p === "_extra" ? "arguments" : `--${String(p)}`)).join(".") || "arguments"}: ${issue.message}`);
  console.error(USAGE);
  process.exit(2);
}
const args = parsed.data;

const db = await openDb(args.db ?? loadConfig().DATABASE_URL);
let code = 0;
try {
  const community = await resolveCommunity(db, args.community);
  if (!community) {
    console.error(args.community ? `report: no community named ${args.community}` : "report: the database has no community yet");
    code = 2;
  } else {
    const tz = community.timezone;
    const period: Period = args.from && args.to
      ? { kind: args.kind, from: parseLocalDate(args.from, tz)!, to: parseLocalDate(args.to, tz)! }
      : previousPeriod(args.kind, new Date(), tz);
    const report = await computeReport(db, community, getSettings(community), period);
    const fees = args.kind === "weekly" ? await feeProgress(db, community, period) : undefined;
    const pub = args.kind === "quarterly" ? publicSummary(report) : undefined;
    if (args.format === "json") process.stdout.write(JSON.stringify({ report, ...(fees ? { feeProgress: fees } : {}), ...(pub ? { public: pub } : {}) }, null, 2) + "\n");
    else if (args.format === "csv") process.stdout.write(reportCsv(report));
    else process.stdout.write(pub ? publicReportMarkdown(pub, tz) : reportMarkdown(report, fees));
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await db.$disconnect();
}
process.exit(code);
