// What a resident says about a ticket they already have: "不用修了，已经好了" (they withdraw it) and
// "补充一下，是主卧的" (more detail). Both stay on the ticket's record and reach its owner.
import type { Tx } from "../../db.js";
import { dropHeldFeedback, enqueue } from "../outbox.js";
import { CLOCK_TASK_KINDS, replanDeadlines } from "./deadlines.js";
import { getSettings } from "../community/community.js";
import { linkedReporter, linkedReporters, waitingLinkedReporters } from "./related.js";
import { canTransition, OPEN_STATUSES, recordEvent, transition } from "./transitions.js";
import { clearWait, parseAppointment, pauseTicket } from "./waiting.js";
import { managersOf, routeTicket, supervisorsOf } from "../staff/routing.js";
import type { Settings } from "../community/settings.js";

type FollowUpTicket = { id: number; number: number; communityId: number; status: string; urgency: number; place: string; summary: string; category: string | null; assigneeId: number | null; createdAt: Date; reporterId: number | null; waitingUntil: Date | null };

/**
 * The sender's (or their households') open tickets, newest first; with `linked`, also public faults
 * they reported after a neighbour (to ask after, never to withdraw or amend).
 */
export async function openTicketsOf(tx: Tx, q: { communityId: number; reporterChatUserId: number; householdIds: number[]; linked?: boolean }): Promise<FollowUpTicket[]> {
  return tx.ticket.findMany({
    where: { communityId: q.communityId, status: { in: OPEN_STATUSES }, intent: { in: ["repair", "complaint"] }, OR: [{ reporterId: q.reporterChatUserId }, ...(q.linked ? [linkedReporter(q.reporterChatUserId)] : []), ...(q.householdIds.length ? [{ householdId: { in: q.householdIds } }] : [])] },
    orderBy: { id: "desc" }, take: 20,
  });
}

async function assigneeUser(tx: Tx, ticket: FollowUpTicket) {
  if (!ticket.assigneeId) return null;
  const s = await tx.staff.findUnique({ where: { id: ticket.assigneeId }, include: { chatUser: true } });
  return s?.active ? s : null;
}

/**
 * The resident no longer needs the work. Not yet on site: the ticket is cancelled (its clocks stop) and
 * the assignee told; someone already on site: the assignee is asked to confirm and finish it.
 */
export async function withdrawByResident(tx: Tx, ticket: FollowUpTicket & { scope?: string }, chatUserId: number, text: string, now: Date, falseAlarm = false) {
  const actor = `resident:${chatUserId}`;
  // Neighbours joined this incident (linked reports) and still waiting: it is theirs too, and stays open for them.
  const neighbours = (await waitingLinkedReporters(tx, ticket.id)).filter((id) => id !== chatUserId);
  const others = neighbours.length;
  // A shared fault ("电梯坏了") is not the reporter's to call off — the lift is still broken for everyone
  // ("算了不用修了" is patience running out): its owner is told and decides. A false alarm ("搞错了，是隔壁
  // 在烧烤") is called off, wherever it was.
  // (A false alarm is called off even when neighbours joined it — they reported the same mistaken sign, and
  // each is told the reporter's explanation and asked to say at once if they still see something.)
  const cancelled = (others === 0 || falseAlarm) && canTransition(ticket.status, "cancel") && (ticket.scope !== "public" || falseAlarm);
  // The first reporter steps back from a fault neighbours reported too: the next of them is asked the
  // revisit when it is done (the one who withdrew is not asked about work they called off).
  if (!cancelled && others > 0 && ticket.reporterId === chatUserId && neighbours[0] !== undefined) {
    await tx.ticket.update({ where: { id: ticket.id }, data: { reporterId: neighbours[0] } });
    // (…and they are still told when it is fixed, as the reply to their withdrawal promises.)
    await recordEvent(tx, ticket.id, "linked_report", { actor, at: now, note: "first reporter, withdrew" });
  }
  if (cancelled) {
    await transition(tx, ticket, "cancel", { actor, at: now, note: text.slice(0, 500) });
    await clearWait(tx, ticket.id, now);
    await dropHeldFeedback(tx, ticket.id, now);
    await tx.scheduledTask.updateMany({ where: { ticketId: ticket.id, claimedAt: null, kind: { in: CLOCK_TASK_KINDS } }, data: { claimedAt: now, doneAt: now } });
  } else {
    await recordEvent(tx, ticket.id, "resident_withdraw", { actor, at: now, note: text.slice(0, 500) });
  }
  const staff = await assigneeUser(tx, ticket);
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_withdrew", params: { number: ticket.number, place: ticket.place, summary: ticket.summary.slice(0, 100), text: text.slice(0, 300), cancelled: cancelled ? 1 : 0, others }, notBefore: now });
  }
  // A grade-1 alert went to the manager and supervisors: they hear it was called off (the "false alarm").
  // (Not while neighbours' reports keep it open: the danger may still be real for them.)
  if (cancelled && others > 0) {
    for (const id of neighbours) {
      const user = await tx.chatUser.findUnique({ where: { id } });
      if (user) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: user.platformId }, key: "resident.false_alarm_linked", params: { number: ticket.number, place: ticket.place, text: text.slice(0, 200) }, notBefore: now });
    }
  }
  if (ticket.urgency === 1 && (others === 0 || cancelled)) {
    const alerted = [...(await managersOf(tx, ticket.communityId)), ...(await supervisorsOf(tx, ticket.communityId))];
    for (const s of alerted.filter((a, i) => alerted.findIndex((b) => b.id === a.id) === i && a.id !== staff?.id)) {
      if (s.chatUser) await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: s.chatUser.platformId }, key: "staff.urgent_withdrawn", params: { number: ticket.number, place: ticket.place, text: text.slice(0, 300), cancelled: cancelled ? 1 : 0 }, notBefore: now });
    }
  }
  return { cancelled, staff: staff?.name ?? "", staffRole: staff?.role ?? "", others };
}

/**
 * A neighbour linked to someone else's incident says they no longer need it ("算了，我家这边不用修了"):
 * recorded (they are no longer counted as waiting), the owner told; the ticket stays open for the others.
 */
export async function withdrawLinkedReporter(tx: Tx, ticket: FollowUpTicket, chatUserId: number, text: string, now: Date) {
  await recordEvent(tx, ticket.id, "resident_withdraw", { actor: `resident:${chatUserId}`, at: now, note: text.slice(0, 500) });
  const others = (await waitingLinkedReporters(tx, ticket.id)).filter((id) => id !== chatUserId).length + (ticket.reporterId !== null && ticket.reporterId !== chatUserId ? 1 : 0);
  const staff = await assigneeUser(tx, ticket);
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_withdrew", params: { number: ticket.number, place: ticket.place, summary: ticket.summary.slice(0, 100), text: text.slice(0, 300), cancelled: 0, others }, notBefore: now });
  }
  return { staff: staff?.name ?? "", others };
}

/** How long after calling a ticket off the resident may still take it back ("还是来修吧"). */
const RESTORE_HOURS = 24;

/**
 * "算了不用修了" … "还是来修吧": the ticket the sender called off in the last day is taken up again
 * (reopened with fresh promises, to be accepted again) and its owner told. Null when there is none.
 */
export async function restoreWithdrawn(tx: Tx, q: { communityId: number; chatUserId: number; now: Date }) {
  const actor = `resident:${q.chatUserId}`;
  const since = new Date(q.now.getTime() - RESTORE_HOURS * 3_600_000);
  const ticket = await tx.ticket.findFirst({
    where: { communityId: q.communityId, status: "cancelled", events: { some: { type: "cancel", actor, at: { gte: since } } } },
    orderBy: { id: "desc" },
  });
  if (!ticket) return null;
  await transition(tx, ticket, "restore", { actor, at: q.now });
  const community = await tx.community.findUniqueOrThrow({ where: { id: ticket.communityId } });
  await replanDeadlines(tx, ticket, q.now, getSettings(community), community.timezone, `:restore${q.now.getTime()}`);
  const staff = await assigneeUser(tx, ticket);
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_restored", params: { number: ticket.number, place: ticket.place, summary: ticket.summary.slice(0, 100) }, notBefore: q.now });
  }
  return { ticket, staff: staff?.name ?? "", staffRole: staff?.role ?? "" };
}

/** More detail on a reported problem: a note on the ticket, forwarded to its owner. */
export async function addResidentDetail(tx: Tx, ticket: FollowUpTicket, chatUserId: number, text: string, now: Date) {
  await recordEvent(tx, ticket.id, "resident_detail", { actor: `resident:${chatUserId}`, at: now, note: text.slice(0, 2000) });
  const staff = await assigneeUser(tx, ticket);
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_detail", params: { number: ticket.number, text: text.slice(0, 500) }, notBefore: now });
  }
  return { staff: staff?.name ?? "" };
}

/**
 * "不对，是卫生间不是厨房": the resident corrects what they reported. "是X不是Y" / "不是Y，是X" replaces
 * Y with X in the ticket's text when Y is in it; otherwise the correction is appended. Recorded, and
 * the owner hears the correction and the corrected text.
 */
/** The sender's verified homes, for a correction that moves a report to another of them. */
export type OwnHome = { householdId: number; building: string; address: string };

export async function correctByResident(tx: Tx, ticket: FollowUpTicket, chatUserId: number, text: string, now: Date, ownHomes: OwnHome[] = []) {
  const summary = correctedSummary(ticket.summary, text);
  await tx.ticket.update({ where: { id: ticket.id }, data: { summary } });
  await recordEvent(tx, ticket.id, "resident_correction", { actor: `resident:${chatUserId}`, at: now, note: text.slice(0, 2000) });
  const staff = await assigneeUser(tx, ticket);
  const moved = (await movePublicTicket(tx, ticket, text, summary, staff?.id ?? null, now)) ?? (await moveToOtherHome(tx, ticket, text, summary, staff?.id ?? null, now, ownHomes));
  // The holder hears the correction — and, when it moved the work to someone else, that it is no longer theirs.
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_correction", params: { number: ticket.number, text: text.slice(0, 300), summary: summary.slice(0, 300), movedTo: moved ?? "" }, notBefore: now });
  }
  return { staff: moved ?? staff?.name ?? "", summary };
}

/**
 * "不是2栋，是6栋门口的路灯": a public fault said to be at another building moves there — its place,
 * and its grid's housekeeper when the building is another grid's (told as a handed-over ticket).
 * Returns the new assignee's name when it moved to someone else.
 */
async function movePublicTicket(tx: Tx, ticket: FollowUpTicket, text: string, summary: string, assigneeId: number | null, now: Date): Promise<string | null> {
  const t = await tx.ticket.findUnique({ where: { id: ticket.id }, select: { scope: true, gridId: true, category: true, intent: true } });
  const swap = buildingSwap(text);
  if (t?.scope !== "public" || !swap || !ticket.place.includes(`${swap.wrong}栋`)) return null;
  const b = await tx.building.findUnique({ where: { communityId_name: { communityId: ticket.communityId, name: swap.right } } });
  if (!b) return null;
  const place = ticket.place.replace(`${swap.wrong}栋`, `${swap.right}栋`);
  if (b.gridId === t.gridId) {
    await tx.ticket.update({ where: { id: ticket.id }, data: { place } });
    return null;
  }
  const route = await routeTicket(tx, ticket.communityId, swap.right);
  await tx.ticket.update({ where: { id: ticket.id }, data: { place, gridId: route.gridId, ...(route.assignee ? { assigneeId: route.assignee.id } : {}) } });
  if (!route.assignee || route.assignee.id === assigneeId) return null;
  await recordEvent(tx, ticket.id, "transferred", { actor: "system", at: now, note: `resident correction → staff:${route.assignee.id}` });
  const to = route.assignee.chatUserId ? await tx.chatUser.findUnique({ where: { id: route.assignee.chatUserId } }) : null;
  if (to) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: to.platformId }, key: "staff.transferred", params: { number: ticket.number, from: "住户更正地点", intent: t.intent, category: t.category ?? "other", place, text: summary.slice(0, 300), accepted: 0, status: ticket.status }, notBefore: now });
  }
  return route.assignee.name;
}

/**
 * "刚才说错了，不是1栋，是6栋那套的空调支架" from an owner of homes in both: the report is moved to the home
 * in building 6 — its place, its grid and its housekeeper (who is sent it), as if reported there.
 */
async function moveToOtherHome(tx: Tx, ticket: FollowUpTicket, text: string, summary: string, assigneeId: number | null, now: Date, ownHomes: OwnHome[]): Promise<string | null> {
  const swap = buildingSwap(text);
  if (!swap || !ticket.place.startsWith(`${swap.wrong}栋`)) return null;
  const t = await tx.ticket.findUnique({ where: { id: ticket.id }, select: { scope: true, gridId: true, category: true, intent: true } });
  const there = ownHomes.filter((h) => h.building === swap.right);
  if (t?.scope !== "home" || there.length !== 1) return null;
  const home = there[0]!;
  const route = await routeTicket(tx, ticket.communityId, home.building);
  await tx.ticket.update({ where: { id: ticket.id }, data: { householdId: home.householdId, place: home.address, gridId: route.gridId, ...(route.assignee ? { assigneeId: route.assignee.id } : {}) } });
  if (!route.assignee || route.assignee.id === assigneeId) return null;
  await recordEvent(tx, ticket.id, "transferred", { actor: "system", at: now, note: `resident correction → staff:${route.assignee.id}` });
  const to = route.assignee.chatUserId ? await tx.chatUser.findUnique({ where: { id: route.assignee.chatUserId } }) : null;
  if (to) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: to.platformId }, key: "staff.transferred", params: { number: ticket.number, from: "住户更正地点", intent: t.intent, category: t.category ?? "other", place: home.address, text: summary.slice(0, 300), accepted: 0, status: ticket.status }, notBefore: now });
  }
  return route.assignee.name;
}

/** "不是2栋，是6栋…" → { wrong: "2", right: "6" }; "是6栋的，不是2栋" likewise. */
function buildingSwap(text: string): { wrong: string; right: string } | null {
  const notBut = /不是\s*(\d{1,3})\s*(?:栋|号楼|幢)[^。]{0,8}?是\s*(\d{1,3})\s*(?:栋|号楼|幢)/.exec(text);
  if (notBut) return { wrong: notBut[1]!, right: notBut[2]! };
  const butNot = /是\s*(\d{1,3})\s*(?:栋|号楼|幢)[^。]{0,8}?不是\s*(\d{1,3})\s*(?:栋|号楼|幢)/.exec(text);
  return butNot ? { wrong: butNot[2]!, right: butNot[1]! } : null;
}

const SWAP = [/(?:应该)?是([^，。,.!！\s]{1,8}?)[，,\s]*(?:而)?不是([^，。,.!！\s]{1,8})/, /不是([^，。,.!！\s]{1,8}?)[，,\s]*(?:而)?是([^，。,.!！\s]{1,8})/];
export function correctedSummary(summary: string, correction: string): string {
  const a = SWAP[0]!.exec(correction);
  const b = a ? null : SWAP[1]!.exec(correction);
  let [right, wrong] = a ? [a[1]!, a[2]!] : b ? [b[2]!, b[1]!] : ["", ""];
  // "不是2栋，是6栋门口的路灯": a building replaces a building (not the whole phrase after it).
  const unit = /^[\dA-Za-z一二三四五六七八九十]+(栋|号楼|幢|座|单元|室|楼)$/.exec(wrong);
  if (unit) right = new RegExp(`^[\\dA-Za-z一二三四五六七八九十]+${unit[1]}`).exec(right)?.[0] ?? right;
  if (wrong && summary.includes(wrong)) return summary.replaceAll(wrong, right).slice(0, 2000);
  return `${summary}（更正：${correction}）`.slice(0, 2000);
}

/**
 * The resident moves an agreed visit ("明天上午我也不在家，改到下午3点吧"). A time said: the ticket
 * waits until then instead (its clocks stay stopped; the resident is told the new time), and the
 * assignee hears. No time said: the words reach the assignee, who agrees a time with the resident.
 */
export async function rescheduleByResident(tx: Tx, ticket: FollowUpTicket, chatUserId: number, text: string, now: Date, settings: Settings, tz: string) {
  const at = parseAppointment(text, now, tz);
  const until = at && at > now ? await pauseTicket(tx, ticket, { actor: `resident:${chatUserId}`, reason: text, now, settings, tz }) : null;
  if (!until) await recordEvent(tx, ticket.id, "resident_detail", { actor: `resident:${chatUserId}`, at: now, note: text.slice(0, 2000) });
  const staff = await assigneeUser(tx, ticket);
  if (staff?.chatUser) {
    await enqueue(tx, { communityId: ticket.communityId, to: { kind: "user", platformId: staff.chatUser.platformId }, key: "staff.resident_rescheduled", params: { number: ticket.number, text: text.slice(0, 300), until: until?.toISOString() ?? "" }, notBefore: now });
  }
  return { until, staff: staff?.name ?? "" };
}
