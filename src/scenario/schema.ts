// The scenario file format of ../shared/SCENARIOS.md, validated with zod.
// Lenient where a hand-written file naturally varies and the meaning is clear: times without a UTC
// offset are the community's local time, durations may combine units ("1h30m", "90min", "2天"), a
// person may have no name, steps may carry a "comment", and unknown settings are ignored (listed).
import { z } from "zod";
import { CommunityDefinitionSchema } from "../services/community/definition.js";
import { SettingsSchema } from "../services/community/settings.js";
import { atLocal } from "../services/time.js";

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO date-time; without an offset ("2026-03-02T09:00", "2026-03-02 09:00") it is local time in `tz`. */
export function parseTime(s: string, tz: string): Date {
  const t = s.trim();
  const local = HAS_ZONE.test(t) ? null : LOCAL_TIME.exec(t);
  if (local) {
    const [, y, mo, d, h = "0", mi = "0", sec = "0"] = local;
    return new Date(atLocal(Number(y), Number(mo), Number(d), `${h.padStart(2, "0")}:${mi}`, tz).getTime() + Number(sec) * 1000);
  }
  return new Date(Date.parse(t));
}
const validTime = (s: string) => !Number.isNaN(parseTime(s, "Asia/Shanghai").getTime());
const isoTime = z.string().refine(validTime, "expected an ISO date-time like 2026-03-02T09:00:00+08:00");

const UNIT_MS: [RegExp, number][] = [
  [/^(?:ms|毫秒)$/, 1],
  [/^(?:s|sec|secs|second|seconds|秒|秒钟)$/, 1000],
  [/^(?:m|min|mins|minute|minutes|分|分钟)$/, 60_000],
  [/^(?:h|hr|hrs|hour|hours|小时|个小时|时)$/, 3_600_000],
  [/^(?:d|day|days|天|日)$/, 86_400_000],
  [/^(?:w|wk|week|weeks|周|星期|个星期)$/, 7 * 86_400_000],
];
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Milliseconds of "30s", "10m", "2h", "3d", "1h30m", "1.5h", "90 min", "2 days", "3天", "PT2H"; null when unreadable. */
export function tryParseDuration(d: string): number | null {
  const t = d.trim();
  const iso = ISO_DURATION.exec(t);
  if (iso && t.length > 1 && !/T$/i.test(t)) {
    const [w = 0, dd = 0, h = 0, m = 0, s = 0] = iso.slice(1).map((x) => Number(x ?? 0));
    return (((w * 7 + dd) * 24 + h) * 60 + m) * 60_000 + s * 1000;
  }
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([A-Za-z\u4e00-\u9fff]+)\s*/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== t.replace(/^\s+/, "")) return null;
  let total = 0;
  for (const [, n, unit] of parts) {
    const ms = UNIT_MS.find(([re]) => re.test(unit!.toLowerCase()))?.[1];
    if (ms === undefined) return null;
    total += Number(n) * ms;
  }
  return total;
}
const duration = z.string().refine((s) => tryParseDuration(s) !== null, "expected a duration like 30s, 10m, 2h, 3d");
const regex = z.string().refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, "invalid regular expression");
const between = z.tuple([isoTime, isoTime]).optional();

// Notes a file's author leaves on a step; they do not change what the step does.
const COMMENT_KEYS = ["comment", "comments", "note", "notes", "description", "desc", "why", "_comment", "//", "#"];
const dropComments = (v: unknown) => {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const k of COMMENT_KEYS) delete out[k];
  return out;
};

export const StepSchema = z.preprocess(dropComments, z.union([
  z.object({ say: z.object({ from: z.string().min(1), text: z.string(), in: z.string().optional(), mention: z.boolean().optional() }).strict() }).strict(),
  z.object({ expect: z.object({ to: z.string().min(1), match: regex, capture: z.string().optional(), between, not: z.boolean().optional() }).strict() }).strict(),
  z.object({ expectNone: z.object({ to: z.string().min(1).optional(), match: regex.optional(), between }).strict() }).strict(),
  z.object({ clear: z.union([z.string().min(1), z.array(z.string().min(1))]) }).strict(),
  z.object({ advance: duration }).strict(),
  z.object({ at: isoTime }).strict(),
  // The office's accounts arrive: bills or payments as the CSV of `npm run import` (README), whole or nothing.
  z.object({ import: z.object({ kind: z.enum(["bills", "payments"]), csv: z.string().min(1) }).strict() }).strict(),
]));
export type Step = z.infer<typeof StepSchema>;

const KNOWN_SETTINGS = new Set(Object.keys(SettingsSchema.shape));

export const ScenarioSchema = z.object({
  community: CommunityDefinitionSchema,
  people: z.array(z.object({ id: z.string().min(1), name: z.string().optional() }).transform((p) => ({ id: p.id, name: p.name?.trim() || p.id }))).default([]),
  start: isoTime,
  steps: z.array(StepSchema),
}).superRefine((s, ctx) => {
  // Known settings must have the right shape (an unknown one is only reported).
  const knownSettings = Object.fromEntries(Object.entries(s.community.settings).filter(([k]) => KNOWN_SETTINGS.has(k)));
  const settings = SettingsSchema.safeParse(knownSettings);
  if (!settings.success) for (const issue of settings.error.issues) ctx.addIssue({ code: "custom", path: ["community", "settings", ...issue.path], message: issue.message });
  // A recipient a step checks must be someone the file knows: a person, staff, group, or an id that
  // speaks in it (a stranger may write without being listed). A mistyped recipient would otherwise
  // make an expectNone pass silently.
  const known = new Set<string>([...s.people.map((p) => p.id), ...s.community.staff.map((x) => x.id), ...s.community.residents.map((r) => r.person), ...s.community.groups.map((g) => g.id)]);
  for (const step of s.steps) if ("say" in step) { known.add(step.say.from); if (step.say.in) known.add(step.say.in); }
  const check = (id: string | undefined, path: (string | number)[]) => {
    if (id === undefined || id.includes("${") || known.has(id)) return;
    ctx.addIssue({ code: "custom", path, message: `unknown recipient "${id}" (not a person, staff member or group of this file, and never speaks in it)` });
  };
  s.steps.forEach((step, i) => {
    if ("expect" in step) check(step.expect.to, ["steps", i, "expect", "to"]);
    if ("expectNone" in step) check(step.expectNone.to, ["steps", i, "expectNone", "to"]);
    if ("clear" in step) (Array.isArray(step.clear) ? step.clear : [step.clear]).forEach((c, ci) => check(c, ["steps", i, "clear", ...(Array.isArray(step.clear) ? [ci] : [])]));
  });
}).transform((s) => {
  // Settings this project does not know are left out (and reported by the runner), not fatal.
  const ignoredSettings = Object.keys(s.community.settings).filter((k) => !KNOWN_SETTINGS.has(k));
  const settings = Object.fromEntries(Object.entries(s.community.settings).filter(([k]) => KNOWN_SETTINGS.has(k)));
  return { ...s, community: { ...s.community, settings }, ignoredSettings };
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export function parseDuration(d: string): number {
  const ms = tryParseDuration(d);
  if (ms === null) throw new Error(`unreadable duration: ${d}`);
  return ms;
}
