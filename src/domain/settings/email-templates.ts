/**
 * Email templates the owner edits in Configuration: a subject and a plain-text body with `{{placeholders}}`.
 * The HTML part is made from the text after the values are put in, so every value is escaped there,
 * and the subject loses line breaks, so no value can reach another header.
 */
export const TEMPLATE_KEYS = ['order_accepted', 'owner_new_order', 'status_processing', 'status_shipped', 'status_completed', 'status_cancelled', 'test_email', 'invoice_issued', 'credit_note_issued', 'payment_received'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type TemplateLocale = 'cs' | 'en';
export type EmailTemplate = { subject: string; body: string };
export type EmailTemplates = Record<TemplateKey, Record<TemplateLocale, EmailTemplate>>;

const ORDER = ['shopName', 'orderNumber', 'orderDate', 'customerName', 'total', 'itemCount', 'paymentMethod', 'shippingMethod', 'orderUrl'] as const;

/** Which placeholders each template may use. */
export const PLACEHOLDERS: Record<TemplateKey, readonly string[]> = {
  order_accepted: [...ORDER, 'note'],
  owner_new_order: ['shopName', 'orderNumber', 'orderDate', 'customerName', 'customerEmail', 'total', 'itemCount', 'adminUrl'],
  status_processing: [...ORDER, 'statusName'],
  status_shipped: [...ORDER, 'statusName', 'carrier', 'trackingNumber', 'trackingUrl'],
  status_completed: [...ORDER, 'statusName'],
  status_cancelled: [...ORDER, 'statusName'],
  test_email: ['shopName'],
  invoice_issued: ['shopName', 'orderNumber', 'customerName', 'documentNumber', 'documentTitle', 'total', 'documentUrl'],
  credit_note_issued: ['shopName', 'orderNumber', 'customerName', 'documentNumber', 'documentTitle', 'invoiceNumber', 'total', 'reason', 'documentUrl'],
  payment_received: ['shopName', 'orderNumber', 'customerName', 'total', 'amount', 'paymentMethod', 'orderUrl'],
};

export type TemplateProblem = { part: 'subject' | 'body'; code: 'template_required' | 'template_too_long' | 'template_malformed' | 'template_unknown_placeholder' | 'template_subject_newline'; detail?: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Every problem of a template, so a malformed one is refused when saved rather than when an email is sent. */
export function templateProblems(key: TemplateKey, template: EmailTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of ['subject', 'body'] as const) {
    const text = template[part];
    if (!text.trim()) problems.push({ part, code: 'template_required' });
    if (text.length > (part === 'subject' ? 200 : 10_000)) problems.push({ part, code: 'template_too_long' });
    const withoutPlaceholders = text.replace(PLACEHOLDER, '');
    if (withoutPlaceholders.includes('{{') || withoutPlaceholders.includes('}}')) problems.push({ part, code: 'template_malformed' });
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!PLACEHOLDERS[key].includes(name!)) problems.push({ part, code: 'template_unknown_placeholder', detail: name });
    }
  }
  if (/[\r\n]/.test(template.subject)) problems.push({ part: 'subject', code: 'template_subject_newline' });
  return problems;
}

export type RenderedEmail = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderTemplate(template: EmailTemplate, values: Record<string, string | number | null | undefined>): RenderedEmail {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_all, name: string) => String(values[name] ?? ''));
  const subject = fill(template.subject).replace(/[\r\n\t]+/g, ' ').trim();
  const text = fill(template.body).replace(/\r\n?/g, '\n');
  return { subject, text, html: textToHtml(text) };
}

/** Paragraphs and line breaks of plain text as escaped HTML, with bare http(s) links made clickable. */
export function textToHtml(text: string): string {
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2328">${textToParagraphs(text)}</body></html>`;
}

/** The `<p>` elements of textToHtml, for a message that puts more around them (the order-accepted email). */
export function textToParagraphs(text: string, style = ''): string {
  return text
    .split(/\n{2,}/)
    .map((p) =>
      escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>'),
    )
    .map((p) => `<p${style ? ` style="${style}"` : ''}>${p}</p>`)
    .join('\n');
}
