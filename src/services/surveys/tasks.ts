// Scheduled work of surveys (asking sampled residents, the one reminder, closing).
import type { TaskHandler } from "../scheduler.js";

export const SURVEY_TASK_HANDLERS: Record<string, TaskHandler> = {};
