/**
 * Email address rules used wherever an address is entered: syntax (internationalised domains too, via
 * @hapi/address and the UTS-46 mapping) and a "did you mean …?" suggestion for typos of common mailbox domains.
 * DNS and the list of disposable domains are I/O; services/mail/validate-email-address.ts adds them.
 */
import { analyzeEmail } from '@hapi/address';
import { domainToASCII, domainToUnicode } from 'node:url';

export type EmailAddress = {
  /** As it will be stored: trimmed, the domain lower-cased (the local part keeps its case, RFC 5321). */
  address: string;
  local: string;
  /** The domain in Unicode (`příklad.cz`). */
  domain: string;
  /** The domain in ASCII (`xn--pklad-zsa96e.cz`), for DNS and SMTP. */
  asciiDomain: string;
};

export type EmailSyntax = { ok: true; email: EmailAddress } | { ok: false; code: 'email_invalid' };

export function parseEmailAddress(input: string): EmailSyntax {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || /[\s<>]/.test(trimmed)) return { ok: false, code: 'email_invalid' };
  const local = trimmed.slice(0, at);
  const asciiDomain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (!asciiDomain || asciiDomain.length > 253) return { ok: false, code: 'email_invalid' };
  const domain = domainToUnicode(asciiDomain);
  if (analyzeEmail(`${local}@${asciiDomain}`) || analyzeEmail(`${local}@${domain}`)) return { ok: false, code: 'email_invalid' };
  return { ok: true, email: { address: `${local}@${domain}`, local, domain, asciiDomain } };
}

/** Mailbox domains Czech customers use most, most common first (the first of equally close ones wins), then real providers near them, which are never "corrected". */
export const COMMON_DOMAINS = [
  'seznam.cz', 'gmail.com', 'email.cz', 'centrum.cz', 'post.cz', 'volny.cz', 'atlas.cz', 'outlook.com', 'outlook.cz',
  'hotmail.com', 'icloud.com', 'yahoo.com', 'tiscali.cz', 'quick.cz', 'live.com', 'me.com', 'googlemail.com',
  'azet.sk', 'centrum.sk', 'zoznam.sk', 'post.sk', 'gmx.com', 'gmx.de', 'email.com', 'mail.com',
] as const;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** `gmial.com` → `gmail.com`; null for a common domain itself or one not close to any. */
export function suggestDomain(domain: string): string | null {
  const typed = domain.toLowerCase().replace(/\.+$/, '');
  const known = suggestions.get(typed);
  if (known !== undefined) return known;
  const suggestion = closestCommonDomain(typed);
  // Every checkout asks about the buyer's domain, and most buyers share a few domains: the answers are kept (a bounded number).
  if (suggestions.size >= MAX_SUGGESTIONS) suggestions.clear();
  suggestions.set(typed, suggestion);
  return suggestion;
}

const MAX_SUGGESTIONS = 2000;
const suggestions = new Map<string, string | null>();

function closestCommonDomain(typed: string): string | null {
  if ((COMMON_DOMAINS as readonly string[]).includes(typed)) return null;
  const allowed = typed.length >= 10 ? 2 : 1;
  let best: { domain: string; distance: number } | null = null;
  for (const candidate of COMMON_DOMAINS) {
    // The distance is at least the difference in length: many candidates are ruled out without computing it.
    if (Math.abs(candidate.length - typed.length) > allowed) continue;
    const distance = editDistance(typed, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { domain: candidate, distance };
  }
  return best?.domain ?? null;
}

/** The whole address with the suggested domain, e.g. `jana@gmial.com` → `jana@gmail.com`. */
export function suggestEmail(email: EmailAddress): string | null {
  const domain = suggestDomain(email.domain);
  return domain ? `${email.local}@${domain}` : null;
}
