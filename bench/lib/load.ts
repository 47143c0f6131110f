// Helpers shared by the load benchmarks: concurrent delivery by lanes, latency percentiles, a
// peak-memory sampler, a fake LLM endpoint that answers like the offline classifier after a delay,
// and the machine description printed with every figure.
import os from "node:os";
import type { LoadMessage } from "./messages.js";

export type LoadResult = { latencies: number[]; errors: number; wallMs: number; firstError: string | null };

/** Delivers every lane concurrently, each lane in order; records each message's latency. */
export async function runLanes(lanes: LoadMessage[][], deliver: (m: LoadMessage) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const m of lane) {
        const s = performance.now();
        try {
          await deliver(m);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message.split("\n").slice(-3).join(" ") : String(err);
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, errors, wallMs: performance.now() - t0, firstError };
}

/**
 * Open loop: message i starts at i / rate seconds whatever happened before (a person's messages
 * still wait for that person's previous one); latency counts from the scheduled start.
 */
export async function runOpenLoop(messages: LoadMessage[], rate: number, deliver: (m: LoadMessage) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const lastOfUser = new Map<string, Promise<void>>();
  const all: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const prev = lastOfUser.get(m.userId) ?? Promise.resolve();
    const p = prev.then(async () => {
      try {
        await deliver(m);
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
      latencies.push(performance.now() - at);
    });
    lastOfUser.set(m.userId, p);
    all.push(p);
  }
  await Promise.all(all);
  return { latencies, errors, wallMs: performance.now() - t0, firstError };
}

/** Lanes interleaved back into one stream (lane order kept per person). */
export const interleave = <T>(lanes: T[][]): T[] => {
  const out: T[] = [];
  for (let i = 0; lanes.some((l) => i < l.length); i++) for (const l of lanes) if (i < l.length) out.push(l[i]!);
  return out;
};

export function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: s.at(-1) ?? 0, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

/** Samples rss and heap every 25 ms; `stop` returns the peaks in MB. */
export function memorySampler() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rssMb: rss / 1048576, heapMb: heap / 1048576 };
    },
  };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 1073741824).toFixed(1)} GiB RAM, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
export const mb = (x: number) => `${x.toFixed(0)} MB`;

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}
export const flag = (name: string) => process.argv.includes(`--${name}`);
