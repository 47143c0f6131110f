// The shape of a staff command. Commands are declared as data in src/bot/commands.ts (tickets) and
// src/bot/staff-commands/*.ts (one file per feature); the parser and help are built from them.
import type { Tx } from "../db.js";
import type { Settings } from "../services/community/settings.js";
import type { StaffActor } from "../services/tickets/staff-actions.js";
import type { Params } from "./text-format.js";

export type CommandContext = {
  tx: Tx; staff: StaffActor; now: Date; settings: Settings; tz: string;
  /** The message exactly as typed (full-width punctuation, line breaks), for text sent on as written (通知). */
  rawText?: string;
  /** The assistant's name (its @-mention is taken out of commands, but kept in text sent on as written). */
  botName?: string;
};
export type Reply = { key: string; params?: Params };

/** `numberText`: the ticket number as written (digits). */
export type Args = { number?: number; numberText?: string; rest: string };
export type StaffCommand = {
  name: string;
  aliases: string[];
  /** Whether the command needs a ticket number (#N or N) first. */
  ticket: boolean;
  /** Whether text follows (after the ticket number, or after the name for other commands). */
  text?: "required" | "optional";
  /** Roles allowed to run it (Staff.role); everyone on staff when absent. */
  roles?: readonly string[];
  /** The refusal (a DomainError code) for other roles; "command.not_allowed" when absent. */
  notAllowed?: string;
  usage: string;
  help: string;
  run(ctx: CommandContext, args: Args): Promise<Reply>;
};
