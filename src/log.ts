// pino, with personal data masked: phones and names never reach the logs in full.
import pino, { type Logger } from "pino";

const PHONE = /(\d{3})\d{4}(\d{4})/g;

export function maskValue(value: unknown, path: string[]): unknown {
  if (typeof value !== "string") return "[masked]";
  const key = path.at(-1) ?? "";
  if (/phone/i.test(key)) return value.replace(/\d(?=\d{4})/g, "*");
  return value.length <= 1 ? "*" : value[0] + "*".repeat(Math.min(2, value.length - 1));
}

/** A mainland mobile number standing alone (not part of a longer number such as a timestamp). */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mobile numbers anywhere in the written line: error messages and stacks can quote free text. */
function maskingDestination(dest: pino.DestinationStream): pino.DestinationStream {
  return { write: (line: string) => dest.write(line.replace(MOBILE, "$1****$2")) };
}

/**
 * Error messages and stacks can quote what someone wrote (a Prisma validation error prints the
 * query's arguments; a parser quotes its input), and a name in free text cannot be recognised. Our
 * own messages are English, so Chinese text inside an error is masked to its first character.
 */
const HAN_RUN = /(\p{Script=Han})\p{Script=Han}+/gu;
const maskHan = (s: string) => s.replace(HAN_RUN, (run, first: string) => first + "*".repeat(Math.min(3, [...run].length - 1)));

function maskError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === "string") out[k] = maskHan(v);
  return out;
}

export function createLogger(level: string, destination: pino.DestinationStream | number = 2): Logger {
  return pino(
    {
      level,
      serializers: { err: maskError },
      redact: { paths: ["phone", "*.phone", "name", "*.name", "userName", "*.userName", "ownerName", "*.ownerName", "owner", "*.owner"], censor: maskValue },
      // Free text can carry a phone number: mask any 11-digit run in the message line itself.
      hooks: { logMethod(args, method) { method.apply(this, args.map((a) => (typeof a === "string" ? a.replace(PHONE, "$1****$2") : a)) as Parameters<typeof method>); } },
    },
    maskingDestination(typeof destination === "number" ? pino.destination({ fd: destination, sync: true }) : destination),
  );
}
