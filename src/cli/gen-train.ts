// Generates the labelled training corpus data/train/generated.jsonl from templates × slots × styles.
// Template syntax: "[a|b|c]" picks one alternative (nestable), "{L}" a location, "{P}" a problem phrase.
// Labels follow /work/shared/data/LABELS.md. Run: npx tsx src/cli/gen-train.ts [count-per-template] [seed] [out-dir]
import { mkdirSync, writeFileSync } from "node:fs";
import * as OpenCC from "opencc-js/cn2t";
import type { Category, Intent, Location, Urgency } from "../intents/types.js";
import { ENTRIES, EXTRA, EXTRA2, EXTRA3, EXTRA4, EXTRA5, EXTRA6, EXTRA7, EXTRA8, EXTRA9, EXTRA10, EXTRA11, EXTRA12, PROBLEMS, type Entry } from "./gen-train-data.js";

const toTraditional: (text: string) => string = OpenCC.Converter({ from: "cn", to: "hk" });

let seed = 20240601;
function rnd(): number {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const chance = (p: number) => rnd() < p;

/** Expand "[a|b]" alternatives, innermost first. */
export function expand(t: string): string {
  let s = t;
  for (let guard = 0; guard < 50 && s.includes("["); guard++) {
    s = s.replace(/\[([^[\]]*)\]/g, (_m, body: string) => pick(body.split("|")));
  }
  return s;
}

const CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function cnNum(n: number): string {
  if (n <= 10) return CN[n] ?? String(n);
  if (n < 20) return "十" + (CN[n - 10] ?? "");
  return (CN[Math.floor(n / 10)] ?? "") + "十" + (n % 10 ? CN[n % 10] ?? "" : "");
}
const cnDigits = (s: string) => [...s].map((d) => CN[Number(d)] ?? d).join("");

type LocText = { text: string; loc: Location };
/** A random place in one of the usual written forms, with its gold value. */
function randomLocation(english: boolean): LocText {
  const b = 1 + Math.floor(rnd() * 25);
  const u = 1 + Math.floor(rnd() * 4);
  const floor = 1 + Math.floor(rnd() * 28);
  const r = `${floor}0${1 + Math.floor(rnd() * 4)}`;
  const letter = pick(["A", "B", "C", "D"]);
  if (english) {
    return pick<LocText>([
      { text: `Building ${b}, Unit ${u}, ${r}`, loc: { building: `${b}`, unit: `${u}`, room: r } },
      { text: `Block ${b}, flat ${r}`, loc: { building: `${b}`, unit: null, room: r } },
      { text: `Building ${b}`, loc: { building: `${b}`, unit: null, room: null } },
      { text: `Bldg ${b} Unit ${u}`, loc: { building: `${b}`, unit: `${u}`, room: null } },
      { text: `Tower ${letter}, room ${r}`, loc: { building: letter, unit: null, room: r } },
    ]);
  }
  const forms: LocText[] = [
    { text: `${b}栋${u}单元${r}`, loc: { building: `${b}`, unit: `${u}`, room: r } },
    { text: `${b}-${u}-${r}`, loc: { building: `${b}`, unit: `${u}`, room: r } },
    { text: `${cnNum(b)}号楼${cnNum(u)}单元${r}室`, loc: { building: `${b}`, unit: `${u}`, room: r } },
    { text: `${b}幢${r}`, loc: { building: `${b}`, unit: null, room: r } },
    { text: `${letter}座${r}`, loc: { building: letter, unit: null, room: r } },
    { text: `${b}栋`, loc: { building: `${b}`, unit: null, room: null } },
    { text: `${b}号楼`, loc: { building: `${b}`, unit: null, room: null } },
    { text: `${cnNum(b)}栋`, loc: { building: `${b}`, unit: null, room: null } },
    { text: `${b}栋${u}单元`, loc: { building: `${b}`, unit: `${u}`, room: null } },
    { text: `${cnNum(b)}号楼${cnNum(u)}单元${cnDigits(r)}`, loc: { building: `${b}`, unit: `${u}`, room: r } },
    { text: `${b}栋${r}`, loc: { building: `${b}`, unit: null, room: r } },
    { text: `${u}单元`, loc: { building: null, unit: `${u}`, room: null } },
    { text: `${b}座`, loc: { building: `${b}`, unit: null, room: null } },
  ];
  return pick(forms);
}

const PREFIX = ["", "", "", "你好 ", "您好，", "喂 ", "那个 ", "物业你好 ", "麻烦问一下 ", "请问 ", "在吗 ", "哎 ", "不好意思打扰一下 ", "管家你好 ",
  "喂喂 ", "嗯 那个 ", "就是 ", "我跟你说啊 ", "喂你好 我想说一下就是 ", "hello ", "哈喽 ", "打扰了 ", "我想问问 "];
// Voice input drops fillers into the middle of a sentence.
const FILLER = ["那个", "就是", "然后", "嗯", "啊", "就是说"];
const SUFFIX = ["", "", "", "", " 谢谢", " 麻烦了", "，谢谢！", " 辛苦", "🙏", " 急", "！！", "。", "?", " 😭", " 怎么办"];
const TYPOS: ReadonlyArray<readonly [string, string]> = [
  ["渗水", "甚水"], ["报修", "报休"], ["漏水", "漏谁"], ["物业", "物叶"], ["水龙头", "水笼头"], ["下水道", "下水到"],
  ["灯泡", "灯炮"], ["插座", "插坐"], ["马桶", "马通"], ["电梯", "电题"], ["门禁", "门尽"], ["投诉", "投述"], ["天然气", "天燃气"],
];

function style(text: string, intent: Intent): string {
  let t = text;
  if (chance(0.25)) t = pick(PREFIX) + t;
  if (["repair", "complaint", "progress", "inquiry", "fee"].includes(intent) && chance(0.25)) t += pick(SUFFIX);
  if (chance(0.08)) { // voice filler after a space
    const spaces = [...t.matchAll(/ /g)];
    const at = spaces.length ? (spaces[Math.floor(rnd() * spaces.length)]?.index ?? -1) : -1;
    if (at > 0) t = t.slice(0, at + 1) + pick(FILLER) + t.slice(at + 1);
  }
  if (chance(0.2)) t = t.replace(/[，。,.!！?？、]/g, " "); // voice input / no punctuation
  if (chance(0.12)) t = t.replace(/\s+/g, ""); // run-on voice-to-text
  if (chance(0.1)) { const [a, b] = pick(TYPOS); t = t.replace(a, b); }
  if (chance(0.12)) t = toTraditional(t);
  return t.trim();
}

type Row = {
  id: string; chat: "direct" | "group"; mentioned: boolean; text: string;
  intent: Intent; category: Category | null; urgency: Urgency; location: Location | null;
  /** Urgency-head only (see Entry.aux). */
  aux?: true;
};

function render(e: Entry, idx: number): Row {
  let text = expand(pick(e.t));
  const english = /^[A-Za-z]/.test(text);
  if (text.includes("{P}")) text = text.replace("{P}", expand(pick(PROBLEMS[e.p ?? "water"] ?? [""])));
  let loc: Location | null = null;
  if (text.includes("{L}")) {
    const l = randomLocation(english);
    text = text.replace("{L}", l.text);
    loc = l.loc;
  } else if (!english && e.loc !== false && ["repair", "complaint", "fee", "progress"].includes(e.i) && chance(0.3)) {
    const l = randomLocation(false);
    text = chance(0.7) ? `${text} ${l.text}` : `${l.text} ${text}`;
    loc = l.loc;
  }
  if (!english) text = style(text, e.i);
  const groupish = e.chat ?? (chance(0.5) ? "group" : "direct");
  const chat = groupish === "any" ? (chance(0.5) ? "group" : "direct") : groupish;
  let mentioned = false;
  if (chat === "group" && chance(e.i === "other" ? 0.15 : 0.55)) {
    mentioned = true;
    text = chance(0.7) ? `@物业小助手 ${text}` : `${text} @物业小助手`;
  }
  const category = e.i === "repair" || e.i === "complaint" ? (e.c ?? "other") : null;
  const row: Row = { id: `g${idx}`, chat, mentioned, text, intent: e.i, category, urgency: e.u ?? 3, location: loc };
  if (e.aux && chance(e.aux)) row.aux = true;
  return row;
}

function main(): void {
  const per = Number(process.argv[2] ?? 6);
  if (process.argv[3]) seed = Number(process.argv[3]) >>> 0;
  const dir = process.argv[4] ?? "data/train";
  const rows: Row[] = [];
  const seen = new Set<string>();
  let idx = 0;
  for (const e of [...ENTRIES, ...EXTRA, ...EXTRA2, ...EXTRA3, ...EXTRA4, ...EXTRA5, ...EXTRA6, ...EXTRA7, ...EXTRA8, ...EXTRA9, ...EXTRA10, ...EXTRA11, ...EXTRA12]) {
    const n = Math.max(2, Math.round((per * (e.w ?? 1) * e.t.length) / 2));
    for (let k = 0, tries = 0; k < n && tries < n * 4; tries++) {
      const row = render(e, idx);
      if (seen.has(row.text)) continue;
      seen.add(row.text);
      rows.push(row);
      idx++;
      k++;
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/generated.jsonl`, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.intent] = (counts[r.intent] ?? 0) + 1;
  console.log(`wrote ${rows.length} rows to ${dir}/generated.jsonl`, counts);
}

main();
