// The quarterly management report to residents (管理报告: "每季度向业主公布一次，以反映管理处一个季度中
// 投诉受理及处理的结果"). It is built from counts only — no names, addresses, phones, ticket numbers,
// grids or housekeepers — so that what reaches the manager for posting cannot disclose anyone.
import type { Report } from "./figures.js";

export type PublicSummary = {
  community: string;
  from: string;
  to: string;
  received: number;
  byIntent: Record<string, number>;
  /** Received in the quarter: completed by its end, of which by the promised time; still open (not yet due or overdue). */
  done: number;
  onTime: number;
  judged: number;
  stillOpen: number;
  revisitAnswers: number;
  revisitSatisfied: number;
  complaints: { received: number; done: number; stillOpen: number; categories: [string, number][] };
};

export function publicSummary(r: Report): PublicSummary {
  const t = r.tickets;
  const c = r.complaints.tickets;
  const v = r.revisits;
  return {
    community: r.community, from: r.period.from, to: r.period.to,
    received: t.received, byIntent: { ...t.byIntent },
    // Done = settled at the end of the quarter: a ticket reopened after its first completion is still being handled.
    done: t.received - t.cancelled - t.openAtEnd, onTime: t.doneOnTime, judged: t.done + t.overdue, stillOpen: t.openAtEnd,
    revisitAnswers: v.satisfied + v.basic + v.unsatisfied, revisitSatisfied: v.satisfied + v.basic,
    complaints: {
      received: c.received, done: c.received - c.cancelled - c.openAtEnd, stillOpen: c.openAtEnd,
      categories: Object.entries(c.byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    },
  };
}
