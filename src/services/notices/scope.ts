// Who a notice is for. A scope is the whole community, some buildings ("3栋,5栋") or some grids
// ("A区", by name or code); it is stored as JSON on the Notice (see prisma/schema.prisma) and turned
// into its audience when the notice goes out: the community groups serving those buildings and,
// when asked, the verified residents living there.
//
// A group serves the buildings in ChatGroup.buildings; an empty list means the whole community.
// Such a community-wide group gets only community-wide notices: a 3栋 water cut is not posted to
// everyone (the draft shows 0 groups, and the manager can add 私信 or choose 全体).
import type { DbOrTx } from "../../db.js";
import { DomainError } from "../deps.js";
import { buildingLabel } from "../community/building-names.js";

export type NoticeScope = { kind: "all" } | { kind: "buildings"; names: string[] } | { kind: "grids"; codes: string[] };

const ALL = /^(全体|全小区|全部|所有人|所有|全体业主|全体住户)$/;
const BUILDING = /^([0-9A-Za-z]+)(?:栋|幢|座|号楼|楼)$/;

/**
 * Reads a scope as written after 通知: "全体", "3栋", "3栋,5栋", "A区" or "A". Throws
 * notice.bad_scope naming what it could not place (an unknown building or grid).
 */
export async function parseScope(db: DbOrTx, communityId: number, token: string): Promise<NoticeScope> {
  if (ALL.test(token)) return { kind: "all" };
  const items = token.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
  if (items.length === 0) throw new DomainError("notice.bad_scope", { token });
  if (items.every((x) => BUILDING.test(x))) {
    const names = [...new Set(items.map((x) => BUILDING.exec(x)![1]!.toUpperCase()))];
    const known = await db.building.findMany({ where: { communityId, name: { in: names } }, select: { name: true } });
    const unknown = names.filter((n) => !known.some((b) => b.name === n));
    if (unknown.length) throw new DomainError("notice.unknown_building", { names: unknown.map(buildingLabel).join("、") });
    return { kind: "buildings", names };
  }
  const grids = await db.grid.findMany({ where: { communityId }, select: { code: true, name: true } });
  const codes: string[] = [];
  for (const item of items) {
    // By name ("三期"), by code ("C"), or the code as a district ("C区", "C网格").
    const grid = grids.find((g) => g.name === item || [g.code, `${g.code}区`, `${g.code}网格`].some((c) => c.toLowerCase() === item.toLowerCase()));
    if (!grid) throw new DomainError("notice.bad_scope", { token: item });
    if (!codes.includes(grid.code)) codes.push(grid.code);
  }
  return { kind: "grids", codes };
}

export const parseStoredScope = (json: string): NoticeScope => JSON.parse(json) as NoticeScope;

/** The building names a scope covers today; null for the whole community. */
export async function scopeBuildings(db: DbOrTx, communityId: number, scope: NoticeScope): Promise<string[] | null> {
  if (scope.kind === "all") return null;
  if (scope.kind === "buildings") return scope.names;
  const rows = await db.building.findMany({ where: { communityId, grid: { code: { in: scope.codes } } }, select: { name: true }, orderBy: { id: "asc" } });
  return rows.map((b) => b.name);
}

/** Whether any of `buildings` is in scope (null scope = whole community, which covers everything). */
export const scopeCovers = (inScope: string[] | null, buildings: string[]) => inScope === null || buildings.some((b) => inScope.includes(b));

export const groupBuildings = (json: string): string[] => {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.map(String) : [];
  } catch {
    return [];
  }
};

export type Audience = { buildings: string[] | null; groups: { platformId: string }[]; residents: { platformId: string }[] };

/** The groups and verified residents a notice with this scope reaches (each person once). */
export async function audienceOf(db: DbOrTx, communityId: number, scope: NoticeScope): Promise<Audience> {
  const buildings = await scopeBuildings(db, communityId, scope);
  const allGroups = await db.chatGroup.findMany({ where: { communityId }, select: { platformId: true, buildings: true }, orderBy: { id: "asc" } });
  const groups = allGroups
    .filter((g) => {
      const served = groupBuildings(g.buildings);
      return buildings === null || (served.length > 0 && scopeCovers(buildings, served));
    })
    .map((g) => ({ platformId: g.platformId }));
  const rows = await db.resident.findMany({
    where: { verified: true, household: { communityId, ...(buildings ? { building: { name: { in: buildings } } } : {}) } },
    select: { chatUser: { select: { platformId: true } } },
    orderBy: { id: "asc" },
  });
  const residents: { platformId: string }[] = [];
  for (const r of rows) {
    // A person bound to two homes in scope gets one message.
    if (residents.some((x) => x.platformId === r.chatUser.platformId)) continue;
    residents.push({ platformId: r.chatUser.platformId });
  }
  return { buildings, groups, residents };
}
