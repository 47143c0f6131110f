// Fee rules below the chat: the reminder sweep's skips and cadence, and collection-rate sums
// (including a household in no grid), against a real SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { collectionRates, formatRate } from "../../src/services/fees/collection-rate.js";
import { releaseFeeHold, setFeeHold } from "../../src/services/fees/holds.js";
import { feeReminderSettings, sweepFeeReminders } from "../../src/services/fees/reminders.js";
import { parseSettings } from "../../src/services/community/settings.js";
import { COMMUNITY, PEOPLE } from "../helpers/harness.js";

let db: Db;
let file: string;
let communityId: number;
const log = pino({ level: "silent" });
const bill = (building: string, unit: string, room: string, period: string, amount: string, dueDate: string, paid = false) => ({ building, unit, room, item: "物业服务费", period, amount, dueDate, paid });

beforeEach(async () => {
  file = path.join(os.tmpdir(), `wuye-fees-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  db = await openDb(`file:${file}`);
  communityId = await loadCommunity(db, CommunityDefinitionSchema.parse({
    ...COMMUNITY,
    households: [...COMMUNITY.households, { building: "9", unit: "", room: "101", owner: "钱", phone: "13900000009" }], // building 9: no grid
    bills: [
      bill("3", "2", "1201", "2026-01", "100.00", "2026-01-31"),
      bill("3", "2", "1201", "2026-02", "100.00", "2026-02-28", true),
      bill("4", "1", "301", "2026-01", "200.00", "2026-01-31"), // no verified resident
      bill("9", "", "101", "2026-01", "50.00", "2026-01-31", true),
    ],
  }), PEOPLE);
});
afterEach(async () => {
  await db.$disconnect();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});

const sweep = (iso: string) => db.$transaction((tx) => sweepFeeReminders(tx, { log }, communityId, new Date(iso)));

describe("reminder sweep", () => {
  it("never sends in quiet hours", async () => {
    expect(await sweep("2026-03-02T21:30:00+08:00")).toMatchObject({ messages: 0 });
    expect(await sweep("2026-03-03T08:59:00+08:00")).toMatchObject({ messages: 0 });
    expect(await db.outboxMessage.count()).toBe(0);
  });
  it("waits firstReminderDays after the due date", async () => {
    // Due 1-31 with 3 days: counted in calendar days, the first reminder is on 2-3.
    expect(await sweep("2026-02-02T10:00:00+08:00")).toMatchObject({ messages: 0 });
    expect(await sweep("2026-02-03T10:00:00+08:00")).toMatchObject({ households: 1, messages: 1 });
  });
  it("skips households with no verified resident, and held ones until released", async () => {
    const hh = await db.household.findFirstOrThrow({ where: { room: "1201" } });
    await setFeeHold(db, { communityId, householdId: hh.id, reason: "plan", by: "staff:1", now: new Date("2026-03-01T10:00:00+08:00") });
    expect(await sweep("2026-03-02T10:00:00+08:00")).toEqual({ households: 0, messages: 0, skipped: { held: 1, noResident: 1, cadence: 0 } });
    expect(await releaseFeeHold(db, hh.id, new Date("2026-03-02T11:00:00+08:00"))).toBe(true);
    expect(await sweep("2026-03-02T12:00:00+08:00")).toMatchObject({ households: 1, messages: 1 });
    // Same day again: recorded already, nothing new (and the dedupeKey would stop a double anyway).
    expect(await sweep("2026-03-02T15:00:00+08:00")).toMatchObject({ messages: 0, skipped: { cadence: 1 } });
    const row = await db.outboxMessage.findFirstOrThrow({ where: { key: "fee.reminder" } });
    expect(row.dedupeKey).toMatch(new RegExp(`^fee\\.reminder:${hh.id}:2026-03-02:\\d+$`));
    expect(JSON.parse(row.params)).toMatchObject({ address: "3栋2单元1201", total: "100.00", months: 1 });
  });
  it("defaults the settings", () => {
    expect(feeReminderSettings(parseSettings({}))).toEqual({ feeReminderAt: "09:00", feeFirstReminderDays: 3, feeReminderIntervalDays: 14, feeMaxRemindersPerMonth: 2 });
  });
});

describe("collection rate", () => {
  it("sums this year's bills due so far per grid, with households in no grid apart", async () => {
    const r = await collectionRates(db, communityId, new Date("2026-03-02T10:00:00+08:00"), "Asia/Shanghai");
    expect(r.grids.map((g) => [g.gridName, g.collectedCents, g.receivableCents, formatRate(g)])).toEqual([
      ["A区", 10000, 20000, "50.0%"],
      ["B区", 0, 20000, "0.0%"],
      ["未分网格", 5000, 5000, "100.0%"],
    ]);
    expect([r.total.collectedCents, r.total.receivableCents, formatRate(r.total)]).toEqual([15000, 45000, "33.3%"]);
    // Before anything is due this year: no receivable, no rate.
    const jan = await collectionRates(db, communityId, new Date("2026-01-15T10:00:00+08:00"), "Asia/Shanghai");
    expect(formatRate(jan.total)).toBe("—");
  });
});
