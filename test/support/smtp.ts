/** An in-process SMTP server on 127.0.0.1 that keeps every message it accepts (parsed with mailparser); it can go down and come back on the same port. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type Received = { raw: Buffer; parsed: ParsedMail; envelopeTo: string[] };

export class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /** Called before a message is accepted; throw (or wait) to simulate a refusing or slow server. */
  onData: ((raw: Buffer) => Promise<void> | void) | null = null;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 20 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          void (async () => {
            try {
              await this.onData?.(raw);
              this.received.push({ raw, parsed: await simpleParser(raw), envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
              callback();
            } catch (error) {
              callback(error as Error);
            }
          })();
        });
      },
    });
    server.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  messageIds(): string[] {
    return this.received.map((r) => r.parsed.messageId ?? '');
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} messages, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const probe = await new TestSmtp().start(0);
  const port = probe.port;
  await probe.stop();
  return port;
}
