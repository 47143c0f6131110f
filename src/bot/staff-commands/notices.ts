// Notice commands for managers, supervisors and team leads (通知, 确认, 取消, 通知进度).
// Anyone else on staff gets the table's role refusal; residents never reach these (dispatch.ts).
import type { Tx } from "../../db.js";
import { DomainError } from "../../services/deps.js";
import { asTyped, parseNoticeRequest, USAGE } from "../../services/notices/compose.js";
import { recentNotices } from "../../services/notices/deliver.js";
import { cancelDraft, cancelScheduled, confirmDraft, createDraft, DEFAULT_OUTAGE_HOURS, NOTICE_ROLES } from "../../services/notices/drafts.js";
import { answeredReports } from "../../services/notices/outage.js";
import { parseStoredScope, scopeBuildings, type NoticeScope } from "../../services/notices/scope.js";
import { inQuietHours, outsideQuietHours } from "../../services/time.js";
import type { StaffCommand } from "../command-types.js";
import { formatLocal } from "../text-format.js";
import { buildingLabel } from "../../services/community/building-names.js";

/** "全小区", "3栋、5栋", "A区（1栋、2栋、3栋）". */
async function scopeLabel(tx: Tx, communityId: number, scope: NoticeScope): Promise<string> {
  if (scope.kind === "all") return "全小区";
  const buildings = (await scopeBuildings(tx, communityId, scope)) ?? [];
  const list = buildings.map(buildingLabel).join("、");
  if (scope.kind === "buildings") return list;
  const grids = await tx.grid.findMany({ where: { communityId, code: { in: scope.codes } }, select: { name: true } });
  return `${grids.map((g) => g.name).join("、")}（${list || "暂无楼栋"}）`;
}

const OUTAGE_SHORT: Record<string, string> = { water: "停水", power: "停电", gas: "停气" };
const STATUS: Record<string, string> = { scheduled: "待发送", sending: "发送中", sent: "已发完" };

export const NOTICE_COMMANDS: StaffCommand[] = [
  {
    name: "通知", aliases: ["发通知"], ticket: false, text: "required", roles: NOTICE_ROLES, usage: USAGE,
    help: "通知 范围 内容：向全体 / 楼栋（3栋,5栋）/ 网格（A区）发通知，可加「定时 2026-03-05 08:00」「私信」；先出草稿，回复「确认」才发送",
    async run(c, a) {
      const parsed = await parseNoticeRequest(c.tx, c.staff.communityId, a.rest, c.now, c.tz);
      const request = { ...parsed, text: asTyped(c.rawText, parsed.text, c.botName) };
      const { notice, audience, windowDefaulted, replaced } = await createDraft(c.tx, { author: c.staff, request, now: c.now, settings: c.settings, tz: c.tz });
      const goesOutAt = notice.sendAt ?? c.now;
      const quiet = notice.directToResidents && inQuietHours(goesOutAt, c.settings.quietHours, c.tz);
      return {
        key: "staff.notice_draft",
        params: {
          noticeId: notice.id, scope: await scopeLabel(c.tx, c.staff.communityId, request.scope), text: notice.text,
          sendAt: notice.sendAt?.toISOString() ?? "", groups: audience.groups.length, residents: audience.residents.length, direct: notice.directToResidents ? 1 : 0,
          quietEnd: quiet ? formatLocal(outsideQuietHours(goesOutAt, c.settings.quietHours, c.tz), c.tz) : "",
          kind: notice.kind, from: notice.outageFrom?.toISOString() ?? "", to: notice.outageTo?.toISOString() ?? "",
          windowDefaulted: windowDefaulted ? 1 : 0, defaultHours: DEFAULT_OUTAGE_HOURS, minutes: c.settings.noticeDraftMinutes, replaced: replaced ? 1 : 0,
        },
      };
    },
  },
  {
    name: "确认", aliases: ["确认发送"], ticket: false, roles: NOTICE_ROLES, usage: "确认", help: "确认：发送刚才的通知草稿",
    async run(c) {
      const r = await confirmDraft(c.tx, { author: c.staff, now: c.now, settings: c.settings, tz: c.tz });
      if (r.kind === "scheduled") return { key: "staff.notice_scheduled", params: { noticeId: r.noticeId, sendAt: r.sendAt.toISOString() } };
      return { key: "staff.notice_sending", params: { noticeId: r.noticeId, groups: r.groups, residents: r.residents, lastAt: r.lastAt.toISOString() } };
    },
  },
  {
    name: "取消", aliases: ["取消通知"], ticket: false, text: "optional", roles: NOTICE_ROLES, usage: "取消 或 取消 #3",
    help: "取消：放弃通知草稿；取消 #N：撤回尚未发出的定时通知",
    async run(c, a) {
      const rest = a.rest.trim();
      if (!rest) return { key: "staff.notice_cancelled", params: { noticeId: await cancelDraft(c.tx, { author: c.staff, now: c.now, settings: c.settings }) } };
      const id = /^[#＃]?\s*(\d+)$/.exec(rest);
      if (!id) throw new DomainError("command.usage", { usage: "取消（放弃草稿）或 取消 #3（撤回定时通知）" });
      await cancelScheduled(c.tx, c.staff.communityId, Number(id[1]), { id: c.staff.id, name: c.staff.name }, c.now);
      return { key: "staff.notice_unscheduled", params: { noticeId: Number(id[1]) } };
    },
  },
  {
    name: "通知进度", aliases: ["通知列表"], ticket: false, roles: NOTICE_ROLES, usage: "通知进度", help: "通知进度：最近通知的发送进度（已发送 x/y）",
    async run(c) {
      const notices = await recentNotices(c.tx, c.staff.communityId);
      if (notices.length === 0) return { key: "staff.notice_progress_none" };
      const lines: string[] = [];
      for (const { notice: n, progress: p } of notices) {
        const scope = await scopeLabel(c.tx, c.staff.communityId, parseStoredScope(n.scope));
        const what = `${n.text.slice(0, 20)}${n.text.length > 20 ? "…" : ""}`;
        const state = n.status === "scheduled"
          ? `定时 ${formatLocal(n.sendAt!, c.tz)}，${STATUS[n.status]}`
          : `已发送 ${p.sent}/${p.total}${p.dead ? `（失败 ${p.dead}）` : ""}，${STATUS[n.status]}`;
        const outage = OUTAGE_SHORT[n.kind];
        const answered = outage && n.status !== "scheduled" ? `，已答复住户${outage}咨询 ${await answeredReports(c.tx, n.id)} 次` : "";
        lines.push(`#${n.id} [${scope}] ${what}\n  ${state}${answered}`);
      }
      return { key: "staff.notice_progress", params: { lines: lines.join("\n") } };
    },
  },
];
