// The label vocabulary of a resident message (see ../shared/data/LABELS.md).
import type { Category, Intent } from "../labels.js";
export { CATEGORIES, INTENTS, type Category, type Intent } from "../labels.js";

/** Information grade: 1 important (danger, outages, escalation), 2 supervisor soon, 3 routine. */
export type Urgency = 1 | 2 | 3;

/** A place named in a message; any part null when not said. */
export type Location = { building: string | null; unit: string | null; room: string | null };

export type ChatKind = "direct" | "group";

export type ClassifyInput = { text: string; chat: ChatKind; mentioned: boolean };

/** Which path decided a message: recorded on the stored message. */
export type DecidedBy = "offline" | "llm" | "both-agree" | "safety-override";

export type Classification = {
  intent: Intent;
  /** Only for repair and complaint; null otherwise. */
  category: Category | null;
  urgency: Urgency;
  location: Location | null;
  /** 0..1, how sure the deciding classifier is of the intent. */
  confidence: number;
  decidedBy: DecidedBy;
};
