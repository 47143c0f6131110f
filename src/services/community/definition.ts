// The shape of a community as an office describes it: grids, staff, households, bills, bound
// residents and chat groups. Scenario files (../shared/SCENARIOS.md) and the demo seed use it.
import { z } from "zod";

const id = z.string().min(1);
const name = z.string().min(1);
const STAFF_ROLES = ["housekeeper", "gold_housekeeper", "frontdesk", "team_lead", "supervisor", "manager", "maintenance"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CommunityDefinitionSchema = z.object({
  name,
  timezone: z.string().default("Asia/Shanghai"),
  grids: z.array(z.object({ id, name, housekeeper: id, buildings: z.array(z.string().min(1)).min(1) })).default([]),
  staff: z.array(z.object({ id, name, role: z.enum(STAFF_ROLES), phone: z.string().optional() })).default([]),
  households: z
    .array(z.object({ building: z.string().min(1), unit: z.string().default(""), room: z.string().min(1), owner: name, phone: z.string().regex(/^\+?\d{7,15}$/, "expected a phone number") }))
    .default([]),
  bills: z
    .array(
      z.object({
        building: z.string().min(1), unit: z.string().default(""), room: z.string().min(1),
        item: name, period: z.string().min(1),
        amount: z.string().regex(/^\d+(\.\d{1,2})?$/, "expected an amount like 356.40"),
        dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
        paid: z.boolean().default(false),
      }),
    )
    .default([]),
  residents: z.array(z.object({ person: id, building: z.string().min(1), unit: z.string().default(""), room: z.string().min(1), verified: z.boolean().default(true) })).default([]),
  groups: z.array(z.object({ id, topic: z.string().default(""), buildings: z.array(z.string()).optional(), members: z.array(id).default([]) })).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export type CommunityDefinition = z.infer<typeof CommunityDefinitionSchema>;
export const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);
