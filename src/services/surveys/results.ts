// Survey results, for the 调查结果 command and the office's reports.
//
// Definitions (one invite = one sampled household):
//   response rate      = households that answered at least one question ÷ households invited
//                        (per service: households that gave that service a score ÷ invited)
//   satisfaction rate  = scores of 4 or 5 (满意 + 基本满意) ÷ scores given; "跳过" is not a score
//                        overall: pooled over every score of every service; per grid: over every score
//                        of the grid's households
//   target             = settings.surveyTargets[service] (else its "overall"); grids use "overall"
// Answers of households that stopped halfway (expired invites) still count.
// Services and grids are listed lowest satisfaction first; those with no score yet come last.
import type { DbOrTx } from "../../db.js";
import { getSettings } from "../community/community.js";
import { parseServices } from "./campaign.js";
import { isSatisfied } from "./answers.js";

export type Rate = { satisfied: number; scored: number; rate: number | null; target: number; meets: boolean | null };
export type ServiceResult = Rate & { service: string; invited: number; responseRate: number | null; average: number | null };
export type GridResult = Rate & { gridId: number | null; gridName: string; invited: number; responded: number; responseRate: number | null };
export type SurveyComment = { text: string; gridName: string; ticketNumber: number | null; at: Date | null };
export type SurveyResults = {
  survey: { id: number; status: string; startsAt: Date; endsAt: Date; services: string[]; sampleRatio: number };
  invited: number;
  responded: number;
  completed: number;
  responseRate: number | null;
  overall: Rate;
  services: ServiceResult[];
  grids: GridResult[];
  /** Newest first; anonymous (grid only). */
  comments: SurveyComment[];
  ticketsFromComments: number;
};

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
function rate(satisfied: number, scored: number, target: number): Rate {
  const r = ratio(satisfied, scored);
  // Compared in whole basis points so 0.95 computed as 19/20 meets a 0.95 target despite floating point.
  return { satisfied, scored, rate: r, target, meets: r === null ? null : Math.round(r * 10_000) >= Math.round(target * 10_000) };
}
const lowestFirst = (a: { rate: number | null }, b: { rate: number | null }) => (a.rate ?? Infinity) - (b.rate ?? Infinity);

/** Results of one survey (default: the community's latest one that was not cancelled); null when there is none. */
export async function surveyResults(db: DbOrTx, communityId: number, surveyId?: number): Promise<SurveyResults | null> {
  // The latest survey that ran its course; else the latest one (a cancelled survey's answers still count: "已收到的回答仍可查看").
  const survey = surveyId !== undefined
    ? await db.survey.findFirst({ where: { communityId, id: surveyId } })
    : (await db.survey.findFirst({ where: { communityId, status: { not: "cancelled" } }, orderBy: { id: "desc" } })) ?? (await db.survey.findFirst({ where: { communityId }, orderBy: { id: "desc" } }));
  if (!survey) return null;
  const community = await db.community.findUniqueOrThrow({ where: { id: communityId } });
  const targets = getSettings(community).surveyTargets;
  const targetOf = (service: string) => targets[service] ?? targets.overall ?? 0.95;
  const services = parseServices(survey.services);

  const invites = await db.surveyInvite.findMany({ where: { surveyId: survey.id }, orderBy: { id: "asc" } });
  const households = await db.household.findMany({
    where: { id: { in: invites.map((i) => i.householdId) } },
    select: { id: true, building: { select: { grid: { select: { id: true, name: true } } } } },
  });
  const gridOf = new Map(households.map((h) => [h.id, h.building.grid]));
  const ticketIds = invites.map((i) => i.ticketId).filter((id): id is number => id !== null);
  const tickets = await db.ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, number: true } });
  const ticketNumber = new Map(tickets.map((t) => [t.id, t.number]));

  const perService = new Map(services.map((s) => [s, { scored: 0, satisfied: 0, sum: 0 }]));
  const perGrid = new Map<number | null, { gridName: string; invited: number; responded: number; scored: number; satisfied: number }>();
  let scored = 0, satisfied = 0, responded = 0, completed = 0;
  const comments: SurveyComment[] = [];
  for (const invite of invites) {
    const grid = gridOf.get(invite.householdId) ?? null;
    const g = perGrid.get(grid?.id ?? null) ?? { gridName: grid?.name ?? "未划分网格", invited: 0, responded: 0, scored: 0, satisfied: 0 };
    perGrid.set(grid?.id ?? null, g);
    g.invited++;
    if (invite.step > 0) { responded++; g.responded++; }
    if (invite.status === "done") completed++;
    for (const [service, score] of Object.entries(JSON.parse(invite.answers) as Record<string, number>)) {
      const s = perService.get(service);
      if (!s) continue;
      s.scored++; s.sum += score; scored++; g.scored++;
      if (isSatisfied(score)) { s.satisfied++; satisfied++; g.satisfied++; }
    }
    if (invite.comment) comments.push({ text: invite.comment, gridName: g.gridName, ticketNumber: invite.ticketId ? (ticketNumber.get(invite.ticketId) ?? null) : null, at: invite.completedAt });
  }
  comments.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));

  return {
    survey: { id: survey.id, status: survey.status, startsAt: survey.startsAt, endsAt: survey.endsAt, services, sampleRatio: survey.sampleRatio },
    invited: invites.length,
    responded,
    completed,
    responseRate: ratio(responded, invites.length),
    overall: rate(satisfied, scored, targets.overall ?? 0.95),
    services: [...perService.entries()]
      .map(([service, s]) => ({ service, invited: invites.length, responseRate: ratio(s.scored, invites.length), average: s.scored ? s.sum / s.scored : null, ...rate(s.satisfied, s.scored, targetOf(service)) }))
      .sort(lowestFirst),
    grids: [...perGrid.entries()]
      .map(([gridId, g]) => ({ gridId, gridName: g.gridName, invited: g.invited, responded: g.responded, responseRate: ratio(g.responded, g.invited), ...rate(g.satisfied, g.scored, targets.overall ?? 0.95) }))
      .sort((a, b) => lowestFirst(a, b) || a.gridName.localeCompare(b.gridName)),
    comments,
    ticketsFromComments: invites.filter((i) => i.ticketId !== null).length,
  };
}
