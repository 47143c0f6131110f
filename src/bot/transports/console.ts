// A terminal transport for trying the assistant out: you type as a resident or a staff member and
// see every reply, including those sent to other people, labelled with the recipient.
//   /as 张伟      speak as 张伟 (a person's id; the demo community uses names as ids)
//   /group g3    speak in group g3 (include "@物业小助手" to mention the assistant); /direct to leave
//   /image       send a photo (as the current person)       /who   who am I      /quit
import readline from "node:readline";
import { TransportError, type Inbound, type OutboundTarget, type Transport } from "../transport.js";

export class ConsoleTransport implements Transport {
  readonly name = "console";
  private rl: readline.Interface | null = null;
  private me: string;
  private room: string | null = null;
  private seq = 0;

  constructor(private readonly options: { botName: string; initialUser: string; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; onQuit?: () => void }) {
    this.me = options.initialUser;
  }

  private print(line: string) {
    (this.options.output ?? process.stdout).write(`${line}\n`);
  }

  private prompt() {
    this.rl?.setPrompt(`${this.me}${this.room ? `@${this.room}` : ""}> `);
    this.rl?.prompt();
  }

  async start(onMessage: (m: Inbound) => Promise<void>): Promise<void> {
    this.rl = readline.createInterface({ input: this.options.input ?? process.stdin, output: this.options.output ?? process.stdout, terminal: false });
    this.print(`物业助手（控制台）。/as 姓名 切换身份，/group 群号 进入群聊，/direct 私聊，/quit 退出。当前身份：${this.me}`);
    // Lines are handled one after another, in order, even when pasted or piped in at once.
    let queue = Promise.resolve();
    this.rl.on("line", (line) => {
      queue = queue.then(() => this.onLine(line.trim(), onMessage)).catch((err: unknown) => this.print(`! ${String(err)}`)).finally(() => this.prompt());
    });
    this.rl.on("close", () => void queue.then(() => this.options.onQuit?.()));
    this.prompt();
  }

  private async onLine(line: string, onMessage: (m: Inbound) => Promise<void>) {
    const [cmd, ...rest] = line.split(/\s+/);
    const arg = rest.join(" ");
    if (cmd === "/as" && arg) return void (this.me = arg);
    if (cmd === "/group" && arg) return void (this.room = arg);
    if (cmd === "/direct") return void (this.room = null);
    if (cmd === "/who") return this.print(`当前身份：${this.me}${this.room ? `，群：${this.room}` : "，私聊"}`);
    if (cmd === "/quit") return this.rl?.close();
    const image = cmd === "/image";
    if (!line && !image) return;
    await onMessage({
      messageId: `console-${Date.now()}-${++this.seq}`, userId: this.me, userName: this.me,
      roomId: this.room ?? undefined, roomTopic: this.room ?? undefined,
      mentionsSelf: line.includes(`@${this.options.botName}`), kind: image ? "image" : "text", text: image ? "" : line, receivedAt: new Date(),
    });
  }

  async send(to: OutboundTarget, text: string): Promise<void> {
    if (!this.rl) throw new TransportError("console transport is not running");
    const label = to.kind === "group" ? `群 ${to.id}` : to.id;
    this.print(`  → ${label}: ${text.replace(/\n/g, "\n    ")}`);
  }

  async stop(): Promise<void> {
    this.rl?.close();
    this.rl = null;
  }
}
