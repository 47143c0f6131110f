// Deadlines and escalation: every ticket gets an acceptance deadline by information grade; a
// warning goes to the assignee shortly before it, and on breach the ticket climbs the chain
// 管家 → 主管 → 经理, each step a ticket event recorded exactly once (task dedupe keys).
// Grade-1 alerts repeat until someone accepts.
import type { Tx } from "../../db.js";
import { getSettings } from "../community/community.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { scheduleTask, type TaskHandler } from "../scheduler.js";
import { managersOf, supervisorsOf } from "../staff/routing.js";
import { recordEvent } from "./transitions.js";

const notAccepted = (t: { status: string; acceptedAt: Date | null }) => (t.status === "open" || t.status === "reopened") && t.acceptedAt === null;

/** Called when a ticket is created: schedules its warning, deadline and (grade 1) repeated alerts. */
export async function scheduleDeadlines(tx: Tx, ticket: { id: number; communityId: number; urgency: number }, now: Date, settings: Settings) {
  const minutes = settings.acceptMinutes[ticket.urgency as 1 | 2 | 3];
  const acceptBy = new Date(now.getTime() + minutes * 60_000);
  const base = { communityId: ticket.communityId, ticketId: ticket.id };
  if (settings.warnBeforeMinutes > 0 && minutes > settings.warnBeforeMinutes * 2) {
    await scheduleTask(tx, { ...base, kind: "sla.warn", dueAt: new Date(acceptBy.getTime() - settings.warnBeforeMinutes * 60_000), dedupeKey: `sla.warn:${ticket.id}` });
  }
  await scheduleTask(tx, { ...base, kind: "sla.accept", data: { level: 1 }, dueAt: acceptBy, dedupeKey: `sla.accept:${ticket.id}:1` });
  if (ticket.urgency === 1 && settings.urgentRepeatMax > 0) {
    await scheduleTask(tx, { ...base, kind: "alert.repeat", data: { n: 1 }, dueAt: new Date(now.getTime() + settings.urgentRepeatMinutes * 60_000), dedupeKey: `alert.repeat:${ticket.id}:1` });
  }
}

async function loadTicket(tx: Tx, id: number | null) {
  return tx.ticket.findUnique({ where: { id: id ?? -1 }, include: { community: true, assignee: { include: { chatUser: true } } } });
}

const card = (t: { number: number; place: string; summary: string; intent: string; category: string | null; urgency: number }) => ({
  number: t.number, place: t.place, text: t.summary.slice(0, 200), intent: t.intent, category: t.category ?? "other", urgency: t.urgency,
});

export const warnBeforeDeadline: TaskHandler = async (tx, _deps, task, now) => {
  const t = await loadTicket(tx, task.ticketId);
  if (!t || !notAccepted(t) || !t.assignee?.chatUser) return;
  const settings = getSettings(t.community);
  await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: t.assignee.chatUser.platformId }, key: "staff.deadline_warning", params: { ...card(t), minutes: settings.warnBeforeMinutes }, notBefore: now, dedupeKey: `sla.warn.msg:${t.id}` });
};

/** Level 1: the supervisor hears; level 2 (one more acceptance period later): the manager. */
export const acceptDeadlinePassed: TaskHandler = async (tx, _deps, task, now) => {
  const t = await loadTicket(tx, task.ticketId);
  if (!t || !notAccepted(t)) return;
  const level = Number(task.data.level ?? 1);
  const settings = getSettings(t.community);
  const to = level === 1 ? await supervisorsOf(tx, t.communityId) : await managersOf(tx, t.communityId);
  const role = level === 1 ? "主管" : "经理";
  await recordEvent(tx, t.id, "escalated", { actor: "system", at: now, note: `acceptance deadline missed → ${role}` });
  const minutes = Math.round((now.getTime() - t.createdAt.getTime()) / 60_000);
  for (const s of to) {
    if (s.chatUser) await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.escalation", params: { ...card(t), minutes, assignee: t.assignee?.name ?? "" }, notBefore: now, dedupeKey: `sla.escalation:${t.id}:${level}:${s.id}` });
  }
  if (t.assignee?.chatUser) {
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: t.assignee.chatUser.platformId }, key: "staff.deadline_missed", params: { ...card(t), role }, notBefore: now, dedupeKey: `sla.missed:${t.id}:${level}` });
  }
  if (level === 1) {
    const next = new Date(now.getTime() + settings.acceptMinutes[t.urgency as 1 | 2 | 3] * 60_000);
    await scheduleTask(tx, { communityId: t.communityId, kind: "sla.accept", ticketId: t.id, data: { level: 2 }, dueAt: next, dedupeKey: `sla.accept:${t.id}:2` });
  }
};

export const repeatUrgentAlert: TaskHandler = async (tx, _deps, task, now) => {
  const t = await loadTicket(tx, task.ticketId);
  if (!t || !notAccepted(t)) return;
  const n = Number(task.data.n ?? 1);
  const settings = getSettings(t.community);
  const people = [...(await managersOf(tx, t.communityId)), ...(await supervisorsOf(tx, t.communityId)), ...(t.assignee ? [t.assignee] : [])];
  const seen = new Set<number>();
  for (const s of people) {
    if (seen.has(s.id) || !s.chatUser) continue;
    seen.add(s.id);
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.urgent_repeat", params: { ...card(t), assignee: t.assignee?.name ?? "", minutes: Math.round((now.getTime() - t.createdAt.getTime()) / 60_000) }, notBefore: now, dedupeKey: `urgent:${t.id}:${s.id}:${n}` });
  }
  if (n < settings.urgentRepeatMax) {
    await scheduleTask(tx, { communityId: t.communityId, kind: "alert.repeat", ticketId: t.id, data: { n: n + 1 }, dueAt: new Date(now.getTime() + settings.urgentRepeatMinutes * 60_000), dedupeKey: `alert.repeat:${t.id}:${n + 1}` });
  }
};
