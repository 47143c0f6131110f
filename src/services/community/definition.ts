// The shape of a community as an office describes it: grids, staff, households, bills, bound
// residents and chat groups. Scenario files (../shared/SCENARIOS.md) and the demo seed use it.
import { z } from "zod";

// Buildings, units, rooms and phones may be written as JSON numbers (3, 1201): read as their digits.
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const id = text.pipe(z.string().min(1));
const name = z.string().min(1);
const place = text.pipe(z.string().min(1));
const unit = text.default("");
const day = z.string().transform((s) => (/^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"));
const STAFF_ROLES = ["housekeeper", "gold_housekeeper", "frontdesk", "team_lead", "supervisor", "manager", "maintenance"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CommunityDefinitionSchema = z.object({
  name,
  timezone: z.string().default("Asia/Shanghai"),
  grids: z.array(z.object({ id, name, housekeeper: id, buildings: z.array(place).min(1) })).default([]),
  staff: z.array(z.object({ id, name, role: z.enum(STAFF_ROLES), phone: text.optional() })).default([]),
  households: z
    .array(z.object({ building: place, unit, room: place, owner: z.string().default(""), phone: text.transform((p) => p.replace(/[\s-]/g, "")).pipe(z.string().regex(/^\+?\d{7,15}$/, "expected a phone number")) }))
    .default([]),
  bills: z
    .array(
      z.object({
        building: place, unit, room: place,
        item: name, period: text.pipe(z.string().min(1)),
        amount: text.pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "expected an amount like 356.40")),
        dueDate: day,
        paid: z.boolean().default(false),
      }),
    )
    .default([]),
  residents: z.array(z.object({ person: id, building: place, unit, room: place, verified: z.boolean().default(true) })).default([]),
  groups: z.array(z.object({ id, topic: z.string().default(""), buildings: z.array(place).optional(), members: z.array(id).default([]) })).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export type CommunityDefinition = z.infer<typeof CommunityDefinitionSchema>;
export const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);
