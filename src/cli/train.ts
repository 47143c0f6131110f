// `npm run train`: trains the offline classifier from data/train/*.jsonl and writes src/intents/model.json.
// `npm run train -- --holdout 0.2` first reports accuracy on a held-out slice of the corpus.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { features, metaTags, packHead, trainHead, type Example, type ModelFile } from "../intents/model.js";
import { normalize } from "../intents/normalize.js";
import { CATEGORIES, INTENTS } from "../intents/types.js";

/** `aux` rows (compositional danger variations) train the urgency head only. */
type Row = { id: string; chat: "direct" | "group"; mentioned: boolean; text: string; intent: string; category: string | null; urgency: number; aux?: boolean };

const TRAIN_DIR = "data/train";
const OUT = "src/intents/model.json";
const URGENCIES = ["1", "2", "3"];

export function loadCorpus(dir = TRAIN_DIR): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      if (line.trim()) rows.push(JSON.parse(line) as Row);
    }
  }
  return rows;
}

/** `bag`: heads trained with this many shuffle seeds and their weights averaged (default 15). A
 * generated corpus makes single runs order-sensitive; the average is steadier on unseen messages,
 * at the same model size. */
export type TrainOptions = { epochs?: number; lr?: number; l2?: number; bag?: number };

function trainBagged(ex: Example[], nFeat: number, nClass: number, opts: TrainOptions): { w: Float64Array; b: Float64Array } {
  const bag = Math.max(1, opts.bag ?? 15);
  const w = new Float64Array(nFeat * nClass), b = new Float64Array(nClass);
  for (let k = 0; k < bag; k++) {
    const t = trainHead(ex, nFeat, nClass, { ...opts, seed: 7 + 7919 * k });
    for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) + (t.w[i] ?? 0) / bag;
    for (let i = 0; i < b.length; i++) b[i] = (b[i] ?? 0) + (t.b[i] ?? 0) / bag;
  }
  return { w, b };
}

export function build(rows: Row[], opts: TrainOptions = {}): ModelFile {
  const feats = rows.map((r) => features(normalize(r.text), metaTags(r.chat, r.mentioned)));
  const df = new Map<string, number>();
  for (const fs of feats) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([f, n]) => n >= 2 || f.startsWith("#")).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const enc = (fs: string[]) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined);
  const idx = feats.map(enc);

  const intents = [...INTENTS] as string[];
  const cats = [...CATEGORIES] as string[];
  const intentEx: Example[] = rows.flatMap((r, i) => r.aux ? [] : [{ idx: idx[i] ?? [], label: intents.indexOf(r.intent) }]);
  const catEx: Example[] = rows.flatMap((r, i) =>
    !r.aux && (r.intent === "repair" || r.intent === "complaint") && r.category ? [{ idx: idx[i] ?? [], label: cats.indexOf(r.category) }] : []);
  const urgEx: Example[] = rows.map((r, i) => ({ idx: idx[i] ?? [], label: URGENCIES.indexOf(String(r.urgency)) }));

  const heads: ModelFile["heads"] = {};
  const it = trainBagged(intentEx, vocab.length, intents.length, opts);
  heads.intent = packHead(intents, it.w, it.b);
  const ct = trainBagged(catEx, vocab.length, cats.length, opts);
  heads.category = packHead(cats, ct.w, ct.b);
  const ut = trainBagged(urgEx, vocab.length, URGENCIES.length, opts);
  heads.urgency = packHead(URGENCIES, ut.w, ut.b);
  return { version: 1, vocab, heads };
}

async function holdout(rows: Row[], frac: number): Promise<void> {
  // Deterministic split by id hash so reruns compare like with like.
  const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const every = Math.max(2, Math.round(1 / frac));
  const test = rows.filter((r) => hash(r.id) % every === 0);
  const train = rows.filter((r) => hash(r.id) % every !== 0);
  const file = build(train);
  const { loadModel, encode, predict } = await import("../intents/model.js");
  const model = loadModel(file);
  let ok = 0, catOk = 0, catN = 0;
  for (const r of test) {
    const idx = encode(model, features(normalize(r.text), metaTags(r.chat, r.mentioned)));
    const h = model.heads.intent, c = model.heads.category;
    if (!h || !c) throw new Error("missing head");
    const p = predict(h, idx);
    if (h.classes[p.indexOf(Math.max(...p))] === r.intent) ok++;
    if (r.category && (r.intent === "repair" || r.intent === "complaint")) {
      catN++;
      const q = predict(c, idx);
      if (c.classes[q.indexOf(Math.max(...q))] === r.category) catOk++;
    }
  }
  console.log(`holdout n=${test.length}: intent acc ${(ok / test.length).toFixed(3)}, category acc ${(catOk / Math.max(1, catN)).toFixed(3)}`);
}

async function main(): Promise<void> {
  const rows = loadCorpus();
  const hi = process.argv.indexOf("--holdout");
  if (hi >= 0) await holdout(rows, Number(process.argv[hi + 1] ?? 0.2));
  const t0 = performance.now();
  const num = (flag: string) => { const i = process.argv.indexOf(flag); return i >= 0 ? Number(process.argv[i + 1]) : undefined; };
  const opts: TrainOptions = {};
  for (const k of ["epochs", "lr", "l2", "bag"] as const) { const v = num("--" + k); if (v !== undefined) opts[k] = v; }
  const file = build(rows, opts);
  const json = JSON.stringify(file);
  writeFileSync(OUT, json);
  console.log(`trained on ${rows.length} rows, vocab ${file.vocab.length}, ${(json.length / 1e6).toFixed(2)} MB → ${OUT} in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}

// Run only as a script, so tests can import build() and loadCorpus().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
