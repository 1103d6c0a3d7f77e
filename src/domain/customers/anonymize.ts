/**
 * GDPR anonymisation rules: what replaces a person's data, and how their name, email, phone, company, identifiers
 * and addresses are cut out of free texts (order notes, timeline, email subjects). Over-removing is preferred to leaking.
 */

export const ANONYMOUS_NAME = 'Anonymizovaný zákazník';
export const REDACTED = '[anonymizováno]';
export const GUEST_NOTE_PREFIX = 'Jednorázový nákup bez registrace';

/** An address in `.invalid` (RFC 2606): unique per account (or per anonymised buyer), never deliverable. */
export const anonymousEmail = (token: string) => `anonym-${token}@anonymized.invalid`;
export const isAnonymousEmail = (email: string) => /^anonym-[a-z0-9-]+@anonymized\.invalid$/.test(email);

export type Address = { street: string; city: string; zip: string; country: string };

/** The country stays (VAT and accounting need it); street, city and zip go. */
export const anonymousAddress = (a: Pick<Address, 'country'>): Address => ({ street: REDACTED, city: REDACTED, zip: REDACTED, country: a.country });

export type PersonalData = {
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  ico: string | null;
  dic: string | null;
  addresses: (Address | null)[];
};

const stripMarks = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Consonants that change before Czech endings (Praha → Praze, Novák → Nováci, Petr → Petře).
const ALTERNATIONS: [RegExp, string][] = [[/ch$/, 'š'], [/[hg]$/, 'z'], [/k$/, 'c'], [/r$/, 'ř']];

/** The stems a declined form of `word` starts with: without its last letter, with a changed consonant, without a mobile e (Hradec → Hradci). */
function stemsOf(word: string): Set<string> {
  const stem = word.slice(0, -1);
  const stems = [stem, ...ALTERNATIONS.filter(([end]) => end.test(stem)).map(([end, to]) => stem.replace(end, to))];
  if (/[eě][ckln]$/i.test(word) && word.length >= 5) stems.push(word.slice(0, -2));
  return new Set(stems.flatMap((s) => [s, stripMarks(s)]));
}

/** One pattern matching every piece of the person's data found in `sources`, case-insensitively. */
export function personalPattern(sources: PersonalData[]): RegExp | null {
  const pieces = new Set<string>();
  const add = (value: string | null | undefined) => {
    const v = value?.trim();
    if (v && v.length >= 3 && v !== REDACTED) pieces.add(escapeRegExp(v));
  };
  // Czech declines names and places (Zelenková → Zelenkovou, Olomouc → Olomouci): a word is matched by its stem and any
  // short ending, with and without diacritics.
  const addWords = (value: string | null | undefined) => {
    for (const word of value?.split(/[^\p{L}\p{N}]+/u) ?? []) {
      if (word.length < 4 || /^\d+$/.test(word)) continue;
      for (const stem of stemsOf(word)) pieces.add(`(?<![\\p{L}])${escapeRegExp(stem)}\\p{L}{0,4}`);
    }
  };
  for (const s of sources) {
    add(s.name);
    addWords(s.name);
    addWords(s.company);
    add(s.email);
    add(s.email?.split('@')[0]);
    addWords(s.email?.split('@')[0]);
    add(s.company);
    add(s.ico);
    add(s.dic);
    for (const a of s.addresses) {
      if (!a) continue;
      add(a.street);
      add(a.city);
      addWords(a.street);
      addWords(a.city);
      // Orders from older data or imports may lack a part of the address: what is there is still found.
      add(a.zip);
      add(a.zip?.replace(/\s/g, ''));
    }
    // A phone number is written in many ways: match its last nine digits with any spaces or dashes between them.
    const digits = (s.phone ?? '').replace(/\D/g, '');
    if (digits.length >= 6) pieces.add(digits.slice(-9).split('').join('[\\s-]?'));
  }
  if (pieces.size === 0) return null;
  // Longest first, so a full name is replaced whole rather than word by word.
  return new RegExp([...pieces].sort((a, b) => b.length - a.length).join('|'), 'giu');
}

export function scrub(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/**
 * An order timeline entry after anonymisation: the guest-purchase note (all contact data) is replaced whole,
 * an email entry keeps only its (scrubbed) first line, anything else is scrubbed.
 */
export function anonymizedEventText(kind: string, text: string, pattern: RegExp | null): string {
  if (text.startsWith(GUEST_NOTE_PREFIX)) return `${GUEST_NOTE_PREFIX}. Zadané údaje byly anonymizovány.`;
  if (kind === 'email') return `${scrub(text.split('\n')[0] ?? '', pattern)}\n\n(Text e-mailu odstraněn při anonymizaci.)`;
  return scrub(text, pattern);
}
