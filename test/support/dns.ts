/** A DNS server on loopback (dns2) with a small zone and switchable faults: NXDOMAIN for every name, no answer, SERVFAIL. */
import dns2 from 'dns2';

const { Packet } = dns2;

export type Zone = Record<string, { mx?: string[]; a?: string }>;
export type DnsFault = 'none' | 'nxdomain' | 'timeout' | 'servfail';

/** Mailbox domains of a working Internet, as far as these tests need one. */
export const ZONE: Zone = {
  'seznam.cz': { mx: ['mx1.seznam.cz'] },
  'gmail.com': { mx: ['gmail-smtp-in.l.google.com'] },
  'example.cz': { mx: ['mail.example.cz'] },
  'no-mail.example': { mx: [''] }, // a null MX (RFC 7505)
};

export class TestDns {
  /** Every question asked, as `name/type`. */
  readonly asked: string[] = [];
  fault: DnsFault = 'none';
  private server: ReturnType<typeof dns2.createServer> | null = null;
  port = 0;

  constructor(private readonly zone: Zone = ZONE) {}

  async start(): Promise<this> {
    this.server = dns2.createServer({
      udp: true,
      handle: (request, send) => {
        const response = Packet.createResponseFromRequest(request);
        const question = request.questions[0]!;
        const name = question.name.toLowerCase();
        this.asked.push(`${name}/${question.type}`);
        if (this.fault === 'timeout') return; // never answers
        const zone = this.fault === 'none' ? this.zone[name] : undefined;
        if (!zone) {
          response.header.rcode = this.fault === 'servfail' ? 2 : 3; // SERVFAIL or NXDOMAIN (Packet.RCODE is missing from dns2's types)
          return send(response);
        }
        if (question.type === Packet.TYPE.MX) {
          for (const exchange of zone.mx ?? []) response.answers.push({ name, type: Packet.TYPE.MX, class: Packet.CLASS.IN, ttl: 60, exchange, priority: exchange ? 10 : 0 } as never);
        }
        if (question.type === Packet.TYPE.A && zone.a) response.answers.push({ name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address: zone.a } as never);
        send(response);
      },
    });
    const addresses = await this.server.listen({ udp: { port: 0, address: '127.0.0.1' } });
    this.port = (addresses.udp as { port: number }).port;
    return this;
  }

  get servers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
