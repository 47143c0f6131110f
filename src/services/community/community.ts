import type { Db, DbOrTx } from "../../db.js";
import { parseSettings, type Settings } from "./settings.js";

const cache = new WeakMap<object, Settings>();

/** The community's settings, parsed (and validated) from its stored JSON. */
export function getSettings(community: { settings: string }): Settings {
  let s = cache.get(community);
  if (!s) {
    s = parseSettings(community.settings);
    cache.set(community, s);
  }
  return s;
}

/** The community a bot serves by default (the first one); null in an empty database. */
export async function defaultCommunity(db: DbOrTx) {
  return db.community.findFirst({ orderBy: { id: "asc" } });
}

// ——— a per-process cache of community rows ———
//
// Every inbound message, outbox row and deadline task needs its community (time zone, settings);
// reading and re-parsing it each time was a statement and a zod parse per message. Nothing in the
// assistant changes a community's name, time zone or settings after it is loaded, so rows are kept
// for COMMUNITY_TTL_MS: an edit made directly in the database takes effect within that time.
// `lastTicketNumber` changes with every ticket and is left out of cached rows (createTicket
// increments it in the database). The cache is per database client (tests open many databases in
// one process), and reads go through the client, never a transaction: a cached row is the same for
// every transaction, and on SQLite the one connection sees the caller's transaction anyway.

export const COMMUNITY_TTL_MS = 60_000;

export type CachedCommunity = { id: number; name: string; timezone: string; settings: string; createdAt: Date };
type Entry<T> = { value: T; at: number };
type PerDb = { byId: Map<number, Entry<CachedCommunity>>; groups: Map<string, Entry<number>>; first: Entry<number> | null };
const perDb = new WeakMap<Db, PerDb>();

function cacheOf(db: Db): PerDb {
  let c = perDb.get(db);
  if (!c) perDb.set(db, (c = { byId: new Map(), groups: new Map(), first: null }));
  return c;
}
const fresh = <T>(e: Entry<T> | null | undefined): e is Entry<T> => Boolean(e && Date.now() - e.at < COMMUNITY_TTL_MS);

/** The community row (without lastTicketNumber), cached for COMMUNITY_TTL_MS; null if there is none. */
export async function cachedCommunity(db: Db, id: number): Promise<CachedCommunity | null> {
  const c = cacheOf(db);
  const hit = c.byId.get(id);
  if (fresh(hit)) return hit.value;
  const row = await db.community.findUnique({ where: { id }, select: { id: true, name: true, timezone: true, settings: true, createdAt: true } });
  if (row) c.byId.set(id, { value: row, at: Date.now() });
  return row;
}

/** The time zone of a community, cached (the default when the row is gone). */
export async function cachedTimezone(db: Db, id: number): Promise<string> {
  return (await cachedCommunity(db, id))?.timezone ?? "Asia/Shanghai";
}

/** The community a registered chat group belongs to; null for an unknown group (not cached). */
export async function cachedGroupCommunity(db: Db, platformId: string): Promise<CachedCommunity | null> {
  const c = cacheOf(db);
  const hit = c.groups.get(platformId);
  if (fresh(hit)) return cachedCommunity(db, hit.value);
  const group = await db.chatGroup.findUnique({ where: { platformId }, select: { communityId: true } });
  if (!group) return null;
  c.groups.set(platformId, { value: group.communityId, at: Date.now() });
  return cachedCommunity(db, group.communityId);
}

/** The default community (the first one), cached; null in an empty database (not cached). */
export async function cachedDefaultCommunity(db: Db): Promise<CachedCommunity | null> {
  const c = cacheOf(db);
  if (fresh(c.first)) return cachedCommunity(db, c.first.value);
  const first = await db.community.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  if (!first) return null;
  c.first = { value: first.id, at: Date.now() };
  return cachedCommunity(db, first.id);
}
