// The combined policy: offline classifier always, LLM when configured, safety rules on top.
//   - no LLM, or the LLM fails (error, timeout, invalid output) → offline result, "offline"
//   - both name the same intent → LLM labels, "both-agree"
//   - they differ → LLM labels, "llm"; except when the LLM says "other" (needs no action) and the
//     offline classifier is confident (≥ OFFLINE_TRUSTED) of another intent: ignoring a real
//     request is the costlier mistake, so the offline result stands ("offline")
//   - offline urgency 1 and LLM not → urgency 1, "safety-override"; if the LLM also missed that it
//     is a repair/complaint, offline's intent and category are taken too
//   - location: offline's (deterministic parser) when it found one, else the LLM's
import type { LlmConfig } from "../config.js";
import type { LlmClassifier, LlmResult } from "./llm.js";
import { classifyOffline } from "./offline.js";
import type { Classification, ClassifyInput, Intent } from "./types.js";

export type Classifier = (input: ClassifyInput) => Promise<Classification>;

export type ClassifierOptions = {
  llm?: LlmConfig | undefined;
  /** Replaces the LLM classifier built from `llm` (tests, other providers). */
  llmClassifier?: LlmClassifier | undefined;
  /** Replaces the offline classifier (tests). */
  offline?: ((input: ClassifyInput) => Classification) | undefined;
  /** Told about every LLM failure before falling back; for logging. */
  onLlmError?: ((err: unknown, input: ClassifyInput) => void) | undefined;
};

/** The LLM gives no calibrated confidence; these fixed values rank its answers for callers. */
export const LLM_CONFIDENCE = 0.8;
export const AGREE_CONFIDENCE = 0.95;
/** Offline confidence at or above which an LLM "other" does not override the offline intent. */
export const OFFLINE_TRUSTED = 0.9;

const actionable = (intent: Intent) => intent === "repair" || intent === "complaint";

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const offlineFn = options.offline ?? classifyOffline;
  const llmFn = options.llmClassifier ?? (options.llm ? lazyLlmClassifier(options.llm) : undefined);

  return async (input) => {
    const offline: Classification = { ...offlineFn(input), decidedBy: "offline" };
    if (!llmFn) return offline;
    let llm: LlmResult;
    try {
      llm = await llmFn(input);
    } catch (err) {
      options.onLlmError?.(err, input);
      return offline;
    }
    return combine(offline, llm);
  };
}

/** The LLM classifier, its module (and the openai SDK) loaded on first use only: offline runs never pay for it. */
function lazyLlmClassifier(config: LlmConfig): LlmClassifier {
  let ready: Promise<LlmClassifier> | undefined;
  return async (input) => {
    ready ??= import("./llm.js").then((m) => m.createLlmClassifier(config));
    return (await ready)(input);
  };
}

export function combine(offline: Classification, llm: LlmResult): Classification {
  const location = offline.location ?? llm.location;
  if (offline.urgency === 1 && llm.urgency !== 1) {
    const takeOffline = actionable(offline.intent) && !actionable(llm.intent);
    return withCategoryRule({
      intent: takeOffline ? offline.intent : llm.intent,
      category: takeOffline ? offline.category : llm.category,
      urgency: 1,
      location,
      confidence: offline.confidence,
      decidedBy: "safety-override",
    });
  }
  if (llm.intent === "other" && offline.intent !== "other" && offline.confidence >= OFFLINE_TRUSTED) {
    return withCategoryRule(offline);
  }
  const agree = llm.intent === offline.intent;
  return withCategoryRule({
    ...llm,
    location,
    confidence: agree ? Math.max(AGREE_CONFIDENCE, offline.confidence) : LLM_CONFIDENCE,
    decidedBy: agree ? "both-agree" : "llm",
  });
}

/** Category only for repair and complaint, and always set for them. */
function withCategoryRule(c: Classification): Classification {
  if (!actionable(c.intent)) return { ...c, category: null };
  return { ...c, category: c.category ?? "other" };
}
