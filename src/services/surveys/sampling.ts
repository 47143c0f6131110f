// Which households a survey asks: a seeded, reproducible sample of the verified households,
// stratified by grid so that every grid's figures rest on its share of the sample.
//
//   size   = ceil(ratio × eligible households)   (at least the ratio; at least 1 when any is eligible)
//   grids  = each grid's share by the largest-remainder method (shares add up to `size` exactly;
//            ties go to the larger grid, then the grid listed first)
//   within = a Fisher–Yates shuffle of the grid's households (ordered by id) with mulberry32(seed),
//            taking the first `share`
//
// Same households + same ratio + same seed → same sample (tests, scenarios, and anyone re-checking).

import { mulberry32 } from "../prng.js";

export type Candidate = { householdId: number; gridId: number | null };

export function sampleSize(eligible: number, ratio: number): number {
  if (eligible === 0 || ratio <= 0) return 0;
  // The epsilon keeps 0.2 × 10 at 2 (floating point makes it 2.0000000000000004).
  return Math.min(eligible, Math.max(1, Math.ceil(eligible * ratio - 1e-9)));
}

/** The sampled household ids, ordered by grid then by draw. */
export function sampleHouseholds(candidates: Candidate[], ratio: number, seed: number): number[] {
  const size = sampleSize(candidates.length, ratio);
  if (size === 0) return [];
  const byGrid = new Map<number | null, number[]>();
  for (const c of [...candidates].sort((a, b) => a.householdId - b.householdId)) {
    const list = byGrid.get(c.gridId) ?? [];
    list.push(c.householdId);
    byGrid.set(c.gridId, list);
  }
  // Grids in a stable order: by id, households outside any grid last.
  const grids = [...byGrid.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity));
  const quotas = grids.map(([, ids]) => (size * ids.length) / candidates.length);
  const shares = quotas.map(Math.floor);
  let left = size - shares.reduce((s, n) => s + n, 0);
  const order = grids.map((_, i) => i).sort((i, j) => quotas[j]! - shares[j]! - (quotas[i]! - shares[i]!) || grids[j]![1].length - grids[i]![1].length || i - j);
  for (const i of order) {
    if (left === 0) break;
    shares[i]!++;
    left--;
  }
  const random = mulberry32(seed);
  const out: number[] = [];
  grids.forEach(([, ids], i) => {
    const pool = [...ids];
    for (let k = pool.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    }
    out.push(...pool.slice(0, shares[i]));
  });
  return out;
}

/** The seed of a survey started without one: reproducible from the survey row (id and creation time). */
export function defaultSeed(surveyId: number, createdAt: Date): number {
  return (Math.imul(surveyId, 2654435761) ^ Math.floor(createdAt.getTime() / 1000)) >>> 0;
}
