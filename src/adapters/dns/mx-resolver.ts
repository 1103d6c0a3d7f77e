/**
 * Can a domain receive email? Its MX records, or (without any) an A/AAAA record (RFC 5321 § 5.1), asked of the
 * configured DNS servers with a short timeout. A null MX (`.`, RFC 7505) means it accepts no mail.
 */
import { Resolver } from 'node:dns/promises';
import type { EmailDomainResolver } from '../../services/ports.js';

const NO_SUCH = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export function mxResolver(options: { servers?: string[]; timeoutMs?: number } = {}): EmailDomainResolver {
  const timeoutMs = options.timeoutMs ?? 2000;
  const resolver = new Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 2 });
  if (options.servers?.length) resolver.setServers(options.servers);

  const ask = async <T>(query: () => Promise<T[]>): Promise<T[] | 'missing'> => {
    try {
      const answers = await query();
      return answers.length ? answers : 'missing';
    } catch (error) {
      if (NO_SUCH.has((error as { code?: string }).code ?? '')) return 'missing';
      throw error; // a timeout or a server failure: we do not know
    }
  };

  const check = async (domain: string): Promise<'mail' | 'missing' | 'unknown'> => {
    const mx = await ask(() => resolver.resolveMx(domain));
    if (mx !== 'missing') return mx.every((r) => r.exchange === '' || r.exchange === '.') ? 'missing' : 'mail';
    const [a, aaaa] = await Promise.all([ask(() => resolver.resolve4(domain)), ask(() => resolver.resolve6(domain))]);
    return a !== 'missing' || aaaa !== 'missing' ? 'mail' : 'missing';
  };

  return {
    async check(asciiDomain) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'unknown'>((resolve) => {
        timer = setTimeout(() => resolve('unknown'), timeoutMs);
      });
      try {
        return await Promise.race([check(asciiDomain).catch(() => 'unknown' as const), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
