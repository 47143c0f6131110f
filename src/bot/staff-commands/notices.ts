// Notice commands for managers and supervisors (通知, 确认, 取消).
import type { StaffCommand } from "../command-types.js";

export const NOTICE_COMMANDS: StaffCommand[] = [];
