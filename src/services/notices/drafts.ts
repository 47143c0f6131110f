// A notice's life: draft → (确认) → scheduled → sending → sent, or cancelled.
//
// `通知 …` stores a draft and answers with what would go out; nothing is sent before the author's
// `确认`. One draft per author: a new 通知 replaces the previous draft. A draft is good for
// `noticeDraftMinutes` (default 30): a 确认 after that finds nothing to confirm (an old draft is not
// sent by surprise), and the stale row is marked cancelled when the author next drafts or confirms.
// `取消` drops the draft; `取消 #N` calls off a scheduled notice that has not gone out yet.
import { enqueue } from "../outbox.js";
import type { DbOrTx, Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { DomainError } from "../deps.js";
import { scheduleTask } from "../scheduler.js";
import type { NoticeRequest } from "./compose.js";
import { deliverNotice, SEND_KIND } from "./deliver.js";
import { announcedOutages } from "./outage.js";
import { audienceOf, type Audience } from "./scope.js";
import { findWindow, type Window } from "./when.js";

/** Who may send notices: the manager, supervisors and team leads. */
export const NOTICE_ROLES = ["manager", "supervisor", "team_lead"] as const;

/** An outage notice whose text gives no time: answered for this long from when it goes out. */
export const DEFAULT_OUTAGE_HOURS = 24;

export type Author = { id: number; communityId: number };

const ttlMs = (settings: Settings) => settings.noticeDraftMinutes * 60_000;

async function dropStaleDrafts(tx: DbOrTx, author: Author, now: Date, settings: Settings) {
  await tx.notice.updateMany({ where: { authorStaffId: author.id, status: "draft", createdAt: { lte: new Date(now.getTime() - ttlMs(settings)) } }, data: { status: "cancelled" } });
}

export type Draft = {
  notice: Awaited<ReturnType<Tx["notice"]["create"]>>;
  audience: Audience;
  /** The outage window was not in the text: the default (DEFAULT_OUTAGE_HOURS from sending) applies. */
  windowDefaulted: boolean;
  replaced: boolean;
};

export async function createDraft(tx: Tx, o: { author: Author; request: NoticeRequest; now: Date; settings: Settings; tz: string }): Promise<Draft> {
  const { author, request: r, now } = o;
  const kinds = announcedOutages(r.text);
  if (r.window && kinds.length === 0) throw new DomainError("notice.window_without_outage");
  const goesOutAt = r.sendAt ?? now;
  let window: Window | null = null;
  let windowDefaulted = false;
  if (kinds.length) {
    window = r.window ?? findWindow(r.text, goesOutAt, o.tz);
    if (!window) {
      window = { from: goesOutAt, to: new Date(goesOutAt.getTime() + DEFAULT_OUTAGE_HOURS * 3_600_000) };
      windowDefaulted = true;
    }
  }
  const audience = await audienceOf(tx, author.communityId, r.scope);
  if (audience.groups.length === 0 && (!r.direct || audience.residents.length === 0)) {
    throw new DomainError("notice.nobody", { residents: audience.residents.length });
  }

  await dropStaleDrafts(tx, author, now, o.settings);
  const replaced = await tx.notice.updateMany({ where: { authorStaffId: author.id, status: "draft" }, data: { status: "cancelled" } });
  const notice = await tx.notice.create({
    data: {
      communityId: author.communityId, authorStaffId: author.id, text: r.text, scope: JSON.stringify(r.scope),
      kind: kinds[0] ?? "general", outageFrom: window?.from ?? null, outageTo: window?.to ?? null,
      directToResidents: r.direct, sendAt: r.sendAt, status: "draft",
      groupCount: audience.groups.length, residentCount: r.direct ? audience.residents.length : 0, createdAt: now,
    },
  });
  return { notice, audience, windowDefaulted, replaced: replaced.count > 0 };
}

/** The author's draft still open for confirmation; throws notice.no_draft. */
async function openDraft(tx: DbOrTx, author: Author, now: Date, settings: Settings) {
  await dropStaleDrafts(tx, author, now, settings);
  const draft = await tx.notice.findFirst({ where: { authorStaffId: author.id, status: "draft" }, orderBy: { id: "desc" } });
  if (!draft) throw new DomainError("notice.no_draft", { minutes: settings.noticeDraftMinutes });
  return draft;
}

export type Confirmed =
  | { kind: "scheduled"; noticeId: number; sendAt: Date }
  | { kind: "sending"; noticeId: number; groups: number; residents: number; lastAt: Date };

/** 确认: a scheduled draft waits for its time; any other goes out now (also one whose time passed meanwhile). */
export async function confirmDraft(tx: Tx, o: { author: Author; now: Date; settings: Settings; tz: string }): Promise<Confirmed> {
  const draft = await openDraft(tx, o.author, o.now, o.settings);
  if (draft.sendAt && draft.sendAt > o.now) {
    await tx.notice.update({ where: { id: draft.id }, data: { status: "scheduled", confirmedAt: o.now } });
    await scheduleTask(tx, { communityId: draft.communityId, kind: SEND_KIND, data: { noticeId: draft.id }, dueAt: draft.sendAt, dedupeKey: `${SEND_KIND}:${draft.id}` });
    return { kind: "scheduled", noticeId: draft.id, sendAt: draft.sendAt };
  }
  await tx.notice.update({ where: { id: draft.id }, data: { confirmedAt: o.now } });
  const sent = await deliverNotice(tx, draft.id, o.now, o.settings, o.tz);
  return { kind: "sending", noticeId: draft.id, ...sent };
}

/** 取消: drops the author's open draft. */
export async function cancelDraft(tx: Tx, o: { author: Author; now: Date; settings: Settings }): Promise<number> {
  const draft = await openDraft(tx, o.author, o.now, o.settings);
  await tx.notice.update({ where: { id: draft.id }, data: { status: "cancelled" } });
  return draft.id;
}

/** 取消 #N: calls off a scheduled notice of the community (its send task then does nothing). */
export async function cancelScheduled(tx: Tx, communityId: number, noticeId: number, by?: { id: number; name: string }, now = new Date()): Promise<void> {
  const notice = await tx.notice.findFirst({ where: { id: noticeId, communityId } });
  if (!notice || notice.status === "draft") throw new DomainError("notice.not_found", { id: noticeId });
  if (notice.status !== "scheduled") throw new DomainError("notice.not_scheduled", { id: noticeId });
  const won = await tx.notice.updateMany({ where: { id: noticeId, status: "scheduled" }, data: { status: "cancelled" } });
  if (won.count !== 1) throw new DomainError("notice.not_scheduled", { id: noticeId });
  // Withdrawn by someone else: its author still believes it will go out — told who withdrew it.
  if (by && by.id !== notice.authorStaffId) {
    const author = await tx.staff.findUnique({ where: { id: notice.authorStaffId }, include: { chatUser: true } });
    if (author?.active && author.chatUser) await enqueue(tx, { communityId, to: { kind: "user", platformId: author.chatUser.platformId }, key: "staff.notice_withdrawn_by", params: { noticeId, by: by.name, text: notice.text.slice(0, 60) }, notBefore: now });
  }
}
