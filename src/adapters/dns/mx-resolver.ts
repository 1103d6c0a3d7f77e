/**
 * Can a domain receive email? Its MX records, or (without any) an A/AAAA record (RFC 5321 § 5.1), asked of the
 * configured DNS servers with a short timeout. A null MX (`.`, RFC 7505) means it accepts no mail.
 *
 * "Missing" is only believed from a resolver that is working: one that answers for well-known mailbox domains
 * (a resolver that says NXDOMAIN to everything, times out or fails would otherwise turn every buyer away). That
 * verdict and each domain's answer are cached for a while, and during a fault no query waits at all.
 */
import { Resolver } from 'node:dns/promises';
import type { EmailDomainResolver } from '../../services/ports.js';

type Answer = 'mail' | 'missing' | 'unknown';

const NO_SUCH = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);
/** Domains that certainly receive mail: a resolver that denies them cannot be trusted to deny any other. */
export const PROBE_DOMAINS = ['gmail.com', 'seznam.cz'] as const;
const TRUSTED_MS = 10 * 60_000;
const DISTRUSTED_MS = 60_000;
const ANSWER_MS = { mail: 10 * 60_000, missing: 5 * 60_000, unknown: 60_000 } as const;
const MAX_CACHED = 1000;

export type MxResolverOptions = { servers?: string[]; timeoutMs?: number; probeDomains?: readonly string[]; now?: () => number };

export function mxResolver(options: MxResolverOptions = {}): EmailDomainResolver {
  const timeoutMs = options.timeoutMs ?? 2000;
  const probeDomains = options.probeDomains ?? PROBE_DOMAINS;
  const now = options.now ?? Date.now;
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

  const records = async (domain: string): Promise<Answer> => {
    const mx = await ask(() => resolver.resolveMx(domain));
    if (mx !== 'missing') return mx.every((r) => r.exchange === '' || r.exchange === '.') ? 'missing' : 'mail';
    const [a, aaaa] = await Promise.all([ask(() => resolver.resolve4(domain)), ask(() => resolver.resolve6(domain))]);
    return a !== 'missing' || aaaa !== 'missing' ? 'mail' : 'missing';
  };

  const lookup = async (domain: string): Promise<Answer> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'unknown'>((resolve) => (timer = setTimeout(() => resolve('unknown'), timeoutMs)));
    try {
      return await Promise.race([records(domain).catch(() => 'unknown' as const), deadline]);
    } finally {
      clearTimeout(timer);
    }
  };

  // Whether the resolver works, asked at most once at a time and remembered (a failure for a shorter while).
  let trust: { ok: boolean; until: number } | null = null;
  let probing: Promise<boolean> | null = null;
  const trusted = (): Promise<boolean> => {
    if (trust && trust.until > now()) return Promise.resolve(trust.ok);
    probing ??= Promise.all(probeDomains.map(lookup))
      .then((answers) => answers.every((a) => a === 'mail'))
      .then((ok) => {
        trust = { ok, until: now() + (ok ? TRUSTED_MS : DISTRUSTED_MS) };
        return ok;
      })
      .finally(() => (probing = null));
    return probing;
  };

  const answers = new Map<string, { answer: Answer; until: number }>();
  const remember = (domain: string, answer: Answer) => {
    answers.delete(domain);
    if (answers.size >= MAX_CACHED) answers.delete(answers.keys().next().value!);
    answers.set(domain, { answer, until: now() + ANSWER_MS[answer] });
  };

  return {
    async check(asciiDomain) {
      const domain = asciiDomain.toLowerCase().replace(/\.$/, '');
      const cached = answers.get(domain);
      if (cached && cached.until > now()) return cached.answer;
      // A resolver known to be failing is not asked at all: the buyer goes on at once.
      if (trust && !trust.ok && trust.until > now()) return 'unknown';
      const [answer, ok] = await Promise.all([lookup(domain), trusted()]);
      if (!ok) return answer === 'mail' ? 'mail' : 'unknown'; // only a denial needs a working resolver to be believed
      remember(domain, answer);
      return answer;
    },
  };
}
