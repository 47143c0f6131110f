// The light clean-up every inbound text gets before commands are matched: Unicode compatibility
// forms (full-width ＃１２ → #12), traditional characters to simplified (不滿意 is 不满意, 2棟1單元 an
// address: every parser then reads one script), the @-mention of the assistant removed, whitespace
// trimmed, pasted code dropped. The stored inbound message keeps the text exactly as sent.
// Chinese punctuation （，！？：；（）～） is kept as written: the text becomes the ticket's summary
// and is shown to staff and residents, who must see the resident's own words. Parsers accept both
// forms. The classifier does its own, deeper normalisation (src/intents/normalize.ts).
import { toSimplified } from "../intents/normalize.js";
import { withoutCode } from "../intents/offline.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const KEEP = /[^，！？：；（）～]+/g;

export function normalizeForDispatch(text: string, botName: string): string {
  const mention = new RegExp(`@${escape(botName.normalize("NFKC"))}[\\u2005\\s]*`, "g");
  // SQL, markup and template placeholders pasted in are not the resident's words (the stored message keeps them).
  const cleaned = toSimplified(text.replace(KEEP, (s) => s.normalize("NFKC")).replace(mention, " ")).replace(/\s+/g, " ").trim();
  const words = withoutCode(cleaned).replace(/\s+/g, " ").trim();
  return words === cleaned || /[\u3400-\u9fff]|[A-Za-z]{2}|\d/.test(words) ? words : cleaned;
}
