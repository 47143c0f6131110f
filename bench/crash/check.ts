// The checker of the kill -9 test: after the crashed runs and a final clean run, compares the
// inbox, the acks, the database and the transport's log of what was actually sent.
//   - every inbox message stored exactly once and processed (none left "received" or "failed")
//   - every outbox row sent; every send in the transport log matches a row sent (no loss, no
//     duplicates) — except a message sent by a run that was killed before it could record the
//     send: the last send of a killed run may appear twice (the documented at-least-once window)
//   - the database consistent: integrity and foreign keys, ticket numbers 1..N with the counter,
//     one "created" event per ticket, no ticket without a processing of its own, every claimed
//     task done, every sent row with its text
import fs from "node:fs";
import path from "node:path";
import { openDb } from "../../src/db.js";
import type { LoadMessage } from "../lib/messages.js";
import type { SentLine } from "./file-transport.js";

export type CheckResult = {
  ok: boolean;
  lines: string[];
  figures: { messages: number; tickets: number; outbox: number; sends: number; windowResends: number; redeliveries: number };
};

const readLines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

export async function checkCrashRun(dir: string, killedRuns: Set<number>): Promise<CheckResult> {
  const lines: string[] = [];
  let ok = true;
  const check = (pass: boolean, what: string) => {
    if (!pass) ok = false;
    lines.push(`${pass ? "PASS" : "FAIL"}  ${what}`);
  };
  const db = await openDb(`file:${path.join(dir, "crash.db")}`);
  try {
    const inbox = readLines(path.join(dir, "inbox.jsonl")).map((l) => JSON.parse(l) as LoadMessage);
    const acks = readLines(path.join(dir, "acks"));
    const delivered = readLines(path.join(dir, "acks.delivered"));
    const sent = readLines(path.join(dir, "sent.jsonl")).map((l) => JSON.parse(l) as SentLine);

    // ——— inbound: exactly once ———
    const stored = await db.inboundMessage.findMany({ select: { transportMessageId: true, status: true } });
    const storedIds = new Set(stored.map((m) => m.transportMessageId));
    const lost = inbox.filter((m) => !storedIds.has(m.messageId));
    check(lost.length === 0 && stored.length === inbox.length, `every inbound message stored exactly once (${inbox.length} in the inbox, ${stored.length} stored${lost.length ? `, lost: ${lost.map((m) => m.messageId).join(" ")}` : ""})`);
    const notDone = stored.filter((m) => m.status !== "processed");
    check(notDone.length === 0, `every inbound message processed (${notDone.length} not: ${notDone.map((m) => `${m.transportMessageId}=${m.status}`).join(" ")})`);
    check(new Set(acks).size === inbox.length && acks.length === inbox.length, `every inbound message acknowledged to the transport once (${delivered.length - inbox.length} deliveries again after a kill)`);

    // ——— outbound: the transport's log against the outbox ———
    const rows = await db.outboxMessage.findMany({ select: { id: true, status: true, toPlatformId: true, text: true, sentAt: true } });
    const unsent = rows.filter((r) => r.status !== "sent");
    check(unsent.length === 0, `every outbox row sent (${rows.length} rows; ${unsent.length} not: ${unsent.map((r) => `#${r.id}=${r.status}`).join(" ")})`);
    const key = (to: string, text: string | null) => `${to}\u0000${text}`;
    const expected = new Map<string, number>();
    for (const r of rows.filter((x) => x.status === "sent")) expected.set(key(r.toPlatformId, r.text), (expected.get(key(r.toPlatformId, r.text)) ?? 0) + 1);
    const actual = new Map<string, number>();
    for (const s of sent) actual.set(key(s.to, s.text), (actual.get(key(s.to, s.text)) ?? 0) + 1);
    // The last send of each killed run: sent, and perhaps killed before it was recorded.
    const lastOfKilled = new Map<string, number>();
    for (const run of killedRuns) {
      const last = sent.filter((s) => s.run === run).at(-1);
      if (last) lastOfKilled.set(key(last.to, last.text), (lastOfKilled.get(key(last.to, last.text)) ?? 0) + 1);
    }
    let missing = 0;
    let windowResends = 0;
    const unexplained: string[] = [];
    for (const [k, n] of expected) missing += Math.max(0, n - (actual.get(k) ?? 0));
    for (const [k, n] of actual) {
      const extra = n - (expected.get(k) ?? 0);
      if (extra <= 0) continue;
      const explained = Math.min(extra, lastOfKilled.get(k) ?? 0);
      windowResends += explained;
      if (extra > explained) unexplained.push(`${k.replace("\u0000", ": ").slice(0, 80).replace(/\n/g, " ")} ×${extra - explained}`);
    }
    check(missing === 0, `no sent message lost (${missing} recorded as sent but not in the transport log)`);
    check(unexplained.length === 0, `no duplicate sends outside the at-least-once window (${sent.length} sends for ${rows.length} rows; ${windowResends} resent after a kill between send and record${unexplained.length ? `; unexplained: ${unexplained.join("; ")}` : ""})`);

    // ——— the database is consistent ———
    const integrity = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    const fk = await db.$queryRawUnsafe<unknown[]>("PRAGMA foreign_key_check");
    check(integrity[0]?.integrity_check === "ok" && fk.length === 0, `SQLite integrity_check ${integrity[0]?.integrity_check}, ${fk.length} foreign key violations`);
    const tickets = await db.ticket.findMany({ select: { id: true, number: true, communityId: true }, orderBy: { number: "asc" } });
    const communities = await db.community.findMany({ select: { id: true, lastTicketNumber: true } });
    const numbersOk = communities.every((c) => {
      const nums = tickets.filter((t) => t.communityId === c.id).map((t) => t.number);
      return nums.length === c.lastTicketNumber && nums.every((n, i) => n === i + 1);
    });
    check(numbersOk, `ticket numbers run 1..N with no gap and match the community counter (${tickets.length} tickets)`);
    const created = await db.ticketEvent.groupBy({ by: ["ticketId"], where: { type: "created" }, _count: true });
    check(created.length === tickets.length && created.every((c) => c._count === 1), "one \"created\" event per ticket");
    const dup = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`
      SELECT coalesce(sum(t.n - coalesce(m.n, 0)), 0) AS n FROM
        (SELECT reporterId AS u, createdAt AS at, count(*) AS n FROM Ticket WHERE reporterId IS NOT NULL GROUP BY 1, 2) t
        LEFT JOIN (SELECT chatUserId AS u, processedAt AS at, count(*) AS n FROM InboundMessage WHERE status = 'processed' GROUP BY 1, 2) m
        ON m.u = t.u AND m.at = t.at WHERE t.n > coalesce(m.n, 0)`);
    check(Number(dup[0]?.n ?? 0) === 0, `no duplicate tickets (every ticket made by a processing of its own; ${Number(dup[0]?.n ?? 0)} without)`);
    const halfDone = await db.scheduledTask.count({ where: { claimedAt: { not: null }, doneAt: null } });
    check(halfDone === 0, `every claimed scheduled task done (${await db.scheduledTask.count({ where: { doneAt: { not: null } } })} ran)`);
    const sentNoText = rows.filter((r) => r.status === "sent" && (r.text === null || r.sentAt === null)).length;
    check(sentNoText === 0, "every sent outbox row has its text and time");

    return { ok, lines, figures: { messages: inbox.length, tickets: tickets.length, outbox: rows.length, sends: sent.length, windowResends, redeliveries: delivered.length - inbox.length } };
  } finally {
    await db.$disconnect();
  }
}
