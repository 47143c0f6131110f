// Report commands (日报, 周报, 月报).
import type { StaffCommand } from "../command-types.js";

export const REPORT_COMMANDS: StaffCommand[] = [];
