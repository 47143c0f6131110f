// Plays a scenario: a fresh SQLite database built from the file's community, the assistant on the
// fake transport with a fake clock, the steps in order, and a readable transcript.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { createAssistant } from "../bot/assistant.js";
import { FakeTransport, type SentMessage } from "../bot/transports/fake.js";
import { openDb } from "../db.js";
import { createClassifier } from "../intents/policy.js";
import { loadCommunity } from "../services/community/load-community.js";
import { importFees } from "../services/fees/import.js";
import { nextDueAt } from "../services/scheduler.js";
import { localParts } from "../services/time.js";
import { parseDuration, parseTime, type Scenario } from "./schema.js";

/** The assistant's name in chats: "@物业小助手" mentions it (SCENARIOS.md). */
const BOT_NAME = "物业小助手";

export type ScenarioResult = { ok: true } | { ok: false; step: number; reason: string };

class FakeClock {
  constructor(private t: Date) {}
  now = () => new Date(this.t);
  set(t: Date) { if (t > this.t) this.t = new Date(t); }
}

type Received = SentMessage & { consumed: boolean };

export async function runScenario(scenario: Scenario, opts: { log: Logger; print: (line: string) => void }): Promise<ScenarioResult> {
  const file = path.join(os.tmpdir(), `wuye-scenario-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  const db = await openDb(`file:${file}`);
  const tz = scenario.community.timezone;
  const time = (s: string) => parseTime(s, tz);
  const clock = new FakeClock(time(scenario.start));
  const stamp = (d: Date) => {
    const p = localParts(d, tz);
    return `${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  };
  const names = new Map<string, string>([...scenario.people.map((p) => [p.id, p.name] as const), ...scenario.community.staff.map((s) => [s.id, s.name] as const)]);
  try {
    if (scenario.ignoredSettings?.length) opts.print(`(settings not known to this assistant, ignored: ${scenario.ignoredSettings.join(", ")})`);
    const communityId = await loadCommunity(db, scenario.community, Object.fromEntries(scenario.people.map((p) => [p.id, p.name])));
    const transport = new FakeTransport(clock);
    const assistant = createAssistant({ db, clock, log: opts.log, classifier: createClassifier({}), transport, botName: BOT_NAME });
    await assistant.start();

    const inbox: Received[] = [];
    let seen = 0;
    const collect = () => {
      for (; seen < transport.sent.length; seen++) {
        const m = transport.sent[seen]!;
        inbox.push({ ...m, consumed: false });
        opts.print(`[${stamp(m.at)}] 助手 → ${m.to.id}${names.has(m.to.id) ? `(${names.get(m.to.id)})` : ""}: ${m.text.replace(/\n/g, "\n      ")}`);
      }
    };
    const captures = new Map<string, string>();
    const fill = (s: string) => s.replace(/\$\{(\w+)\}/g, (_, k: string) => captures.get(k) ?? `\${${k}}`);
    /** Unconsumed messages to `to` (anyone when absent), optionally only those received in [from, to). */
    const candidates = (to: string | undefined, between?: [string, string]) =>
      inbox.filter((m) => !m.consumed && (to === undefined || m.to.id === to) && (!between || (m.at >= time(between[0]) && m.at < time(between[1]))));
    const runUntil = async (target: Date) => {
      for (;;) {
        const next = await nextDueAt(db, clock.now());
        if (!next || next > target) break;
        clock.set(next);
        await assistant.tick(next);
        collect();
      }
      clock.set(target);
      await assistant.tick(target);
      collect();
    };

    for (const [i, step] of scenario.steps.entries()) {
      if ("say" in step) {
        const s = step.say;
        const text = fill(s.text);
        opts.print(`[${stamp(clock.now())}] ${s.from}${names.has(s.from) ? `(${names.get(s.from)})` : ""}${s.in ? ` @${s.in}` : ""} → 助手: ${text}`);
        // A group message that writes "@物业小助手" mentions the assistant unless the file says otherwise.
        const mentions = s.mention ?? (s.in ? text.includes(`@${BOT_NAME}`) : false);
        await transport.deliver({ userId: s.from, userName: names.get(s.from) ?? s.from, text, mentionsSelf: mentions, ...(s.in ? { roomId: s.in } : {}) });
        await assistant.tick(clock.now());
        collect();
      } else if ("expect" in step && step.expect.not) {
        // {"expect": {..., "not": true}} reads as expectNone.
        const e = step.expect;
        const re = new RegExp(fill(e.match));
        const bad = candidates(e.to, e.between).find((m) => re.test(m.text));
        if (bad) return fail(i, `${e.to} received a message it must not: ${JSON.stringify(bad.text.slice(0, 200))}`);
        opts.print(`  ✓ nothing to ${e.to} matching /${re.source}/`);
      } else if ("expect" in step) {
        const e = step.expect;
        const re = new RegExp(fill(e.match));
        const hit = candidates(e.to, e.between).find((m) => re.test(m.text));
        if (!hit) return fail(i, `no message to ${e.to} matches /${fill(e.match)}/ (unconsumed: ${describe(candidates(e.to))})`);
        hit.consumed = true;
        if (e.capture) { const m = re.exec(hit.text); captures.set(e.capture, m?.[1] ?? m?.[0] ?? ""); }
        opts.print(`  ✓ ${e.to} got /${fill(e.match)}/${e.capture ? ` (${e.capture}=${captures.get(e.capture)})` : ""}`);
      } else if ("expectNone" in step) {
        const e = step.expectNone;
        const re = e.match ? new RegExp(fill(e.match)) : null;
        const bad = candidates(e.to, e.between).find((m) => !re || re.test(m.text));
        if (bad) return fail(i, `${e.to ?? bad.to.id} received a message it must not: ${JSON.stringify(bad.text.slice(0, 200))}`);
        opts.print(`  ✓ nothing to ${e.to ?? "anyone"}${re ? ` matching /${re.source}/` : ""}`);
      } else if ("import" in step) {
        try {
          const r = await importFees(db, communityId, step.import.kind, step.import.csv);
          opts.print(`[${stamp(clock.now())}] import ${r.kind}: ${r.rows} rows (${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged)`);
        } catch (err) {
          return fail(i, `import ${step.import.kind} failed: ${String(err)}`);
        }
      } else if ("clear" in step) {
        for (const id of Array.isArray(step.clear) ? step.clear : [step.clear]) for (const m of candidates(id)) m.consumed = true;
      } else if ("advance" in step) {
        await runUntil(new Date(clock.now().getTime() + parseDuration(step.advance)));
        opts.print(`  … ${step.advance} later: ${stamp(clock.now())}`);
      } else {
        const target = time(step.at);
        if (target < clock.now()) return fail(i, `"at" ${step.at} is before the current time; the clock never goes backwards`);
        await runUntil(target);
        opts.print(`  … at ${stamp(clock.now())}`);
      }
    }
    await assistant.stop();
    return { ok: true };
  } finally {
    await db.$disconnect();
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  }

  function fail(step: number, reason: string): ScenarioResult {
    opts.print(`  ✗ step ${step}: ${reason}`);
    return { ok: false, step, reason };
  }
}

function describe(ms: Received[]): string {
  return ms.length ? ms.map((m) => JSON.stringify(m.text.slice(0, 80))).join(", ") : "none";
}
