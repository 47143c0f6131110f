// Fees through the fake transport: reminders (催缴) at the right hour and cadence, stopping after a
// payment import or a hold; the staff commands 欠费 and 收缴率 with hand-computed figures.
import { afterEach, describe, expect, it } from "vitest";
import { parseSettings } from "../../src/services/community/settings.js";
import { TASK_HANDLERS } from "../../src/services/due-work.js";
import { setFeeHold } from "../../src/services/fees/holds.js";
import { importFees } from "../../src/services/fees/import.js";
import { ensureFeeSweepScheduled, FEE_TASK_HANDLERS } from "../../src/services/fees/reminders.js";
import { scheduleTask } from "../../src/services/scheduler.js";
import { localParts } from "../../src/services/time.js";
import { COMMUNITY, startHarness, type Harness } from "../helpers/harness.js";

// What src/services/due-work.ts is to do: run the fee task kinds.
Object.assign(TASK_HANDLERS, FEE_TASK_HANDLERS);

const TZ = "Asia/Shanghai";
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const FEES_COMMUNITY = {
  ...COMMUNITY,
  // res2 claims the same home but is not verified: never sees an amount.
  residents: [...COMMUNITY.residents, { person: "res2", building: "3", unit: "2", room: "1201", verified: false }],
  bills: [
    { building: "3", unit: "2", room: "1201", item: "物业服务费", period: "2025-12", amount: "356.40", dueDate: "2025-12-31", paid: true },
    { building: "3", unit: "2", room: "1201", item: "物业服务费", period: "2026-01", amount: "356.40", dueDate: "2026-01-31", paid: false },
    { building: "3", unit: "2", room: "1201", item: "物业服务费", period: "2026-02", amount: "356.40", dueDate: "2026-02-28", paid: true },
    { building: "3", unit: "2", room: "1201", item: "物业服务费", period: "2026-03", amount: "356.40", dueDate: "2026-03-31", paid: false },
    { building: "4", unit: "1", room: "301", item: "物业服务费", period: "2025-12", amount: "298.00", dueDate: "2025-12-31", paid: false },
    { building: "4", unit: "1", room: "301", item: "物业服务费", period: "2026-01", amount: "298.00", dueDate: "2026-01-31", paid: true },
    { building: "4", unit: "1", room: "301", item: "停车费", period: "2026-02", amount: "150.00", dueDate: "2026-02-28", paid: false },
  ],
};

let h: Harness;
afterEach(async () => { await h.close(); });

const reminders = (texts: string[]) => texts.filter((t) => t.includes("尚未缴纳"));
const localDay = (d: Date) => { const p = localParts(d, TZ); return `${p.month}-${p.day}`; };

/** Advances day by day (24 h steps) and returns the local days on which `who` got a reminder. */
async function reminderDays(days: number, who = "res1") {
  const got: string[] = [];
  for (let i = 0; i < days; i++) {
    const out = await h.advance(DAY);
    if (reminders(h.textsTo(out, who)).length) got.push(localDay(h.clock.now()));
  }
  return got;
}

describe("fee reminders (催缴)", () => {
  it("arrive after the due date at 09:00, not at 22:00, every 14 days, at most 2 a month, and stop after a payment", async () => {
    h = await startHarness({ community: { ...COMMUNITY, residents: FEES_COMMUNITY.residents }, start: "2026-03-02T20:00:00+08:00" });
    const dueAt = await ensureFeeSweepScheduled(h.db, h.communityId, h.clock.now(), parseSettings({}), TZ);
    expect(dueAt.toISOString()).toBe("2026-03-03T01:00:00.000Z"); // 09:00 local, next morning
    // A sweep that falls due in quiet hours (a late tick) sends nothing and waits for the morning.
    await scheduleTask(h.db, { communityId: h.communityId, kind: "fee.sweep", dueAt: new Date("2026-03-02T22:00:00+08:00"), dedupeKey: "fee.sweep:test-late" });

    let out = await h.advance(2 * HOUR); // 22:00
    expect(out).toEqual([]);
    expect(await h.db.outboxMessage.count({ where: { key: "fee.reminder" } })).toBe(0);
    out = await h.advance(10 * HOUR + 59 * 60_000); // 08:59
    expect(out).toEqual([]);

    out = await h.advance(60_000); // 09:00
    const sent = reminders(h.textsTo(out, "res1"));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("3栋2单元1201");
    expect(sent[0]).toContain("1 个月");
    expect(sent[0]).toContain("356.40 元");
    expect(sent[0]).toContain("李敏");
    expect(h.textsTo(out, "res2")).toEqual([]); // not verified
    expect(out.every((m) => m.to.kind === "user" && m.to.id === "res1")).toBe(true); // nothing to groups or others
    expect(localParts(h.clock.now(), TZ).hour).toBe(9);

    // The housekeeper's arrears list shows the reminder.
    expect(h.textsTo(await h.say("hk1", "欠费"), "hk1").join()).toContain("3栋2单元1201 356.40元 1个月 上次催缴3月3日");

    // Every 14 days: 3-17; 3-31 would be the third in March; next on 4-1.
    expect(await reminderDays(29)).toEqual(["3-17", "4-1"]);

    // The office imports the payment: no more reminders.
    await importFees(h.db, h.communityId, "payments", "building,unit,room,item,period,amount,paidAt\n3,2,1201,物业服务费,2026-01,356.40,2026-04-02\n");
    expect(await reminderDays(30)).toEqual([]);
    expect(await h.db.outboxMessage.count({ where: { key: "fee.reminder" } })).toBe(3);
    // The chain of daily sweeps goes on: exactly one is pending.
    expect(await h.db.scheduledTask.count({ where: { kind: "fee.sweep", claimedAt: null } })).toBe(1);
  });

  it("are not sent to a household on hold; when the hold's review date comes the housekeeper is told and reminders resume", async () => {
    h = await startHarness({ start: "2026-03-02T20:30:00+08:00" }); // hourly ticks at :30
    const hh = await h.db.household.findFirstOrThrow({ where: { room: "1201" } });
    await setFeeHold(h.db, { communityId: h.communityId, householdId: hh.id, reason: "dispute", note: "对面积有异议", by: "staff:hk1", now: h.clock.now(), until: new Date("2026-03-05T10:00:00+08:00") });
    await ensureFeeSweepScheduled(h.db, h.communityId, h.clock.now(), parseSettings({}), TZ);
    expect(h.textsTo(await h.say("hk1", "欠费"), "hk1").join()).toContain("暂停催缴：费用争议（对面积有异议）");
    const got: string[] = [];
    const toHk: string[] = [];
    for (let i = 0; i < 4 * 24; i++) {
      const out = await h.advance(HOUR);
      if (reminders(h.textsTo(out, "res1")).length) got.push(localDay(h.clock.now()));
      toHk.push(...h.textsTo(out, "hk1"));
    }
    expect(toHk.join()).toMatch(/催缴暂停到期.*3栋2单元1201.*费用争议/);
    expect(got).toEqual(["3-6"]); // 3-3, 3-4, 3-5 (09:00, before the 10:00 review) held
  });
});

describe("staff figures", () => {
  it("欠费: a housekeeper sees their grid, a supervisor every grid, the front desk no amounts", async () => {
    h = await startHarness({ community: FEES_COMMUNITY, start: "2026-03-02T10:00:00+08:00" });
    const hk1 = h.textsTo(await h.say("hk1", "欠费"), "hk1").join();
    expect(hk1).toContain("欠费清单（A区，截至 3月2日）：1 户，合计 356.40 元");
    expect(hk1).toContain("3栋2单元1201 356.40元 1个月 未催缴");
    expect(hk1).not.toContain("4栋");
    const hk2 = h.textsTo(await h.say("hk2", "欠费"), "hk2").join();
    // 2025-12 property fee and 2026-02 parking, unpaid: 298.00 + 150.00
    expect(hk2).toContain("4栋1单元301 448.00元 2个月 未催缴");
    expect(hk2).not.toContain("3栋");
    const sup = h.textsTo(await h.say("sup", "欠费"), "sup").join();
    expect(sup).toContain("全小区");
    expect(sup).toContain("2 户，合计 804.40 元");
    expect(sup).toMatch(/\[A区\] 3栋2单元1201[\s\S]*\[B区\] 4栋1单元301/);
    expect(h.textsTo(await h.say("desk", "欠费"), "desk").join()).toContain("仅对管家");
    expect(h.textsTo(await h.say("desk", "收缴率"), "desk").join()).not.toMatch(/\d+\.\d%/);
  });

  it("收缴率: this year's bills due so far, per grid and for the whole community, matching hand-computed figures", async () => {
    h = await startHarness({ community: FEES_COMMUNITY, start: "2026-03-02T10:00:00+08:00" });
    // Due 2026-01-01..now (2025-12 bills and the 2026-03 bill due 3-31 are out):
    //   A: 3-2-1201 Jan 356.40 unpaid, Feb 356.40 paid → 356.40 / 712.80 = 50.0%
    //   B: 4-1-301 Jan 298.00 paid, Feb parking 150.00 unpaid → 298.00 / 448.00 = 66.5%
    //   all: 654.40 / 1160.80 = 56.375…% → 56.4%
    const sup = h.textsTo(await h.say("sup", "收缴率"), "sup").join();
    expect(sup).toContain("2026年1月1日至3月2日");
    expect(sup).toContain("A区：50.0%（已收 356.40 / 应收 712.80 元）");
    expect(sup).toContain("B区：66.5%（已收 298.00 / 应收 448.00 元）");
    expect(sup).toContain("全小区：56.4%（已收 654.40 / 应收 1160.80 元）");
    const hk1 = h.textsTo(await h.say("hk1", "收缴率"), "hk1").join();
    expect(hk1).toContain("A区：50.0%");
    expect(hk1).not.toContain("B区");
    expect(hk1).not.toContain("全小区");
    // A payment import moves the figure.
    await importFees(h.db, h.communityId, "payments", "building,unit,room,item,period,amount,paidAt\n4,1,301,停车费,2026-02,150.00,2026-03-02\n");
    expect(h.textsTo(await h.say("mgr", "收缴率"), "mgr").join()).toContain("B区：100.0%（已收 448.00 / 应收 448.00 元）");
  });
});
