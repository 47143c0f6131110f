// A local OpenAI-compatible server for tests: POST /v1/chat/completions with scripted answers.
// Point the SDK at `url` (it ends in /v1). Every request is recorded.
import { createServer } from "node:http";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  /** A chat.completion whose message content is JSON.stringify(json). */
  | { type: "json"; json: unknown; delayMs?: number }
  /** A chat.completion with this exact content (e.g. malformed JSON). */
  | { type: "content"; content: string; delayMs?: number }
  /** An error status with an OpenAI-style error body (429, 500, …). */
  | { type: "status"; status: number; message?: string };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON (the raw text if it was not JSON). */
  body: any;
};

export type Script = Behaviour | ((req: RecordedRequest) => Behaviour);

export type FakeOpenAI = {
  url: string;
  requests: RecordedRequest[];
  /** The behaviour for requests when the queue is empty. */
  setBehaviour(b: Script): void;
  /** Behaviours for the next requests, one each, in order. */
  queue(...bs: Script[]): void;
  close(): Promise<void>;
};

/** The JSON-encoded content of the user message of a recorded request. */
export function userContent(req: RecordedRequest): string {
  const msg = (req.body?.messages ?? []).find((m: { role: string }) => m.role === "user");
  return typeof msg?.content === "string" ? msg.content : "";
}

export async function startFakeOpenAI(initial: Script = { type: "status", status: 500, message: "no behaviour set" }): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const pending: Script[] = [];
  let fallback = initial;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep the raw text; tests can still look at it
      }
      const rec: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      requests.push(rec);
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" } });
      }
      const script = pending.shift() ?? fallback;
      const b = typeof script === "function" ? script(rec) : script;
      if (b.type === "status") {
        return send(res, b.status, { error: { message: b.message ?? `status ${b.status}`, type: "fake_error", code: null } });
      }
      const content = b.type === "json" ? JSON.stringify(b.json) : b.content;
      const answer = () => send(res, 200, completion(content, rec));
      if (!b.delayMs) return answer();
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) answer();
      }, b.delayMs);
      timers.add(t);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setBehaviour: (b) => void (fallback = b),
    queue: (...bs) => void pending.push(...bs),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

let seq = 0;
function completion(content: string, req: RecordedRequest) {
  return {
    id: `chatcmpl-fake-${++seq}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: typeof req.body?.model === "string" ? req.body.model : "fake-model",
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}
