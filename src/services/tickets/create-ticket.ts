// A resident's report becomes a ticket: numbered per community, routed to the grid's housekeeper,
// with its first audit event and the assignee's notification, all in the caller's transaction.
import { excerpt } from "../excerpt.js";
import type { Tx } from "../../db.js";
import { enqueue } from "../outbox.js";
import type { Settings } from "../community/settings.js";
import { managersOf, routeTicket, supervisorsOf } from "../staff/routing.js";
import { scheduleNewTasks } from "../scheduler.js";
import { planDeadlines } from "./deadline-plan.js";
import { deadlineTasks } from "./deadlines.js";
import { recordEvent } from "./transitions.js";

export type NewTicket = {
  communityId: number;
  intent: "repair" | "complaint" | "fee";
  category: string | null;
  urgency: 1 | 2 | 3;
  summary: string;
  /** "3栋2单元1201" or the public place as written ("东门道闸"). */
  place: string;
  scope: "home" | "public";
  householdId: number | null;
  /** The building whose grid owns the ticket, when known. */
  building: string | null;
  reporter: { chatUserId: number; name: string } | null;
  /** Shown to staff: owner name and phone (staff of the grid may see them). */
  contact: { ownerName: string; phone: string } | null;
  sourceMessageId: number | null;
  /** The passage of a long message that made it urgent: shown to staff however the card is cut. */
  highlight?: string | null;
};

/** The words of a report without the run of emoji or punctuation around them ("😭😭😭…卫生间马桶堵了"): what staff and the revisit show. */
const EMOJI_RUN = /(?:[\p{Extended_Pictographic}\u200d\ufe0f\u{1F3FB}-\u{1F3FF}]\s*){4,}/gu;
export function tidySummary(text: string): string {
  const tidy = text.replace(EMOJI_RUN, (run) => [...run.replace(/\s/g, "")].filter((c) => /\p{Extended_Pictographic}/u.test(c)).slice(0, 3).join("")).replace(/^[\s!！?？。.,，~～]+/, "").trim();
  return tidy || text;
}

export async function createTicket(tx: Tx, now: Date, settings: Settings, input: NewTicket) {
  const { lastTicketNumber: number, timezone } = await tx.community.update({ where: { id: input.communityId }, data: { lastTicketNumber: { increment: 1 } } });
  let route = await routeTicket(tx, input.communityId, input.building);
  // "我要投诉你们的管家陈志刚…态度特别差": a complaint about the very person it would go to goes to the
  // supervisor instead (the housekeeper is not the one to call the resident back about themselves).
  if (input.intent === "complaint" && route.assignee && route.assignee.name.length >= 2 && input.summary.includes(route.assignee.name)) {
    const sup = (await supervisorsOf(tx, input.communityId)).find((s) => s.chatUserId !== null && s.id !== route.assignee!.id);
    if (sup) route = { gridId: route.gridId, assignee: { id: sup.id, name: sup.name, role: sup.role, chatUserId: sup.chatUserId } };
  }
  const summary = tidySummary(input.summary);
  // The promised times are known before the ticket exists: stored with it, then its tasks in one insert.
  const plan = planDeadlines(settings, input, now, timezone);
  const ticket = await tx.ticket.create({
    data: {
      communityId: input.communityId, number, intent: input.intent, category: input.category, urgency: input.urgency,
      summary: summary.slice(0, 2000), place: input.place, scope: input.scope, householdId: input.householdId,
      gridId: route.gridId, assigneeId: route.assignee?.id ?? null, reporterId: input.reporter?.chatUserId ?? null, createdAt: now,
      acceptBy: plan.accept ?? null, resolveBy: plan.resolve ?? null,
    },
  });
  await recordEvent(tx, ticket.id, "created", { actor: input.reporter ? `resident:${input.reporter.chatUserId}` : "system", at: now, note: route.assignee ? `assigned to staff:${route.assignee.id}` : "unassigned" });
  if (input.sourceMessageId) {
    await tx.attachment.updateMany({ where: { inboundMessageId: input.sourceMessageId, ticketId: null }, data: { ticketId: ticket.id } });
  }
  await scheduleNewTasks(tx, deadlineTasks(ticket, plan, now, settings));
  const acceptBy = plan.accept!;
  const card = {
    number, intent: input.intent, category: input.category ?? "other", urgency: input.urgency, place: input.place,
    text: excerpt(summary, 600, input.highlight ?? null), owner: input.contact?.ownerName ?? input.reporter?.name ?? "", phone: input.contact?.phone ?? "",
    reporter: input.reporter?.name ?? "",
    acceptBy: acceptBy.toISOString(),
  };
  const assigneeUser = route.assignee?.chatUserId ? await tx.chatUser.findUnique({ where: { id: route.assignee.chatUserId } }) : null;
  if (assigneeUser) {
    await enqueue(tx, { communityId: input.communityId, to: { kind: "user", platformId: assigneeUser.platformId }, key: "staff.new_ticket", params: card, notBefore: now });
  }
  // Grade 1: the manager and supervisors hear at once (DOMAIN: manager within 5 minutes);
  // grade 2: the supervisor (within 10 minutes: at once).
  if (input.urgency <= 2) {
    const alerted = [...(input.urgency === 1 ? await managersOf(tx, input.communityId) : []), ...(await supervisorsOf(tx, input.communityId))];
    for (const s of alerted) {
      if (!s.chatUser || s.id === route.assignee?.id) continue;
      await enqueue(tx, { communityId: input.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: input.urgency === 1 ? "staff.urgent_alert" : "staff.grade2_notice", params: { ...card, assignee: route.assignee?.name ?? "" }, notBefore: now, dedupeKey: `urgent:${ticket.id}:${s.id}:0` });
    }
  }
  return { ticket, assignee: route.assignee, acceptBy };
}
