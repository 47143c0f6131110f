// The 18:00 unresolved list: short lists go out whole; past FULL_LIST_MAX open tickets the
// supervisors get a summary per grid and assignee plus the most pressing tickets (a WeChat message
// holds a few KB: 2,000 open tickets made one 110 KB message), housekeepers still their whole list.
import { afterEach, beforeEach, expect, it } from "vitest";
import { FULL_LIST_MAX } from "../../src/services/reports/daily-list.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => { h = await startHarness({ start: "2026-03-02T10:00:00+08:00" }); });
afterEach(async () => { await h.close(); });

const PROBLEMS = ["水管漏水了", "马桶堵了", "灯不亮了", "插座没电了", "下水道堵了", "门锁坏了", "热水器打不着火"];
// Each problem again in another room: a different problem, not the same one sent twice (related.ts).
const ROOMS = ["厨房", "卫生间", "客厅", "主卧", "次卧", "阳台", "书房", "餐厅", "儿童房"];

async function openTickets(n: number) {
  for (let i = 0; i < n; i++) {
    await h.say("res1", `${i + 1}号问题：${ROOMS[Math.floor(i / PROBLEMS.length) % ROOMS.length]}${PROBLEMS[i % PROBLEMS.length]}`);
    h.clock.advance(60_000);
  }
  return h.db.ticket.count({ where: { status: "open" } });
}

it("sends the supervisors a summary plus the most pressing tickets when the list is long", async () => {
  const open = await openTickets(FULL_LIST_MAX + 5);
  expect(open).toBe(FULL_LIST_MAX + 5);
  await h.advance(new Date("2026-03-02T18:00:30+08:00").getTime() - h.clock.now().getTime());
  const [sup] = h.transport.to("sup").filter((m) => /盘点/.test(m.text)).map((m) => m.text);
  expect(sup).toMatch(new RegExp(`共 ${open} 单，超时 ${open} 单`)); // none accepted: all past the acceptance deadline
  expect(sup).toMatch(/按网格\/负责人：\nA区 李敏：\d+ 单，超时 \d+ 单，最早 #1（已8小时）/);
  expect(sup).toMatch(new RegExp(`最需关注的 ${FULL_LIST_MAX} 单`));
  expect(sup!.split("\n").filter((l) => /^#\d+ /.test(l))).toHaveLength(FULL_LIST_MAX);
  // The housekeeper's own list stays whole.
  const [hk] = h.transport.to("hk1").filter((m) => /盘点/.test(m.text)).map((m) => m.text);
  expect(hk!.split("\n").filter((l) => /^#\d+ /.test(l))).toHaveLength(open);
});

it("sends the whole list when it is short", async () => {
  const open = await openTickets(3);
  await h.advance(new Date("2026-03-02T18:00:30+08:00").getTime() - h.clock.now().getTime());
  const [sup] = h.transport.to("sup").filter((m) => /盘点/.test(m.text)).map((m) => m.text);
  expect(sup).toMatch(new RegExp(`^【日未处理工作盘点（全部）2026-03-02】共 ${open} 单：`));
  expect(sup!.split("\n").filter((l) => /^#\d+ /.test(l))).toHaveLength(open);
});
