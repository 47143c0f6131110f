import { describe, expect, it } from "vitest";
import { parseSettings } from "../../src/services/community/settings.js";
import { businessStart, planDeadlines } from "../../src/services/tickets/deadline-plan.js";
import { formatLocal } from "../../src/services/time.js";
import { parseAppointment } from "../../src/services/tickets/waiting.js";

const TZ = "Asia/Shanghai";
const at = (s: string) => new Date(`${s}+08:00`);
const local = (d: Date | null | undefined) => (d ? formatLocal(d, TZ) : null);
const defaults = parseSettings({});

describe("the promised times of a ticket", () => {
  it("a routine repair at 10:00: accept 10:30, on site 14:00, resolve 18:00, feedback in 2 days, complete in 5", () => {
    const plan = planDeadlines(defaults, { intent: "repair", category: "water", urgency: 3 }, at("2026-03-02T10:00:00"), TZ);
    expect([plan.accept, plan.onsite, plan.resolve, plan.feedback, plan.complete].map(local))
      .toEqual(["3月2日 10:30", "3月2日 14:00", "3月2日 18:00", "3月4日 10:00", "3月7日 10:00"]);
  });

  it("after the same-day cut-off, 'same day' is the next business day", () => {
    const plan = planDeadlines(defaults, { intent: "repair", category: "water", urgency: 3 }, at("2026-03-02T16:30:00"), TZ);
    expect(local(plan.resolve)).toBe("3月3日 18:00");
  });

  it("a routine visit counts business hours, and comes no later than the work is due", () => {
    const repair = { intent: "repair" as const, category: "water", urgency: 3 as const };
    // 15:50, before the cut-off: done today, so someone is there by closing time, not at 19:50.
    const before = planDeadlines(defaults, repair, at("2026-03-02T15:50:00"), TZ);
    expect([before.onsite, before.resolve].map(local)).toEqual(["3月2日 18:00", "3月2日 18:00"]);
    // 16:10, after it: 1 h 50 of the 4 hours today, the other 2 h 10 tomorrow morning.
    const after = planDeadlines(defaults, repair, at("2026-03-02T16:10:00"), TZ);
    expect([after.onsite, after.resolve].map(local)).toEqual(["3月3日 10:40", "3月3日 18:00"]);
  });

  it("a routine report at night is accepted within 30 minutes, its work starts at the next business hour; an emergency does not wait", () => {
    const night = at("2026-03-02T23:10:00");
    expect(local(businessStart(night, defaults, TZ))).toBe("3月3日 08:30");
    const routine = planDeadlines(defaults, { intent: "repair", category: "other", urgency: 3 }, night, TZ);
    expect([routine.accept, routine.onsite, routine.resolve].map(local)).toEqual(["3月2日 23:40", "3月3日 12:30", "3月3日 18:00"]);
    const urgent = planDeadlines(defaults, { intent: "repair", category: "water", urgency: 1 }, night, TZ);
    expect([urgent.accept, urgent.onsite, urgent.resolve].map(local)).toEqual(["3月2日 23:15", "3月2日 23:40", "3月3日 03:10"]);
  });

  it("complaints have no on-site deadline; rules override figures by category and grade", () => {
    const settings = parseSettings({ deadlineRules: [{ category: "elevator", acceptMinutes: 10, resolveHours: 2 }, { intent: "complaint", completeDays: 3 }] });
    const complaint = planDeadlines(settings, { intent: "complaint", category: "noise", urgency: 2 }, at("2026-03-02T10:00:00"), TZ);
    expect(complaint.onsite).toBeUndefined();
    expect(local(complaint.complete)).toBe("3月5日 10:00");
    const lift = planDeadlines(settings, { intent: "repair", category: "elevator", urgency: 2 }, at("2026-03-02T10:00:00"), TZ);
    expect([lift.accept, lift.resolve].map(local)).toEqual(["3月2日 10:10", "3月2日 12:00"]);
  });

  it("a promise never comes before the one it follows", () => {
    const settings = parseSettings({ deadlineRules: [{ acceptMinutes: 600 }] });
    const plan = planDeadlines(settings, { intent: "repair", category: "water", urgency: 2 }, at("2026-03-02T10:00:00"), TZ);
    expect(plan.onsite!.getTime()).toBeGreaterThanOrEqual(plan.accept!.getTime());
    expect(plan.resolve!.getTime()).toBeGreaterThanOrEqual(plan.onsite!.getTime());
  });
});

describe("reading an agreed time from staff's words", () => {
  const now = at("2026-03-02T15:20:00"); // a Monday
  const cases: [string, string | null][] = [
    ["业主不在家，约明天上午10点", "3月3日 10:00"],
    ["约今天下午5点半", "3月2日 17:30"],
    ["后天上午", "3月4日 09:00"],
    ["3月5日 14:00 上门", "3月5日 14:00"],
    ["2026-03-06 08:00", "3月6日 08:00"],
    ["周六上午十点", "3月7日 10:00"],
    ["2小时后再来", "3月2日 17:20"],
    ["明天晚上七点", "3月3日 19:00"],
    ["10点", "3月3日 10:00"],
    ["住户要求等配件", null],
    ["明天25点", null],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected ?? "no time"}`, () => expect(local(parseAppointment(text, now, TZ))).toBe(expected));
  }
});
