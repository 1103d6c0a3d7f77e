/** Known throw-away mailbox domains (the disposable-email-domains package), including their subdomains. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DisposableDomains } from '../../services/ports.js';

const require = createRequire(import.meta.url);

export function disposableDomainList(extra: readonly string[] = []): DisposableDomains {
  let domains: Set<string> | null = null;
  const load = () => (domains ??= new Set([...(JSON.parse(readFileSync(require.resolve('disposable-email-domains/index.json'), 'utf8')) as string[]), ...extra]));
  return {
    isDisposable(asciiDomain) {
      const set = load();
      const labels = asciiDomain.toLowerCase().replace(/\.$/, '').split('.');
      for (let i = 0; i < labels.length - 1; i++) if (set.has(labels.slice(i).join('.'))) return true;
      return false;
    },
  };
}
