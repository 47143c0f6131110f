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

// English words glossed with the Chinese the corpus mostly uses: an English message then also lights
// up the Chinese n-grams learned from the (much larger) Chinese part of the corpus.
const EN_GLOSS: Record<string, string> = {
  leak: "漏水", leaking: "漏水", leaks: "漏水", leaked: "漏水", drip: "滴水", dripping: "滴水", pipe: "水管", pipes: "水管", tap: "水龙头", faucet: "水龙头",
  toilet: "马桶", sink: "水槽", drain: "下水道", blocked: "堵了", clogged: "堵了", shower: "花洒", pressure: "水压", water: "水", flooding: "淹了", flooded: "淹了",
  light: "灯", lights: "灯", lamp: "灯", bulb: "灯泡", socket: "插座", outlet: "插座", switch: "开关", fuse: "跳闸", power: "电", electricity: "电", electrician: "电工", plumber: "水管师傅",
  gas: "燃气", stove: "燃气灶", lift: "电梯", elevator: "电梯", lifts: "电梯", gate: "大门", door: "门", lock: "锁", intercom: "对讲", card: "卡", fob: "门禁卡",
  wall: "墙", ceiling: "天花板", roof: "屋顶", window: "窗户", tiles: "瓷砖", tile: "瓷砖", crack: "裂缝", cracked: "裂了", damp: "潮湿", mould: "发霉", mold: "发霉",
  bench: "长椅", playground: "游乐场", swing: "秋千", slide: "滑梯", mailbox: "信箱", locker: "快递柜", cctv: "监控", camera: "摄像头",
  rubbish: "垃圾", trash: "垃圾", garbage: "垃圾", bins: "垃圾桶", bin: "垃圾桶", smell: "味道", stinks: "臭", filthy: "脏", dirty: "脏", cleaners: "保洁", cleaner: "保洁", cleaning: "打扫", mopped: "拖地",
  cockroaches: "蟑螂", rats: "老鼠", mice: "老鼠", tree: "树", trees: "树", branches: "树枝", lawn: "草坪", grass: "草", hedge: "绿化",
  parking: "停车", park: "停车", parked: "停车", car: "车", cars: "车", spot: "车位", space: "车位", charger: "充电桩", charging: "充电", visitor: "访客", visitors: "访客", guests: "访客",
  noise: "噪音", noisy: "吵", loud: "吵", music: "音乐", drilling: "电钻", hammering: "装修", renovation: "装修", renovating: "装修", builders: "装修工人",
  dog: "狗", dogs: "狗", cat: "猫", barking: "狗叫", pet: "宠物", pets: "宠物", guard: "保安", guards: "保安", security: "保安", staff: "工作人员", rude: "态度差", receptionist: "前台", manager: "经理",
  fee: "费", fees: "费用", charge: "收费", charged: "收费", pay: "交", paid: "交了", payment: "缴费", bill: "账单", invoice: "发票", receipt: "收据", refund: "退", deposit: "押金", overcharged: "多收",
  update: "进度", reported: "报修", request: "申请", repair: "维修", fix: "修", fixed: "修好", technician: "师傅", still: "还", yet: "还没", waiting: "等",
  thanks: "谢谢", thank: "谢谢", great: "很好", helpful: "热心", amazing: "太棒了", suggest: "建议", suggestion: "建议", could: "能不能", allowed: "可以吗", rules: "规定",
  fire: "着火", smoke: "冒烟", trapped: "困", stuck: "卡住", burst: "爆", fight: "打架", stolen: "被偷", thief: "小偷",
  bark: "狗叫", barks: "狗叫", barked: "狗叫", howl: "狗叫", howls: "狗叫", pigeon: "鸽子", pigeons: "鸽子", scooter: "电动车", scooters: "电动车",
  gushing: "喷水", spraying: "喷水", scheduled: "安排", assigned: "安排", status: "进度", progress: "进度", lost: "丢了", wallet: "钱包",
};
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
      const gloss = EN_GLOSS[w];
      if (gloss) {
        const g = [...gloss];
        for (let i = 0; i < g.length; i++) {
          out.add(g[i] ?? "");
          if (i + 1 < g.length) out.add((g[i] ?? "") + (g[i + 1] ?? ""));
          if (i + 2 < g.length) out.add((g[i] ?? "") + (g[i + 1] ?? "") + (g[i + 2] ?? ""));
        }
      }
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
