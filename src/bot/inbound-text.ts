// The light clean-up every inbound text gets before commands are matched: Unicode compatibility
// forms (full-width ＃１２ → #12), the @-mention of the assistant removed, whitespace trimmed.
// The classifier does its own, deeper normalisation (src/intents/normalize.ts).
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function normalizeForDispatch(text: string, botName: string): string {
  const mention = new RegExp(`@${escape(botName.normalize("NFKC"))}[\\u2005\\s]*`, "g");
  return text.normalize("NFKC").replace(mention, " ").replace(/\s+/g, " ").trim();
}
