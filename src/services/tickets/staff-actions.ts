// What staff do to tickets by chat: accept, arrive, complete, transfer, note, list.
// Each checks permission and state, then writes the ticket, its event and the notifications at once.
import type { Tx, DbOrTx } from "../../db.js";
import { DomainError } from "../deps.js";
import { dropHeldFeedback, enqueue, heldFeedbackKey } from "../outbox.js";
import type { Settings } from "../community/settings.js";
import { canActOnTicket, isSupervisory, type Actor } from "../staff/roles.js";
import { scheduleRevisit } from "../revisits/schedule-revisit.js";
import { answerRevisit } from "../revisits/revisit.js";
import { getSettings } from "../community/community.js";
import { managersOf, supervisorsOf } from "../staff/routing.js";
import { localParts, outsideQuietHours } from "../time.js";
import { withDates } from "../notices/deliver.js";
import { replanDeadlines } from "./deadlines.js";
import { linkedReporters, waitingLinkedReporters } from "./related.js";
import { clearWait, pauseTicket, resumeTicket } from "./waiting.js";
import { canTransition, OPEN_STATUSES, recordEvent, transition } from "./transitions.js";

export type StaffActor = Actor & { name: string; communityId: number };

async function loadTicket(db: DbOrTx, staff: StaffActor, number: number) {
  // "接单 #99999999999" names no ticket; the database's integer would refuse it with an error.
  if (!Number.isSafeInteger(number) || number > 2_147_483_647) throw new DomainError("ticket.not_found", { number });
  const ticket = await db.ticket.findUnique({ where: { communityId_number: { communityId: staff.communityId, number } }, include: { assignee: true } });
  if (!ticket) throw new DomainError("ticket.not_found", { number });
  if (!canActOnTicket(staff, ticket)) throw new DomainError("ticket.not_your_grid", { number });
  return ticket;
}

/** "#1 业主电话多少？我在门口敲门没人应": whom to call about a ticket the staff member may act on. */
export async function ticketContact(db: DbOrTx, staff: StaffActor, number: number) {
  const t = await loadTicket(db, staff, number);
  const household = t.householdId ? await db.household.findUnique({ where: { id: t.householdId } }) : null;
  const reporter = t.reporterId ? await db.chatUser.findUnique({ where: { id: t.reporterId } }) : null;
  return { number: t.number, place: t.place, owner: household?.ownerName ?? "", phone: household?.phone ?? "", reporter: reporter?.name ?? "" };
}

async function notifyReporter(tx: Tx, ticket: { communityId: number; reporterId: number | null }, key: string, params: Record<string, string | number>, now: Date) {
  if (!ticket.reporterId) return;
  const reporter = await tx.chatUser.findUnique({ where: { id: ticket.reporterId } });
  if (reporter) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: reporter.platformId }, key, params, notBefore: now });
}

const actorOf = (s: StaffActor) => `staff:${s.id}`;

export async function acceptTicket(tx: Tx, staff: StaffActor, number: number, now: Date) {
  const t = await loadTicket(tx, staff, number);
  // Whoever accepts owns it: warnings, escalations and 进度 then name the person doing the job (a
  // supervisor taking a night emergency, a housekeeper covering a colleague's grid).
  const data = t.assigneeId === staff.id ? {} : { assigneeId: staff.id };
  // Handed an accepted ticket ("转单" after 接单), the new owner's 接单 finds it theirs already.
  if (t.assigneeId === staff.id && !canTransition(t.status, "accept") && OPEN_STATUSES.includes(t.status as (typeof OPEN_STATUSES)[number])) {
    throw new DomainError("ticket.already_yours", { number, status: t.status });
  }
  await transition(tx, t, "accept", { actor: actorOf(staff), at: now, data });
  await notifyReporter(tx, t, "resident.ticket_accepted", { number, staff: staff.name }, now);
  // The one who held it (a craftsman it was handed to) must not turn up at the door as well.
  if (t.assigneeId && t.assigneeId !== staff.id) await tellStaff(tx, t.communityId, t.assigneeId, "staff.taken_over", { number, by: staff.name, place: t.place }, now);
  return t;
}

export async function arriveTicket(tx: Tx, staff: StaffActor, number: number, now: Date) {
  const t = await loadTicket(tx, staff, number);
  const resumed = await resumeTicket(tx, t.id, now, actorOf(staff), "staff on site");
  // Back after waiting for a part ("到场 #1 配件到了"): already on site once — the wait ends and the
  // resident hears someone is there, with no second transition.
  if (t.status === "onsite" && resumed) {
    await recordEvent(tx, t.id, "note", { actor: actorOf(staff), at: now, note: "on site again" });
    await notifyReporter(tx, t, "resident.ticket_onsite", { number, staff: staff.name }, now);
    return t;
  }
  await transition(tx, t, "arrive", { actor: actorOf(staff), at: now, data: t.acceptedAt ? {} : { acceptedAt: now } });
  await notifyReporter(tx, t, "resident.ticket_onsite", { number, staff: staff.name }, now);
  return t;
}

export async function completeTicket(tx: Tx, staff: StaffActor, number: number, resolution: string, now: Date, settings: Settings, tz: string) {
  if (!resolution.trim()) throw new DomainError("ticket.resolution_required", { number });
  const t = await loadTicket(tx, staff, number);
  await transition(tx, t, "complete", { actor: actorOf(staff), at: now, note: resolution, data: { resolution } });
  await clearWait(tx, t.id, now);
  await dropHeldFeedback(tx, t.id, now);
  await notifyReporter(tx, t, "resident.ticket_done", { number, resolution }, now);
  for (const chatUserId of await linkedReporters(tx, t.id)) {
    if (chatUserId !== t.reporterId) await notifyReporter(tx, { communityId: t.communityId, reporterId: chatUserId }, "resident.incident_done", { number, resolution }, now);
  }
  // Groups told "修好后会通知大家" about a public fault are told (the place only: nothing of any home).
  if (t.scope === "public") {
    const told = await tx.ticketEvent.findMany({ where: { ticketId: t.id, type: "group_told" }, select: { note: true } });
    for (const roomId of new Set(told.map((e) => e.note).filter((n): n is string => Boolean(n)))) {
      // (At once, even at night: a group that reported a fault at night is waiting for it to be fixed.)
      await enqueue(tx, { communityId: t.communityId, to: { kind: "group", platformId: roomId }, key: "resident.incident_done_group", params: { number, place: t.place }, notBefore: now, dedupeKey: `incident_done:${t.id}:${roomId}:${now.getTime()}` });
    }
  }
  // 100% revisits: a ticket nobody on WeChat reported (logged by the desk for a resident without it) is
  // revisited by phone — its revisit task goes straight to the phone list when it falls due.
  await scheduleRevisit(tx, t, now, settings, tz);
  const done = { number, by: staff.name, place: t.place, resolution: resolution.slice(0, 500) };
  const hk = await tellGridHousekeeper(tx, t, staff, "staff.completed_by_other", done, now);
  // …and the one who held it, when that is someone else again.
  if (t.assigneeId && t.assigneeId !== staff.id && t.assigneeId !== hk) await tellStaff(tx, t.communityId, t.assigneeId, "staff.completed_by_other", done, now);
  return t;
}

async function tellStaff(tx: Tx, communityId: number, staffId: number, key: string, params: Record<string, string | number>, now: Date) {
  const s = await tx.staff.findUnique({ where: { id: staffId }, include: { chatUser: true } });
  if (s?.active && s.chatUser) await enqueue(tx, { communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key, params, notBefore: now });
}

/**
 * The grid's housekeeper owns everything in the grid and coordinates the maintenance team: work
 * someone else did on a ticket of their grid (a craftsman it was handed to, a supervisor) is reported to them.
 */
/** Returns the id of the housekeeper told, if any. */
async function tellGridHousekeeper(tx: Tx, t: { communityId: number; gridId: number | null; assigneeId: number | null }, staff: StaffActor, key: string, params: Record<string, string | number>, now: Date): Promise<number | null> {
  if (t.gridId === null) return null;
  const grid = await tx.grid.findUnique({ where: { id: t.gridId }, include: { housekeeper: { include: { chatUser: true } } } });
  const hk = grid?.housekeeper;
  // Not to the one who did it; a note reaches the assignee separately (once).
  if (!hk?.active || !hk.chatUser || hk.id === staff.id || (key === "staff.note_added" && hk.id === t.assigneeId)) return null;
  await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: hk.chatUser.platformId }, key, params, notBefore: now });
  return hk.id;
}

export async function transferTicket(tx: Tx, staff: StaffActor, number: number, toName: string, now: Date) {
  const t = await loadTicket(tx, staff, number);
  if (!OPEN_STATUSES.includes(t.status as (typeof OPEN_STATUSES)[number])) throw new DomainError("ticket.not_open", { number });
  const target = await findTransferTarget(tx, staff.communityId, toName);
  if (!target) throw new DomainError("staff.not_found", { name: toName });
  // "转单 #2 钱师傅 带个新面板，业主4点后在家": what follows the name is for the new holder — kept as a note.
  const note = transferNote(toName, target);
  // Handing a ticket to whoever already holds it changes nothing — but a note given with it still
  // reaches them ("业主下午三点以后才在家"); said so either way.
  if (target.id === t.assigneeId) {
    if (!note) throw new DomainError("ticket.already_assigned", { number, name: target.name });
    await addNote(tx, staff, number, note, now);
    return { ticket: t, target, alreadyHeld: true };
  }
  await tx.ticket.update({ where: { id: t.id }, data: { assigneeId: target.id } });
  await recordEvent(tx, t.id, "transfer", { actor: actorOf(staff), at: now, note: `to staff:${target.id}` });
  if (note) await recordEvent(tx, t.id, "note", { actor: actorOf(staff), at: now, note: note.slice(0, 2000) });
  // The new holder sees the notes already on the ticket (an appointment agreed, what to bring).
  const earlier = (await tx.ticketEvent.findMany({ where: { ticketId: t.id, type: "note" }, orderBy: { id: "asc" }, take: 5 })).map((e) => e.note ?? "").filter((n) => n && n !== note);
  if (target.chatUser) {
    await enqueue(tx, {
      communityId: t.communityId, to: { kind: "user", platformId: target.chatUser.platformId }, key: "staff.transferred",
      params: { number, from: staff.name, place: t.place, text: t.summary.slice(0, 500), category: t.category ?? "other", intent: t.intent, status: t.status, accepted: canTransition(t.status, "accept") ? 0 : 1, note: [...earlier, note].filter(Boolean).join("；").slice(0, 300) }, notBefore: now,
    });
  }
  // Whoever held it hears it has moved — or two people turn up at 14:00 (and one not yet accepted was
  // still on their list, with a deadline).
  if (t.assigneeId && t.assigneeId !== staff.id) await tellStaff(tx, t.communityId, t.assigneeId, "staff.taken_over", { number, by: staff.name, to: target.name, place: t.place }, now);
  return { ticket: t, target, alreadyHeld: false };
}

/**
 * The colleague a ticket is handed to, as staff write it: "钱师傅", "给钱师傅", "转给 钱师傅 他负责水电",
 * the staff code ("fix1"), or an unambiguous part of a name ("钱"). Null when none or several match.
 */
/** The words after the colleague's name in a 转单 ("钱师傅 带个新面板…" → "带个新面板…"). */
function transferNote(written: string, target: { name: string; code: string }): string {
  const bare = written.trim().replace(/^(?:转给|交给|转交给?|派给|指派给?|给|由|to)\s*[:：]?\s*/i, "").trim();
  const rest = bare.startsWith(target.name) ? bare.slice(target.name.length) : bare.startsWith(target.code) ? bare.slice(target.code.length) : bare.replace(/^[^\s,，:：。]+/, "");
  return rest.replace(/^[\s,，:：。、]+/, "").trim();
}

async function findTransferTarget(tx: Tx, communityId: number, written: string) {
  const all = await tx.staff.findMany({ where: { communityId, active: true }, include: { chatUser: true } });
  const text = written.trim();
  const bare = text.replace(/^(?:转给|交给|转交给?|派给|指派给?|给|由|to)\s*[:：]?\s*/i, "").trim();
  for (const t of [text, bare]) {
    const exact = all.filter((x) => x.name === t || x.code === t);
    if (exact.length === 1) return exact[0]!;
  }
  // The name first, then why: "钱师傅 他负责水电" (the longest name that the text starts with).
  const prefixed = all.filter((x) => bare.startsWith(x.name) || bare.startsWith(x.code + " ")).sort((a, b) => b.name.length - a.name.length);
  if (prefixed.length >= 1 && (prefixed.length === 1 || prefixed[0]!.name.length > prefixed[1]!.name.length)) return prefixed[0]!;
  const word = bare.split(/[\s,，:：。]/)[0] ?? "";
  if (!word) return null;
  const partial = all.filter((x) => x.name.includes(word) || word.includes(x.name));
  if (partial.length === 1) return partial[0]!;
  // "姜师傅", "王管家": a surname and a title, as colleagues call each other — when one colleague fits.
  const titled = /^(\p{Script=Han})(师傅|管家|主管|经理|班长|组长|工|姐|哥)$/u.exec(word);
  if (!titled) return null;
  const ROLE_OF_TITLE: Record<string, string[]> = { 师傅: ["maintenance", "team_lead"], 管家: ["housekeeper", "gold_housekeeper"], 主管: ["supervisor"], 经理: ["manager"] };
  const bySurname = all.filter((x) => x.name.startsWith(titled[1]!));
  const byRole = bySurname.filter((x) => ROLE_OF_TITLE[titled[2]!]?.includes(x.role));
  return byRole.length === 1 ? byRole[0]! : bySurname.length === 1 ? bySurname[0]! : null;
}

export async function addNote(tx: Tx, staff: StaffActor, number: number, note: string, now: Date) {
  if (!note.trim()) throw new DomainError("ticket.note_required", { number });
  const t = await loadTicket(tx, staff, number);
  await recordEvent(tx, t.id, "note", { actor: actorOf(staff), at: now, note: note.slice(0, 2000) });
  // A note is for the staff on the ticket (never the resident): whoever holds it, and the grid's housekeeper.
  const params = { number, by: staff.name, text: note.slice(0, 500) };
  if (t.assigneeId && t.assigneeId !== staff.id) {
    const assignee = await tx.staff.findUnique({ where: { id: t.assigneeId }, include: { chatUser: true } });
    if (assignee?.active && assignee.chatUser) await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: assignee.chatUser.platformId }, key: "staff.note_added", params, notBefore: now });
  }
  await tellGridHousekeeper(tx, t, staff, "staff.note_added", params, now);
  return t;
}

/** A housekeeper's open tickets (assigned to them or in their grid); supervisors see all open ones. */
export async function listOpenTicketsFor(db: DbOrTx, staff: StaffActor) {
  const scope = isSupervisory(staff.role)
    ? {}
    : { OR: [{ assigneeId: staff.id }, ...(staff.gridId !== null && staff.role !== "maintenance" ? [{ gridId: staff.gridId }] : [])] };
  const tickets = await db.ticket.findMany({
    where: { communityId: staff.communityId, status: { in: OPEN_STATUSES }, ...scope }, orderBy: { number: "asc" }, take: 50,
    include: { assignee: true, events: { where: { type: "transfer" }, orderBy: { id: "desc" }, take: 1, select: { actor: true } } },
  });
  // A grid's housekeeper keeps sight of the grid's tickets others work on (a craftsman they sent, a
  // supervisor who took one) — except those someone else handed away from them (转单 while they were
  // off sick): those are their new owner's.
  return tickets
    .filter((t) => isSupervisory(staff.role) || t.assigneeId === staff.id || !t.events[0] || t.events[0].actor === actorOf(staff))
    .map(({ events: _events, ...t }) => t);
}

/** 等待 #N 约明天10点：the ticket waits on the resident until the agreed time; its clocks stop. */
export async function waitForResident(tx: Tx, staff: StaffActor, number: number, reason: string, now: Date, settings: Settings, tz: string) {
  const t = await loadTicket(tx, staff, number);
  const until = await pauseTicket(tx, t, { actor: actorOf(staff), reason, now, settings, tz });
  return { ticket: t, until };
}

/** 恢复 #N：the wait ends now; the clocks run again. */
export async function resumeWaiting(tx: Tx, staff: StaffActor, number: number, now: Date) {
  const t = await loadTicket(tx, staff, number);
  if (!(await resumeTicket(tx, t.id, now, actorOf(staff), "resumed by staff"))) throw new DomainError("ticket.not_waiting", { number });
  // The resident was given an appointment: they hear it no longer holds and who comes instead.
  if (t.waitingUntil && t.waitingUntil > now) await notifyReporter(tx, t, "resident.wait_resumed", { number, until: t.waitingUntil.toISOString(), staff: staff.name }, now);
  return t;
}

/**
 * "#1 电话回访了，车先生说修好了，满意": the front desk (or the ticket's staff) records the answer of a
 * revisit made by phone — as the resident's answer: satisfied closes it, "不满意" reopens it.
 */
export async function recordPhoneRevisit(tx: Tx, staff: StaffActor & { chatUserId?: number | null }, number: number, answer: 1 | 2 | 3, now: Date) {
  const t = staff.role === "frontdesk"
    ? await tx.ticket.findUnique({ where: { communityId_number: { communityId: staff.communityId, number } } })
    : await loadTicket(tx, staff, number);
  if (!t) throw new DomainError("ticket.not_found", { number });
  if (t.status !== "done" && t.status !== "closed") throw new DomainError("ticket.not_done", { number });
  const who = t.reporterId ?? staff.chatUserId ?? null;
  if (who === null) throw new DomainError("ticket.not_done", { number });
  await recordEvent(tx, t.id, "note", { actor: actorOf(staff), at: now, note: `电话回访：${answer === 1 ? "满意" : answer === 2 ? "基本满意" : "不满意"}` });
  return answerRevisit(tx, { chatUserId: who, ticketId: t.id, answer, now });
}

/** 反馈 #N 文本：a progress update relayed to the resident (keeps the 2-day feedback promise). */
export async function sendFeedback(tx: Tx, staff: StaffActor, number: number, text: string, now: Date, quiet?: { quietHours: { start: string; end: string }; tz: string }) {
  if (!text.trim()) throw new DomainError("command.usage", { usage: `反馈 #${number} 预计周五前换好配件` });
  const t = await loadTicket(tx, staff, number);
  if (!OPEN_STATUSES.includes(t.status as (typeof OPEN_STATUSES)[number])) throw new DomainError("ticket.not_open", { number });
  if (!t.reporterId) throw new DomainError("ticket.no_reporter", { number });
  await recordEvent(tx, t.id, "feedback", { actor: actorOf(staff), at: now, note: text.slice(0, 2000) });
  // Written late at night, it reaches the resident in the morning (the promise it keeps is recorded now)
  // — except on an emergency, where the update is what to do right now ("请先拉下客厅电闸").
  // (Early in the morning, a resident who wrote to us in the last hour and a half is up: they hear it now.)
  const atFor = async (chatUserId: number) => {
    if (!quiet || t.urgency === 1) return now;
    const hour = localParts(now, quiet.tz).hour;
    const morning = hour >= 6 && hour < 12;
    const awake = morning && (await tx.inboundMessage.count({ where: { chatUserId, receivedAt: { gte: new Date(now.getTime() - 90 * 60_000) } } })) > 0;
    return awake ? now : outsideQuietHours(now, quiet.quietHours, quiet.tz);
  };
  // Held to the morning, "明早九点半上门" would point at the wrong day: relative days become dates.
  const said = (at: Date) => (at > now && quiet ? withDates(text, now, quiet.tz) : text).slice(0, 500);
  // (Held to the morning, it carries a key that lets completing or cancelling the ticket withdraw it:
  // "师傅马上过来" must not arrive ten hours after the fix.)
  let heldUntil: Date | null = null;
  const held = (at: Date, chatUserId: number) => (at > now ? ((heldUntil = at), { dedupeKey: heldFeedbackKey(t.id, chatUserId, now) }) : {});
  if (t.reporterId) {
    const at = await atFor(t.reporterId);
    const user = await tx.chatUser.findUnique({ where: { id: t.reporterId } });
    if (user) await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: user.platformId }, key: "resident.ticket_feedback", params: { number, staff: staff.name, text: said(at) }, notBefore: at, ...held(at, user.id) });
  }
  // Neighbours who joined this fault are waiting on the same work: they hear it too.
  for (const id of await waitingLinkedReporters(tx, t.id)) {
    if (id === t.reporterId) continue;
    const user = await tx.chatUser.findUnique({ where: { id } });
    const at = await atFor(id);
    if (user) await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: user.platformId }, key: "resident.ticket_feedback", params: { number, staff: staff.name, text: said(at) }, notBefore: at, ...held(at, user.id) });
  }
  return { ticket: t, heldUntil: heldUntil as Date | null };
}


/**
 * 定级 #N 1：staff correct the information grade. The ticket's open clocks are re-planned from now;
 * raising it to grade 1 alerts the manager and supervisors at once (and repeats until accepted).
 */
export async function regradeTicket(tx: Tx, staff: StaffActor, number: number, urgency: 1 | 2 | 3, now: Date) {
  const t = await loadTicket(tx, staff, number);
  if (!OPEN_STATUSES.includes(t.status as (typeof OPEN_STATUSES)[number])) throw new DomainError("ticket.not_open", { number });
  if (t.urgency === urgency) throw new DomainError("ticket.same_grade", { number, urgency });
  const community = await tx.community.findUniqueOrThrow({ where: { id: t.communityId } });
  await tx.ticket.update({ where: { id: t.id }, data: { urgency } });
  await recordEvent(tx, t.id, "regraded", { actor: actorOf(staff), at: now, note: `${t.urgency} → ${urgency}` });
  if (!t.waitingUntil) {
    await replanDeadlines(tx, { ...t, urgency }, now, getSettings(community), community.timezone, `:g${now.getTime()}`);
  }
  // Raised to grade 1: the manager hears at once even when someone already accepted (the repeats stop at acceptance).
  if (urgency < t.urgency && (t.acceptedAt === null || urgency === 1)) {
    const alerted = [...(urgency === 1 ? await managersOf(tx, t.communityId) : []), ...(await supervisorsOf(tx, t.communityId))];
    const card = { number, intent: t.intent, category: t.category ?? "other", urgency, place: t.place, text: t.summary.slice(0, 500), assignee: t.assignee?.name ?? "" };
    for (const s of alerted) {
      if (s.chatUser && s.id !== staff.id) await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: urgency === 1 ? "staff.urgent_alert" : "staff.grade2_notice", params: card, notBefore: now, dedupeKey: `regrade:${t.id}:${s.id}:${now.getTime()}` });
    }
  }
  // Lowered from grade 1: the managers and supervisors who were alerted hear it is stood down.
  if (t.urgency === 1 && urgency > 1) {
    const alerted = [...(await managersOf(tx, t.communityId)), ...(await supervisorsOf(tx, t.communityId))];
    const seen = new Set<number>();
    for (const s of alerted) {
      if (seen.has(s.id) || s.id === staff.id || s.id === t.assigneeId || !s.chatUser) continue;
      seen.add(s.id);
      await enqueue(tx, { communityId: t.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.urgent_downgraded", params: { number, urgency, by: staff.name, place: t.place }, notBefore: now, dedupeKey: `downgrade:${t.id}:${s.id}:${now.getTime()}` });
    }
  }
  // The one doing the work hears the new grade (its deadlines changed with it).
  if (t.assigneeId && t.assigneeId !== staff.id) await tellStaff(tx, t.communityId, t.assigneeId, "staff.regraded_yours", { number, urgency, by: staff.name, place: t.place }, now);
  return t;
}
