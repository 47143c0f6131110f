// The ticket state machine: every status change goes through `transition`, which checks the move,
// writes the ticket and its audit event in the caller's transaction.
import type { Tx } from "../../db.js";
import { DomainError } from "../deps.js";

export const STATUSES = ["open", "accepted", "onsite", "done", "closed", "reopened", "cancelled"] as const;
export type TicketStatus = (typeof STATUSES)[number];

/** Which action moves a ticket from which statuses to which. */
export const TRANSITIONS = {
  accept: { from: ["open", "reopened"], to: "accepted" },
  arrive: { from: ["open", "accepted", "reopened"], to: "onsite" },
  complete: { from: ["open", "accepted", "onsite", "reopened"], to: "done" },
  close: { from: ["done"], to: "closed" },
  reopen: { from: ["done", "closed"], to: "reopened" },
  cancel: { from: ["open", "accepted", "reopened"], to: "cancelled" },
  // The resident called it off and then wants it after all ("算了不用修了" … "还是来修吧"): taken again.
  restore: { from: ["cancelled"], to: "reopened" },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;
export type TicketAction = keyof typeof TRANSITIONS;

export const OPEN_STATUSES: TicketStatus[] = ["open", "accepted", "onsite", "reopened"];

export function canTransition(status: string, action: TicketAction): boolean {
  return (TRANSITIONS[action].from as readonly string[]).includes(status);
}

const timestampField: Partial<Record<TicketAction, "acceptedAt" | "onsiteAt" | "doneAt" | "closedAt">> = {
  accept: "acceptedAt", arrive: "onsiteAt", complete: "doneAt", close: "closedAt",
};

export async function transition(
  tx: Tx,
  ticket: { id: number; number: number; status: string },
  action: TicketAction,
  input: { actor: string; at: Date; note?: string | undefined; data?: Record<string, unknown> },
) {
  if (!canTransition(ticket.status, action)) {
    throw new DomainError("ticket.bad_transition", { number: ticket.number, status: ticket.status, action });
  }
  const to = TRANSITIONS[action].to;
  const stamp = timestampField[action];
  // Conditional on the status we checked: a concurrent change makes this a clear refusal, not a lost update.
  const changed = await tx.ticket.updateMany({
    where: { id: ticket.id, status: ticket.status },
    data: { status: to, ...(stamp ? { [stamp]: input.at } : {}), ...(input.data ?? {}) },
  });
  if (changed.count !== 1) throw new DomainError("ticket.changed_meanwhile", { number: ticket.number });
  await tx.ticketEvent.create({
    data: { ticketId: ticket.id, type: action, fromStatus: ticket.status, toStatus: to, actor: input.actor, note: input.note ?? null, at: input.at },
  });
  return to;
}

/** An event that changes no status (created, note, transfer, revisit answer...). */
export async function recordEvent(tx: Tx, ticketId: number, type: string, input: { actor: string; at: Date; note?: string | null }) {
  await tx.ticketEvent.create({ data: { ticketId, type, actor: input.actor, note: input.note ?? null, at: input.at } });
}
