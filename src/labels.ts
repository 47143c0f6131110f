// The label vocabulary of a resident message (see ../shared/data/LABELS.md), shared by the classifier
// (src/intents/) and the office's configuration (deadline rules name categories).
export const INTENTS = ["repair", "complaint", "fee", "progress", "inquiry", "suggestion", "praise", "other"] as const;
export type Intent = (typeof INTENTS)[number];

export const CATEGORIES = [
  "water", "electricity", "gas", "elevator", "access", "structure", "facility", "sanitation",
  "greenery", "parking", "noise", "security", "pets", "decoration", "staff", "other",
] as const;
export type Category = (typeof CATEGORIES)[number];
