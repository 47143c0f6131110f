// Deadlines and escalation. When a ticket is created (or regraded) its promised times
// (deadline-plan.ts) become scheduled tasks: a warning to the assignee shortly before the
// acceptance, on-site and resolution deadlines, and on each breach an escalation up the chain
// 管家 → 主管 → 经理, recorded as a ticket event exactly once (task dedupe keys). The resident is
// told what happens next whenever a promise to them passes (no silent waits). Grade-1 alerts
// repeat until someone accepts.
import type { Tx } from "../../db.js";
import { cachedCommunity, getSettings } from "../community/community.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { scheduleTask, type TaskHandler, type TaskInput } from "../scheduler.js";
import type { Deps } from "../deps.js";
import { managersOf, staffWithUser, supervisorsOf } from "../staff/routing.js";
import { outsideQuietHours } from "../time.js";
import { DEADLINE_STEPS, planDeadlines, promiseKept, type DeadlinePlan, type DeadlineStep } from "./deadline-plan.js";
import { recordEvent } from "./transitions.js";

/** Task kinds that belong to a ticket's clocks; they are frozen while the ticket waits on the resident. */
export const CLOCK_TASK_KINDS = ["sla.warn", ...DEADLINE_STEPS.map((s) => `sla.${s}`), "alert.repeat"];

const notAccepted = (t: { status: string; acceptedAt: Date | null }) => t.status === "reopened" || (t.status === "open" && t.acceptedAt === null);

/** Steps whose deadline gets a warning to the assignee beforehand. */
const WARNED: DeadlineStep[] = ["accept", "onsite", "resolve"];

/**
 * Schedules a ticket's deadlines from `from` (its creation, or a change of grade: `suffix` keeps the
 * new tasks apart from the old ones). Returns the plan; acceptBy and resolveBy are stored on the ticket.
 */
export async function scheduleDeadlines(
  tx: Tx,
  ticket: { id: number; communityId: number; intent: string; category: string | null; urgency: number },
  from: Date, settings: Settings, tz: string, suffix = "",
): Promise<DeadlinePlan> {
  const plan = planDeadlines(settings, ticket, from, tz);
  for (const t of deadlineTasks(ticket, plan, from, settings, suffix)) await scheduleTask(tx, t);
  await tx.ticket.update({ where: { id: ticket.id }, data: { acceptBy: plan.accept ?? null, resolveBy: plan.resolve ?? null } });
  return plan;
}

/**
 * New promises from `from` for a ticket that already had some (reopened, regraded): the clock tasks
 * still pending are retired first, or the old and the new would both warn and escalate.
 */
export async function replanDeadlines(
  tx: Tx,
  ticket: { id: number; communityId: number; intent: string; category: string | null; urgency: number },
  from: Date, settings: Settings, tz: string, suffix: string,
): Promise<DeadlinePlan> {
  await tx.scheduledTask.updateMany({ where: { ticketId: ticket.id, claimedAt: null, kind: { in: CLOCK_TASK_KINDS } }, data: { claimedAt: from, doneAt: from } });
  // The promise being replaced stays on record: reports judge a completion by the promise it was made
  // under, not by one made after a reopen (a past week reads the same later).
  // The note is "resolveBy|acceptBy" (ISO times, either may be empty): both promises being replaced.
  const before = await tx.ticket.findUnique({ where: { id: ticket.id }, select: { resolveBy: true, acceptBy: true } });
  await recordEvent(tx, ticket.id, "replanned", { actor: "system", at: from, note: `${before?.resolveBy?.toISOString() ?? ""}|${before?.acceptBy?.toISOString() ?? ""}` });
  return scheduleDeadlines(tx, ticket, from, settings, tz, suffix);
}

/**
 * The scheduled tasks of a deadline plan: each step's deadline, a warning to the assignee before the
 * acceptance, on-site and resolution deadlines (when there is time for one), and for grade 1 the
 * repeated alert. createTicket inserts them all at once for a new ticket.
 */
export function deadlineTasks(
  ticket: { id: number; communityId: number; urgency: number }, plan: DeadlinePlan, from: Date, settings: Settings, suffix = "",
): TaskInput[] {
  const base = { communityId: ticket.communityId, ticketId: ticket.id };
  const tasks: TaskInput[] = [];
  for (const step of DEADLINE_STEPS) {
    const due = plan[step];
    if (!due) continue;
    tasks.push({ ...base, kind: `sla.${step}`, data: { level: 1 }, dueAt: due, dedupeKey: `sla.${step}:${ticket.id}:1${suffix}` });
    const lead = (step === "resolve" ? settings.warnBeforeResolveMinutes : settings.warnBeforeMinutes) * 60_000;
    const window = due.getTime() - from.getTime();
    // (Only when the warning falls after the ticket was given: 5 minutes' warning of a 10-minute limit.)
    if (WARNED.includes(step) && lead > 0 && window > lead) {
      tasks.push({ ...base, kind: "sla.warn", data: { step }, dueAt: new Date(due.getTime() - lead), dedupeKey: `sla.warn:${ticket.id}:${step}${suffix}` });
    }
  }
  if (ticket.urgency === 1 && settings.urgentRepeatMax > 0) {
    tasks.push({ ...base, kind: "alert.repeat", data: { n: 1 }, dueAt: new Date(from.getTime() + settings.urgentRepeatMinutes * 60_000), dedupeKey: `alert.repeat:${ticket.id}:1${suffix}` });
  }
  return tasks;
}

/** A ticket as far as its promises go: kept ones (on site already, feedback given) are not shown as pending. */
type PromiseState = { id: number; status: string; acceptedAt: Date | null; onsiteAt: Date | null };

/**
 * The next promise still open on a ticket, for 进度 and the daily list: the earliest pending deadline
 * the ticket has not kept yet (a technician already on site is not "due on site by 12:30").
 */
export async function nextPromise(tx: Tx, ticket: PromiseState): Promise<{ step: DeadlineStep; at: Date } | null> {
  return (await nextPromises(tx, null, [ticket])).get(ticket.id) ?? null;
}

/**
 * The task due first (ties: the one scheduled first). A ticket's pending tasks are picked in code
 * rather than with ORDER BY dueAt LIMIT 1: with that ORDER BY, SQLite walks the (claimedAt, dueAt)
 * index over every pending task of every ticket instead of using the (ticketId, claimedAt) one.
 */
function earliest<T extends { id: number; dueAt: Date }>(tasks: T[]): T | null {
  let first: T | null = null;
  for (const t of tasks) if (!first || t.dueAt < first.dueAt || (t.dueAt.getTime() === first.dueAt.getTime() && t.id < first.id)) first = t;
  return first;
}

/**
 * The ticket, read in the task's transaction, with its community (cached per process) and its
 * assignee with their chat user (read once per sweep: see SweepCache).
 */
/**
 * nextPromise for each of `tickets` (two queries in all; for the daily lists): ticket id → the earliest
 * unclaimed deadline task whose promise the ticket has not kept (ties: the one scheduled first).
 */
export async function nextPromises(tx: Tx, communityId: number | null, tickets: PromiseState[]): Promise<Map<number, { step: DeadlineStep; at: Date }>> {
  const next = new Map<number, { step: DeadlineStep; at: Date }>();
  if (tickets.length === 0) return next;
  const ids = tickets.map((t) => t.id);
  const [tasks, feedback] = await Promise.all([
    tx.scheduledTask.findMany({
      where: { ...(communityId !== null ? { communityId } : {}), claimedAt: null, ticketId: ids.length === 1 ? ids[0]! : { in: ids }, kind: { in: DEADLINE_STEPS.map((s) => `sla.${s}`) } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { ticketId: true, kind: true, dueAt: true },
    }),
    tx.ticketEvent.findMany({ where: { ticketId: { in: ids }, type: "feedback" }, select: { ticketId: true } }),
  ]);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const hadFeedback = new Set(feedback.map((e) => e.ticketId));
  for (const task of tasks) {
    const id = task.ticketId!;
    const step = task.kind.slice(4) as DeadlineStep;
    if (next.has(id) || promiseKept(step, byId.get(id)!, hadFeedback.has(id))) continue;
    next.set(id, { step, at: task.dueAt });
  }
  return next;
}

async function loadTicket(tx: Tx, deps: Deps, id: number | null) {
  const t = await tx.ticket.findUnique({ where: { id: id ?? -1 } });
  if (!t) return null;
  const community = await cachedCommunity(deps.db, t.communityId);
  if (!community) throw new Error(`community ${t.communityId} of ticket ${t.id} not found`);
  const assignee = t.assigneeId ? await staffWithUser(tx, t.assigneeId, deps.sweep) : null;
  return { ...t, community, assignee };
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;

/** Since when a ticket has waited for someone to accept it: its report, or its latest reopening. */
async function waitingSince(tx: Tx, t: { id: number; status: string; createdAt: Date }): Promise<Date> {
  if (t.status !== "reopened") return t.createdAt;
  const e = await tx.ticketEvent.findFirst({ where: { ticketId: t.id, type: { in: ["reopen", "restore"] } }, orderBy: { id: "desc" }, select: { at: true } });
  return e?.at ?? t.createdAt;
}

const card = (t: { number: number; place: string; summary: string; intent: string; category: string | null; urgency: number }) => ({
  number: t.number, place: t.place, text: t.summary.slice(0, 200), intent: t.intent, category: t.category ?? "other", urgency: t.urgency,
});

async function hadFeedback(tx: Tx, ticketId: number) {
  return (await tx.ticketEvent.count({ where: { ticketId, type: "feedback" } })) > 0;
}

async function kept(tx: Tx, t: Loaded, step: DeadlineStep) {
  // A ticket waiting on the resident has its clocks frozen; a task that slipped through does nothing.
  if (t.waitingUntil) return true;
  return promiseKept(step, t, step === "feedback" ? await hadFeedback(tx, t.id) : false);
}

export const warnBeforeDeadline: TaskHandler = async (tx, deps, task, now) => {
  const t = await loadTicket(tx, deps, task.ticketId);
  const step = (task.data.step ?? "accept") as DeadlineStep;
  if (!t || (await kept(tx, t, step)) || !t.assignee?.chatUser) return;
  const due = earliest(await tx.scheduledTask.findMany({ where: { ticketId: t.id, kind: `sla.${step}`, claimedAt: null } }));
  // No pending deadline, or one already past (a tick that ran late, after an outage): the breach
  // notice is what the assignee needs, and it follows in the same sweep; "due in 1 minute" would mislead.
  if (!due || due.dueAt <= now) return;
  const minutes = Math.max(1, Math.round((due.dueAt.getTime() - now.getTime()) / 60_000));
  await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: t.assignee.chatUser.platformId }, key: "staff.deadline_warning", params: { ...card(t), minutes, step }, notBefore: now, dedupeKey: `sla.warn.msg:${task.id}` });
};

/** Who hears of a missed deadline, by step and level, and what the resident is told. */
const CHAIN: Record<DeadlineStep, { up: "supervisor" | "manager" | "both"; resident: string | null }> = {
  accept: { up: "supervisor", resident: "resident.accept_late" },
  onsite: { up: "supervisor", resident: "resident.onsite_late" },
  resolve: { up: "supervisor", resident: "resident.resolve_late" },
  feedback: { up: "supervisor", resident: "resident.feedback_late" },
  complete: { up: "both", resident: "resident.complete_late" },
};

async function handleBreach(tx: Tx, deps: Deps, task: { id: number; kind: string; data: Record<string, unknown> }, t: Loaded, step: DeadlineStep, now: Date) {
  const settings = getSettings(t.community);
  const tz = t.community.timezone;
  const level = Number(task.data.level ?? 1);
  // Acceptance climbs twice: the supervisor, then (one more acceptance period later) the manager.
  // An urgent repair still unresolved at its deadline (急修不过夜) is a grade-1 matter: the manager too.
  let up = step === "accept" && level >= 2 ? "manager" : step === "resolve" && t.urgency === 1 ? "both" : CHAIN[step].up;
  // A supervisor who took the ticket himself and let it lapse: the next link of the chain is the manager.
  if (up === "supervisor" && t.assignee?.role === "supervisor") up = "manager";
  const to = [...(up !== "supervisor" ? await managersOf(tx, t.communityId, deps.sweep) : []), ...(up !== "manager" ? await supervisorsOf(tx, t.communityId, deps.sweep) : [])];
  const role = up === "supervisor" ? "主管" : "经理";
  await recordEvent(tx, t.id, "escalated", { actor: "system", at: now, note: `${step} deadline missed → ${role}` });
  const since = await waitingSince(tx, t);
  const minutes = Math.round((now.getTime() - since.getTime()) / 60_000);
  const reopened = since !== t.createdAt ? "1" : "";
  const seen = new Set<number>();
  for (const s of to) {
    // (Not to the assignee: a supervisor holding the ticket hears it as its assignee, below.)
    if (seen.has(s.id) || !s.chatUser || s.id === t.assigneeId) continue;
    seen.add(s.id);
    const key = step === "accept" ? "staff.escalation" : "staff.overdue";
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key, params: { ...card(t), minutes, reopened, step, assignee: t.assignee?.name ?? "" }, notBefore: now, dedupeKey: `sla.escalation:${task.id}:${s.id}` });
  }
  if (t.assignee?.chatUser) {
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: t.assignee.chatUser.platformId }, key: "staff.deadline_missed", params: { ...card(t), role, step }, notBefore: now, dedupeKey: `sla.missed:${task.id}` });
  }
  // The resident hears what happens next, once per step; except for emergencies not at night — then
  // the message waits for the morning, and is dropped if the promise was kept meanwhile.
  if (level === 1 && CHAIN[step].resident && t.reporterId) {
    const when = t.urgency !== 1 ? outsideQuietHours(now, settings.quietHours, tz) : now;
    if (when > now) await scheduleTask(tx, { communityId: t.communityId, kind: "sla.tell_resident", ticketId: t.id, data: { step }, dueAt: when, dedupeKey: `sla.tell:${t.id}:${step}:${task.id}` });
    else await tellResident(tx, t, step, now);
  }
  if (step === "accept" && level === 1) {
    const next = new Date(now.getTime() + settings.acceptMinutes[t.urgency as 1 | 2 | 3] * 60_000);
    await scheduleTask(tx, { communityId: t.communityId, kind: "sla.accept", ticketId: t.id, data: { level: 2 }, dueAt: next, dedupeKey: `sla.accept:${t.id}:2:${task.id}` });
  }
}

const assigneeIsSupervisor = (t: Loaded) => t.assignee?.role === "supervisor" || t.assignee?.role === "manager";

/** Tells the reporter that a promise to them passed and what happens next. */
async function tellResident(tx: Tx, t: Loaded, step: DeadlineStep, now: Date) {
  const key = step === "resolve" && t.urgency === 1 ? "resident.resolve_late_urgent" : CHAIN[step].resident;
  const reporter = t.reporterId ? await tx.chatUser.findUnique({ where: { id: t.reporterId } }) : null;
  if (!key || !reporter) return;
  // Two promises missed together (on site and same-day work, both due at 18:00): one apology, not two,
  // and the one with the plan (when they will hear back, when it will be done).
  if (step === "onsite" && (await tx.scheduledTask.findFirst({ where: { ticketId: t.id, kind: "sla.resolve", claimedAt: null, dueAt: { lte: now } } }))) return;
  const recent = await tx.outboxMessage.findFirst({ where: { dedupeKey: { startsWith: `sla.resident:${t.id}:` }, notBefore: { gte: new Date(now.getTime() - 30 * 60_000) } } });
  // (…but the same-day miss carries the plan — feedback within 2 days, completion within 5 — and is
  // said even a quarter of an hour after a shorter apology.)
  if (recent && step !== "resolve") return;
  const later = await tx.scheduledTask.findMany({ where: { ticketId: t.id, claimedAt: null, kind: { in: ["sla.feedback", "sla.complete"] } } });
  const at = (k: string) => later.find((x) => x.kind === k)?.dueAt.toISOString() ?? "";
  await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: reporter.platformId }, key, params: { number: t.number, staff: t.assignee?.name ?? "", staffRole: t.assignee && t.assignee.role !== "housekeeper" ? t.assignee.role : "", reported: assigneeIsSupervisor(t) ? 0 : 1, intent: t.intent, feedbackBy: at("sla.feedback"), completeBy: at("sla.complete") }, notBefore: now, dedupeKey: `sla.resident:${t.id}:${step}` });
}

/** The morning after a missed routine promise: the resident is told, unless it has been kept since. */
export const tellResidentLater: TaskHandler = async (tx, deps, task, now) => {
  const t = await loadTicket(tx, deps, task.ticketId);
  const step = task.data.step as DeadlineStep;
  if (!t || (await kept(tx, t, step))) return;
  await tellResident(tx, t, step, now);
};

/** One handler per step: `sla.accept`, `sla.onsite`, `sla.resolve`, `sla.feedback`, `sla.complete`. */
export const DEADLINE_HANDLERS: Record<string, TaskHandler> = Object.fromEntries(DEADLINE_STEPS.map((step) => [
  `sla.${step}`,
  (async (tx, deps, task, now) => {
    const t = await loadTicket(tx, deps, task.ticketId);
    if (!t || (await kept(tx, t, step))) return;
    await handleBreach(tx, deps, task, t, step, now);
  }) satisfies TaskHandler,
]));

export const repeatUrgentAlert: TaskHandler = async (tx, deps, task, now) => {
  const t = await loadTicket(tx, deps, task.ticketId);
  if (!t || !notAccepted(t) || t.waitingUntil) return;
  const n = Number(task.data.n ?? 1);
  const settings = getSettings(t.community);
  // The grid's housekeeper stays on the alert when the ticket was handed to someone else (转单) before
  // anyone accepted it: grade 1 is the manager's, the supervisor's and the grid's until accepted.
  const gridKeeperId = t.gridId ? (await tx.grid.findUnique({ where: { id: t.gridId } }))?.housekeeperId ?? null : null;
  const gridKeeper = gridKeeperId && gridKeeperId !== t.assigneeId ? await staffWithUser(tx, gridKeeperId, deps.sweep) : null;
  const people = [...(await managersOf(tx, t.communityId, deps.sweep)), ...(await supervisorsOf(tx, t.communityId, deps.sweep)), ...(t.assignee ? [t.assignee] : []), ...(gridKeeper ? [gridKeeper] : [])];
  const waited = Math.round((now.getTime() - (await waitingSince(tx, t)).getTime()) / 60_000);
  const seen = new Set<number>();
  for (const s of people) {
    if (seen.has(s.id) || !s.chatUser) continue;
    seen.add(s.id);
    await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.urgent_repeat", params: { ...card(t), assignee: t.assignee?.name ?? "", minutes: waited }, notBefore: now, dedupeKey: `urgent:${t.id}:${s.id}:${n}:${task.id}` });
  }
  if (n < settings.urgentRepeatMax) {
    await scheduleTask(tx, { communityId: t.communityId, kind: "alert.repeat", ticketId: t.id, data: { n: n + 1 }, dueAt: new Date(now.getTime() + settings.urgentRepeatMinutes * 60_000), dedupeKey: `alert.repeat:${t.id}:${n + 1}:${task.id}` });
  }
};
