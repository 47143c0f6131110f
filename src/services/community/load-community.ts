// Writes a community definition into the database in one transaction (all or nothing).
import type { Db } from "../../db.js";
import { DomainError } from "../deps.js";
import type { CommunityDefinition } from "./definition.js";
import { parseSettings } from "./settings.js";
import { atLocal } from "../time.js";

const endOfLocalDay = (ymd: string, tz: string) => {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(atLocal(y, m, d, "23:59", tz).getTime() + 59_000);
};

/** `people` maps a chat identity (scenario person id / wxid) to a display name. */
export async function loadCommunity(db: Db, def: CommunityDefinition, people: Record<string, string> = {}): Promise<number> {
  parseSettings(def.settings); // reject bad settings before writing anything
  return db.$transaction(async (tx) => {
    const community = await tx.community.create({ data: { name: def.name, timezone: def.timezone, settings: JSON.stringify(def.settings) } });
    const communityId = community.id;
    const chatUser = (platformId: string, name: string) =>
      tx.chatUser.upsert({ where: { platformId }, create: { platformId, name }, update: { platformId } });

    const staffIds = new Map<string, number>();
    for (const s of def.staff) {
      const user = await chatUser(s.id, s.name);
      const row = await tx.staff.create({ data: { communityId, code: s.id, name: s.name, role: s.role, chatUserId: user.id } });
      staffIds.set(s.id, row.id);
    }

    const buildingIds = new Map<string, number>();
    const building = async (name: string, gridId: number | null = null) => {
      const existing = buildingIds.get(name);
      if (existing) {
        if (gridId) await tx.building.update({ where: { id: existing }, data: { gridId } });
        return existing;
      }
      const row = await tx.building.create({ data: { communityId, name, gridId } });
      buildingIds.set(name, row.id);
      return row.id;
    };
    for (const g of def.grids) {
      const housekeeperId = g.housekeeper ? (staffIds.get(g.housekeeper) ?? null) : null;
      if (g.housekeeper && !housekeeperId) throw new DomainError("setup.unknown_staff", { id: g.housekeeper, grid: g.id });
      const grid = await tx.grid.create({ data: { communityId, code: g.id, name: g.name, housekeeperId } });
      for (const b of g.buildings) await building(b, grid.id);
    }

    const householdKey = (b: string, u: string, r: string) => `${b}|${u}|${r}`;
    const householdIds = new Map<string, number>();
    for (const h of def.households) {
      const row = await tx.household.create({ data: { communityId, buildingId: await building(h.building), unit: h.unit, room: h.room, ownerName: h.owner, phone: h.phone ?? "" } });
      householdIds.set(householdKey(h.building, h.unit, h.room), row.id);
    }
    const householdOf = (x: { building: string; unit: string; room: string }) => {
      // A bill or resident written without the unit names the one household with that room in the building.
      const sameRoom = x.unit ? [] : def.households.filter((h) => h.building === x.building && h.room === x.room);
      const found = householdIds.get(householdKey(x.building, x.unit, x.room)) ?? (sameRoom.length === 1 ? householdIds.get(householdKey(x.building, sameRoom[0]!.unit, x.room)) : undefined);
      if (!found) throw new DomainError("setup.unknown_household", { address: `${x.building}-${x.unit}-${x.room}` });
      return found;
    };

    for (const b of def.bills) {
      const cents = Math.round(Number(b.amount) * 100);
      await tx.bill.create({
        data: { communityId, householdId: householdOf(b), item: b.item, period: b.period, amountCents: cents, dueDate: endOfLocalDay(b.dueDate, def.timezone), paidCents: b.paid ? cents : 0 },
      });
    }
    for (const r of def.residents) {
      const user = await chatUser(r.person, people[r.person] ?? r.person);
      await tx.resident.create({ data: { chatUserId: user.id, householdId: householdOf(r), verified: r.verified } });
    }
    for (const g of def.groups) {
      await tx.chatGroup.create({ data: { communityId, platformId: g.id, topic: g.topic, buildings: JSON.stringify(g.buildings ?? []) } });
    }
    for (const [platformId, name] of Object.entries(people)) await chatUser(platformId, name);
    return communityId;
  });
}
