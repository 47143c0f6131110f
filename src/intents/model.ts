// A small multinomial logistic-regression model over character n-grams (1–3) and English words.
// Training lives here too so features are computed identically at train and run time.
// Weights are stored quantised (Int16, base64) so the model file stays small and loads fast.

export type Head = { classes: string[]; bias: number[]; scale: number; weights: Int16Array };
export type Model = { vocab: Map<string, number>; heads: Record<string, Head> };
export type ModelFile = {
  version: 1;
  vocab: string[];
  heads: Record<string, { classes: string[]; bias: number[]; scale: number; weights: string }>;
};

const CJK = /[\u3400-\u9fff]/;
const ENGLISH_ONLY = /^[\^$a]+$/;

/** Feature strings of a normalised text plus chat meta tags. */
export function features(text: string, meta: string[] = []): string[] {
  const t = text.toLowerCase().replace(/\d+/g, "#");
  const out = new Set<string>(meta);
  // Runs of CJK (plus # and a few marks) give char n-grams; ASCII words give word uni/bigrams.
  const segments = t.split(/[\s,，。.!！?？、:：;；~～"'“”‘’()（）【】\[\]]+/).filter(Boolean);
  let prevWord = "";
  for (const seg of segments) {
    const words = seg.match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
    for (const w of words) {
      out.add("w:" + w);
      if (prevWord) out.add("w:" + prevWord + "_" + w);
      prevWord = w;
    }
    const chars = [...seg.replace(/[a-z]+/g, "a")].filter((c) => CJK.test(c) || c === "#" || c === "a");
    if (words.length === 0) prevWord = "";
    const s = ["^", ...chars, "$"];
    // Grams made only of boundaries and English-word placeholders ("^a$") say nothing but "this is
    // English", which the corpus would otherwise learn as a class prior: left out.
    const add = (g: string) => { if (!ENGLISH_ONLY.test(g)) out.add(g); };
    for (let i = 0; i < s.length; i++) {
      const c1 = s[i] ?? "";
      if (c1 !== "^" && c1 !== "$" && c1 !== "a") out.add(c1);
      const c2 = s[i + 1];
      if (c2 === undefined) continue;
      add(c1 + c2);
      const c3 = s[i + 2];
      if (c3 !== undefined) add(c1 + c2 + c3);
    }
  }
  return [...out];
}

export function metaTags(chat: "direct" | "group", mentioned: boolean): string[] {
  return chat === "group" ? (mentioned ? ["#group", "#mention"] : ["#group", "#unmentioned"]) : ["#direct"];
}

/** Feature indices known to the model. */
export function encode(model: Model, feats: string[]): number[] {
  const idx: number[] = [];
  for (const f of feats) {
    const i = model.vocab.get(f);
    if (i !== undefined) idx.push(i);
  }
  return idx;
}

/** Class probabilities of one head for encoded features (binary values, L2-normalised). */
export function predict(head: Head, idx: number[]): number[] {
  const C = head.classes.length;
  const z = head.bias.slice();
  const x = idx.length ? 1 / Math.sqrt(idx.length) : 0;
  const w = head.weights;
  for (const i of idx) {
    const base = i * C;
    for (let c = 0; c < C; c++) z[c] = (z[c] ?? 0) + ((w[base + c] ?? 0) / head.scale) * x;
  }
  return softmax(z);
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function loadModel(file: ModelFile): Model {
  const vocab = new Map<string, number>();
  file.vocab.forEach((f, i) => vocab.set(f, i));
  const heads: Record<string, Head> = {};
  for (const [name, h] of Object.entries(file.heads)) {
    const buf = Buffer.from(h.weights, "base64");
    const weights = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
    heads[name] = { classes: h.classes, bias: h.bias, scale: h.scale, weights };
  }
  return { vocab, heads };
}

// ---------------------------------------------------------------- training

export type Example = { idx: number[]; label: number };

/** Softmax regression with AdaGrad SGD and L2; returns float weights (vocab × classes) and bias. */
export function trainHead(
  examples: Example[], nFeat: number, nClass: number,
  opts: { epochs?: number; lr?: number; l2?: number; seed?: number } = {},
): { w: Float64Array; b: Float64Array } {
  const epochs = opts.epochs ?? 20, lr = opts.lr ?? 0.5, l2 = opts.l2 ?? 1e-5;
  const w = new Float64Array(nFeat * nClass), b = new Float64Array(nClass);
  const g2 = new Float64Array(nFeat * nClass).fill(1e-8), gb2 = new Float64Array(nClass).fill(1e-8);
  let seed = opts.seed ?? 7;
  const order = examples.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { // seeded shuffle
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const k of order) {
      const ex = examples[k];
      if (!ex) continue;
      const x = ex.idx.length ? 1 / Math.sqrt(ex.idx.length) : 0;
      const z = Array.from(b);
      for (const f of ex.idx) for (let c = 0; c < nClass; c++) z[c] = (z[c] ?? 0) + (w[f * nClass + c] ?? 0) * x;
      const p = softmax(z);
      for (let c = 0; c < nClass; c++) {
        const g = (p[c] ?? 0) - (c === ex.label ? 1 : 0);
        gb2[c] = (gb2[c] ?? 0) + g * g;
        b[c] = (b[c] ?? 0) - (lr * g) / Math.sqrt(gb2[c] ?? 1);
        for (const f of ex.idx) {
          const j = f * nClass + c;
          const gj = g * x + l2 * (w[j] ?? 0);
          g2[j] = (g2[j] ?? 0) + gj * gj;
          w[j] = (w[j] ?? 0) - (lr * gj) / Math.sqrt(g2[j] ?? 1);
        }
      }
    }
  }
  return { w, b };
}

/** Quantise float weights to Int16 with a shared scale. */
export function packHead(classes: string[], w: Float64Array, b: Float64Array): ModelFile["heads"][string] {
  let max = 1e-9;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = 32767 / max;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round((w[i] ?? 0) * scale);
  return {
    classes, bias: Array.from(b, (v) => Math.round(v * 1e4) / 1e4), scale,
    weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString("base64"),
  };
}
