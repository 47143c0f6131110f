// `npm run bench:e2e`: inbound messages end to end through the fake transport into SQLite — stored,
// classified, routed, tickets and outbox rows written, replies rendered and "sent" — with many
// chats in flight at once (the WeChat transport handles chats concurrently, each chat in order).
// Figures only, no assertions. Two runs: the offline classifier, and a simulated LLM (a local
// OpenAI-compatible server answering after --llm-ms, 500 ms by default).
//
// Each run has two phases: saturation (closed loop: every chat in flight sends its next message as
// soon as the previous one is answered — the most the process can do) and latency under a steady
// offered load (open loop: --rate messages per second arrive whatever happens).
//
//   npm run bench:e2e -- [--households 2000] [--messages 5000] [--concurrency 32] [--rate 100] [--rate-messages 2000]
//                        [--llm-ms 500] [--llm-messages 1000] [--llm-concurrency 64] [--llm-rate 20] [--llm-rate-messages 400]
//                        [--no-llm] [--only-llm] [--count-sql] [--mix]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Writable } from "node:stream";
import pino from "pino";
import { createAssistant } from "../src/bot/assistant.js";
import { FakeTransport } from "../src/bot/transports/fake.js";
import { openDb } from "../src/db.js";
import { classifyOffline } from "../src/intents/offline.js";
import { createClassifier, type Classifier } from "../src/intents/policy.js";
import { systemClock } from "../src/services/deps.js";
import { startFakeOpenAI, userContent } from "../test/helpers/fake-openai.js";
import { generateCommunity, loadGenerated } from "./lib/community.js";
import { arg, flag, interleave, machine, mb, memorySampler, ms, percentiles, runLanes, runOpenLoop } from "./lib/load.js";
import { generateMessages, type LoadMessage } from "./lib/messages.js";
import { installSqlCounter, reportSqlCounter, resetSqlCounter } from "./lib/sql-counter.js";

type RunOptions = { households: number; messages: number; warmup: number; concurrency: number; llmMs: number | null; rate: number | null; rateMessages: number };

/** Counts error lines the assistant logs (and keeps the first), without printing them. */
function countingLogger() {
  const errors = { count: 0, first: "" };
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      errors.count++;
      if (!errors.first) errors.first = chunk.toString().slice(0, 400);
      done();
    },
  });
  return { log: pino({ level: "error" }, sink), errors };
}

async function fakeLlm(delayMs: number) {
  const server = await startFakeOpenAI();
  server.setBehaviour((req) => {
    const input = JSON.parse(userContent(req)) as { chat: "direct" | "group"; mentioned: boolean; text: string };
    const c = classifyOffline(input);
    return { type: "json", json: { intent: c.intent, category: c.category, urgency: c.urgency, location: c.location }, delayMs };
  });
  return server;
}

async function run(label: string, o: RunOptions) {
  const file = path.join(os.tmpdir(), `wuye-bench-e2e-${process.pid}-${Date.now()}.db`);
  const db = await openDb(`file:${file}`);
  const community = generateCommunity({ households: o.households });
  const tSeed = performance.now();
  await loadGenerated(db, community);
  const seedMs = performance.now() - tSeed;

  const llm = o.llmMs === null ? null : await fakeLlm(o.llmMs);
  const inner: Classifier = llm
    ? createClassifier({ llm: { apiKey: "bench", baseURL: llm.url, model: "bench-model", timeoutMs: o.llmMs! + 4000 } })
    : createClassifier({});
  // Timed, to tell the classifier's share of the latency from the rest of the pipeline.
  let classifyTimes: number[] = [];
  const classifier: Classifier = async (input) => {
    const s = performance.now();
    try {
      return await inner(input);
    } finally {
      classifyTimes.push(performance.now() - s);
    }
  };
  const transport = new FakeTransport(systemClock);
  const { log, errors } = countingLogger();
  const assistant = createAssistant({ db, clock: systemClock, log, classifier, transport, botName: "物业小助手" });
  await assistant.start();

  const deliver = (m: LoadMessage) =>
    transport.deliver({ messageId: m.messageId, userId: m.userId, userName: m.userName, text: m.text, mentionsSelf: m.mentionsSelf, kind: m.kind, ...(m.roomId ? { roomId: m.roomId } : {}) });
  const warm = generateMessages(community, { count: o.warmup, lanes: o.concurrency, idPrefix: `${label}-warm`, seed: 5 });
  await runLanes(warm.lanes, deliver);

  console.log(`\n== ${label}: ${o.households} households (${community.residents.length} bound residents, ${community.buildings.length} buildings; seeded in ${(seedMs / 1000).toFixed(1)} s), ${o.llmMs === null ? "offline classifier" : `simulated LLM ${o.llmMs} ms`}, after ${o.warmup} warm-up messages`);

  /** One measured phase: closed loop (`rate` null: every chat sends its next message when answered) or open loop at `rate` msg/s. */
  const phase = async (title: string, count: number, rate: number | null, seed: number) => {
    const { lanes, mix } = generateMessages(community, { count, lanes: o.concurrency, idPrefix: `${label}-${seed}`, seed });
    const before = { inbound: await db.inboundMessage.count(), tickets: await db.ticket.count(), outbox: await db.outboxMessage.count(), sent: transport.sent.length };
    if (flag("count-sql")) resetSqlCounter();
    classifyTimes = [];
    errors.count = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const mem = memorySampler();
    const cpu0 = process.cpuUsage();
    const res = rate === null ? await runLanes(lanes, deliver) : await runOpenLoop(interleave(lanes), rate, deliver);
    const tDrain = performance.now();
    await assistant.flush();
    const drainMs = performance.now() - tDrain;
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    const peak = mem.stop();

    const n = res.latencies.length;
    const lat = percentiles(res.latencies);
    const cl = percentiles(classifyTimes);
    const outbox = Object.fromEntries((await db.outboxMessage.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]));
    const byStatus = Object.fromEntries((await db.inboundMessage.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]));
    const after = { inbound: await db.inboundMessage.count(), tickets: await db.ticket.count(), outbox: await db.outboxMessage.count(), sent: transport.sent.length };
    console.log(`-- ${title}: ${n} messages, ${rate === null ? `closed loop, ${o.concurrency} chats in flight` : `open loop at ${rate} msg/s offered`}`);
    console.log(`throughput           ${((n / res.wallMs) * 1000).toFixed(0)} msg/s  (${(res.wallMs / 1000).toFixed(2)} s wall; final outbox drain ${ms(drainMs)})`);
    console.log(`latency per message  p50 ${ms(lat.p50)}  p90 ${ms(lat.p90)}  p99 ${ms(lat.p99)}  max ${ms(lat.max)}  (deliver → stored, classified, committed, replies sent)`);
    console.log(`classifier           p50 ${ms(cl.p50)}  p99 ${ms(cl.p99)}  (${classifyTimes.length} calls; part of the latency above)`);
    console.log(`cpu                  ${(((cpu.user + cpu.system) / 1000 / res.wallMs) * 100).toFixed(0)}% of one core, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms per message`);
    console.log(`event loop delay     ${loop.count === 0 ? "no samples: the loop never went idle (saturated)" : `p50 ${ms(loop.percentile(50) / 1e6)}  p99 ${ms(loop.percentile(99) / 1e6)}  max ${ms(loop.max / 1e6)}`}`);
    console.log(`peak memory          rss ${mb(peak.rssMb)}, heap ${mb(peak.heapMb)}`);
    console.log(`stored               ${after.inbound - before.inbound} inbound, ${after.tickets - before.tickets} tickets, ${after.outbox - before.outbox} outbox rows, ${after.sent - before.sent} sends (overall: inbound ${JSON.stringify(byStatus)}, outbox ${JSON.stringify(outbox)})`);
    console.log(`errors               ${res.errors} deliveries rejected${res.firstError ? ` (first: ${res.firstError})` : ""}; ${errors.count} error log lines${errors.first ? ` (first: ${errors.first.trim()})` : ""}`);
    if (flag("count-sql")) reportSqlCounter(n);
    if (flag("mix")) console.log(`mix                  ${Object.entries(mix).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  };
  await phase("saturation", o.messages, null, 21);
  if (o.rate) await phase("latency under load", o.rateMessages, o.rate, 22);
  if (llm) console.log(`llm                  ${llm.requests.length} requests to the fake endpoint in all`);

  await assistant.stop();
  await llm?.close();
  await db.$disconnect();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

console.log(`machine: ${machine()}`);
if (flag("count-sql")) installSqlCounter();
const households = arg("households", 2000);
if (!flag("only-llm")) {
  await run("offline", { households, messages: arg("messages", 5000), warmup: arg("warmup", 300), concurrency: arg("concurrency", 32), llmMs: null, rate: arg("rate", 100), rateMessages: arg("rate-messages", 2000) });
}
if (!flag("no-llm")) {
  await run("llm", { households, messages: arg("llm-messages", 1000), warmup: 64, concurrency: arg("llm-concurrency", 64), llmMs: arg("llm-ms", 500), rate: arg("llm-rate", 20), rateMessages: arg("llm-rate-messages", 400) });
}
