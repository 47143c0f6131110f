// `npm run bench:classify`: throughput and latency of classifyOffline, model load time and memory.
// Prints figures only; no assertions.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClassifyInput } from "../src/intents/types.js";

const mem0 = process.memoryUsage();
const t0 = performance.now();
const { classifyOffline, getModel } = await import("../src/intents/offline.js");
const tImport = performance.now();
getModel();
const tLoad = performance.now();
const mem1 = process.memoryUsage();

const inputs: ClassifyInput[] = [];
for (const f of readdirSync("data/train").filter((n) => n.endsWith(".jsonl"))) {
  for (const line of readFileSync(join("data/train", f), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as ClassifyInput;
    inputs.push({ text: r.text, chat: r.chat, mentioned: r.mentioned });
  }
}
const target = 5000;
const msgs = Array.from({ length: Math.max(target, inputs.length) }, (_, i) => inputs[i % inputs.length] as ClassifyInput);

for (let i = 0; i < 200; i++) classifyOffline(msgs[i] as ClassifyInput); // warm-up
const lat: number[] = [];
const tRun = performance.now();
for (const m of msgs) {
  const s = performance.now();
  classifyOffline(m);
  lat.push(performance.now() - s);
}
const total = performance.now() - tRun;
lat.sort((a, b) => a - b);
const q = (p: number) => (lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0).toFixed(3);
const mb = (n: number) => (n / 1048576).toFixed(1) + " MB";

console.log(`module import      ${(tImport - t0).toFixed(1)} ms`);
console.log(`model load         ${(tLoad - tImport).toFixed(1)} ms`);
console.log(`messages           ${msgs.length}`);
console.log(`throughput         ${((msgs.length / total) * 1000).toFixed(0)} msg/s`);
console.log(`latency p50 / p99  ${q(0.5)} / ${q(0.99)} ms`);
console.log(`heap used          ${mb(mem1.heapUsed - mem0.heapUsed)} for the model (total ${mb(process.memoryUsage().heapUsed)})`);
console.log(`rss                ${mb(process.memoryUsage().rss)}`);
