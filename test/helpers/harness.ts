// A running assistant for conversation tests: a fresh SQLite file, a community, the fake
// transport and a fake clock. `say` delivers a message and returns what was sent because of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { createAssistant } from "../../src/bot/assistant.js";
import { FakeTransport, type SentMessage } from "../../src/bot/transports/fake.js";
import { openDb } from "../../src/db.js";
import { createClassifier, type Classifier } from "../../src/intents/policy.js";
import { CommunityDefinitionSchema, type CommunityDefinition } from "../../src/services/community/definition.js";
import { loadCommunity } from "../../src/services/community/load-community.js";

export const COMMUNITY = {
  name: "祥云国际",
  timezone: "Asia/Shanghai",
  grids: [
    { id: "A", name: "A区", housekeeper: "hk1", buildings: ["1", "2", "3"] },
    { id: "B", name: "B区", housekeeper: "hk2", buildings: ["4", "5"] },
  ],
  staff: [
    { id: "hk1", name: "李敏", role: "housekeeper" },
    { id: "hk2", name: "张晨", role: "housekeeper" },
    { id: "sup", name: "王强", role: "supervisor" },
    { id: "mgr", name: "赵磊", role: "manager" },
    { id: "desk", name: "陈静", role: "frontdesk" },
    { id: "fix1", name: "钱师傅", role: "maintenance" },
  ],
  households: [
    { building: "3", unit: "2", room: "1201", owner: "张伟", phone: "13912345678" },
    { building: "4", unit: "1", room: "301", owner: "赵敏", phone: "13687654321" },
  ],
  bills: [{ building: "3", unit: "2", room: "1201", item: "物业服务费", period: "2026-01", amount: "356.40", dueDate: "2026-01-31", paid: false }],
  residents: [{ person: "res1", building: "3", unit: "2", room: "1201", verified: true }],
  groups: [{ id: "g3", topic: "3号楼业主群", buildings: ["3"], members: ["res1", "res2", "hk1"] }],
  settings: {},
};

export const PEOPLE = { res1: "张伟", res2: "刘洋", res3: "赵敏" };

export class TestClock {
  constructor(public t: Date) {}
  now = () => new Date(this.t);
  advance(ms: number) { this.t = new Date(this.t.getTime() + ms); }
}

export async function startHarness(options: { community?: unknown; start?: string; classifier?: Classifier } = {}) {
  const file = path.join(os.tmpdir(), `wuye-test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  const db = await openDb(`file:${file}`);
  const def: CommunityDefinition = CommunityDefinitionSchema.parse(options.community ?? COMMUNITY);
  const communityId = await loadCommunity(db, def, PEOPLE);
  const clock = new TestClock(new Date(options.start ?? "2026-03-02T09:00:00+08:00"));
  const transport = new FakeTransport(clock);
  const log = pino({ level: "silent" });
  const assistant = createAssistant({ db, clock, log, classifier: options.classifier ?? createClassifier({}), transport, botName: "物业小助手" });
  await assistant.start();
  let seen = 0;
  /** Everything sent since the last call. */
  const drain = (): SentMessage[] => {
    const out = transport.sent.slice(seen);
    seen = transport.sent.length;
    return out;
  };
  return {
    db, clock, transport, assistant, communityId, log,
    drain,
    async say(from: string, text: string, opts: { in?: string; mention?: boolean; kind?: "text" | "image" | "voice"; messageId?: string } = {}) {
      drain();
      await transport.deliver({
        userId: from, userName: (PEOPLE as Record<string, string>)[from] ?? from, text, mentionsSelf: opts.mention ?? false,
        ...(opts.in ? { roomId: opts.in } : {}), ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.messageId ? { messageId: opts.messageId } : {}),
      });
      return drain();
    },
    /** Texts sent to `id` in `messages`. */
    textsTo: (messages: SentMessage[], id: string) => messages.filter((m) => m.to.id === id).map((m) => m.text),
    async advance(ms: number) {
      clock.advance(ms);
      await assistant.tick(clock.now());
      return drain();
    },
    async close() {
      await assistant.stop();
      await db.$disconnect();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;
