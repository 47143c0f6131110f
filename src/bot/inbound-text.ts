// The light clean-up every inbound text gets before commands are matched: Unicode compatibility
// forms (full-width ＃１２ → #12), traditional characters to simplified (不滿意 is 不满意, 2棟1單元 an
// address: every parser then reads one script), the @-mention of the assistant removed, whitespace
// trimmed. The stored inbound message keeps the text exactly as sent.
// Chinese punctuation （，！？：；（）～） is kept as written: the text becomes the ticket's summary
// and is shown to staff and residents, who must see the resident's own words. Parsers accept both
// forms. The classifier does its own, deeper normalisation (src/intents/normalize.ts).
import { toSimplified } from "../intents/normalize.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const KEEP = /[^，！？：；（）～]+/g;

export function normalizeForDispatch(text: string, botName: string): string {
  const mention = new RegExp(`@${escape(botName.normalize("NFKC"))}[\\u2005\\s]*`, "g");
  return toSimplified(text.replace(KEEP, (s) => s.normalize("NFKC")).replace(mention, " ")).replace(/\s+/g, " ").trim();
}
