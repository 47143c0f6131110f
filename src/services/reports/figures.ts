// The office's report figures for a period [from, to) (周报/月报/季报, 日报): tickets received by
// intent and category, on-time and one-visit rates, revisit satisfaction, open and overdue tickets,
// complaints and how they were handled, and the fee collection rate — for the whole community or
// some grids, and per grid, which is per housekeeper (each grid has exactly one; DOMAIN.md: the
// housekeeper is the final owner of everything in their grid and is assessed on it).
//
// Definitions (the issue is silent; these are ours):
// - Everything is as of the period's end `to`: a ticket's state is rebuilt from its audit events
//   before `to`, so a report on a past period reads the same whenever it is made (fee payments
//   excepted: bills only keep their current paid amount).
// - Received (受理): tickets created in the period. The period's tickets are the cohort of the next
//   figures: done = completed (first 完成) by `to`; on time = that first completion no later than the
//   promised resolution time; overdue = not completed by `to` and past it; not yet due = neither
//   (not judged yet). On-time rate = on time ÷ (done + overdue). Cancelled tickets are not judged.
// - Promised resolution time: Ticket.resolveBy (set by tickets/deadline-plan.ts, moved by pauses);
//   for tickets without one, FALLBACK_RESOLVE_HOURS after creation plus the paused minutes.
//   Acceptance (接单) is judged the same way against acceptBy, else settings.acceptMinutes by grade;
//   accepted = the first 接单, 到场 or 完成.
// - Completed (本期办结, "tasks done"): tickets completed in the period, whenever received. One-visit
//   rate (一次处理率) = those without a repeat report or a reopen (by `to`) ÷ completed.
// - Revisits (回访): answers given in the period (1 满意, 2 基本满意, 3 不满意) and revisits that got no
//   answer in the period; satisfaction rate = (满意 + 基本满意) ÷ answers.
// - Backlog: every ticket open at `to` (whenever received), and those of them past their promised time
//   (a ticket waiting on the resident at `to` is judged by the time its wait began: its clock is stopped).
// - Fees: the collection rate of src/services/fees/collection-rate.ts (this year's bills due by the
//   end of the period, collected ÷ receivable).
// - Satisfaction surveys (src/services/surveys/) are not part of these figures yet: a later section.
import type { DbOrTx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { collectionRates, type RateRow } from "../fees/collection-rate.js";
import { OPEN_STATUSES } from "../tickets/transitions.js";
import type { Period } from "./periods.js";

/** Promised resolution time for tickets stored without resolveBy: repairs within a day, the rest within 5 days (DOMAIN.md). */
export const FALLBACK_RESOLVE_HOURS: Record<string, number> = { repair: 24, complaint: 120, fee: 120 };
const DEFAULT_FALLBACK_HOURS = 120;

export type TicketFigures = {
  received: number;
  byIntent: Record<string, number>;
  byCategory: Record<string, number>;
  cancelled: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  notYetDue: number;
  acceptJudged: number;
  acceptedOnTime: number;
  /** Escalated (an acceptance or later deadline missed, 超时上报) by `to`. */
  escalated: number;
  completed: number;
  oneVisit: number;
  /** Received in the period and open at its end, reopened ones included (a first completion undone). */
  openAtEnd: number;
};
export type RevisitFigures = { satisfied: number; basic: number; unsatisfied: number; noAnswer: number };
export type Backlog = { open: number; overdue: number };
export type FeeRow = RateRow;
export type ComplaintItem = { number: number; category: string; status: string; onTime: boolean | null; satisfaction: number | null; escalated: boolean; repeated: boolean };
export type GridRow = { gridId: number | null; code: string; name: string; housekeeper: string | null; tickets: TicketFigures; revisits: RevisitFigures; backlog: Backlog; fees: FeeRow | null };

export type Report = {
  community: string;
  tz: string;
  period: { kind: Period["kind"]; from: string; to: string };
  /** null: the whole community; otherwise the grids covered (a housekeeper's own). */
  gridIds: number[] | null;
  scopeName: string;
  tickets: TicketFigures;
  revisits: RevisitFigures;
  backlog: Backlog;
  complaints: { tickets: TicketFigures; revisits: RevisitFigures; items: ComplaintItem[] };
  fees: { from: string; to: string; total: FeeRow; grids: FeeRow[] };
  grids: GridRow[];
};

export const emptyTicketFigures = (): TicketFigures => ({
  received: 0, byIntent: {}, byCategory: {}, cancelled: 0, done: 0, doneOnTime: 0, overdue: 0, notYetDue: 0,
  acceptJudged: 0, acceptedOnTime: 0, escalated: 0, completed: 0, oneVisit: 0, openAtEnd: 0,
});
export const emptyRevisits = (): RevisitFigures => ({ satisfied: 0, basic: 0, unsatisfied: 0, noAnswer: 0 });

/** [numerator, denominator] of each rate, so texts can show "88.9%（8/9）". */
export const onTimeOf = (f: TicketFigures) => [f.doneOnTime, f.done + f.overdue] as const;
export const acceptOf = (f: TicketFigures) => [f.acceptedOnTime, f.acceptJudged] as const;
export const oneVisitOf = (f: TicketFigures) => [f.oneVisit, f.completed] as const;
export const satisfactionOf = (r: RevisitFigures) => [r.satisfied + r.basic, r.satisfied + r.basic + r.unsatisfied] as const;

/** "88.9%"; "—" when there is nothing to judge. */
export function pct(n: number, d: number): string {
  return d === 0 ? "—" : `${(Math.round((n * 1000) / d) / 10).toFixed(1)}%`;
}

type TicketRow = {
  id: number; number: number; intent: string; category: string | null; urgency: number; gridId: number | null; status: string;
  createdAt: Date; acceptBy: Date | null; resolveBy: Date | null; pausedMinutes: number;
  events: { type: string; toStatus: string | null; at: Date; note: string | null }[];
};

export function resolveDeadline(t: Pick<TicketRow, "intent" | "createdAt" | "resolveBy" | "pausedMinutes">): Date {
  if (t.resolveBy) return t.resolveBy;
  const hours = FALLBACK_RESOLVE_HOURS[t.intent] ?? DEFAULT_FALLBACK_HOURS;
  return new Date(t.createdAt.getTime() + hours * 3_600_000 + t.pausedMinutes * 60_000);
}

function acceptDeadline(t: TicketRow, settings: Settings, at: Date | null): Date {
  // The acceptance promise in force when it was first accepted: a later reopen or regrade replaced it.
  const replaced = at ? replacedPromise(t, at, 1) : null;
  return replaced ?? t.acceptBy ?? new Date(t.createdAt.getTime() + settings.acceptMinutes[t.urgency as 1 | 2 | 3] * 60_000);
}

/**
 * The promise the first replan after `at` replaced: part 0 of its note is the resolution time,
 * part 1 the acceptance time (older notes hold the resolution time alone).
 */
function replacedPromise(t: TicketRow, at: Date, part: 0 | 1): Date | null {
  for (const e of t.events) {
    if (e.type !== "replanned" || e.at <= at || !e.note) continue;
    const value = e.note.split("|")[part];
    if (value) return new Date(value);
    if (part === 0) continue;
    return null;
  }
  return null;
}

type Analysis = {
  received: boolean; status: string; firstDone: Date | null; onTime: boolean | null; overdueAtEnd: boolean;
  acceptJudged: boolean; acceptedOnTime: boolean; completedInPeriod: boolean; repeated: boolean; escalated: boolean;
  revisits: RevisitFigures; lastAnswer: number | null;
};

/**
 * The resolution promise in force at `at`: the one the first replan after `at` (a reopen, a regrade)
 * replaced, or the ticket's current one — so a completion is judged by the promise it was made under.
 */
function promisedAt(t: TicketRow, at: Date): Date {
  return replacedPromise(t, at, 0) ?? resolveDeadline(t);
}

/** One ticket's story up to `to`, from its audit events (which arrive ordered by time). */
function analyse(t: TicketRow, period: Period, settings: Settings): Analysis {
  const inPeriod = (d: Date) => d >= period.from && d < period.to;
  let status = "open";
  let firstAccept: Date | null = null;
  let firstDone: Date | null = null;
  let waitingAtDone: Date | null = null;
  let completedInPeriod = false, repeated = false, escalated = false, missedBeforeDone = false;
  let lastAnswer: number | null = null;
  let waitingSince: Date | null = null;
  const revisits = emptyRevisits();
  for (const e of t.events) {
    if (e.at >= period.to) continue;
    if (e.toStatus) status = e.toStatus;
    // A repeat report reopens a done ticket without a status event (tickets/related.ts).
    if (e.type === "repeat_report" && status === "done") status = "reopened";
    if ((e.type === "accept" || e.type === "arrive" || e.type === "complete") && !firstAccept) firstAccept = e.at;
    if (e.type === "complete") {
      if (!firstDone) [firstDone, waitingAtDone] = [e.at, waitingSince];
      if (inPeriod(e.at)) completedInPeriod = true;
    }
    if (e.type === "repeat_report" || e.type === "reopen") repeated = true;
    if (e.type === "escalated") escalated = true;
    // The completion promise broken (and escalated) before the work was done: late, whatever was promised after.
    if (e.type === "escalated" && !firstDone && /^(resolve|complete) /.test(e.note ?? "")) missedBeforeDone = true;
    // Waiting on the resident stops the clock (tickets/waiting.ts shifts resolveBy only when the wait ends).
    if (e.type === "waiting") waitingSince = e.at;
    // Completing or cancelling ends a wait without a "resumed" event (and without moving resolveBy).
    if (e.type === "resumed" || e.type === "complete" || e.type === "cancel") waitingSince = null;
    if (e.type === "revisit_answer") {
      lastAnswer = Number(e.note);
      if (inPeriod(e.at)) {
        if (lastAnswer === 1) revisits.satisfied++;
        else if (lastAnswer === 2) revisits.basic++;
        else if (lastAnswer === 3) revisits.unsatisfied++;
      }
    }
    if (e.type === "revisit_no_answer" && inPeriod(e.at)) revisits.noAnswer++;
  }
  const promisedAtDone = firstDone ? promisedAt(t, firstDone) : resolveDeadline(t);
  const deadline = promisedAt(t, period.to);
  const acceptBy = acceptDeadline(t, settings, firstAccept);
  return {
    received: inPeriod(t.createdAt), status, firstDone,
    // Done during a wait: on time when the wait began before the deadline (the clock was stopped).
    onTime: firstDone ? !missedBeforeDone && (firstDone <= promisedAtDone || (waitingAtDone !== null && waitingAtDone <= promisedAtDone)) : null,
    overdueAtEnd: (OPEN_STATUSES as string[]).includes(status) && deadline < (waitingSince ?? period.to),
    acceptJudged: firstAccept !== null || acceptBy < period.to,
    acceptedOnTime: firstAccept !== null && firstAccept <= acceptBy,
    completedInPeriod, repeated, escalated, revisits, lastAnswer,
  };
}

const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };

function addTicket(f: TicketFigures, t: TicketRow, a: Analysis): void {
  if (a.completedInPeriod) {
    f.completed++;
    if (!a.repeated) f.oneVisit++;
  }
  if (!a.received) return;
  f.received++;
  bump(f.byIntent, t.intent);
  bump(f.byCategory, t.category ?? "other");
  if (a.escalated) f.escalated++;
  if (a.status === "cancelled") { f.cancelled++; return; }
  if ((OPEN_STATUSES as string[]).includes(a.status)) f.openAtEnd++;
  if (a.firstDone) {
    f.done++;
    if (a.onTime) f.doneOnTime++;
  } else if (a.overdueAtEnd) f.overdue++;
  else f.notYetDue++;
  if (a.acceptJudged) {
    f.acceptJudged++;
    if (a.acceptedOnTime) f.acceptedOnTime++;
  }
}

function addRevisits(r: RevisitFigures, a: Analysis): void {
  r.satisfied += a.revisits.satisfied;
  r.basic += a.revisits.basic;
  r.unsatisfied += a.revisits.unsatisfied;
  r.noAnswer += a.revisits.noAnswer;
}

function addBacklog(b: Backlog, a: Analysis): void {
  if (!(OPEN_STATUSES as string[]).includes(a.status)) return;
  b.open++;
  if (a.overdueAtEnd) b.overdue++;
}

export type ReportCommunity = { id: number; name: string; timezone: string };

/** The figures of `period` for the community, or only for `gridIds` (a housekeeper's grid). */
export async function computeReport(db: DbOrTx, community: ReportCommunity, settings: Settings, period: Period, gridIds: number[] | null = null): Promise<Report> {
  const { from, to } = period;
  const inScope = gridIds ? { gridId: { in: gridIds } } : {};
  // Received in the period, open now (maybe open at `to`), or touched since `from` (completed,
  // revisited, or changed after `to` so maybe open at `to`): everything any figure can count.
  const tickets: TicketRow[] = await db.ticket.findMany({
    where: {
      communityId: community.id, createdAt: { lt: to }, ...inScope,
      OR: [{ createdAt: { gte: from } }, { status: { in: OPEN_STATUSES } }, { events: { some: { at: { gte: from } } } }],
    },
    select: {
      id: true, number: true, intent: true, category: true, urgency: true, gridId: true, status: true,
      createdAt: true, acceptBy: true, resolveBy: true, pausedMinutes: true,
      // Replans after `to` too: they hold the promise that was in force before them (see analyse).
      events: { where: { OR: [{ at: { lt: to } }, { type: "replanned" }] }, select: { type: true, toStatus: true, at: true, note: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
    orderBy: { number: "asc" },
  });
  const grids = await db.grid.findMany({
    where: { communityId: community.id, ...(gridIds ? { id: { in: gridIds } } : {}) },
    orderBy: { code: "asc" }, select: { id: true, code: true, name: true, housekeeper: { select: { name: true } } },
  });
  const rows = new Map<number | null, GridRow>(grids.map((g) => [g.id, gridRow(g.id, g.code, g.name, g.housekeeper?.name ?? null)]));
  const total = { tickets: emptyTicketFigures(), revisits: emptyRevisits(), backlog: { open: 0, overdue: 0 } };
  const complaints = { tickets: emptyTicketFigures(), revisits: emptyRevisits(), items: [] as ComplaintItem[] };

  for (const t of tickets) {
    const a = analyse(t, period, settings);
    let row = rows.get(t.gridId);
    if (!row) rows.set(t.gridId, (row = gridRow(t.gridId, "", "未分网格", null)));
    for (const x of [total, row]) {
      addTicket(x.tickets, t, a);
      addRevisits(x.revisits, a);
      addBacklog(x.backlog, a);
    }
    if (t.intent !== "complaint") continue;
    addTicket(complaints.tickets, t, a);
    addRevisits(complaints.revisits, a);
    if (a.received) {
      complaints.items.push({ number: t.number, category: t.category ?? "other", status: a.status, onTime: a.onTime, satisfaction: a.lastAnswer, escalated: a.escalated, repeated: a.repeated });
    }
  }

  // Fees: this year's bills due by the end of the period (its last instant, so December stays in its year).
  const rates = await collectionRates(db, community.id, new Date(to.getTime() - 1), community.timezone);
  const feeRows = rates.grids.filter((r) => !gridIds || (r.gridId !== null && gridIds.includes(r.gridId)));
  for (const f of feeRows) {
    let row = rows.get(f.gridId);
    if (!row) rows.set(f.gridId, (row = gridRow(f.gridId, "", f.gridName, null)));
    row.fees = f;
  }
  const feeTotal: FeeRow = gridIds
    ? feeRows.reduce<FeeRow>((s, r) => ({ ...s, households: s.households + r.households, receivableCents: s.receivableCents + r.receivableCents, collectedCents: s.collectedCents + r.collectedCents }), { gridId: null, gridName: grids.map((g) => g.name).join("、"), households: 0, receivableCents: 0, collectedCents: 0 })
    : rates.total;

  const gridList = [...rows.values()].sort((a, b) => (a.gridId === null ? 1 : 0) - (b.gridId === null ? 1 : 0) || a.code.localeCompare(b.code));
  return {
    community: community.name, tz: community.timezone,
    period: { kind: period.kind, from: from.toISOString(), to: to.toISOString() },
    gridIds, scopeName: gridIds ? grids.map((g) => g.name).join("、") || "（无网格）" : "全小区",
    ...total, complaints,
    fees: { from: rates.from.toISOString(), to: rates.to.toISOString(), total: feeTotal, grids: feeRows },
    grids: gridList,
  };
}

function gridRow(gridId: number | null, code: string, name: string, housekeeper: string | null): GridRow {
  return { gridId, code, name, housekeeper, tickets: emptyTicketFigures(), revisits: emptyRevisits(), backlog: { open: 0, overdue: 0 }, fees: null };
}
