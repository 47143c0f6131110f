// Long texts shown to staff: the beginning and the end, with how much was left out in between
// (a resident's "下午三点以后来，来之前打电话" is usually the last line of a long message).

/** The whole text when it is at most `max` characters, else its beginning and end. */
export function excerpt(text: string, max = 600): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.6);
  const tail = max - head;
  return `${text.slice(0, head)}……（中间省略 ${text.length - head - tail} 字）……${text.slice(-tail)}`;
}
