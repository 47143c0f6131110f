// One assistant process of the PostgreSQL benchmark (bench/e2e-pg.ts): the real assistant on the
// shared DATABASE_URL with the fake transport, driven over IPC by the coordinator —
// load (deliver lanes of messages), tick (due work at a clock offset), sent (what it sent), exit.
import pino from "pino";
import { createAssistant } from "../../src/bot/assistant.js";
import { FakeTransport } from "../../src/bot/transports/fake.js";
import { openDb } from "../../src/db.js";
import { createClassifier } from "../../src/intents/policy.js";
import { memorySampler, runLanes } from "./load.js";
import type { LoadMessage } from "./messages.js";

export type WorkerCommand =
  | { cmd: "load"; lanes: LoadMessage[][] }
  | { cmd: "tick"; offsetMs: number }
  | { cmd: "sent" }
  | { cmd: "exit" };

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
// A shared fake "wall clock": BASE_TIME plus real elapsed time plus the offset a tick asks for, so
// that both processes agree on the time and deadlines fall in business hours whatever the real hour.
const base = Date.parse(process.env.BASE_TIME ?? new Date().toISOString());
const started = Number(process.env.STARTED_AT ?? Date.now());
let offsetMs = 0;
const clock = { now: () => new Date(base + (Date.now() - started) + offsetMs) };
const db = await openDb(url);
const errors: string[] = [];
const log = pino({ level: "warn" }, { write: (line: string) => void (errors.length < 20 && errors.push(line.slice(0, 400))) });
const transport = new FakeTransport(clock);
const assistant = createAssistant({ db, clock, log, classifier: createClassifier({}), transport, botName: "物业小助手" });
await assistant.start();

const reply = (m: unknown) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

process.on("message", async (m: WorkerCommand) => {
  try {
    if (m.cmd === "load") {
      const mem = memorySampler();
      const cpu0 = process.cpuUsage();
      const res = await runLanes(m.lanes, (x) =>
        transport.deliver({ messageId: x.messageId, userId: x.userId, userName: x.userName, text: x.text, mentionsSelf: x.mentionsSelf, kind: x.kind, ...(x.roomId ? { roomId: x.roomId } : {}) }),
      );
      await assistant.flush();
      const cpu = process.cpuUsage(cpu0);
      await reply({ ok: true, ...res, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: mem.stop().rssMb, logged: errors.splice(0) });
    } else if (m.cmd === "tick") {
      offsetMs = m.offsetMs;
      const t = performance.now();
      const ran = await assistant.tick();
      await reply({ ok: true, ran, ms: performance.now() - t, logged: errors.splice(0) });
    } else if (m.cmd === "sent") {
      await reply({ ok: true, sent: transport.sent.map((s) => ({ to: s.to.id, text: s.text })) });
    } else if (m.cmd === "exit") {
      await assistant.stop();
      await db.$disconnect();
      process.exit(0);
    }
  } catch (err) {
    await reply({ ok: false, error: err instanceof Error ? err.stack : String(err) });
  }
});
await reply({ ready: true });
