// npm run --silent scenario -- FILE: exit 0 when every expectation held, 1 on the first failed
// step, 2 when the file is invalid.
import fs from "node:fs";
import { loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import { runScenario } from "../scenario/runner.js";
import { ScenarioSchema } from "../scenario/schema.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run --silent scenario -- path/to/scenario.json");
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (err) {
  console.error(`${file}: cannot read JSON: ${(err as Error).message}`);
  process.exit(2);
}
const parsed = ScenarioSchema.safeParse(raw);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  process.exit(2);
}
const log = createLogger(loadConfig().LOG_LEVEL ?? "warn");
try {
  const result = await runScenario(parsed.data, { log, print: (line) => console.log(line) });
  console.log(result.ok ? "PASS" : `FAIL at step ${result.step}: ${result.reason}`);
  process.exit(result.ok ? 0 : 1);
} catch (err) {
  // A community the database refuses (e.g. a grid naming unknown staff) is an invalid file.
  console.error(`${file}: ${(err as Error).message}`);
  process.exit((err as Error).name === "DomainError" ? 2 : 1);
}
