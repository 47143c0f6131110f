// Satisfaction survey commands (满意度调查).
import type { StaffCommand } from "../command-types.js";

export const SURVEY_COMMANDS: StaffCommand[] = [];
