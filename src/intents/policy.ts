// STUB — the combined policy (LLM + offline + safety rules) comes with issue 3.
import type { LlmConfig } from "../config.js";
import { classifyOffline } from "./offline.js";
import type { Classification, ClassifyInput } from "./types.js";

export type Classifier = (input: ClassifyInput) => Promise<Classification>;

export function createClassifier(_options: { llm?: LlmConfig | undefined } = {}): Classifier {
  return async (input) => classifyOffline(input);
}
