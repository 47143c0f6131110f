// Long texts shown to staff: the beginning and the end, with how much was left out in between
// (a resident's "下午三点以后来，来之前打电话" is usually the last line of a long message).

/** Messages up to this length are shown to staff whole. */
export const STAFF_CARD_CHARS = 600;

/**
 * The whole text when it is at most `max` characters, else its beginning and end — and `keep`, a
 * passage of it that must be seen wherever it lies (the fire in the middle of a long letter).
 */
export function excerpt(text: string, max = STAFF_CARD_CHARS, keep: string | null = null): string {
  if (text.length <= max) return text;
  let head = Math.floor(max * 0.6);
  let tail = max - head;
  const at = keep ? text.indexOf(keep) : -1;
  if (keep && at >= 0) {
    const end = at + keep.length;
    // A passage reaching into the beginning or the end widens that part; one in between is shown alone.
    if (at < head) head = end;
    else if (end > text.length - tail) tail = text.length - at;
    else {
      return `${text.slice(0, head)}……（省略 ${at - head} 字）……${keep}……（省略 ${text.length - tail - end} 字）……${text.slice(-tail)}`;
    }
    if (head + tail >= text.length) return text;
  }
  return `${text.slice(0, head)}……（中间省略 ${text.length - head - tail} 字）……${text.slice(-tail)}`;
}
