/** The texts of the account emails (password reset, email change, withdrawal acknowledgement), Czech and English. */
import { textToHtml } from '../settings/email-templates.js';

type Locale = 'cs' | 'en';
export type AccountEmail = { subject: string; text: string; html: string };

const PRAGUE = {
  cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
};

/** `27. 11. 2026 14:05:09` (Prague time). */
export const pragueDateTime = (at: Date, locale: Locale) => PRAGUE[locale].format(at).replace(',', '');

const mail = (subject: string, lines: (string | false | null | undefined)[]): AccountEmail => {
  const text = lines.filter((l) => l !== false && l !== null && l !== undefined).join('\n');
  return { subject, text, html: textToHtml(text) };
};

export function passwordResetEmail(locale: Locale, v: { shopName: string; link: string }): AccountEmail {
  return locale === 'en'
    ? mail(`${v.shopName}: set a new password`, ['Hello,', '', 'someone (hopefully you) asked to reset the password of your account. Set a new one here:', v.link, '', 'The link works once, for one hour. If you did not ask, ignore this email; your password stays as it is.', '', v.shopName])
    : mail(`${v.shopName}: nastavení nového hesla`, ['Dobrý den,', '', 'někdo (nejspíš vy) požádal o obnovení hesla k vašemu účtu. Nové heslo si nastavíte zde:', v.link, '', 'Odkaz platí jednou a jen hodinu. Pokud jste o nic nežádali, e-mail ignorujte; heslo zůstává beze změny.', '', v.shopName]);
}

export function emailChangeEmail(locale: Locale, v: { shopName: string; link: string; newEmail: string }): AccountEmail {
  return locale === 'en'
    ? mail(`${v.shopName}: confirm your new email address`, ['Hello,', '', `please confirm that ${v.newEmail} should become the email of your account:`, v.link, '', 'The link works once, for 24 hours. Until then your account keeps its current email.', '', v.shopName])
    : mail(`${v.shopName}: potvrzení nové e-mailové adresy`, ['Dobrý den,', '', `potvrďte prosím, že ${v.newEmail} má být novým e-mailem vašeho účtu:`, v.link, '', 'Odkaz platí jednou a 24 hodin. Do potvrzení zůstává účtu dosavadní e-mail.', '', v.shopName]);
}

export type WithdrawalAckValues = {
  shopName: string;
  orderNumber: string;
  customerName: string;
  at: Date;
  items: { name: string; quantity: number }[];
  reason: string | null;
  orderUrl: string;
};

export function withdrawalAckEmail(locale: Locale, v: WithdrawalAckValues): AccountEmail {
  const when = pragueDateTime(v.at, locale);
  const items = v.items.map((i) => `- ${i.quantity} × ${i.name}`);
  return locale === 'en'
    ? mail(`Withdrawal from the contract received – order ${v.orderNumber}`, [
        `Hello ${v.customerName},`,
        '',
        `we confirm that on ${when} (Prague time) we received your withdrawal from the purchase contract for order ${v.orderNumber}.`,
        '',
        'Scope: the whole order',
        ...items,
        `Reason: ${v.reason ?? 'not given'}`,
        '',
        'Please send the goods back to us within 14 days of the withdrawal. We will refund the payment within 14 days of receiving the withdrawal, but not before the goods are returned to us or you prove that you sent them.',
        '',
        `Order: ${v.orderUrl}`,
        '',
        v.shopName,
      ])
    : mail(`Potvrzení odstoupení od smlouvy – objednávka ${v.orderNumber}`, [
        `Dobrý den, ${v.customerName},`,
        '',
        `potvrzujeme, že jsme ${when} přijali vaše odstoupení od kupní smlouvy k objednávce ${v.orderNumber}.`,
        '',
        'Rozsah: celá objednávka',
        ...items,
        `Důvod: ${v.reason ?? 'neuveden'}`,
        '',
        'Zboží nám prosím zašlete zpět do 14 dnů od odstoupení. Platbu vrátíme do 14 dnů od přijetí odstoupení, nejdříve však poté, co nám zboží vrátíte nebo prokážete, že jste je odeslali.',
        '',
        `Objednávka: ${v.orderUrl}`,
        '',
        v.shopName,
      ]);
}

/** The line on the order's timeline (the shop reads it in Czech). */
export function withdrawalEventText(v: { at: Date; by: string; reason: string | null }): string {
  return [`Zákazník odstoupil od smlouvy (celá objednávka) ${pragueDateTime(v.at, 'cs')} – ${v.by}.`, `Důvod: ${v.reason ?? 'neuveden'}`, 'Zákazníkovi bylo zasláno potvrzení e-mailem.'].join('\n');
}
