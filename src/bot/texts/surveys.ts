// Words of satisfaction surveys (满意度调查).
import type { Text } from "../text-format.js";

export const SURVEY_TEXTS = {
} satisfies Record<string, Text>;
