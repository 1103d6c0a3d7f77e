import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dns2 from 'dns2';
import { mxResolver } from '../src/adapters/dns/mx-resolver.js';
import { disposableDomainList } from '../src/adapters/mail/disposable-domains.js';
import { validateEmailAddress } from '../src/services/mail/validate-email-address.js';

const { Packet } = dns2;

/** Our own DNS server on loopback: nothing leaves the machine. `slow.example` never answers. */
const ZONE: Record<string, { mx?: string[]; a?: string; nxdomain?: true }> = {
  'seznam.cz': { mx: ['mx1.seznam.cz'] },
  'gmail.com': { mx: ['gmail-smtp-in.l.google.com'] },
  'xn--pklad-zsa96e.cz': { mx: ['mail.xn--pklad-zsa96e.cz'] },
  'a-only.example': { a: '192.0.2.10' },
  'no-mail.example': { mx: [''] }, // a null MX (RFC 7505): this domain accepts no email
  'empty.example': {},
};

describe('email address validation (DNS on loopback)', () => {
  const asked: string[] = [];
  let server: ReturnType<typeof dns2.createServer>;
  let deps: Parameters<typeof validateEmailAddress>[0];

  before(async () => {
    server = dns2.createServer({
      udp: true,
      handle: (request, send) => {
        const response = Packet.createResponseFromRequest(request);
        const question = request.questions[0]!;
        const name = question.name.toLowerCase();
        asked.push(`${name}/${question.type}`);
        if (name === 'slow.example') return; // no answer at all
        const zone = ZONE[name];
        if (!zone) {
          response.header.rcode = 3; // NXDOMAIN (Packet.RCODE is missing from dns2's types)
          return send(response);
        }
        if (question.type === Packet.TYPE.MX) {
          for (const exchange of zone.mx ?? []) response.answers.push({ name, type: Packet.TYPE.MX, class: Packet.CLASS.IN, ttl: 60, exchange, priority: exchange ? 10 : 0 } as never);
        }
        if (question.type === Packet.TYPE.A && zone.a) response.answers.push({ name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address: zone.a } as never);
        send(response);
      },
    });
    const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
    const port = (addresses.udp as { port: number }).port;
    deps = { emailDomains: mxResolver({ servers: [`127.0.0.1:${port}`], timeoutMs: 400 }), disposableDomains: disposableDomainList() };
  });
  after(() => server.close());

  test('an address whose domain has MX records is fine', async () => {
    assert.deepEqual(await validateEmailAddress(deps, ' Jana.Novakova@Seznam.CZ '), { ok: true, address: 'Jana.Novakova@seznam.cz' });
    assert.ok(asked.includes('seznam.cz/15'));
  });

  test('a domain without MX but with an A record receives mail too (RFC 5321)', async () => {
    assert.deepEqual(await validateEmailAddress(deps, 'info@a-only.example'), { ok: true, address: 'info@a-only.example' });
  });

  test('an internationalised domain is looked up in its ASCII form', async () => {
    assert.deepEqual(await validateEmailAddress(deps, 'jana@příklad.cz'), { ok: true, address: 'jana@příklad.cz' });
    assert.ok(asked.includes('xn--pklad-zsa96e.cz/15'));
  });

  test('a domain that does not exist, has no records or a null MX is refused', async () => {
    for (const address of ['jana@neexistuje.example', 'jana@empty.example', 'jana@no-mail.example']) {
      assert.deepEqual(await validateEmailAddress(deps, address), { ok: false, code: 'email_domain_missing', address }, address);
    }
  });

  test('a typo of a common domain is refused with a suggestion', async () => {
    assert.deepEqual(await validateEmailAddress(deps, 'jana@gmial.com'), { ok: false, code: 'email_domain_missing', address: 'jana@gmial.com', suggestion: 'jana@gmail.com' });
  });

  test('a lookup that times out warns but does not block', async () => {
    const started = Date.now();
    assert.deepEqual(await validateEmailAddress(deps, 'jana@slow.example'), { ok: true, warning: 'email_domain_unverified', address: 'jana@slow.example' });
    assert.ok(Date.now() - started < 2000, 'within the short timeout');
  });

  test('known disposable domains (and their subdomains) are refused without asking DNS', async () => {
    const before = asked.length;
    assert.equal((await validateEmailAddress(deps, 'x@mailinator.com')).code, 'email_disposable');
    assert.equal((await validateEmailAddress(deps, 'x@inbox.mailinator.com')).code, 'email_disposable');
    assert.equal(asked.length, before);
  });

  test('bad syntax is refused without asking DNS', async () => {
    const before = asked.length;
    assert.deepEqual(await validateEmailAddress(deps, 'jana@@seznam.cz'), { ok: false, code: 'email_invalid' });
    assert.deepEqual(await validateEmailAddress(deps, 'jana@seznam.cz\r\nBcc: x@y.cz'), { ok: false, code: 'email_invalid' });
    assert.equal(asked.length, before);
  });
});
