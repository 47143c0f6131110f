// Words of the office reports (日报/周报/月报/季报).
import type { Text } from "../text-format.js";

export const REPORT_TEXTS = {
} satisfies Record<string, Text>;
