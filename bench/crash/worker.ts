// The assistant as a child process for the kill -9 test (bench/crash/run.ts): SQLite, the file
// transport, a fast clock, paced sends and ticks every 40 ms — so that a kill can land anywhere:
// while storing, classifying, committing, sending, recording a send or running due work.
//
// Environment: DATABASE_URL, CRASH_DIR (inbox.jsonl, acks, sent.jsonl), RUN (its number),
// T0_WALL / T0_FAKE / SPEED (the fake clock: T0_FAKE + SPEED × real time since T0_WALL, shared by
// every run), CRASH_AT ("classify:N" or "send:N": kill itself with SIGKILL at that point),
// FINAL=1 (no crash: run until everything is handled and sent, then print "done" and exit 0).
import path from "node:path";
import { createAssistant } from "../../src/bot/assistant.js";
import { openDb } from "../../src/db.js";
import { createClassifier, type Classifier } from "../../src/intents/policy.js";
import { createLogger } from "../../src/log.js";
import { FileTransport } from "./file-transport.js";

const env = (k: string) => {
  const v = process.env[k];
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const dir = env("CRASH_DIR");
const run = Number(env("RUN"));
const t0Wall = Number(env("T0_WALL"));
const t0Fake = Date.parse(env("T0_FAKE"));
const speed = Number(env("SPEED"));
const crashAt = process.env.CRASH_AT ?? "";
const final = process.env.FINAL === "1";
const clock = { now: () => new Date(t0Fake + (Date.now() - t0Wall) * speed) };
const die = () => process.kill(process.pid, "SIGKILL");

const log = createLogger(process.env.LOG_LEVEL ?? "warn", 2);
const db = await openDb(env("DATABASE_URL"));
const transport = new FileTransport({ inbox: path.join(dir, "inbox.jsonl"), acks: path.join(dir, "acks"), sent: path.join(dir, "sent.jsonl"), run, lanes: 4, clock });
transport.afterSend = (n) => {
  if (crashAt === `send:${n}`) die(); // sent, not yet recorded as sent: the at-least-once window
};
const offline = createClassifier({});
let classified = 0;
const classifier: Classifier = (input) => {
  if (crashAt === `classify:${++classified}`) die(); // stored, not processed
  return offline(input);
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const assistant = createAssistant({
  db, clock, log, classifier, transport, botName: "物业小助手",
  pace: { minGapMs: 2, jitterMs: 4, sleep, random: Math.random },
});
await assistant.start();
process.stdout.write("ready\n");

let busy = false;
const ticker = setInterval(() => {
  if (busy) return;
  busy = true;
  assistant.tick().catch((err: unknown) => log.error({ err }, "tick failed")).finally(() => (busy = false));
}, 40);

if (final) {
  await transport.delivering;
  let idle = 0;
  while (idle < 3) {
    await sleep(60);
    const now = clock.now();
    const due = (await db.outboxMessage.count({ where: { status: "pending", notBefore: { lte: now } } })) + (await db.scheduledTask.count({ where: { claimedAt: null, dueAt: { lte: now } } }));
    const unprocessed = await db.inboundMessage.count({ where: { status: "received" } });
    idle = due === 0 && unprocessed === 0 && transport.pending().length === 0 && !busy ? idle + 1 : 0;
  }
  clearInterval(ticker);
  while (busy) await sleep(10);
  await assistant.stop();
  await db.$disconnect();
  process.stdout.write("done\n");
  process.exit(0);
}
