// `npm run --silent classify`: JSON Lines {id, chat, mentioned, text} on stdin →
// {id, intent, category, urgency, location} on stdout. A bad line yields {id, error}; the run goes on.
// Start-up is most of a short run's cost: config (zod) and the LLM path load only when a key is set.
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { LlmConfig } from "../config.js";
import { createClassifier } from "../intents/policy.js";
import type { ClassifyInput } from "../intents/types.js";

function parseLine(line: string): { id: unknown; input: ClassifyInput } | { id: unknown; error: string } {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return { id: null, error: "invalid JSON" };
  }
  if (typeof o !== "object" || o === null) return { id: null, error: "not an object" };
  const r = o as Record<string, unknown>;
  if (typeof r.text !== "string") return { id: r.id ?? null, error: "text must be a string" };
  const chat = r.chat === "group" ? "group" : "direct";
  return { id: r.id ?? null, input: { text: r.text, chat, mentioned: chat === "group" && r.mentioned === true } };
}

/** The LLM settings when OPENAI_API_KEY is set (environment or ./.env), else undefined. */
async function llmFromEnv(): Promise<LlmConfig | undefined> {
  if (!process.env.OPENAI_API_KEY && existsSync(".env")) process.loadEnvFile(".env");
  if (!process.env.OPENAI_API_KEY) return undefined;
  const { llmConfig, loadConfig } = await import("../config.js");
  return llmConfig(loadConfig());
}

async function main(): Promise<void> {
  const classify = createClassifier({ llm: await llmFromEnv() });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  };
  for await (const line of rl) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if ("error" in parsed) {
      out.push(JSON.stringify({ id: parsed.id, error: parsed.error }));
      continue;
    }
    try {
      const c = await classify(parsed.input);
      out.push(JSON.stringify({ id: parsed.id, intent: c.intent, category: c.category, urgency: c.urgency, location: c.location }));
    } catch (e) {
      out.push(JSON.stringify({ id: parsed.id, error: e instanceof Error ? e.message : String(e) }));
    }
    if (out.length >= 256) flush();
  }
  flush();
}

await main();
