// Unit tests for the rules: the ticket state machine, who may act on what, command parsing,
// revisit answers, quiet hours and where a problem is.
import { describe, expect, it } from "vitest";
import { parseStaffCommand, looksLikeStaffCommand, STAFF_COMMANDS } from "../../src/bot/commands.js";
import { TEXTS } from "../../src/bot/texts.js";
import { placeOf } from "../../src/intents/scope.js";
import { parseSatisfaction } from "../../src/services/revisits/revisit.js";
import { canActOnTicket } from "../../src/services/staff/roles.js";
import { canTransition, TRANSITIONS } from "../../src/services/tickets/transitions.js";
import { inQuietHours, localTimeOnDay, outsideQuietHours } from "../../src/services/time.js";
import fs from "node:fs";
import path from "node:path";

describe("ticket transitions", () => {
  it("allows the working path and refuses skipping back", () => {
    expect(canTransition("open", "accept")).toBe(true);
    expect(canTransition("accepted", "arrive")).toBe(true);
    expect(canTransition("onsite", "complete")).toBe(true);
    expect(canTransition("done", "close")).toBe(true);
    expect(canTransition("done", "reopen")).toBe(true);
    expect(canTransition("reopened", "accept")).toBe(true);
    expect(canTransition("done", "accept")).toBe(false);
    expect(canTransition("closed", "complete")).toBe(false);
    expect(canTransition("cancelled", "reopen")).toBe(false);
  });
  it("names a target status for every action", () => {
    for (const t of Object.values(TRANSITIONS)) expect(t.from.length).toBeGreaterThan(0);
  });
});

describe("permissions", () => {
  const ticket = { gridId: 1, assigneeId: 10 };
  it("lets a housekeeper act in their own grid only", () => {
    expect(canActOnTicket({ id: 10, role: "housekeeper", gridId: 1 }, ticket)).toBe(true);
    expect(canActOnTicket({ id: 11, role: "housekeeper", gridId: 1 }, ticket)).toBe(true);
    expect(canActOnTicket({ id: 12, role: "housekeeper", gridId: 2 }, ticket)).toBe(false);
    expect(canActOnTicket({ id: 13, role: "gold_housekeeper", gridId: 2 }, ticket)).toBe(false);
  });
  it("lets supervisors and managers act on all, others on what is assigned to them", () => {
    expect(canActOnTicket({ id: 20, role: "supervisor", gridId: null }, ticket)).toBe(true);
    expect(canActOnTicket({ id: 21, role: "manager", gridId: null }, ticket)).toBe(true);
    expect(canActOnTicket({ id: 22, role: "maintenance", gridId: null }, ticket)).toBe(false);
    expect(canActOnTicket({ id: 22, role: "maintenance", gridId: null }, { gridId: 1, assigneeId: 22 })).toBe(true);
    expect(canActOnTicket({ id: 23, role: "frontdesk", gridId: null }, { gridId: null, assigneeId: null })).toBe(true);
    expect(canActOnTicket({ id: 23, role: "frontdesk", gridId: null }, ticket)).toBe(false);
  });
});

describe("staff command parsing", () => {
  it("reads #N or N and the text after it", () => {
    expect(parseStaffCommand("接单 #12")?.args).toEqual({ number: 12, numberText: "12", rest: "" });
    expect(parseStaffCommand("接单12")?.args.number).toBe(12);
    expect(parseStaffCommand("完成 #3 更换了角阀")?.args).toEqual({ number: 3, numberText: "3", rest: "更换了角阀" });
    expect(parseStaffCommand("转单 7 钱师傅")?.command.name).toBe("转单");
    expect(parseStaffCommand("我的工单")?.command.name).toBe("我的工单");
    // After "#N" the explanation may follow without a space; after a bare number it needs one.
    expect(parseStaffCommand("完成#2疏通了下水管")?.args).toEqual({ number: 2, numberText: "2", rest: "疏通了下水管" });
    expect(parseStaffCommand("转单＃3李敏".normalize("NFKC"))?.args).toEqual({ number: 3, numberText: "3", rest: "李敏" });
    expect(parseStaffCommand("完成2疏通")).toBeNull();
    // "#1.5" is not ticket 1 with ".5" after it.
    expect(parseStaffCommand("接单 #1.5")).toBeNull();
  });
  it("does not take residents' words for commands", () => {
    expect(parseStaffCommand("完成了吗")).toBeNull();
    expect(parseStaffCommand("接单的人什么时候来")).toBeNull();
    expect(parseStaffCommand("到场2次都没修好")).toBeNull();
    expect(parseStaffCommand("通知什么时候发")).toBeNull();
    expect(looksLikeStaffCommand("帮助")).toBe(false);
    expect(looksLikeStaffCommand("完成 #3 好了")).toBe(true);
  });
  it("has unique aliases and a help line for each command", () => {
    const all = STAFF_COMMANDS.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(all).size).toBe(all.length);
    for (const c of STAFF_COMMANDS) expect(c.help).toContain(c.name);
  });
});

describe("revisit answers", () => {
  it("reads digits and words", () => {
    expect(parseSatisfaction("1")).toBe(1);
    expect(parseSatisfaction("满意！")).toBe(1);
    expect(parseSatisfaction(" 2 ")).toBe(2);
    expect(parseSatisfaction("基本满意")).toBe(2);
    expect(parseSatisfaction("3")).toBe(3);
    expect(parseSatisfaction("不满意")).toBe(3);
    expect(parseSatisfaction("厨房又漏水了")).toBeNull();
    expect(parseSatisfaction("12")).toBeNull();
  });
  it("reads 'it works now' as satisfied, and nothing else said of the repair", () => {
    expect(parseSatisfaction("这回可以了 谢谢师傅")).toBe(1);
    expect(parseSatisfaction("现在好了")).toBe(1);
    expect(parseSatisfaction("已经不漏了，谢谢")).toBe(1);
    expect(parseSatisfaction("现在还是漏")).toBeNull();
  });
});

describe("local time", () => {
  const tz = "Asia/Shanghai";
  const quiet = { start: "21:00", end: "09:00" };
  it("knows quiet hours across midnight", () => {
    expect(inQuietHours(new Date("2026-03-02T22:00:00+08:00"), quiet, tz)).toBe(true);
    expect(inQuietHours(new Date("2026-03-02T08:59:00+08:00"), quiet, tz)).toBe(true);
    expect(inQuietHours(new Date("2026-03-02T09:00:00+08:00"), quiet, tz)).toBe(false);
    expect(outsideQuietHours(new Date("2026-03-02T22:00:00+08:00"), quiet, tz).toISOString()).toBe(new Date("2026-03-03T09:00:00+08:00").toISOString());
    expect(outsideQuietHours(new Date("2026-03-03T03:00:00+08:00"), quiet, tz).toISOString()).toBe(new Date("2026-03-03T09:00:00+08:00").toISOString());
  });
  it("finds the next morning's revisit time in the community's zone", () => {
    expect(localTimeOnDay(new Date("2026-03-02T23:30:00+08:00"), 1, "10:00", tz).toISOString()).toBe(new Date("2026-03-03T10:00:00+08:00").toISOString());
  });
});

describe("where a problem is", () => {
  it("tells a home from a public place", () => {
    expect(placeOf("厨房水管漏水了", null, "water").scope).toBe("home");
    expect(placeOf("东门道闸坏了", null, "access").scope).toBe("public");
    expect(placeOf("3栋电梯又坏了", { building: "3", unit: null, room: null }, "elevator")).toEqual({ scope: "public", description: "3栋 电梯" });
    expect(placeOf("3栋2单元1201卫生间漏水", { building: "3", unit: "2", room: "1201" }, "water").scope).toBe("home");
  });
});

describe("texts", () => {
  it("has a text for every key the code queues", () => {
    const src = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? src(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [fs.readFileSync(path.join(dir, d.name), "utf8")] : []));
    const code = src(path.join(import.meta.dirname, "../../src")).join("\n");
    const keys = [...code.matchAll(/key: "([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(TEXTS, k).toHaveProperty([k]);
  });
});
