// PostgreSQL stopped under the assistant, then started again — what the assistant does, printed.
//   scripts/with-local-pg.sh npx tsx bench/pg-outage.ts      (needs root for pg_ctl as postgres)
// The server is stopped while a message is being classified (stored, not yet processed); the
// message is refused to the transport and kept; a tick during the outage fails and is logged;
// after the restart the redelivery (or the next tick) processes it once, without restarting the
// assistant. The SQLite equivalent runs in CI: test/faults/db-unavailable.test.ts.
import { execSync } from "node:child_process";
import pino from "pino";
import { createAssistant } from "../src/bot/assistant.js";
import { FakeTransport } from "../src/bot/transports/fake.js";
import { loadConfig } from "../src/config.js";
import { isPostgresUrl, openDb } from "../src/db.js";
import { createClassifier } from "../src/intents/policy.js";
import { CommunityDefinitionSchema } from "../src/services/community/definition.js";
import { loadCommunity } from "../src/services/community/load-community.js";
import { COMMUNITY, PEOPLE } from "../test/helpers/harness.js";

const url = loadConfig().DATABASE_URL;
if (!isPostgresUrl(url)) {
  console.log("SKIP — run under scripts/with-local-pg.sh (needs a postgresql:// DATABASE_URL)");
  process.exit(0);
}
const db = await openDb(url);
await loadCommunity(db, CommunityDefinitionSchema.parse(COMMUNITY), PEOPLE);
const dataDir = (await db.$queryRawUnsafe<{ d: string }[]>("SELECT current_setting('data_directory') AS d"))[0]!.d;
const bin = execSync("ls -d /usr/lib/postgresql/*/bin | tail -n 1").toString().trim();
const opts = execSync(`su postgres -s /bin/bash -c "cat ${dataDir}/postmaster.opts"`).toString().trim().replace(/^\S+\s*/, "").replace(/"/g, "");
const pgctl = (a: string) => void execSync(`su postgres -s /bin/bash -c "${bin}/pg_ctl -D ${dataDir} ${a}"`, { stdio: "pipe" });
const logged: string[] = [];
const log = pino({ level: "warn" }, { write: (s: string) => void logged.push(`${/"level":(\d+)/.exec(s)?.[1]} ${/"msg":"([^"]+)"/.exec(s)?.[1]}`) });
const t = new FakeTransport({ now: () => new Date() });
const offline = createClassifier({});
let stopWhileClassifying = false;
const assistant = createAssistant({
  db, clock: { now: () => new Date() }, log, transport: t, botName: "物业小助手",
  classifier: async (input) => {
    if (stopWhileClassifying) {
      stopWhileClassifying = false;
      pgctl("-m fast stop");
      console.log("  (PostgreSQL stopped while the message was being classified)");
    }
    return offline(input);
  },
});
await assistant.start();
const outcome = (p: Promise<unknown>) => p.then(() => "handled", (e: { code?: string; message?: string }) => `refused: ${e.code} ${String(e.message).trim().split("\n").at(-1)}`);

console.log(`1. before: "帮助" → ${await outcome(t.deliver({ userId: "res1", userName: "张伟", text: "帮助", messageId: "m1" }))}, ${t.sent.length} sent`);
stopWhileClassifying = true;
console.log(`2. "厨房水管漏水了" → ${await outcome(t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了", messageId: "m2" }))}`);
console.log(`3. a tick during the outage → ${await outcome(assistant.tick())}`);
console.log(`4. a new message during the outage → ${await outcome(t.deliver({ userId: "res1", userName: "张伟", text: "进度", messageId: "m3" }))}`);
pgctl(`-o '${opts}' -w start -l ${dataDir}/../log-restarted`);
console.log("5. PostgreSQL started again (the assistant was not restarted)");
for (let i = 1; i <= 3; i++) {
  const r = await outcome(t.deliver({ userId: "res1", userName: "张伟", text: "厨房水管漏水了", messageId: "m2" }));
  console.log(`6.${i} the platform redelivers m2 → ${r}`);
  if (r === "handled") break;
}
await new Promise((r) => setTimeout(r, 31_000));
console.log(`7. a tick 31 s later → ${await outcome(assistant.tick())}`);
const inbound = await db.inboundMessage.findMany({ select: { transportMessageId: true, status: true }, orderBy: { id: "asc" } });
console.log(`stored: ${inbound.map((m) => `${m.transportMessageId}=${m.status}`).join(", ")}; tickets: ${await db.ticket.count()}; sent: ${t.sent.map((m) => `${m.to.id} "${m.text.slice(0, 14)}…"`).join(", ")}`);
console.log(`logged (level msg):\n  ${logged.join("\n  ")}`);
await db.$disconnect();
