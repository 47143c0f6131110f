// The language a person writes in, for the language of the replies they get (ChatUser.lang).
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * "en" for a message in English (two or more Latin words and no Chinese character), "zh" for one
 * with Chinese characters, null when it says nothing about language ("1", "1201", "👍", "OK").
 */
export function writtenLanguage(text: string): "en" | "zh" | null {
  const han = text.match(HAN)?.length ?? 0;
  if (han >= 2) return "zh";
  if (han > 0) return null;
  const words = text.match(LATIN_WORD) ?? [];
  return words.length >= 2 && words.some((w) => w.length >= 3) ? "en" : null;
}
