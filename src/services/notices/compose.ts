// Reads what follows 通知: a scope, options, then the notice's text —
//   通知 3栋,5栋 定时 2026-03-05 08:00 私信 明天8:00-12:00停水，请提前储水。
// Scope and options come first, in any order, separated by spaces:
//   scope   全体 | 3栋 | 3栋,5栋 | A区 (grid name or code) — exactly one
//   定时 …  send at that local time (2026-03-05 08:00, 3月5日 8:00, 明天 8:00) instead of on 确认
//   私信    also send by direct message to the verified residents in scope
//   时段 …  the outage window, when the text does not say it (时段 3月5日 8:00-12:00)
// Everything after them is the text, sent as written.
import type { DbOrTx } from "../../db.js";
import { DomainError } from "../deps.js";
import { parseScope, type NoticeScope } from "./scope.js";
import { momentAtStart, windowAtStart, type Window } from "./when.js";

export type NoticeRequest = { scope: NoticeScope; text: string; sendAt: Date | null; direct: boolean; window: Window | null };

/** Longest notice text: WeChat shows long messages folded, and a notice should be read. */
export const MAX_NOTICE_TEXT = 1000;

export async function parseNoticeRequest(db: DbOrTx, communityId: number, input: string, now: Date, tz: string): Promise<NoticeRequest> {
  let rest = input.trim();
  let scope: NoticeScope | null = null;
  let sendAt: Date | null = null;
  let direct = false;
  let windowText: string | null = null;
  for (;;) {
    const token = /^\S+/.exec(rest)?.[0];
    if (!token) break;
    if (token === "私信") {
      direct = true;
      rest = rest.slice(token.length).trim();
    } else if (token.startsWith("定时")) {
      const when = momentAtStart(rest.slice(2).trim(), now, tz);
      if (!when) throw new DomainError("notice.bad_time");
      sendAt = when.at;
      rest = rest.slice(2).trim().slice(when.length).trim();
    } else if (token.startsWith("时段")) {
      // Read once the send time is known: "明天" in a window counts from the day the notice goes out.
      windowText = rest.slice(2).trim();
      const probe = windowAtStart(windowText, now, tz);
      if (!probe) throw new DomainError("notice.bad_window");
      rest = windowText.slice(probe.length).trim();
      windowText = windowText.slice(0, probe.length);
    } else if (!scope) {
      scope = await parseScope(db, communityId, token);
      rest = rest.slice(token.length).trim();
    } else {
      break;
    }
  }
  if (!scope) throw new DomainError("command.usage", { usage: USAGE });
  if (!rest) throw new DomainError("notice.empty");
  if (rest.length > MAX_NOTICE_TEXT) throw new DomainError("notice.too_long", { length: rest.length, max: MAX_NOTICE_TEXT });
  if (sendAt && sendAt <= now) throw new DomainError("notice.time_past");
  const window = windowText ? windowAtStart(windowText, sendAt ?? now, tz)!.window : null;
  return { scope, text: rest, sendAt, direct, window };
}

/**
 * The notice text as the author typed it. Commands are parsed from the dispatcher's normalised text
 * (full-width forms folded; whitespace and line breaks collapsed), which is right for reading options
 * but not for a public notice: this finds the end of the raw message that normalises to the body.
 */
export function asTyped(raw: string | undefined, body: string, botName?: string): string {
  if (!raw) return body;
  // (The dispatcher took out the assistant's @-name: "报修请在群里@物业小助手或私信" must keep it.)
  const mention = botName ? `@${botName.normalize("NFKC")}` : null;
  const norm = (x: string) => { const n = x.normalize("NFKC"); return (mention ? n.split(mention).join(" ") : n).replace(/\s+/g, " ").trim(); };
  // The longest raw suffix that reads as the body: it starts where the options end.
  const target = norm(body); // the dispatcher keeps Chinese punctuation; compare both fully normalised
  for (let i = 0; i < raw.length; i++) {
    if (norm(raw.slice(i)) === target) return raw.slice(i).trim();
  }
  return body;
}

export const USAGE = "通知 范围 内容，例如「通知 3栋 明天8:00-12:00停水，请提前储水」；范围：全体、3栋、3栋,5栋、A区；可加「定时 2026-03-05 08:00」「私信」";
