// The report figures against a hand-computed fixture: tickets, audit events and bills written
// directly into a fresh SQLite file, then every figure of the week 2026-03-02 — 03-08 compared.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feeProgressText, publicReportText, reportCsv, summaryText } from "../../src/bot/texts/reports.js";
import { openDb, type Db } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { parseSettings } from "../../src/services/community/settings.js";
import { feeProgress } from "../../src/services/reports/fee-progress.js";
import { computeReport, emptyRevisits, type Report, type TicketFigures } from "../../src/services/reports/figures.js";
import { lastLocalDate, localDate, periodContaining, previousPeriod, periodToDate } from "../../src/services/reports/periods.js";
import { nextReportRun } from "../../src/services/reports/periodic.js";
import { publicSummary } from "../../src/services/reports/public-summary.js";
import { COMMUNITY, PEOPLE } from "../helpers/harness.js";

const TZ = "Asia/Shanghai";
const at = (local: string) => new Date(`2026-${local}:00+08:00`); // "03-02T10:00"
const WEEK = { kind: "weekly" as const, from: at("03-02T00:00"), to: at("03-09T00:00") };
const settings = parseSettings({});

let db: Db;
let file: string;
let community: { id: number; name: string; timezone: string };
let grid: Record<"A" | "B", number>;

type Ev = [type: string, when: string, toStatus?: string | null, note?: string];
async function ticket(t: {
  number: number; grid: "A" | "B" | null; intent: string; category: string | null; urgency: number; created: string;
  acceptBy?: string; resolveBy?: string; status: string; events: Ev[];
}) {
  await db.ticket.create({
    data: {
      communityId: community.id, number: t.number, intent: t.intent, category: t.category, urgency: t.urgency, status: t.status,
      summary: `张伟 13912345678 报事 ${t.number}`, place: "3栋2单元1201", gridId: t.grid ? grid[t.grid] : null,
      createdAt: at(t.created), acceptBy: t.acceptBy ? at(t.acceptBy) : null, resolveBy: t.resolveBy ? at(t.resolveBy) : null,
      events: { create: [["created", t.created, null] as Ev, ...t.events].map(([type, when, toStatus, note]) => ({ type, at: at(when), toStatus: toStatus ?? null, actor: "system", note: note ?? null })) },
    },
  });
}

beforeAll(async () => {
  file = path.join(os.tmpdir(), `wuye-reports-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  db = await openDb(`file:${file}`);
  const bill = (b: string, u: string, r: string, period: string, amount: string, dueDate: string, paid = false) => ({ building: b, unit: u, room: r, item: "物业服务费", period, amount, dueDate, paid });
  const id = await loadCommunity(db, CommunityDefinitionSchema.parse({
    ...COMMUNITY,
    bills: [
      bill("3", "2", "1201", "2025-12", "100.00", "2025-12-31"), // last year: not in this year's rate
      bill("3", "2", "1201", "2026-01", "100.00", "2026-01-31", true),
      bill("3", "2", "1201", "2026-02", "100.00", "2026-02-28"),
      bill("3", "2", "1201", "2026-03", "100.00", "2026-03-31"), // not due by the end of the week
      bill("4", "1", "301", "2026-01", "200.00", "2026-01-31", true),
      bill("4", "1", "301", "2026-02", "200.00", "2026-02-28"),
    ],
  }), PEOPLE);
  community = await db.community.findUniqueOrThrow({ where: { id } });
  const grids = await db.grid.findMany({ where: { communityId: id } });
  grid = { A: grids.find((g) => g.code === "A")!.id, B: grids.find((g) => g.code === "B")!.id };
  // Payments: A's January on 02-05 (before the week); B's January on 03-03 and 50.00 of February on 03-04.
  const bills = await db.bill.findMany({ include: { household: true } });
  const find = (room: string, period: string) => bills.find((b) => b.household.room === room && b.period === period)!.id;
  await db.bill.update({ where: { id: find("1201", "2026-01") }, data: { paidAt: at("02-05T00:00") } });
  await db.bill.update({ where: { id: find("301", "2026-01") }, data: { paidAt: at("03-03T00:00") } });
  await db.bill.update({ where: { id: find("301", "2026-02") }, data: { paidCents: 5000, paidAt: at("03-04T00:00") } });

  // T1 A repair: accepted and done on time, revisit 满意.
  await ticket({ number: 1, grid: "A", intent: "repair", category: "water", urgency: 3, created: "03-02T10:00", acceptBy: "03-02T10:30", resolveBy: "03-02T18:00", status: "closed",
    events: [["accept", "03-02T10:10", "accepted"], ["complete", "03-02T15:00", "done"], ["revisit_asked", "03-03T10:00"], ["revisit_answer", "03-03T10:05", null, "1"], ["close", "03-03T10:05", "closed"]] });
  // T2 A repair without promised times (fallback: accept 30 min, done in 24 h): both late; 不满意 reopens it.
  await ticket({ number: 2, grid: "A", intent: "repair", category: "electricity", urgency: 3, created: "03-03T09:00", status: "reopened",
    events: [["accept", "03-03T09:40", "accepted"], ["complete", "03-04T12:00", "done"], ["revisit_answer", "03-05T10:05", null, "3"], ["reopen", "03-05T10:05", "reopened"]] });
  // T3 B complaint: accepted in time, not due until after the week.
  await ticket({ number: 3, grid: "B", intent: "complaint", category: "noise", urgency: 2, created: "03-04T20:00", acceptBy: "03-04T20:10", resolveBy: "03-09T20:00", status: "accepted",
    events: [["accept", "03-04T20:05", "accepted"]] });
  // T4 B complaint: escalated, accepted and done late, revisit 基本满意.
  await ticket({ number: 4, grid: "B", intent: "complaint", category: "staff", urgency: 2, created: "03-05T09:00", acceptBy: "03-05T09:10", resolveBy: "03-06T18:00", status: "closed",
    events: [["escalated", "03-05T09:10"], ["accept", "03-05T09:30", "accepted"], ["complete", "03-07T10:00", "done"], ["revisit_answer", "03-08T10:00", null, "2"], ["close", "03-08T10:00", "closed"]] });
  // T5 A urgent: never accepted, overdue at the end of the week.
  await ticket({ number: 5, grid: "A", intent: "repair", category: "elevator", urgency: 1, created: "03-06T08:00", acceptBy: "03-06T08:05", resolveBy: "03-06T12:00", status: "open",
    events: [["escalated", "03-06T08:05"]] });
  // T6 A fee question: cancelled — received, not judged.
  await ticket({ number: 6, grid: "A", intent: "fee", category: null, urgency: 3, created: "03-07T10:00", acceptBy: "03-07T10:30", resolveBy: "03-09T18:00", status: "cancelled",
    events: [["cancel", "03-07T11:00", "cancelled"]] });
  // T7 B: received last week, completed (late) this week; the revisit got no answer this week.
  await ticket({ number: 7, grid: "B", intent: "repair", category: "water", urgency: 3, created: "02-26T10:00", acceptBy: "02-26T10:30", resolveBy: "02-26T18:00", status: "done",
    events: [["accept", "02-26T10:20", "accepted"], ["complete", "03-03T09:00", "done"], ["revisit_no_answer", "03-06T09:00"]] });
  // T8 A: received weeks ago, still open and overdue.
  await ticket({ number: 8, grid: "A", intent: "repair", category: "structure", urgency: 3, created: "02-20T10:00", acceptBy: "02-20T10:30", resolveBy: "02-20T18:00", status: "accepted",
    events: [["accept", "02-20T10:10", "accepted"]] });
  // T9 A: done on time, then a repeat report (reopens without a status event), done again.
  await ticket({ number: 9, grid: "A", intent: "repair", category: "water", urgency: 3, created: "03-02T14:00", acceptBy: "03-02T14:30", resolveBy: "03-02T18:00", status: "done",
    events: [["accept", "03-02T14:05", "accepted"], ["complete", "03-02T17:00", "done"], ["repeat_report", "03-03T09:00"], ["complete", "03-03T16:00", "done"]] });
  // T10 B: after the week. T11 A: closed long before it. Neither counts.
  await ticket({ number: 10, grid: "B", intent: "repair", category: "water", urgency: 3, created: "03-09T10:00", status: "open", events: [] });
  await ticket({ number: 11, grid: "A", intent: "repair", category: "water", urgency: 3, created: "02-10T10:00", resolveBy: "02-10T18:00", status: "closed",
    events: [["accept", "02-10T10:05", "accepted"], ["complete", "02-10T12:00", "done"], ["revisit_answer", "02-11T10:00", null, "1"], ["close", "02-11T10:00", "closed"]] });
  // T12 B: done last week, revisit answered 满意 this week.
  await ticket({ number: 12, grid: "B", intent: "repair", category: "gas", urgency: 3, created: "02-27T10:00", resolveBy: "02-27T18:00", status: "closed",
    events: [["accept", "02-27T10:05", "accepted"], ["complete", "02-28T10:00", "done"], ["revisit_answer", "03-02T10:00", null, "1"], ["close", "03-02T10:00", "closed"]] });
  // T13 B: accepted in the week, completed only after it: open (not yet due) at the end of the week.
  await ticket({ number: 13, grid: "B", intent: "repair", category: "access", urgency: 3, created: "03-08T15:00", acceptBy: "03-08T15:30", resolveBy: "03-09T18:00", status: "done",
    events: [["accept", "03-08T15:10", "accepted"], ["complete", "03-09T10:00", "done"]] });
  // T14 no grid (a public place nobody's grid covers): done on time.
  await ticket({ number: 14, grid: null, intent: "repair", category: "facility", urgency: 3, created: "03-04T10:00", acceptBy: "03-04T10:30", resolveBy: "03-04T18:00", status: "done",
    events: [["accept", "03-04T10:05", "accepted"], ["complete", "03-04T11:00", "done"]] });
});
afterAll(async () => {
  await db.$disconnect();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});

// Open at the end: the overdue and the not yet due, unless a reopened ticket adds to them (given then).
const figures = (f: Partial<TicketFigures>): TicketFigures => ({
  received: 0, byIntent: {}, byCategory: {}, cancelled: 0, done: 0, doneOnTime: 0, overdue: 0, notYetDue: 0,
  acceptJudged: 0, acceptedOnTime: 0, escalated: 0, completed: 0, oneVisit: 0, openAtEnd: (f.overdue ?? 0) + (f.notYetDue ?? 0), ...f,
});

describe("weekly report figures (hand-computed)", () => {
  let r: Report;
  beforeAll(async () => { r = await computeReport(db, community, settings, WEEK); });

  it("counts the week's tickets for the whole community", () => {
    expect(r.period).toEqual({ kind: "weekly", from: WEEK.from.toISOString(), to: WEEK.to.toISOString() });
    expect(r.scopeName).toBe("全小区");
    // Received: T1 T2 T3 T4 T5 T6 T9 T13 T14. Done by the end: T1 T2 T4 T9 T14, on time T1 T9 T14.
    // Overdue: T5. Not yet due: T3 T13. Acceptance judged: all but T6; in time T1 T3 T9 T13 T14.
    // Completed in the week: T1 T2 T4 T7 T9 T14; one visit: all but T2 (reopened) and T9 (repeat report).
    expect(r.tickets).toEqual(figures({
      received: 9, byIntent: { repair: 6, complaint: 2, fee: 1 },
      byCategory: { water: 2, electricity: 1, noise: 1, staff: 1, elevator: 1, other: 1, access: 1, facility: 1 },
      cancelled: 1, done: 5, doneOnTime: 3, overdue: 1, notYetDue: 2, acceptJudged: 8, acceptedOnTime: 5, escalated: 2, completed: 6, oneVisit: 4,
      openAtEnd: 4, // T3 T5 T13 and T2 (done, then reopened)
    }));
    // Answers in the week: T12 满意, T1 满意, T2 不满意, T4 基本满意; T7 no answer.
    expect(r.revisits).toEqual({ satisfied: 2, basic: 1, unsatisfied: 1, noAnswer: 1 });
    // Open at the end: T2 (reopened, overdue), T3, T5 (overdue), T8 (overdue), T13 (done only after the week).
    expect(r.backlog).toEqual({ open: 5, overdue: 3 });
  });

  it("describes the complaints and how each was handled", () => {
    expect(r.complaints.tickets).toEqual(figures({
      received: 2, byIntent: { complaint: 2 }, byCategory: { noise: 1, staff: 1 }, done: 1, doneOnTime: 0, notYetDue: 1,
      acceptJudged: 2, acceptedOnTime: 1, escalated: 1, completed: 1, oneVisit: 1,
    }));
    expect(r.complaints.revisits).toEqual({ ...emptyRevisits(), basic: 1 });
    expect(r.complaints.items).toEqual([
      { number: 3, category: "noise", status: "accepted", onTime: null, satisfaction: null, escalated: false, repeated: false },
      { number: 4, category: "staff", status: "closed", onTime: false, satisfaction: 2, escalated: true, repeated: false },
    ]);
  });

  it("gives every grid (housekeeper) its own figures, and the ungridded apart", () => {
    expect(r.grids.map((g) => [g.name, g.housekeeper])).toEqual([["A区", "李敏"], ["B区", "张晨"], ["未分网格", null]]);
    const [a, b, none] = r.grids;
    expect(a!.tickets).toEqual(figures({
      received: 5, byIntent: { repair: 4, fee: 1 }, byCategory: { water: 2, electricity: 1, elevator: 1, other: 1 },
      cancelled: 1, done: 3, doneOnTime: 2, overdue: 1, acceptJudged: 4, acceptedOnTime: 2, escalated: 1, completed: 3, oneVisit: 1,
      openAtEnd: 2, // T5 and T2 (reopened)
    }));
    expect(a!.revisits).toEqual({ satisfied: 1, basic: 0, unsatisfied: 1, noAnswer: 0 });
    expect(a!.backlog).toEqual({ open: 3, overdue: 3 });
    expect(b!.tickets).toEqual(figures({
      received: 3, byIntent: { complaint: 2, repair: 1 }, byCategory: { noise: 1, staff: 1, access: 1 },
      done: 1, notYetDue: 2, acceptJudged: 3, acceptedOnTime: 2, escalated: 1, completed: 2, oneVisit: 2,
    }));
    expect(b!.revisits).toEqual({ satisfied: 1, basic: 1, unsatisfied: 0, noAnswer: 1 });
    expect(b!.backlog).toEqual({ open: 2, overdue: 0 });
    expect(none!.tickets).toEqual(figures({ received: 1, byIntent: { repair: 1 }, byCategory: { facility: 1 }, done: 1, doneOnTime: 1, acceptJudged: 1, acceptedOnTime: 1, completed: 1, oneVisit: 1 }));
    expect(none!.fees).toBeNull();
  });

  it("takes the collection rate of this year's bills due by the end of the week", () => {
    const rate = (g: { receivableCents: number; collectedCents: number } | null) => g && [g.collectedCents, g.receivableCents];
    expect(rate(r.grids[0]!.fees)).toEqual([10000, 20000]);
    expect(rate(r.grids[1]!.fees)).toEqual([25000, 40000]);
    expect(rate(r.fees.total)).toEqual([35000, 60000]);
  });

  it("renders the same figures for chat, WeChat-sized", () => {
    const text = summaryText(r);
    expect(text).toContain("【周报】全小区 3月2日—3月8日");
    expect(text).toContain("受理 9 单：报修 6、投诉 2、费用 1（取消 1）");
    expect(text).toContain("已办结 5 单（按时 3），逾期未办 1，未到期 2；及时率 50.0%（3/6）");
    expect(text).toContain("接单及时率 62.5%（5/8）；本期办结 6 单，一次处理率 66.7%（4/6）");
    expect(text).toContain("回访：满意 2、基本满意 1、不满意 1，满意率 75.0%（3/4）；未回复 1");
    expect(text).toContain("期末未办结 5 单，其中逾期 3 单");
    expect(text).toContain("投诉 2 单：已办结 1（按时 0），处理中 1（逾期 0），超时上报 1；回访满意率 100.0%（1/1）");
    expect(text).toContain("· #4 服务态度 已关闭·基本满意·超时办结·曾超时上报");
    expect(text).toContain("收缴率（今年到期账单）：58.3%（已收 350.00 / 应收 600.00 元）");
    expect(text).toContain("A区·李敏：受理 5｜办结 3｜及时率 50.0%｜一次处理 33.3%｜满意率 50.0%｜未办结 3｜收缴率 50.0%");
    expect(text).toContain("B区·张晨：受理 3｜办结 2｜及时率 0.0%｜一次处理 100.0%｜满意率 100.0%｜未办结 2｜收缴率 62.5%");
    expect(text.length).toBeLessThan(1500);
    // Staff see ticket numbers, never a resident's name or phone.
    expect(text).not.toMatch(/张伟|13912345678/);
  });

  it("limits a housekeeper's report to their grid", async () => {
    const mine = await computeReport(db, community, settings, WEEK, [grid.B]);
    expect(mine.scopeName).toBe("B区");
    expect(mine.tickets).toEqual(r.grids[1]!.tickets);
    expect(mine.backlog).toEqual({ open: 2, overdue: 0 });
    expect(mine.grids.map((g) => g.name)).toEqual(["B区"]);
    expect([mine.fees.total.collectedCents, mine.fees.total.receivableCents]).toEqual([25000, 40000]);
    expect(summaryText(mine)).not.toContain("分网格");
  });

  it("reads the same whenever it is made: later changes do not alter a past week", async () => {
    await ticket({ number: 15, grid: "A", intent: "repair", category: "water", urgency: 3, created: "03-10T10:00", status: "done", events: [["complete", "03-10T11:00", "done"]] });
    const again = await computeReport(db, community, settings, WEEK);
    expect(again.tickets).toEqual(r.tickets);
    expect(again.backlog).toEqual(r.backlog);
  });

  it("writes one CSV row for the scope and one per grid", () => {
    const lines = reportCsv(r).trim().split("\n");
    expect(lines).toHaveLength(5); // header, 全小区, A区, B区, 未分网格
    expect(lines[0]).toMatch(/^范围,管家,受理,报修,投诉,费用,取消,已办结,按时办结,逾期未办结,未到期,及时率/);
    expect(lines[1]).toBe("全小区,,9,6,2,1,1,5,3,1,2,50.0%,5,8,62.5%,6,4,66.7%,2,1,1,1,75.0%,5,3,600.00,350.00,58.3%");
    expect(lines[4]).toBe("未分网格,,1,1,0,0,0,1,1,0,0,100.0%,1,1,100.0%,1,1,100.0%,0,0,0,0,,0,0,,,");
  });
});

describe("waiting on the resident", () => {
  it("stops the clock: neither a ticket still waiting nor one done during its wait counts as late", async () => {
    // In April, so that the first quarter's figures below stay as they are.
    // T20: waiting from 11:00, before its 18:00 deadline, still waiting at the end of the week.
    await ticket({ number: 20, grid: "A", intent: "repair", category: "water", urgency: 3, created: "04-14T10:00", acceptBy: "04-14T10:30", resolveBy: "04-14T18:00", status: "accepted",
      events: [["accept", "04-14T10:10", "accepted"], ["waiting", "04-14T11:00", null, "业主不在家"]] });
    // T21: waiting from 15:00, done two days later while still waiting (completion ends the wait).
    await ticket({ number: 21, grid: "A", intent: "repair", category: "water", urgency: 3, created: "04-15T10:00", acceptBy: "04-15T10:30", resolveBy: "04-15T18:00", status: "done",
      events: [["accept", "04-15T10:05", "accepted"], ["waiting", "04-15T15:00"], ["complete", "04-17T10:00", "done"]] });
    // T22: waited and resumed; its resolveBy was moved by the pause, and it is past that now.
    await ticket({ number: 22, grid: "A", intent: "repair", category: "water", urgency: 3, created: "04-16T10:00", acceptBy: "04-16T10:30", resolveBy: "04-16T20:00", status: "accepted",
      events: [["accept", "04-16T10:05", "accepted"], ["waiting", "04-16T12:00"], ["resumed", "04-16T14:00"]] });
    const r = await computeReport(db, community, settings, { kind: "weekly", from: at("04-13T00:00"), to: at("04-20T00:00") });
    expect(r.tickets).toMatchObject({ received: 3, done: 1, doneOnTime: 1, overdue: 1, notYetDue: 1 });
    // Open at the end: T20 (waiting: not overdue), T22, and from March T2 T3 T5 T8 T10 — all overdue.
    expect(r.backlog).toEqual({ open: 7, overdue: 6 });
  });
});

describe("weekly fee progress table (物业费收缴进度表)", () => {
  it("shows each grid's rate, what came in during the week and who still owes", async () => {
    const f = await feeProgress(db, community, WEEK);
    expect(f.grids.map((g) => [g.gridName, g.housekeeper, g.collectedCents, g.receivableCents, g.paidInPeriodCents, g.owingHouseholds])).toEqual([
      ["A区", "李敏", 10000, 20000, 0, 1],
      ["B区", "张晨", 25000, 40000, 25000, 1],
    ]);
    expect([f.total.collectedCents, f.total.receivableCents, f.total.paidInPeriodCents, f.total.owingHouseholds]).toEqual([35000, 60000, 25000, 2]);
    const text = feeProgressText(f);
    expect(text).toContain("【物业费收缴进度表】3月2日—3月8日");
    expect(text).toContain("今年到期账单（1月1日—3月8日）");
    expect(text).toContain("B区·张晨：62.5%｜已收 250.00 / 应收 400.00 元｜本周到账 250.00｜欠费 1 户");
    expect(text).toContain("全小区：58.3%｜已收 350.00 / 应收 600.00 元｜本周到账 250.00｜欠费 2 户");
  });
});

describe("quarterly management report for residents", () => {
  it("carries counts only: no names, addresses, phones, ticket numbers, grids or housekeepers", async () => {
    const quarter = { kind: "quarterly" as const, from: at("01-01T00:00"), to: at("04-01T00:00") };
    const p = publicSummary(await computeReport(db, community, settings, quarter));
    const json = JSON.stringify(p);
    for (const secret of ["张伟", "赵敏", "1391234", "1201", "3栋", "李敏", "张晨", "A区", "#"]) expect(json).not.toContain(secret);
    const text = publicReportText(p, TZ);
    expect(text).toContain("祥云国际物业服务中心 2026年第一季度管理报告");
    // The quarter: T1–T9, T11–T15 (T10 too: created 03-09) — 15 tickets, 2 complaints.
    expect(p.received).toBe(15);
    expect(p.complaints).toMatchObject({ received: 2, done: 1, stillOpen: 1, categories: [["noise", 1], ["staff", 1]] });
    expect(text).toContain("投诉 2 件：已处理完毕 1 件，处理中 1 件；按类别：噪音 1 件、服务态度 1 件。");
    for (const secret of ["张伟", "13912345678", "1201", "李敏", "#"]) expect(text).not.toContain(secret);
  });
});

describe("periods", () => {
  it("finds weeks from Monday, months and quarters in local time", () => {
    const sunday = at("03-08T23:30");
    expect(periodContaining("weekly", sunday, TZ)).toEqual({ kind: "weekly", from: at("03-02T00:00"), to: at("03-09T00:00") });
    expect(previousPeriod("weekly", at("03-09T09:00"), TZ)).toEqual(WEEK);
    expect(previousPeriod("monthly", at("03-01T09:00"), TZ)).toEqual({ kind: "monthly", from: at("02-01T00:00"), to: at("03-01T00:00") });
    expect(previousPeriod("quarterly", at("04-01T09:00"), TZ)).toEqual({ kind: "quarterly", from: at("01-01T00:00"), to: at("04-01T00:00") });
    expect(previousPeriod("daily", at("03-01T00:30"), TZ)).toEqual({ kind: "daily", from: at("02-28T00:00"), to: at("03-01T00:00") });
    expect(periodToDate("monthly", at("03-04T15:20"), TZ)).toEqual({ kind: "monthly", from: at("03-01T00:00"), to: new Date(at("03-04T15:20").getTime() + 1) });
    expect(localDate(WEEK.from, TZ)).toBe("2026-03-02");
    expect(lastLocalDate(WEEK, TZ)).toBe("2026-03-08");
  });

  it("runs reports on the first day of the period at reportAt, moved out of quiet hours", () => {
    const s = parseSettings({});
    expect(nextReportRun("weekly", at("03-02T08:59"), s, TZ).at).toEqual(at("03-02T09:00"));
    expect(nextReportRun("weekly", at("03-02T09:00"), s, TZ).at).toEqual(at("03-09T09:00"));
    expect(nextReportRun("monthly", at("03-02T09:00"), s, TZ)).toEqual({ at: at("04-01T09:00"), periodStart: at("04-01T00:00") });
    expect(nextReportRun("quarterly", at("01-01T10:00"), s, TZ).at).toEqual(at("04-01T09:00"));
    const early = parseSettings({ reportAt: "07:30" }); // inside the default quiet hours 21:00–09:00
    expect(nextReportRun("weekly", at("03-03T10:00"), early, TZ).at).toEqual(at("03-09T09:00"));
    expect(nextReportRun("weekly", at("03-03T10:00"), parseSettings({ reportAt: "10:15" }), TZ).at).toEqual(at("03-09T10:15"));
  });
});
