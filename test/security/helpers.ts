// Shared by the hostile-input suites: a community with two households whose data must stay
// theirs, the privacy invariant checked after every case, and small assertions on what is stored.
import { expect } from "vitest";
import type { SentMessage } from "../../src/bot/transports/fake.js";
import { COMMUNITY, type Harness } from "../helpers/harness.js";

/** The harness community, with a bill and a second owner whose data are as private as the first's. */
export const SECURE_COMMUNITY = {
  ...COMMUNITY,
  bills: [
    ...COMMUNITY.bills,
    { building: "4", unit: "1", room: "301", item: "物业服务费", period: "2026-01", amount: "298.70", dueDate: "2026-01-31", paid: false },
  ],
};

/**
 * Household A (3栋2单元1201, owner 张伟, verified resident res1, grid A of hk1) and household B
 * (4栋1单元301, owner 赵敏, no resident bound, grid B of hk2). Their owner name, phone and amounts
 * may reach only these recipients, each in a direct chat.
 */
export const HOUSEHOLDS = {
  A: { secrets: ["张伟", "13912345678", "139****5678", "356.40", "356.4元"], allowed: ["res1", "hk1", "sup", "mgr"] },
  B: { secrets: ["赵敏", "13687654321", "136****4321", "298.70", "298.7元"], allowed: ["hk2", "sup", "mgr"] },
};

/** Fails when any message carries a household's data to someone not allowed to see it, or to a group. */
export function expectNoLeak(sent: SentMessage[]): void {
  for (const m of sent) {
    for (const [name, h] of Object.entries(HOUSEHOLDS)) {
      const found = h.secrets.filter((s) => m.text.includes(s));
      if (found.length === 0) continue;
      const ok = m.to.kind === "user" && h.allowed.includes(m.to.id);
      expect(ok, `household ${name}'s ${found.join(", ")} sent to ${m.to.kind} ${m.to.id}: ${m.text}`).toBe(true);
    }
  }
}

/** Every message sent during a test (the harness keeps them all). */
export const allSent = (h: Harness) => h.transport.sent;

/** The stored state that a refused or harmless message must leave unchanged. */
export async function snapshot(h: Harness) {
  const tickets = await h.db.ticket.findMany({ orderBy: { id: "asc" }, select: { number: true, status: true, assigneeId: true, urgency: true } });
  return {
    tickets,
    events: await h.db.ticketEvent.count(),
    residents: await h.db.resident.count(),
    notices: await h.db.notice.count(),
    bills: await h.db.bill.findMany({ orderBy: { id: "asc" }, select: { amountCents: true, paidCents: true } }),
  };
}

/** The last inbound message is stored and was handled without a crash. */
export async function expectStoredAndProcessed(h: Harness, text?: string) {
  const msg = await h.db.inboundMessage.findFirstOrThrow({ orderBy: { id: "desc" } });
  if (text !== undefined) expect(msg.text).toBe(text);
  expect(msg.status, msg.error ?? "").toBe("processed");
  return msg;
}
