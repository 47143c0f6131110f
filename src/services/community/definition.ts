// The shape of a community as an office describes it: grids, staff, households, bills, bound
// residents and chat groups. Scenario files (../shared/SCENARIOS.md) and the demo seed use it.
import { z } from "zod";
import { buildingName } from "./building-names.js";

// Buildings, units, rooms and phones may be written as JSON numbers (3, 1201): read as their digits.
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const id = text.pipe(z.string().min(1));
const name = z.string().min(1);
const place = text.pipe(z.string().min(1));
const building = place.transform(buildingName);
const unit = text.transform((u) => u.normalize("NFKC").replace(/单元$/, "")).default("");
const room = place.transform((r) => r.normalize("NFKC").replace(/(室|号房|号)$/, ""));
const day = z.string().transform((s) => (/^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"));
const STAFF_ROLES = ["housekeeper", "gold_housekeeper", "frontdesk", "team_lead", "supervisor", "manager", "maintenance"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CommunityDefinitionSchema = z.object({
  name,
  timezone: z.string().default("Asia/Shanghai").refine(validTimeZone, "expected an IANA time zone like Asia/Shanghai"),
  // A grid without a housekeeper (a vacancy): its tickets go to the front desk, then a supervisor.
  grids: z.array(z.object({ id, name, housekeeper: id.optional(), buildings: z.array(building).min(1) })).default([]),
  staff: z.array(z.object({ id, name, role: z.enum(STAFF_ROLES), phone: text.optional() })).default([]),
  households: z
    // A household without a phone on file cannot bind online (the front desk checks identity instead).
    .array(z.object({ building, unit, room, owner: z.string().default(""), phone: text.transform((p) => p.replace(/[\s-]/g, "")).pipe(z.string().regex(/^\+?\d{7,15}$/, "expected a phone number")).optional() }))
    .default([]),
  bills: z
    .array(
      z.object({
        building, unit, room,
        item: name, period: text.pipe(z.string().min(1)),
        amount: text.pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, "expected an amount like 356.40")),
        dueDate: day,
        paid: z.boolean().default(false),
      }),
    )
    .default([]),
  residents: z.array(z.object({ person: id, building, unit, room, verified: z.boolean().default(true) })).default([]),
  groups: z.array(z.object({ id, topic: z.string().default(""), buildings: z.array(building).optional(), members: z.array(id).default([]) })).default([]),
  settings: z.record(z.string(), z.unknown()).default({}),
}).superRefine((c, ctx) => {
  // One housekeeper per grid, one grid per housekeeper (DOMAIN.md): a second grid for the same person
  // is an error in the file, said plainly.
  const seen = new Map<string, string>();
  c.grids.forEach((g, i) => {
    if (!g.housekeeper) return;
    const other = seen.get(g.housekeeper);
    if (other) ctx.addIssue({ code: "custom", path: ["grids", i, "housekeeper"], message: `${g.housekeeper} already looks after grid ${other}; each grid has its own housekeeper` });
    else seen.set(g.housekeeper, g.id);
  });
  // Ids and addresses are unique; a reference names someone or something the file defines.
  const unique = (list: string[], path: string, what: string) => {
    const first = new Map<string, number>();
    list.forEach((v, i) => {
      if (first.has(v)) ctx.addIssue({ code: "custom", path: [path, i], message: `${what} ${v} is defined twice (first at ${path}.${first.get(v)})` });
      else first.set(v, i);
    });
  };
  const address = (h: { building: string; unit: string; room: string }) => `${h.building}-${h.unit || "?"}-${h.room}`;
  unique(c.staff.map((s) => s.id), "staff", "staff id");
  unique(c.grids.map((g) => g.id), "grids", "grid id");
  unique(c.groups.map((g) => g.id), "groups", "group id");
  unique(c.households.map(address), "households", "household");
  const staffIds = new Set(c.staff.map((s) => s.id));
  c.grids.forEach((g, i) => {
    if (g.housekeeper && !staffIds.has(g.housekeeper)) ctx.addIssue({ code: "custom", path: ["grids", i, "housekeeper"], message: `${g.housekeeper} is not in community.staff` });
  });
  // (Written without the unit, a resident or bill names the one household with that room in the building.)
  const homes = new Set(c.households.map(address));
  const known = (x: { building: string; unit: string; room: string }) =>
    homes.has(address(x)) || (!x.unit && c.households.filter((h) => h.building === x.building && h.room === x.room).length === 1);
  c.residents.forEach((r, i) => {
    if (!known(r)) ctx.addIssue({ code: "custom", path: ["residents", i], message: `no household ${address(r)} in community.households` });
  });
  c.bills.forEach((b, i) => {
    if (!known(b)) ctx.addIssue({ code: "custom", path: ["bills", i], message: `no household ${address(b)} in community.households` });
  });
});

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type CommunityDefinition = z.infer<typeof CommunityDefinitionSchema>;
export const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);
