// Fault-injection helpers: a transport whose sends fail, hang or throw on a script, a logger that
// keeps every line (through src/log.ts, so masking applies), and a second assistant instance on a
// harness database, wired to those.
import { Writable } from "node:stream";
import { createAssistant } from "../../src/bot/assistant.js";
import { TransportError, type OutboundTarget } from "../../src/bot/transport.js";
import { FakeTransport } from "../../src/bot/transports/fake.js";
import { createClassifier, type Classifier } from "../../src/intents/policy.js";
import { createLogger } from "../../src/log.js";
import type { Harness } from "../helpers/harness.js";

export type LogLine = { level: number; msg: string; [k: string]: unknown };

/** A pino logger (masking included) whose lines are kept, parsed, in `lines`; `raw` is the exact output. */
export function captureLog(level = "debug") {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split("\n").filter(Boolean)) {
        raw.push(l);
        lines.push(JSON.parse(l) as LogLine);
      }
      done();
    },
  });
  return { log: createLogger(level, sink), lines, raw };
}

export type SendOutcome = "ok" | "error" | "hang" | "crash";

/** The fake transport, with a script of outcomes for the next sends ("ok" once the script is empty, or `otherwise`). */
export class FlakyTransport extends FakeTransport {
  readonly attempts: { to: OutboundTarget; text: string; outcome: SendOutcome }[] = [];
  readonly script: SendOutcome[] = [];
  otherwise: SendOutcome = "ok";

  override async send(to: OutboundTarget, text: string): Promise<void> {
    const outcome = this.script.shift() ?? this.otherwise;
    this.attempts.push({ to, text, outcome });
    if (outcome === "error") throw new TransportError(`platform refused the message to ${to.id}`);
    if (outcome === "crash") throw new TypeError("Cannot read properties of undefined (reading 'say')");
    if (outcome === "hang") return new Promise<void>(() => {});
    return super.send(to, text);
  }
}

/** A second assistant on the harness's database and clock, with its own transport and a captured log. */
export async function secondInstance(h: Harness, options: { transport?: FakeTransport; classifier?: Classifier } = {}) {
  const transport = options.transport ?? new FlakyTransport(h.clock);
  const captured = captureLog();
  const assistant = createAssistant({ db: h.db, clock: h.clock, log: captured.log, classifier: options.classifier ?? createClassifier({}), transport, botName: "物业小助手" });
  await assistant.start();
  return { assistant, transport, ...captured };
}
