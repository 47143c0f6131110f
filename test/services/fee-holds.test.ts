// Fee holds in their own table (FeeHold): one active hold per household, its review date as a
// ScheduledTask keyed by the hold id, early release cancelling the review notice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { TASK_HANDLERS } from "../../src/services/due-work.js";
import { activeFeeHold, activeFeeHolds, releaseFeeHold, setFeeHold } from "../../src/services/fees/holds.js";
import { runDueTasks } from "../../src/services/scheduler.js";
import { COMMUNITY, PEOPLE } from "../helpers/harness.js";

let db: Db;
let file: string;
let communityId: number;
const log = pino({ level: "silent" });
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  file = path.join(os.tmpdir(), `wuye-holds-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  db = await openDb(`file:${file}`);
  communityId = await loadCommunity(db, CommunityDefinitionSchema.parse(COMMUNITY), PEOPLE);
});
afterEach(async () => {
  await db.$disconnect();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});

const run = (iso: string) => runDueTasks({ db, log, clock: { now: () => at(iso) } }, at(iso), TASK_HANDLERS);
const notices = () => db.outboxMessage.findMany({ where: { key: "staff.fee_hold_ended" } });

describe("fee holds", () => {
  it("are rows with a review task keyed by the hold; a new hold replaces the old, whose review is cancelled", async () => {
    const hh = await db.household.findFirstOrThrow({ where: { room: "1201" } });
    const first = await setFeeHold(db, { communityId, householdId: hh.id, reason: "dispute", note: "面积", by: "staff:1", now: at("2026-03-01T10:00:00+08:00") });
    expect(first).toMatchObject({ replaced: false, until: at("2026-03-31T10:00:00+08:00") });
    expect(await db.scheduledTask.findUniqueOrThrow({ where: { dedupeKey: `fee.hold_end:${first.id}` } })).toMatchObject({ kind: "fee.hold_end", dueAt: first.until });

    const second = await setFeeHold(db, { communityId, householdId: hh.id, reason: "plan", by: "staff:1", now: at("2026-03-02T10:00:00+08:00"), until: at("2026-03-10T10:00:00+08:00") });
    expect(second.replaced).toBe(true);
    expect(await db.feeHold.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ releasedAt: at("2026-03-02T10:00:00+08:00") });
    expect([...(await activeFeeHolds(db, communityId, at("2026-03-05T10:00:00+08:00"))).values()].map((x) => x.id)).toEqual([second.id]);

    // At the review date of the second: its housekeeper is told once; the first's review never speaks.
    await run("2026-03-31T12:00:00+08:00");
    const sent = await notices();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ toPlatformId: "hk1" });
    expect(JSON.parse(sent[0]!.params)).toEqual({ address: "3栋2单元1201", reason: "plan", note: "" });
    expect(await activeFeeHold(db, hh.id, at("2026-03-10T10:00:00+08:00"))).toBeNull(); // until is exclusive
  });

  it("released early: inactive at once, no review notice; a grid without a housekeeper tells whoever set the hold", async () => {
    const hh = await db.household.findFirstOrThrow({ where: { room: "1201" } });
    await setFeeHold(db, { communityId, householdId: hh.id, reason: "dispute", by: "staff:1", now: at("2026-03-01T10:00:00+08:00"), until: at("2026-03-05T10:00:00+08:00") });
    expect(await releaseFeeHold(db, hh.id, at("2026-03-02T10:00:00+08:00"))).toBe(true);
    expect(await releaseFeeHold(db, hh.id, at("2026-03-02T10:00:00+08:00"))).toBe(false);
    await run("2026-03-06T10:00:00+08:00");
    expect(await notices()).toEqual([]);

    // Grid A loses its housekeeper; the supervisor's hold comes back to the supervisor.
    await db.grid.updateMany({ where: { code: "A" }, data: { housekeeperId: null } });
    const sup = await db.staff.findFirstOrThrow({ where: { code: "sup" } });
    await setFeeHold(db, { communityId, householdId: hh.id, reason: "plan", by: `staff:${sup.id}`, now: at("2026-03-06T10:00:00+08:00"), until: at("2026-03-08T10:00:00+08:00") });
    await run("2026-03-08T10:00:00+08:00");
    expect((await notices()).map((m) => m.toPlatformId)).toEqual(["sup"]);
  });
});
