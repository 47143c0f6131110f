// Long messages (a voice note transcribed, a letter pasted in): the classifier reads a bounded
// excerpt, and the whole text is swept for a danger so that a gas smell in the last line of a
// 3,000-character story is still an urgent report.
import { normalize } from "./normalize.js";
import { safetySignal } from "./rules.js";

/** Texts up to this length are classified whole. */
export const CLASSIFY_WHOLE = 2000;
const HEAD = 1200;
const TAIL = 800;
const WINDOW = 400;
const STEP = 300;

/** What the classifier reads: the text itself, or its beginning and end (where people say what they want). */
export function classifierExcerpt(text: string): string {
  if (text.length <= CLASSIFY_WHOLE) return text;
  return `${text.slice(0, HEAD)}……${text.slice(-TAIL)}`;
}

/** Beyond this length only the beginning and the end are swept (bounds the work a huge message costs: ~10 ms). */
const SWEEP_HEAD = 20_000;
const SWEEP_TAIL = 10_000;

/** The first passage of a text longer than `from` that names a danger (in overlapping windows), or null. */
export function dangerPassage(text: string, from = CLASSIFY_WHOLE): string | null {
  if (text.length <= from) return null;
  const parts = text.length <= SWEEP_HEAD + SWEEP_TAIL ? [text] : [text.slice(0, SWEEP_HEAD), text.slice(-SWEEP_TAIL)];
  for (const part of parts) {
    for (let at = 0; at < part.length; at += STEP) {
      const window = part.slice(at, at + WINDOW);
      if (safetySignal(normalize(window))) return window;
      if (at + WINDOW >= part.length) break;
    }
  }
  return null;
}

/** What is asked of the office in a long letter ("…我家阳台的晾衣架坏了…麻烦派人来修一下…"): the first
 * sentence asking for a visit or a repair, to be shown to staff wherever it lies. */
const ASKS_FOR_WORK = /麻烦|派(个)?人|来修|修一下|修修|来看(看|一下)|上门|帮忙(修|看|处理)|尽快(处理|修)|\b(please (send|fix|come|repair)|send someone)\b/i;
export function requestPassage(text: string): string | null {
  for (const sentence of text.split(/(?<=[。！!？?\n])/)) {
    if (ASKS_FOR_WORK.test(sentence)) return sentence.trim().slice(0, 200) || null;
  }
  return null;
}
