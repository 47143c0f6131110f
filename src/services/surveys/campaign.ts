// A survey campaign: started by a manager or supervisor, over a sample of verified households, for a
// window of days; closed (or cancelled) with its unfinished invites expired.
//
// Each sampled household gets one invitee: its verified resident bound first (lowest Resident id)
// who is not on staff (staff answer to commands, not to survey questions); a household with no such
// resident is not eligible. The invitees' first questions are ScheduledTasks ("survey.ask"), paced
// `surveyPaceSeconds` apart and moved out of quiet hours, so a large sample never arrives as one burst
// and nobody is asked at night; the conversation state is set only when a question actually goes out.
import type { DbOrTx, Tx } from "../../db.js";
import type { Settings } from "../community/settings.js";
import { DomainError } from "../deps.js";
import { clearState, getState } from "../residents/conversation.js";
import { scheduleTask } from "../scheduler.js";
import { outsideQuietHours } from "../time.js";
import { defaultSeed, sampleHouseholds, type Candidate } from "./sampling.js";

export const ASK_KIND = "survey.ask";
export const REMIND_KIND = "survey.remind";
export const CLOSE_KIND = "survey.close";
const DAY = 86_400_000;

export type StartSurveyInput = {
  communityId: number;
  staffId: number;
  now: Date;
  settings: Settings;
  tz: string;
  /** Defaults from settings when absent. */
  ratio?: number | undefined;
  days?: number | undefined;
  services?: string[] | undefined;
  /** Sampling seed; default derived from the survey's id and creation time (see sampling.ts). */
  seed?: number | undefined;
};

export type StartedSurvey = { surveyId: number; invited: number; eligible: number; services: string[]; ratio: number; endsAt: Date; firstAskAt: Date | null; seed: number };

export const parseServices = (json: string) => JSON.parse(json) as string[];

/** The community's survey in progress, if any (one at a time keeps residents' conversations simple). */
export function runningSurvey(db: DbOrTx, communityId: number) {
  return db.survey.findFirst({ where: { communityId, status: "running" }, orderBy: { id: "desc" } });
}

/** Verified households of the community that have a non-staff resident to ask, with their grid and invitee. */
async function eligibleHouseholds(tx: Tx, communityId: number) {
  const residents = await tx.resident.findMany({
    where: { verified: true, household: { communityId }, chatUser: { staff: { is: null } } },
    select: { id: true, chatUserId: true, householdId: true, household: { select: { building: { select: { gridId: true } } } } },
    orderBy: { id: "asc" },
  });
  const byHousehold = new Map<number, Candidate & { chatUserId: number }>();
  for (const r of residents) {
    if (!byHousehold.has(r.householdId)) byHousehold.set(r.householdId, { householdId: r.householdId, gridId: r.household.building.gridId, chatUserId: r.chatUserId });
  }
  return byHousehold;
}

export async function startSurvey(tx: Tx, input: StartSurveyInput): Promise<StartedSurvey> {
  const { settings, now } = input;
  const ratio = input.ratio ?? settings.surveySampleRatio;
  const days = input.days ?? settings.surveyWindowDays;
  const services = input.services ?? settings.surveyServices;
  const running = await runningSurvey(tx, input.communityId);
  if (running) throw new DomainError("survey.already_running", { id: running.id, until: running.endsAt.toISOString() });
  const eligible = await eligibleHouseholds(tx, input.communityId);
  if (eligible.size === 0) throw new DomainError("survey.no_households");

  const endsAt = new Date(now.getTime() + days * DAY);
  const survey = await tx.survey.create({
    data: { communityId: input.communityId, createdById: input.staffId, services: JSON.stringify(services), sampleRatio: ratio, startsAt: now, endsAt, status: "running", createdAt: now },
  });
  const seed = input.seed ?? defaultSeed(survey.id, now);
  const sample = sampleHouseholds([...eligible.values()], ratio, seed);

  // Paced first questions: one every surveyPaceSeconds, each outside quiet hours.
  let slot = now;
  let firstAskAt: Date | null = null;
  for (const householdId of sample) {
    const invite = await tx.surveyInvite.create({ data: { surveyId: survey.id, householdId, chatUserId: eligible.get(householdId)!.chatUserId } });
    const dueAt = outsideQuietHours(slot, settings.quietHours, input.tz);
    if (dueAt >= endsAt) continue; // window too short to reach everyone: expires unasked
    firstAskAt ??= dueAt;
    await scheduleTask(tx, { communityId: input.communityId, kind: ASK_KIND, data: { inviteId: invite.id }, dueAt, dedupeKey: `${ASK_KIND}:${invite.id}:0` });
    slot = new Date(dueAt.getTime() + settings.surveyPaceSeconds * 1000);
  }
  await scheduleTask(tx, { communityId: input.communityId, kind: CLOSE_KIND, data: { surveyId: survey.id }, dueAt: endsAt, dedupeKey: `${CLOSE_KIND}:${survey.id}` });
  return { surveyId: survey.id, invited: sample.length, eligible: eligible.size, services, ratio, endsAt, firstAskAt, seed };
}

/**
 * Ends a survey: closed at the end of its window, or cancelled by staff. Invites not finished become
 * expired (their answers so far still count in the results); invitees' survey states are cleared.
 */
export async function endSurvey(tx: Tx, surveyId: number, status: "closed" | "cancelled", now: Date) {
  const survey = await tx.survey.findUnique({ where: { id: surveyId } });
  if (survey?.status !== "running") return null;
  // A survey cancelled early ends when it is cancelled, so its results show when it really stopped.
  const endsAt = status === "cancelled" && survey.endsAt > now ? now : survey.endsAt;
  const won = await tx.survey.updateMany({ where: { id: surveyId, status: "running" }, data: { status, endsAt } });
  if (won.count !== 1) return null;
  const open = await tx.surveyInvite.findMany({ where: { surveyId, status: { in: ["pending", "asking"] } } });
  for (const invite of open) {
    const state = await getState(tx, invite.chatUserId, now);
    if (state?.kind === "survey" && state.inviteId === invite.id) await clearState(tx, invite.chatUserId);
  }
  await tx.surveyInvite.updateMany({ where: { surveyId, status: { in: ["pending", "asking"] } }, data: { status: "expired" } });
  return tx.survey.findUniqueOrThrow({ where: { id: surveyId } });
}

/** Staff cancel the running survey. */
export async function cancelSurvey(tx: Tx, communityId: number, now: Date) {
  const running = await runningSurvey(tx, communityId);
  if (!running) throw new DomainError("survey.none_running");
  await endSurvey(tx, running.id, "cancelled", now);
  return running;
}
