// Every scenario under test/scenarios runs through the scenario runner; the CLI's exit codes are
// checked on a passing, a failing and an invalid file.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { runScenario } from "../src/scenario/runner.js";
import { ScenarioSchema } from "../src/scenario/schema.js";

const dir = path.join(import.meta.dirname, "scenarios");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
const run = promisify(execFile);

describe("scenarios", () => {
  it.each(files)("%s", async (file) => {
    const scenario = ScenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    const lines: string[] = [];
    const result = await runScenario(scenario, { log: pino({ level: "silent" }), print: (l) => lines.push(l) });
    expect(result, lines.join("\n")).toEqual({ ok: true });
  });
});

describe("scenario CLI", () => {
  const cli = (file: string) =>
    run(process.execPath, ["--import", "tsx", "src/cli/scenario.ts", file], { cwd: path.join(import.meta.dirname, "..") }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  it("exits 0 and prints a transcript when every expectation holds", async () => {
    const r = await cli(path.join(dir, files[0]!));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/助手 →/);
    expect(r.out).toMatch(/PASS/);
  });

  it("exits 1 with the failed step's index and reason", async () => {
    const r = await cli("test/fixtures/failing-scenario.json");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL at step 1: no message to hk1 matches/);
  });

  it("exits 2 with the zod path and message for an invalid file", async () => {
    const r = await cli("test/fixtures/invalid-scenario.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/start: expected an ISO date-time/);
    expect(r.err).toMatch(/steps\.0/);
  });

  // Invalid files (adv23): wrong types, unknown steps, bad times and durations, unknown ids, settings
  // of the wrong shape — each refused by the schema with the path of what is wrong.
  const invalidDir = path.join(import.meta.dirname, "fixtures", "invalid-scenarios");
  const expectedPaths = JSON.parse(fs.readFileSync(path.join(invalidDir, "expected-paths.json"), "utf8")) as Record<string, string>;
  it.each(fs.readdirSync(invalidDir).filter((f) => f.startsWith("bad-")))("refuses %s with the path of the error", (file) => {
    const r = ScenarioSchema.safeParse(JSON.parse(fs.readFileSync(path.join(invalidDir, file), "utf8")));
    expect(r.success).toBe(false);
    const want = expectedPaths[file.replace(/\.json$/, "")];
    if (want) expect(r.error!.issues.map((i) => i.path.join("."))).toContain(want);
  });

  it("exits 2, naming the grid, for a housekeeper given two grids", async () => {
    const r = await cli("test/fixtures/two-grids-one-housekeeper.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/community\.grids\.\d\.housekeeper: \S+ already looks after grid/);
  });
});
