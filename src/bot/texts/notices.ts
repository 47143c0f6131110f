// Words of notices (通知): drafts, confirmations, delivery reports.
import type { Text } from "../text-format.js";

export const NOTICE_TEXTS = {
} satisfies Record<string, Text>;
