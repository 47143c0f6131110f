// The scenario file format of ../shared/SCENARIOS.md, validated with zod.
import { z } from "zod";
import { CommunityDefinitionSchema } from "../services/community/definition.js";

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO date-time like 2026-03-02T09:00:00+08:00");
const duration = z.string().regex(/^\d+(\.\d+)?(s|m|h|d)$/, "expected a duration like 30s, 10m, 2h, 3d");
const regex = z.string().refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, "invalid regular expression");
const between = z.tuple([isoTime, isoTime]).optional();

export const StepSchema = z.union([
  z.object({ say: z.object({ from: z.string().min(1), text: z.string(), in: z.string().optional(), mention: z.boolean().optional() }).strict() }).strict(),
  z.object({ expect: z.object({ to: z.string().min(1), match: regex, capture: z.string().optional(), between }).strict() }).strict(),
  z.object({ expectNone: z.object({ to: z.string().min(1), match: regex.optional(), between }).strict() }).strict(),
  z.object({ clear: z.string().min(1) }).strict(),
  z.object({ advance: duration }).strict(),
  z.object({ at: isoTime }).strict(),
  // The office's accounts arrive: bills or payments as the CSV of `npm run import` (README), whole or nothing.
  z.object({ import: z.object({ kind: z.enum(["bills", "payments"]), csv: z.string().min(1) }).strict() }).strict(),
]);
export type Step = z.infer<typeof StepSchema>;

export const ScenarioSchema = z.object({
  community: CommunityDefinitionSchema,
  people: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })).default([]),
  start: isoTime,
  steps: z.array(StepSchema),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export function parseDuration(d: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(d)!;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s" | "m" | "h" | "d"];
}
