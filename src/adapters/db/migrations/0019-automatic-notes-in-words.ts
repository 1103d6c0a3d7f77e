/**
 * The automatic texts of orders placed before they were written in words: the history's "E-maily: order_accepted → …"
 * and the guest-data note's bare country codes ("…, 110 00 Praha, CZ") read as newer orders do.
 */
import { sql, type Kysely } from 'kysely';

const EMAIL_KINDS: [string, string][] = [
  ['order_accepted → ', 'potvrzení objednávky → '],
  ['owner_new_order → ', 'upozornění pro obchod → '],
];

// The names of src/domain/customers/countries.ts at the time of writing (a migration does not change with the code).
const COUNTRIES: [string, string][] = [
  ['CZ', 'Česká republika'],
  ['SK', 'Slovensko'],
  ['DE', 'Německo'],
  ['AT', 'Rakousko'],
  ['PL', 'Polsko'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [code, words] of EMAIL_KINDS) {
    await sql`update order_events set text = replace(text, ${code}, ${words}) where kind = 'created' and actor = 'system'`.execute(db);
  }
  const guestNote = sql`kind = 'note' and actor = 'system' and substr(text, 1, 17) = ${'Jednorázový nákup'}`;
  for (const [code, name] of COUNTRIES) {
    // An address line ends with its country: before the next line, or at the end of the note.
    await sql`update order_events set text = replace(text, ${`, ${code}\n`}, ${`, ${name}\n`}) where ${guestNote}`.execute(db);
    const suffix = `, ${code}`;
    await sql`update order_events set text = substr(text, 1, length(text) - ${suffix.length}) || ${`, ${name}`} where ${guestNote} and substr(text, length(text) - ${suffix.length - 1}) = ${suffix}`.execute(db);
  }
}

export async function down(): Promise<void> {
  // The texts stay in words: nothing reads the old codes.
}
