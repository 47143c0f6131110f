// Scheduled work of surveys: asking a sampled resident, the one reminder, closing the window.
//
// Asking and reminding never happen in quiet hours (a late tick only reschedules), and never over
// another conversation: when the invitee is in the middle of binding or a revisit, the question is
// postponed (BUSY_RETRY_MS) until their state is free, as long as the window is open. The question
// sets the invitee's conversation state to { kind: "survey", inviteId } until the window closes.
// The reminder, at most one per invite, also restores that state when something else replaced it.
import type { Tx } from "../../db.js";
import { getSettings } from "../community/community.js";
import type { Settings } from "../community/settings.js";
import { enqueue } from "../outbox.js";
import { getState, setState } from "../residents/conversation.js";
import { scheduleTask, type DueTask, type TaskHandler } from "../scheduler.js";
import { inQuietHours, outsideQuietHours } from "../time.js";
import { questionParams } from "./answers.js";
import { ASK_KIND, CLOSE_KIND, endSurvey, parseServices, REMIND_KIND } from "./campaign.js";
import { surveyResults } from "./results.js";

const DAY = 86_400_000;
/** How long a question waits when the invitee is busy with another conversation. */
export const BUSY_RETRY_MS = 30 * 60_000;

type Invite = NonNullable<Awaited<ReturnType<typeof loadInvite>>>;

function loadInvite(tx: Tx, task: DueTask) {
  return tx.surveyInvite.findUnique({ where: { id: Number(task.data.inviteId) }, include: { survey: true } });
}

/**
 * When the question must wait: the end of quiet hours, or a while when the invitee's conversation
 * state belongs to something else (binding, a revisit). Null: ask now.
 */
async function waitUntil(tx: Tx, invite: Invite, now: Date, settings: Settings, tz: string): Promise<Date | null> {
  if (inQuietHours(now, settings.quietHours, tz)) return outsideQuietHours(now, settings.quietHours, tz);
  const state = await getState(tx, invite.chatUserId, now);
  if (state && !(state.kind === "survey" && state.inviteId === invite.id)) return outsideQuietHours(new Date(now.getTime() + BUSY_RETRY_MS), settings.quietHours, tz);
  return null;
}

/** Re-queues the same task kind for later (a new dedupeKey per attempt), unless the window has closed by then. */
async function postpone(tx: Tx, task: DueTask, invite: Invite, dueAt: Date) {
  if (dueAt >= invite.survey.endsAt) return;
  const attempt = Number(task.data.attempt ?? 0) + 1;
  await scheduleTask(tx, { communityId: task.communityId, kind: task.kind, data: { inviteId: invite.id, attempt }, dueAt, dedupeKey: `${task.kind}:${invite.id}:${attempt}` });
}

async function context(tx: Tx, communityId: number) {
  const community = await tx.community.findUniqueOrThrow({ where: { id: communityId } });
  return { settings: getSettings(community), tz: community.timezone };
}

const isOpen = (invite: Invite, now: Date) => invite.survey.status === "running" && now < invite.survey.endsAt;

export const askInvite: TaskHandler = async (tx, deps, task, now) => {
  const invite = await loadInvite(tx, task);
  if (!invite || invite.status !== "pending" || !isOpen(invite, now)) return;
  const { settings, tz } = await context(tx, task.communityId);
  const later = await waitUntil(tx, invite, now, settings, tz);
  if (later) return postpone(tx, task, invite, later);

  const user = await tx.chatUser.findUniqueOrThrow({ where: { id: invite.chatUserId } });
  const services = parseServices(invite.survey.services);
  await setState(tx, user.id, { kind: "survey", inviteId: invite.id }, invite.survey.endsAt);
  await enqueue(tx, {
    communityId: task.communityId, to: { kind: "user", platformId: user.platformId }, key: "survey.question",
    params: { ...questionParams(invite.surveyId, services, 0), first: 1 }, notBefore: now, dedupeKey: `survey.q:${invite.id}`, batch: `survey:${invite.surveyId}`,
  });
  await tx.surveyInvite.update({ where: { id: invite.id }, data: { status: "asking", askedAt: now } });
  const remindAt = outsideQuietHours(new Date(now.getTime() + settings.surveyReminderDays * DAY), settings.quietHours, tz);
  if (remindAt < invite.survey.endsAt) {
    await scheduleTask(tx, { communityId: task.communityId, kind: REMIND_KIND, data: { inviteId: invite.id }, dueAt: remindAt, dedupeKey: `${REMIND_KIND}:${invite.id}:0` });
  }
  deps.log.debug({ surveyId: invite.surveyId, inviteId: invite.id }, "survey question asked");
};

/** Whether a revisit question of one of this person's reports is due (and not yet asked). */
async function revisitDue(tx: Tx, chatUserId: number, now: Date): Promise<boolean> {
  const done = await tx.ticket.findMany({ where: { reporterId: chatUserId, status: "done" }, select: { id: true }, take: 20 });
  if (done.length === 0) return false;
  return (await tx.scheduledTask.count({ where: { kind: "revisit.ask", claimedAt: null, dueAt: { lte: now }, ticketId: { in: done.map((t) => t.id) } } })) > 0;
}

/** The one gentle reminder to an invitee who has not finished: repeats where they stopped. */
export const remindInvite: TaskHandler = async (tx, _deps, task, now) => {
  const invite = await loadInvite(tx, task);
  if (!invite || invite.status !== "asking" || invite.remindedAt || !isOpen(invite, now)) return;
  const { settings, tz } = await context(tx, task.communityId);
  const later = (await waitUntil(tx, invite, now, settings, tz)) ??
    // A revisit of the invitee's report falling due now is asked first; the reminder follows it.
    ((await revisitDue(tx, invite.chatUserId, now)) ? outsideQuietHours(new Date(now.getTime() + BUSY_RETRY_MS), settings.quietHours, tz) : null);
  if (later) return postpone(tx, task, invite, later);

  const user = await tx.chatUser.findUniqueOrThrow({ where: { id: invite.chatUserId } });
  const services = parseServices(invite.survey.services);
  await setState(tx, user.id, { kind: "survey", inviteId: invite.id }, invite.survey.endsAt);
  const onComment = invite.step >= services.length;
  await enqueue(tx, {
    communityId: task.communityId, to: { kind: "user", platformId: user.platformId }, key: onComment ? "survey.reminder_comment" : "survey.reminder",
    params: onComment ? { survey: invite.surveyId } : questionParams(invite.surveyId, services, invite.step), notBefore: now, dedupeKey: `survey.r:${invite.id}`, batch: `survey:${invite.surveyId}`,
  });
  await tx.surveyInvite.update({ where: { id: invite.id }, data: { remindedAt: now } });
};

/**
 * A revisit (or anything else that set the conversation) took over from a survey question: once it
 * is over, the survey goes on where it stopped — its question again, so the next "1" answers it.
 */
export async function resumeInterruptedSurvey(tx: Tx, chatUserId: number, now: Date): Promise<void> {
  const invite = await tx.surveyInvite.findFirst({ where: { chatUserId, status: "asking", survey: { status: "running", endsAt: { gt: now } } }, include: { survey: true } });
  if (!invite) return;
  const user = await tx.chatUser.findUniqueOrThrow({ where: { id: chatUserId } });
  const services = parseServices(invite.survey.services);
  await setState(tx, chatUserId, { kind: "survey", inviteId: invite.id }, invite.survey.endsAt);
  const onComment = invite.step >= services.length;
  await enqueue(tx, {
    communityId: invite.survey.communityId, to: { kind: "user", platformId: user.platformId }, key: onComment ? "survey.resume_comment" : "survey.resume",
    params: onComment ? { survey: invite.surveyId } : questionParams(invite.surveyId, services, invite.step), notBefore: now, dedupeKey: `survey.resume:${invite.id}:${now.getTime()}`,
  });
}

/** The window closes: unfinished invites expire; whoever started the survey gets the headline figures. */
export const closeSurvey: TaskHandler = async (tx, deps, task, now) => {
  const survey = await endSurvey(tx, Number(task.data.surveyId), "closed", now);
  if (!survey) return;
  const r = await surveyResults(tx, survey.communityId, survey.id);
  const creator = await tx.staff.findUnique({ where: { id: survey.createdById }, include: { chatUser: true } });
  if (r && creator?.active && creator.chatUser) {
    await enqueue(tx, {
      communityId: survey.communityId, to: { kind: "user", platformId: creator.chatUser.platformId }, key: "staff.survey_closed",
      params: { survey: survey.id, invited: r.invited, responded: r.responded, responseRate: r.responseRate, rate: r.overall.rate, target: r.overall.target },
      notBefore: now, dedupeKey: `survey.closed:${survey.id}`,
    });
  }
  deps.log.info({ surveyId: survey.id, invited: r?.invited, responded: r?.responded }, "survey closed");
};

/** Merged into TASK_HANDLERS (src/services/due-work.ts). */
export const SURVEY_TASK_HANDLERS: Record<string, TaskHandler> = {
  [ASK_KIND]: askInvite,
  [REMIND_KIND]: remindInvite,
  [CLOSE_KIND]: closeSurvey,
};
