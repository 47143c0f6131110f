// Scheduled work of notices: a confirmed 定时 notice goes out at its time (`notice.send`, unless it
// was called off meanwhile), and the completion check reports the final delivery count (`notice.check`).
import { getSettings } from "../community/community.js";
import type { TaskHandler } from "../scheduler.js";
import { CHECK_KIND, checkDelivery, deliverNotice, SEND_KIND } from "./deliver.js";

const sendScheduled: TaskHandler = async (tx, _deps, task, now) => {
  const noticeId = Number(task.data.noticeId);
  const notice = await tx.notice.findUnique({ where: { id: noticeId } });
  if (notice?.status !== "scheduled") return; // cancelled (取消 #N) or already sent
  const community = await tx.community.findUniqueOrThrow({ where: { id: notice.communityId } });
  await deliverNotice(tx, noticeId, now, getSettings(community), community.timezone);
};

const check: TaskHandler = async (tx, _deps, task, now) => {
  await checkDelivery(tx, Number(task.data.noticeId), Number(task.data.round ?? 0), now);
};

export const NOTICE_TASK_HANDLERS: Record<string, TaskHandler> = {
  [SEND_KIND]: sendScheduled,
  [CHECK_KIND]: check,
};
