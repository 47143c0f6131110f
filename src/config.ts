// The only reader of process.env: every setting is parsed once, with zod, at start-up.
// Each setting is documented in .env.example.
import fs from "node:fs";
import { z } from "zod";

function readEnv(): Record<string, string | undefined> {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  return process.env;
}

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

export const ConfigSchema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default("file:./data/wuye.db")),
  TRANSPORT: z.preprocess(emptyAsUndefined, z.enum(["console", "wechaty"]).optional()),
  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
  WECHATY_NAME: z.preprocess(emptyAsUndefined, z.string().default("wuye-assistant")),
  BOT_NAME: z.preprocess(emptyAsUndefined, z.string().default("物业小助手")),
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(["auto", "always", "never"]).default("auto")),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.preprocess(emptyAsUndefined, z.string().default("gpt-4o-mini")),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
  /** Unset: info, or warn on the console transport (whose conversation owns the terminal). */
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Reads ./.env when present (Node's own loader; real environment variables win), then parses. */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Settings the LLM classifier needs; undefined when no key is configured (offline only). */
export type LlmConfig = { apiKey: string; baseURL: string | undefined; model: string; timeoutMs: number };

export function llmConfig(config: Config): LlmConfig | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  return { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS };
}
