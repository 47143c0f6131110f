// `npm run eval [file.jsonl]`: runs the offline classifier in-process over a labelled JSONL file
// (default: the shared dev set) and prints the same figures as the scorer plus a confusion matrix.
import { existsSync, readFileSync } from "node:fs";
import { classifyOffline } from "../intents/offline.js";
import { INTENTS, type Classification, type Location } from "../intents/types.js";

type Gold = { id: string; chat: "direct" | "group"; mentioned: boolean; text: string; intent: string; category: string | null; urgency: number; location: Location | null };

const DEFAULT = "/work/shared/data/messages.dev.jsonl";
const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? (existsSync(DEFAULT) ? DEFAULT : "");
if (!file) {
  console.error("usage: npm run eval -- FILE.jsonl");
  process.exit(2);
}
const showErrors = process.argv.includes("--errors");
const gold = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

const locKey = (l: Location | null) => (l && (l.building || l.unit || l.room) ? `${l.building}/${l.unit}/${l.room}` : "-");

const t0 = performance.now();
const pred: Classification[] = gold.map((g) => classifyOffline({ text: g.text, chat: g.chat, mentioned: g.mentioned }));
const ms = (performance.now() - t0) / gold.length;

const pairs = gold.map((g, i) => ({ g, p: pred[i] as Classification }));
const acc = pairs.filter(({ g, p }) => g.intent === p.intent).length / gold.length;
const f1s = INTENTS.filter((L) => gold.some((g) => g.intent === L)).map((L) => {
  const tp = pairs.filter(({ g, p }) => g.intent === L && p.intent === L).length;
  const fp = pairs.filter(({ g, p }) => g.intent !== L && p.intent === L).length;
  const fn = pairs.filter(({ g, p }) => g.intent === L && p.intent !== L).length;
  const pr = tp + fp ? tp / (tp + fp) : 0, rc = tp + fn ? tp / (tp + fn) : 0;
  return pr + rc ? (2 * pr * rc) / (pr + rc) : 0;
});
const macro = f1s.reduce((a, b) => a + b, 0) / f1s.length;
const p1g = pairs.filter(({ g }) => g.urgency === 1), p1p = pairs.filter(({ p }) => p.urgency === 1);
const rec1 = p1g.filter(({ p }) => p.urgency === 1).length / Math.max(1, p1g.length);
const prec1 = p1p.filter(({ g }) => g.urgency === 1).length / Math.max(1, p1p.length);
const urgAcc = pairs.filter(({ g, p }) => g.urgency === p.urgency).length / gold.length;
const catg = pairs.filter(({ g }) => g.intent === "repair" || g.intent === "complaint");
const catAcc = catg.filter(({ g, p }) => g.category === p.category).length / Math.max(1, catg.length);
const locg = pairs.filter(({ g }) => locKey(g.location) !== "-");
const locAcc = locg.filter(({ g, p }) => locKey(g.location) === locKey(p.location)).length / Math.max(1, locg.length);
const locFp = pairs.filter(({ g, p }) => locKey(g.location) === "-" && locKey(p.location) !== "-").length;
const others = pairs.filter(({ g }) => g.intent === "other");
const falseTicket = others.filter(({ p }) => p.intent === "repair" || p.intent === "complaint").length / Math.max(1, others.length);

const f = (x: number) => x.toFixed(3);
console.log(`file ${file}  n=${gold.length}`);
console.log(`intent_acc ${f(acc)}  macro_f1 ${f(macro)}  urgency_acc ${f(urgAcc)}  p1_recall ${f(rec1)}  p1_precision ${f(prec1)}`);
console.log(`category_acc ${f(catAcc)}  location_acc ${f(locAcc)} (false locations ${locFp})  false_ticket ${f(falseTicket)}  ms/msg ${ms.toFixed(3)}`);

const labels = [...INTENTS];
const short = (s: string) => s.slice(0, 6).padStart(7);
console.log("\nconfusion (rows gold, columns predicted)\n" + " ".repeat(11) + labels.map(short).join(""));
for (const gl of labels) {
  const row = labels.map((pl) => String(pairs.filter(({ g, p }) => g.intent === gl && p.intent === pl).length).padStart(7));
  console.log(gl.padEnd(11) + row.join(""));
}
if (showErrors) {
  console.log("\nerrors:");
  for (const { g, p } of pairs) {
    const bad = g.intent !== p.intent || g.urgency !== p.urgency || ((g.intent === "repair" || g.intent === "complaint") && g.category !== p.category);
    if (bad) console.log(`  ${g.id} ${g.intent}/${g.category}/${g.urgency} -> ${p.intent}/${p.category}/${p.urgency}  ${g.text.slice(0, 60)}`);
  }
}
