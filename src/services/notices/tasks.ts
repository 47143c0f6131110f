// Scheduled work of notices (scheduled sends).
import type { TaskHandler } from "../scheduler.js";

export const NOTICE_TASK_HANDLERS: Record<string, TaskHandler> = {};
