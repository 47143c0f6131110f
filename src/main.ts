// Starts the assistant: configuration → database (migrated) → demo community on first run →
// transport (console by default, wechaty when WECHATY_PUPPET is set) → scheduled jobs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAssistant } from "./bot/assistant.js";
import { ConsoleTransport } from "./bot/transports/console.js";
import type { Transport } from "./bot/transport.js";
import { llmConfig, loadConfig } from "./config.js";
import { openDb, type Db } from "./db.js";
import { createClassifier } from "./intents/policy.js";
import { startJobs } from "./jobs/schedule.js";
import { createLogger } from "./log.js";
import { CommunityDefinitionSchema } from "./services/community/definition.js";
import { loadCommunity } from "./services/community/load-community.js";
import { systemClock } from "./services/deps.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function seedDemo(db: Db, mode: "auto" | "always" | "never") {
  if (mode === "never" || (mode === "auto" && (await db.community.count()) > 0)) return false;
  const def = CommunityDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "prisma/demo-community.json"), "utf8")));
  const people = Object.fromEntries([...def.residents.map((r) => [r.person, r.person]), ...def.households.map((h) => [h.owner, h.owner])]);
  await loadCommunity(db, def, people);
  return true;
}

async function main() {
  const config = loadConfig();
  const useWechaty = config.TRANSPORT === "wechaty" || (!config.TRANSPORT && Boolean(config.WECHATY_PUPPET));
  // The console owns stdout for the conversation: logs go to stderr, quieter by default.
  const log = createLogger(config.LOG_LEVEL ?? (useWechaty ? "info" : "warn"));
  const db = await openDb(config.DATABASE_URL);
  if (await seedDemo(db, config.SEED_DEMO)) log.info("demo community seeded");

  let transport: Transport;
  if (useWechaty) {
    const { WechatyTransport } = await import("./bot/transports/wechaty.js");
    transport = new WechatyTransport({
      name: config.WECHATY_NAME, botName: config.BOT_NAME, log, printQr: true, mediaDir: path.join(root, "data/media"),
      ...(config.WECHATY_PUPPET ? { puppet: config.WECHATY_PUPPET } : {}),
      ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN } : {}),
    });
  } else {
    transport = new ConsoleTransport({ botName: config.BOT_NAME, initialUser: "张伟", onQuit: () => void shutdown() });
  }

  const llm = llmConfig(config);
  const classifier = createClassifier({ llm, onLlmError: (err) => log.warn({ err: String(err) }, "LLM classifier failed; offline result used") });
  const assistant = createAssistant({
    db, clock: systemClock, log, classifier, transport, botName: config.BOT_NAME,
    // Be kind to WeChat: about one message a second, with jitter.
    ...(useWechaty ? { pace: { minGapMs: 800, jitterMs: 700, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), random: Math.random } } : {}),
  });
  await assistant.start();
  const jobs = startJobs(assistant, log);
  log.info({ transport: transport.name, llm: Boolean(llm) }, "assistant running");

  let stopping = false;
  async function shutdown() {
    if (stopping) return;
    stopping = true;
    await jobs.stop();
    await assistant.stop();
    await db.$disconnect();
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
