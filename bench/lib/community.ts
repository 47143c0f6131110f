// A generated community for the benchmarks and the crash test: buildings of 2 units × 25 floors ×
// 2 rooms (100 households each), one grid and housekeeper per 5 buildings, a supervisor, a manager,
// the front desk and a maintenance worker, a group chat per building, some unpaid bills, and a share
// of households with a bound (verified) resident. Deterministic for a given seed.
import type { Db } from "../../src/db.js";
import { CommunityDefinitionSchema } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";
import { mulberry32 } from "../../src/services/prng.js";

/** The project's PRNG (deterministic for a seed). */
export const rng = mulberry32;
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉红建国文斌宇浩凯健俊帆琳晨雪梅婷颖佳欣怡子轩梓涵浩然雨桐思远".split("");

export type Household = { building: string; unit: string; room: string; owner: string; phone: string; address: string; grid: number };
export type Person = { id: string; name: string; household: Household | null };

export type GeneratedCommunity = {
  /** Input for CommunityDefinitionSchema (households, residents and bills included only when `full`). */
  def: Record<string, unknown>;
  people: Record<string, string>;
  households: Household[];
  /** Bound, verified residents (one per bound household). */
  residents: Person[];
  /** People who write in but are bound to nothing. */
  strangers: Person[];
  housekeepers: { id: string; name: string; grid: number; buildings: string[] }[];
  buildings: string[];
  staff: { id: string; name: string; role: string }[];
};

export function generateCommunity(o: { households: number; boundRatio?: number; strangers?: number; seed?: number; name?: string }): GeneratedCommunity {
  const r = rng(o.seed ?? 7);
  const perBuilding = 100;
  const nBuildings = Math.max(1, Math.ceil(o.households / perBuilding));
  const buildings = Array.from({ length: nBuildings }, (_, i) => String(i + 1));
  const nGrids = Math.max(1, Math.ceil(nBuildings / 5));
  const housekeepers = Array.from({ length: nGrids }, (_, g) => ({
    id: `hk${g + 1}`, name: `${pick(r, SURNAMES)}${pick(r, GIVEN)}${g + 1}号管家`, grid: g, buildings: buildings.slice(g * 5, g * 5 + 5),
  }));
  const staff = [
    ...housekeepers.map((h) => ({ id: h.id, name: h.name, role: "housekeeper" })),
    { id: "sup", name: "王强", role: "supervisor" },
    { id: "mgr", name: "赵磊", role: "manager" },
    { id: "desk", name: "陈静", role: "frontdesk" },
    { id: "fix1", name: "钱师傅", role: "maintenance" },
  ];
  const households: Household[] = [];
  for (let i = 0; i < o.households; i++) {
    const b = Math.floor(i / perBuilding);
    const k = i % perBuilding;
    const unit = String(Math.floor(k / 50) + 1);
    const floor = Math.floor((k % 50) / 2) + 1;
    const room = `${floor}${String((k % 2) + 1).padStart(2, "0")}`;
    const building = buildings[b]!;
    households.push({
      building, unit, room, owner: `${pick(r, SURNAMES)}${pick(r, GIVEN)}${r() < 0.5 ? pick(r, GIVEN) : ""}`,
      phone: `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, "0")}`,
      address: `${building}栋${unit}单元${room}`, grid: Math.floor(b / 5),
    });
  }
  const residents: Person[] = [];
  const people: Record<string, string> = {};
  for (const h of households) {
    if (r() >= (o.boundRatio ?? 0.6)) continue;
    const id = `u${h.building}-${h.unit}-${h.room}`;
    residents.push({ id, name: h.owner, household: h });
    people[id] = h.owner;
  }
  const strangers: Person[] = Array.from({ length: o.strangers ?? Math.ceil(o.households / 10) }, (_, i) => {
    const p = { id: `x${i + 1}`, name: `${pick(r, SURNAMES)}${pick(r, GIVEN)}`, household: null };
    people[p.id] = p.name;
    return p;
  });
  const bills = households.filter(() => r() < 0.3).map((h) => ({
    building: h.building, unit: h.unit, room: h.room, item: "物业服务费", period: "2026-01",
    amount: (200 + Math.floor(r() * 30000) / 100).toFixed(2), dueDate: "2026-01-31", paid: false,
  }));
  const def = {
    name: o.name ?? "压测花园",
    timezone: "Asia/Shanghai",
    grids: housekeepers.map((h) => ({ id: `G${h.grid + 1}`, name: `${h.grid + 1}区`, housekeeper: h.id, buildings: h.buildings })),
    staff,
    households: households.map((h) => ({ building: h.building, unit: h.unit, room: h.room, owner: h.owner, phone: h.phone })),
    bills,
    residents: residents.map((p) => ({ person: p.id, building: p.household!.building, unit: p.household!.unit, room: p.household!.room, verified: true })),
    groups: buildings.map((b) => ({ id: `g${b}`, topic: `${b}号楼业主群`, buildings: [b], members: [] })),
    settings: {},
  };
  for (const s of staff) people[s.id] = s.name;
  return { def, people, households, residents, strangers, housekeepers, buildings, staff };
}

/** Loads the generated community (one transaction; a few seconds for thousands of households). */
export async function loadGenerated(db: Db, c: GeneratedCommunity): Promise<number> {
  return loadCommunity(db, CommunityDefinitionSchema.parse(c.def), c.people);
}

/**
 * The same community written in bulk (createMany in chunks, no single long transaction): staff,
 * grids and groups through loadCommunity, then households, chat users, residents and bills.
 * For the 10,000-household sweeps, where one row at a time would take long.
 */
export async function loadGeneratedBulk(db: Db, c: GeneratedCommunity): Promise<number> {
  const def = c.def as { households: unknown[]; residents: unknown[]; bills: { building: string; unit: string; room: string; item: string; period: string; amount: string; dueDate: string }[] };
  const communityId = await loadCommunity(db, CommunityDefinitionSchema.parse({ ...def, households: [], residents: [], bills: [] }), Object.fromEntries(c.staff.map((s) => [s.id, s.name])));
  const buildings = new Map((await db.building.findMany({ where: { communityId } })).map((b) => [b.name, b.id]));
  for (const name of c.buildings) {
    if (!buildings.has(name)) buildings.set(name, (await db.building.create({ data: { communityId, name } })).id);
  }
  const chunk = <T>(xs: T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  for (const part of chunk(c.households)) {
    await db.household.createMany({ data: part.map((h) => ({ communityId, buildingId: buildings.get(h.building)!, unit: h.unit, room: h.room, ownerName: h.owner, phone: h.phone })) });
  }
  const households = new Map((await db.household.findMany({ where: { communityId }, include: { building: true } })).map((h) => [`${h.building.name}|${h.unit}|${h.room}`, h.id]));
  const people = [...c.residents, ...c.strangers];
  for (const part of chunk(people)) await db.chatUser.createMany({ data: part.map((p) => ({ platformId: p.id, name: p.name })) });
  const users = new Map((await db.chatUser.findMany({ select: { id: true, platformId: true } })).map((u) => [u.platformId, u.id]));
  for (const part of chunk(c.residents)) {
    await db.resident.createMany({ data: part.map((p) => ({ chatUserId: users.get(p.id)!, householdId: households.get(`${p.household!.building}|${p.household!.unit}|${p.household!.room}`)!, verified: true })) });
  }
  for (const part of chunk(def.bills)) {
    await db.bill.createMany({
      data: part.map((b) => {
        const cents = Math.round(Number(b.amount) * 100);
        return { communityId, householdId: households.get(`${b.building}|${b.unit}|${b.room}`)!, item: b.item, period: b.period, amountCents: cents, dueDate: new Date(`${b.dueDate}T23:59:59+08:00`) };
      }),
    });
  }
  return communityId;
}
