// STUB — replaced by the offline classifier (issue 3). Signature is the contract.
import type { Classification, ClassifyInput } from "./types.js";

export function classifyOffline(input: ClassifyInput): Classification {
  const t = input.text;
  const intent = /漏水|坏|不亮|没电|堵/.test(t) ? "repair" : /物业费|欠/.test(t) ? "fee" : "other";
  return { intent, category: intent === "repair" ? "other" : null, urgency: 3, location: null, confidence: 0.5, decidedBy: "offline" };
}
