import type { DbOrTx } from "../../db.js";
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
