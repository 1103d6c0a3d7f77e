/** The internal notes the shop writes on an order by itself (the customer never sees them). */
import type { OrderInput } from './order-input.js';
import { countryName } from '../customers/countries.js';

const PRAGUE = new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function generatedNote(at: Date): string {
  return `Objednávka vygenerována ${PRAGUE.format(at).replace(',', '')} – všechny kroky proběhly bez chyby: sklad odečten, číslo přiděleno, e-maily zařazeny k odeslání.`;
}

const addressLine = (a: { street: string; city: string; zip: string; country: string }) => `${a.street}, ${a.zip} ${a.city}, ${countryName('cs', a.country)}`;

/** A one-time purchase: the data the buyer entered, kept for the owner. */
export function guestPurchaseNote(input: OrderInput): string {
  const c = input.customer;
  return [
    'Jednorázový nákup bez registrace. Zadané údaje:',
    `Jméno: ${c.name}`,
    `E-mail: ${c.email}`,
    c.phone && `Telefon: ${c.phone}`,
    c.company && `Firma: ${c.company}`,
    c.ico && `IČO: ${c.ico}`,
    c.dic && `DIČ: ${c.dic}`,
    `Fakturační adresa: ${addressLine(input.billingAddress)}`,
    input.shippingAddress && `Doručovací adresa: ${addressLine(input.shippingAddress)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The address was taken without the DNS check (the resolver did not answer or could not be trusted). */
export function emailUnverifiedNote(email: string): string {
  return `E-mailovou adresu ${email} se při objednávce nepodařilo ověřit (DNS neodpovídal), objednávka byla přesto přijata. Pokud se potvrzení objednávky vrátí jako nedoručitelné, ověřte adresu se zákazníkem.`;
}

/** The owner's notification must read well as an SMS: its first line is cut to `max` characters. */
export function clampFirstLine(text: string, max = 160): string {
  const [first = '', ...rest] = text.split('\n');
  const clamped = first.length > max ? `${first.slice(0, max - 1)}…` : first;
  return [clamped, ...rest].join('\n');
}
