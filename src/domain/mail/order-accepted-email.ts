/**
 * The order-accepted email as a customer reads it: the owner's template text on top, then the order — items,
 * quantities and prices, shipping, payment, the total — and for a bank transfer the account, the variable symbol and
 * the QR Platba image (a `cid:` part). An HTML part and a plain-text part with the same content; every value escaped.
 */
import { discountLineName } from '../discounts/discount-label.js';
import { formatMoney } from '../money/money.js';
import { countryName } from '../customers/countries.js';
import { documentVatSummary, isBankTransfer, type DocumentAddress, type OrderDocument } from '../documents/order-document.js';
import { accountIban } from '../documents/order-payment.js';
import { escapeHtml as esc, textToParagraphs, type RenderedEmail } from '../settings/email-templates.js';
import { pickupPointLines } from '../shipping/pickup-point.js';

const LABELS = {
  cs: {
    order: 'Objednávka č.',
    item: 'Zboží',
    quantity: 'Počet',
    unitPrice: 'Cena za kus',
    lineTotal: 'Celkem',
    shipping: 'Doprava',
    payment: 'Platba',
    free: 'zdarma',
    total: 'Celkem k úhradě',
    vat: 'DPH {rate} %: základ {base}, daň {vat}',
    pay: 'Platební údaje',
    account: 'Číslo účtu',
    iban: 'IBAN',
    vs: 'Variabilní symbol',
    amount: 'Částka',
    qr: 'QR Platba – naskenujte v aplikaci své banky',
    billing: 'Fakturační adresa',
    delivery: 'Doručovací adresa',
    pickupPoint: 'Výdejní místo',
    note: 'Vaše poznámka',
    pieces: 'ks',
  },
  en: {
    order: 'Order no.',
    item: 'Item',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    lineTotal: 'Total',
    shipping: 'Shipping',
    payment: 'Payment',
    free: 'free',
    total: 'Total to pay',
    vat: 'VAT {rate} %: base {base}, tax {vat}',
    pay: 'Payment details',
    account: 'Account number',
    iban: 'IBAN',
    vs: 'Variable symbol',
    amount: 'Amount',
    qr: 'QR Platba – scan it in your banking app',
    billing: 'Billing address',
    delivery: 'Delivery address',
    pickupPoint: 'Pickup point',
    note: 'Your note',
    pieces: 'pcs',
  },
} as const;

export type OrderEmailPayment = { account: string | null; iban: string | null; variableSymbol: string; amount: number };

/** What a bank-transfer order asks the customer to pay to, or null for other payments (or no account to show). */
export function bankPayment(doc: OrderDocument): OrderEmailPayment | null {
  if (!isBankTransfer(doc) || !doc.showBankAccounts || doc.total <= 0) return null;
  const account = doc.bankAccounts.find((a) => accountIban(a) !== null) ?? doc.bankAccounts[0];
  if (!account) return null;
  return { account: account.number || null, iban: accountIban(account), variableSymbol: doc.payment.variableSymbol, amount: doc.total };
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** `intro` is the owner's template, already filled in; `qrCid` names the QR image part (null: no image). */
export function orderAcceptedEmail(doc: OrderDocument, intro: RenderedEmail, options: { qrCid: string | null }): RenderedEmail {
  const l = LABELS[doc.locale];
  const money = (minor: number) => formatMoney(minor, doc.locale);
  const charge = (minor: number) => (minor === 0 ? l.free : money(minor));
  const payment = bankPayment(doc);
  const vat = documentVatSummary(doc).map((row) => fill(l.vat, { rate: row.rate, base: money(row.base), vat: money(row.vat) }));
  const address = (a: DocumentAddress) => [a.street, `${a.zip} ${a.city}`.trim(), countryName(doc.locale, a.country)].filter(Boolean);
  const billing = [doc.buyer.name, doc.buyer.company, doc.buyer.ico && `IČO ${doc.buyer.ico}`, doc.buyer.dic && `DIČ ${doc.buyer.dic}`, ...address(doc.buyer.billingAddress)].filter((v): v is string => !!v);
  const delivery = doc.buyer.shippingAddress ? address(doc.buyer.shippingAddress) : null;
  const point = doc.pickupPoint ? [...pickupPointLines(doc.pickupPoint), `ID ${doc.pickupPoint.id}`] : null;
  const paymentRows: [string, string][] = payment
    ? [...(payment.account ? [[l.account, payment.account] as [string, string]] : []), ...(payment.iban ? [[l.iban, payment.iban] as [string, string]] : []), [l.vs, payment.variableSymbol], [l.amount, money(payment.amount)]]
    : [];

  const text = [
    intro.text.trimEnd(),
    '',
    `${l.order} ${doc.number}`,
    ...doc.items.map((i) => `${i.quantity} × ${i.name} – ${money(i.unitPrice)} = ${money(i.total)}`),
    // Free shipping shows on the shipping line's price; a discount on the goods is a line of its own.
    ...(doc.discount ? [doc.discount.kind === 'free_shipping' ? discountLineName(doc.discount, doc.locale) : `${discountLineName(doc.discount, doc.locale)}: ${money(-doc.discount.amount)}`] : []),
    `${l.shipping}: ${doc.shipping.name} – ${charge(doc.shipping.price)}`,
    `${l.payment}: ${doc.payment.name} – ${charge(doc.payment.price)}`,
    `${l.total}: ${money(doc.total)}`,
    ...vat,
    ...(payment ? ['', l.pay, ...paymentRows.map(([k, v]) => `${k}: ${v}`)] : []),
    '',
    `${l.billing}: ${billing.join(', ')}`,
    ...(delivery ? [`${l.delivery}: ${delivery.join(', ')}`] : []),
    ...(point ? [`${l.pickupPoint}: ${point.join(', ')}`] : []),
    ...(doc.note ? [`${l.note}: ${doc.note}`] : []),
  ].join('\n');

  const cell = 'padding:8px 6px;border-bottom:1px solid #e5e7eb;vertical-align:top';
  const num = `${cell};text-align:right;white-space:nowrap`;
  const head = 'padding:6px;border-bottom:2px solid #d0d7de;text-align:left;font-size:13px;color:#57606a';
  const rows = doc.items
    .map((i) => `<tr><td style="${cell}">${esc(i.name)}</td><td style="${num}">${i.quantity}&nbsp;${l.pieces}</td><td style="${num}">${esc(money(i.unitPrice))}</td><td style="${num}">${esc(money(i.total))}</td></tr>`)
    .join('');
  const chargeRow = (label: string, name: string, price: number) => `<tr><td colspan="3" style="${cell}">${esc(label)}: ${esc(name)}</td><td style="${num}">${esc(charge(price))}</td></tr>`;
  const lines = (values: string[]) => values.map(esc).join('<br>');
  const paymentBlock = payment
    ? `<h2 style="font-size:18px;margin:24px 0 8px">${l.pay}</h2>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse">${paymentRows.map(([k, v]) => `<tr><td style="padding:3px 16px 3px 0;color:#57606a">${esc(k)}</td><td style="padding:3px 0;font-weight:bold">${esc(v)}</td></tr>`).join('')}</table>
${options.qrCid ? `<p style="margin:16px 0 4px"><img src="cid:${esc(options.qrCid)}" width="180" height="180" alt="QR Platba" style="display:block;border:0"></p><p style="margin:0;font-size:13px;color:#57606a">${l.qr}</p>` : ''}`
    : '';

  const html = `<!doctype html>
<html lang="${doc.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(intro.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
<tr><td style="padding:20px 24px;border-bottom:1px solid #e5e7eb;font-size:20px;font-weight:bold">${esc(doc.seller.name)}</td></tr>
<tr><td style="padding:8px 24px">${textToParagraphs(intro.text.trimEnd(), 'margin:12px 0')}</td></tr>
<tr><td style="padding:8px 24px 24px">
<h2 style="font-size:18px;margin:8px 0">${l.order} ${esc(doc.number)}</h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
<tr><th style="${head}">${l.item}</th><th style="${head};text-align:right">${l.quantity}</th><th style="${head};text-align:right">${l.unitPrice}</th><th style="${head};text-align:right">${l.lineTotal}</th></tr>
${rows}
${doc.discount ? `<tr><td colspan="3" style="${cell}">${esc(discountLineName(doc.discount, doc.locale))}</td><td style="${num}">${doc.discount.kind === 'free_shipping' ? '' : esc(money(-doc.discount.amount))}</td></tr>` : ''}
${chargeRow(l.shipping, doc.shipping.name, doc.shipping.price)}
${chargeRow(l.payment, doc.payment.name, doc.payment.price)}
<tr><td colspan="3" style="padding:10px 6px;font-weight:bold;font-size:17px">${l.total}</td><td style="padding:10px 6px;text-align:right;white-space:nowrap;font-weight:bold;font-size:17px">${esc(money(doc.total))}</td></tr>
</table>
<p style="margin:4px 0 0;font-size:13px;color:#57606a">${lines(vat)}</p>
${paymentBlock}
<h2 style="font-size:18px;margin:24px 0 8px">${l.billing}</h2><p style="margin:0">${lines(billing)}</p>
${delivery ? `<h2 style="font-size:18px;margin:24px 0 8px">${l.delivery}</h2><p style="margin:0">${lines(delivery)}</p>` : ''}
${point ? `<h2 style="font-size:18px;margin:24px 0 8px">${l.pickupPoint}</h2><p style="margin:0">${lines(point)}</p>` : ''}
${doc.note ? `<h2 style="font-size:18px;margin:24px 0 8px">${l.note}</h2><p style="margin:0;white-space:pre-line">${esc(doc.note)}</p>` : ''}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:13px;color:#57606a">${lines([doc.seller.legalName || doc.seller.name, doc.seller.email, doc.seller.phone, doc.seller.web].filter(Boolean))}</td></tr>
</table>
</td></tr></table>
</body></html>`;
  return { subject: intro.subject, text, html };
}
