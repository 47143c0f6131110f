// Building names: stored as residents write them once parsed ("3", "B"), shown as offices say them.

/**
 * A building as offices write it — "3", "3号楼", "3栋", "B座", "b" — stored as the location parser
 * (src/intents/location.ts) reads a resident's "3号楼" or "B座": "3", "B". Other names stay as written.
 */
export function buildingName(raw: string): string {
  const s = raw.normalize("NFKC").trim().replace(/\s+/g, "");
  const m = /^(\d{1,3}|[A-Za-z])(?:号楼|栋楼|号|栋|幢|座|楼|#)?$/.exec(s);
  return m ? (/^\d+$/.test(m[1]!) ? String(Number(m[1])) : m[1]!.toUpperCase()) : s;
}

/** How a building is named in messages: "3栋", "B座", or a name as it is ("紫荆苑"). */
export function buildingLabel(name: string): string {
  if (/^\d+$/.test(name)) return `${name}栋`;
  if (/^[A-Z]$/.test(name)) return `${name}座`;
  return name;
}

/** "3栋2单元1201", "B座805" (the unit left out when there is none). */
export function addressLabel(a: { building: string | null; unit: string | null; room: string | null }): string {
  return `${a.building ? buildingLabel(a.building) : ""}${a.unit ? `${a.unit}单元` : ""}${a.room ?? ""}`;
}
