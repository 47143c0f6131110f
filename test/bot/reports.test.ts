// Reports through the fake transport: 日报/周报/月报 by role (a housekeeper sees their grid, a
// manager everything, the front desk nothing), and the scheduled monthly and quarterly reports
// reaching the right people once, at reportAt on the 1st. The CLI: formats and bad arguments.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { ensurePeriodicReports } from "../../src/services/reports/periodic.js";
import { COMMUNITY, PEOPLE, startHarness, type Harness } from "../helpers/harness.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TWO_GRIDS = { ...COMMUNITY, residents: [...COMMUNITY.residents, { person: "res3", building: "4", unit: "1", room: "301", verified: true }] };

let h: Harness;
afterEach(async () => { await h?.close(); });

const reply = async (who: string, text: string) => h.textsTo(await h.say(who, text), who).join("\n");

describe("report commands", () => {
  it("show a housekeeper their grid, a manager every grid, and refuse the front desk", async () => {
    h = await startHarness({ community: TWO_GRIDS, start: "2026-03-04T10:00:00+08:00" });
    await h.say("res1", "厨房水管漏水了");
    await h.say("hk1", "接单 #1");
    await h.advance(HOUR);
    await h.say("hk1", "完成 #1 更换了角阀");
    await h.say("res3", "小区里晚上有人大声放音乐，太吵了，投诉一下");

    const mine = await reply("hk1", "周报");
    expect(mine).toMatch(/^【周报】A区 3月2日—3月4日 11:00/);
    expect(mine).toContain("受理 1 单：报修 1");
    expect(mine).toContain("已办结 1 单（按时 1）");
    expect(mine).not.toMatch(/B区|投诉 1 单/);

    const all = await reply("mgr", "周报");
    expect(all).toMatch(/^【周报】全小区/);
    expect(all).toContain("受理 2 单");
    expect(all).toMatch(/A区·李敏：受理 1｜办结 1/);
    expect(all).toMatch(/B区·张晨：受理 1｜办结 0/);

    expect(await reply("hk2", "月报")).toMatch(/^【月报】B区 3月1日—3月4日 11:00[\s\S]*受理 1 单/);
    expect(await reply("sup", "日报")).toMatch(/^【日报】全小区 3月4日（截至 11:00）\n受理 2 单：投诉 1、报修 1/);
    expect(await reply("hk1", "周报 上周")).toMatch(/^【周报】A区 2月23日—3月1日\n本期未受理工单。/);
    expect(await reply("hk1", "周报 明年")).toBe("指令格式：周报 或 周报 上周");
    expect(await reply("desk", "周报")).toBe("「周报」指令仅限有相应权限的同事使用。");
    expect(await reply("desk", "帮助")).not.toContain("周报");
    expect(await reply("hk1", "帮助")).toContain("周报：本周至今");
  });
});

describe("scheduled reports", () => {
  it("send the monthly summary and the quarterly report on the 1st at reportAt, once", async () => {
    h = await startHarness({ community: { ...TWO_GRIDS, settings: { reportAt: "09:30" } }, start: "2026-03-31T20:00:00+08:00" });
    await h.say("res1", "厨房水管漏水了");
    await h.say("hk1", "接单 #1");
    await h.say("hk1", "完成 #1 更换了角阀");

    let out = await h.advance(13 * HOUR + 29 * MINUTE); // 04-01 09:29
    expect(out.filter((m) => /月报|季度/.test(m.text))).toEqual([]);
    out = await h.advance(MINUTE); // 09:30
    const monthly = h.textsTo(out, "mgr").filter((t) => t.startsWith("【月报】"));
    expect(monthly).toHaveLength(1);
    expect(monthly[0]).toMatch(/^【月报】全小区 3月1日—3月31日\n受理 1 单：报修 1/);
    expect(h.textsTo(out, "sup").filter((t) => t.startsWith("【月报】"))).toHaveLength(1);
    const quarterly = h.textsTo(out, "mgr").filter((t) => t.includes("季度管理报告"));
    expect(quarterly).toHaveLength(1);
    expect(quarterly[0]).toContain("祥云国际物业服务中心 2026年第一季度管理报告");
    expect(quarterly[0]).toContain("共受理业主报事 1 件，其中报修 1 件、投诉 0 件、费用问题 0 件。");
    expect(quarterly[0]).not.toMatch(/张伟|1391234|1201|李敏|#1/);
    expect(h.textsTo(out, "sup").some((t) => t.includes("季度管理报告"))).toBe(false);
    expect(out.filter((m) => m.to.id === "hk1" || m.to.id === "res1").some((m) => /月报|季度/.test(m.text))).toBe(false);

    // A restart re-ensures the chains: nothing is sent twice, and the next runs wait for their day.
    await ensurePeriodicReports(h.db, h.clock.now());
    out = await h.advance(7 * 24 * HOUR);
    expect(out.filter((m) => /【月报】|季度管理报告/.test(m.text))).toEqual([]);
    const next = await h.db.scheduledTask.findMany({ where: { kind: { in: ["report.monthly", "report.quarterly"] }, claimedAt: null }, orderBy: { kind: "asc" } });
    expect(next.map((t) => [t.kind, t.dueAt.toISOString()])).toEqual([
      ["report.monthly", new Date("2026-05-01T09:30:00+08:00").toISOString()],
      ["report.quarterly", new Date("2026-07-01T09:30:00+08:00").toISOString()],
    ]);
  });
});

describe("npm run report", () => {
  const root = path.join(import.meta.dirname, "../..");
  const dbFile = path.join(os.tmpdir(), `wuye-report-cli-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/report.ts", ...args], { cwd: root }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );
  const week = ["--from", "2026-03-02", "--to", "2026-03-09", "--db", `file:${dbFile}`];

  beforeAll(async () => {
    const db = await openDb(`file:${dbFile}`);
    const id = await loadCommunity(db, CommunityDefinitionSchema.parse(COMMUNITY), PEOPLE);
    const grid = await db.grid.findFirstOrThrow({ where: { code: "A" } });
    const at = (s: string) => new Date(`${s}+08:00`);
    await db.ticket.create({
      data: {
        communityId: id, number: 1, intent: "repair", category: "water", urgency: 3, status: "done", summary: "厨房漏水", place: "3栋2单元1201", gridId: grid.id,
        createdAt: at("2026-03-03T10:00:00"), resolveBy: at("2026-03-03T18:00:00"),
        events: { create: [{ type: "accept", toStatus: "accepted", actor: "system", at: at("2026-03-03T10:05:00") }, { type: "complete", toStatus: "done", actor: "system", at: at("2026-03-03T12:00:00") }] },
      },
    });
    await db.$disconnect();
  });
  afterAll(() => { for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true }); });

  it("prints Markdown with the fee progress table for a week", async () => {
    const r = await run(["weekly", ...week]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("# 祥云国际 每周客户服务受理分析表");
    expect(r.out).toContain("期间：2026-03-02 00:00 — 2026-03-09 00:00（不含）");
    expect(r.out).toContain("| 报修 | 1 |");
    expect(r.out).toContain("- 已办结 1 单（按时 1），逾期未办 0，未到期 0；及时率 100.0%（1/1）");
    expect(r.out).toContain("## 物业费收缴进度表");
    expect(r.out).toContain("| A区 | 李敏 | 356.40 | 0.00 | 0.0% | 0.00 | 1 |");
  });

  it("prints CSV and JSON", async () => {
    const csv = await run(["monthly", ...week, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.out.split("\n")[1]).toMatch(/^全小区,,1,1,0,0,0,1,1,0,0,100\.0%/);
    const json = await run(["weekly", ...week, "--format=json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { report: { tickets: { received: number } }; feeProgress: { total: { receivableCents: number } } };
    expect(parsed.report.tickets.received).toBe(1);
    expect(parsed.feeProgress.total.receivableCents).toBe(35640);
  });

  it("prints the residents' text for a quarter", async () => {
    const r = await run(["quarterly", "--from", "2026-01-01", "--to", "2026-04-01", "--db", `file:${dbFile}`]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# 祥云国际物业服务中心 2026年第一季度管理报告/);
    expect(r.out).not.toMatch(/张伟|1201|李敏/);
  });

  it("rejects bad arguments with a clear error and exit code 2", async () => {
    const cases: [string[], RegExp][] = [
      [[], /--kind: expected weekly, monthly or quarterly/],
      [["yearly"], /--kind: expected weekly, monthly or quarterly/],
      [["weekly", "--format", "xls"], /--format: expected md, csv or json/],
      [["weekly", "--from", "2026-03-02"], /--to: --from and --to go together/],
      [["weekly", "--from", "2026-02-30", "--to", "2026-03-09"], /--from: expected a date YYYY-MM-DD/],
      [["weekly", "--from", "2026-03-09", "--to", "2026-03-02"], /--to: --to must be after --from/],
      [["weekly", "--colour", "red"], /Unrecognized key.*colour/],
      [["weekly", "monthly"], /arguments/],
    ];
    for (const [args, message] of cases) {
      const r = await run([...args, "--db", `file:${dbFile}`]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(message);
      expect(r.err).toContain("usage: npm run report --");
      expect(r.out).toBe("");
    }
    const unknown = await run(["weekly", ...week, "--community", "不存在"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no community named 不存在");
  });
});
