/** The email templates a new shop starts with, in Czech and English. */
import type { EmailTemplates } from './email-templates.js';

const SIGNATURE_CS = 'S pozdravem\n{{shopName}}';
const SIGNATURE_EN = 'Kind regards\n{{shopName}}';

export const DEFAULT_TEMPLATES: EmailTemplates = {
  order_accepted: {
    cs: {
      subject: 'Přijali jsme vaši objednávku č. {{orderNumber}}',
      body: `Dobrý den, {{customerName}},\n\nděkujeme za vaši objednávku č. {{orderNumber}} ze dne {{orderDate}}. Celková cena je {{total}} ({{itemCount}} ks).\nDoprava: {{shippingMethod}}, platba: {{paymentMethod}}.\n\nObjednávku najdete v příloze jako PDF a také zde: {{orderUrl}}\n\n${SIGNATURE_CS}`,
    },
    en: {
      subject: 'We have received your order no. {{orderNumber}}',
      body: `Hello {{customerName}},\n\nthank you for your order no. {{orderNumber}} of {{orderDate}}. The total is {{total}} ({{itemCount}} items).\nShipping: {{shippingMethod}}, payment: {{paymentMethod}}.\n\nThe order is attached as a PDF and also here: {{orderUrl}}\n\n${SIGNATURE_EN}`,
    },
  },
  owner_new_order: {
    cs: {
      subject: 'Nová objednávka {{orderNumber}}',
      body: 'Nová objednávka {{orderNumber}}: {{total}}, položek {{itemCount}}.\n\nZákazník: {{customerName}} <{{customerEmail}}>\nDetail: {{adminUrl}}',
    },
    en: {
      subject: 'New order {{orderNumber}}',
      body: 'New order {{orderNumber}}: {{total}}, {{itemCount}} items.\n\nCustomer: {{customerName}} <{{customerEmail}}>\nDetail: {{adminUrl}}',
    },
  },
  status_processing: {
    cs: { subject: 'Objednávka č. {{orderNumber}} je v řešení', body: `Dobrý den, {{customerName}},\n\nvaši objednávku č. {{orderNumber}} právě připravujeme k odeslání.\n\nStav objednávky: {{orderUrl}}\n\n${SIGNATURE_CS}` },
    en: { subject: 'Order no. {{orderNumber}} is being prepared', body: `Hello {{customerName}},\n\nwe are preparing your order no. {{orderNumber}} for shipping.\n\nOrder status: {{orderUrl}}\n\n${SIGNATURE_EN}` },
  },
  status_shipped: {
    cs: {
      subject: 'Objednávka č. {{orderNumber}} byla odeslána',
      body: `Dobrý den, {{customerName}},\n\nvaše objednávka č. {{orderNumber}} byla předána dopravci {{carrier}}.\nČíslo zásilky: {{trackingNumber}}\nSledování zásilky: {{trackingUrl}}\n\n${SIGNATURE_CS}`,
    },
    en: {
      subject: 'Order no. {{orderNumber}} has been shipped',
      body: `Hello {{customerName}},\n\nyour order no. {{orderNumber}} has been handed to {{carrier}}.\nTracking number: {{trackingNumber}}\nTrack the parcel: {{trackingUrl}}\n\n${SIGNATURE_EN}`,
    },
  },
  status_completed: {
    cs: { subject: 'Objednávka č. {{orderNumber}} je vyřízená', body: `Dobrý den, {{customerName}},\n\nvaše objednávka č. {{orderNumber}} je vyřízená. Děkujeme za nákup a těšíme se na vás příště.\n\n${SIGNATURE_CS}` },
    en: { subject: 'Order no. {{orderNumber}} is completed', body: `Hello {{customerName}},\n\nyour order no. {{orderNumber}} is completed. Thank you for shopping with us.\n\n${SIGNATURE_EN}` },
  },
  status_cancelled: {
    cs: { subject: 'Objednávka č. {{orderNumber}} byla stornována', body: `Dobrý den, {{customerName}},\n\nvaše objednávka č. {{orderNumber}} byla stornována. S dotazy se na nás neváhejte obrátit odpovědí na tento e-mail.\n\n${SIGNATURE_CS}` },
    en: { subject: 'Order no. {{orderNumber}} has been cancelled', body: `Hello {{customerName}},\n\nyour order no. {{orderNumber}} has been cancelled. If you have any questions, just reply to this email.\n\n${SIGNATURE_EN}` },
  },
  test_email: {
    cs: { subject: 'Zkušební e-mail z obchodu {{shopName}}', body: `Dobrý den,\n\ntento zkušební e-mail potvrzuje, že odesílání e-mailů z obchodu {{shopName}} funguje.\n\n${SIGNATURE_CS}` },
    en: { subject: 'Test email from {{shopName}}', body: `Hello,\n\nthis test email confirms that {{shopName}} can send emails.\n\n${SIGNATURE_EN}` },
  },
  invoice_issued: {
    cs: {
      subject: '{{documentTitle}} {{documentNumber}} k objednávce č. {{orderNumber}}',
      body: `Dobrý den, {{customerName}},\n\nk vaší objednávce č. {{orderNumber}} jsme vystavili doklad {{documentTitle}} č. {{documentNumber}} na částku {{total}}. Najdete jej v příloze jako PDF a kdykoli také zde: {{documentUrl}}\n\n${SIGNATURE_CS}`,
    },
    en: {
      subject: '{{documentTitle}} {{documentNumber}} for order no. {{orderNumber}}',
      body: `Hello {{customerName}},\n\nfor your order no. {{orderNumber}} we have issued {{documentTitle}} no. {{documentNumber}} for {{total}}. It is attached as a PDF and always available here: {{documentUrl}}\n\n${SIGNATURE_EN}`,
    },
  },
  credit_note_issued: {
    cs: {
      subject: 'Opravný daňový doklad {{documentNumber}} k objednávce č. {{orderNumber}}',
      body: `Dobrý den, {{customerName}},\n\nk faktuře č. {{invoiceNumber}} (objednávka č. {{orderNumber}}) jsme vystavili opravný doklad č. {{documentNumber}} na částku {{total}}.\nDůvod opravy: {{reason}}\n\nDoklad najdete v příloze jako PDF a kdykoli také zde: {{documentUrl}}\n\n${SIGNATURE_CS}`,
    },
    en: {
      subject: 'Credit note {{documentNumber}} for order no. {{orderNumber}}',
      body: `Hello {{customerName}},\n\nfor invoice no. {{invoiceNumber}} (order no. {{orderNumber}}) we have issued credit note no. {{documentNumber}} for {{total}}.\nReason: {{reason}}\n\nThe credit note is attached as a PDF and always available here: {{documentUrl}}\n\n${SIGNATURE_EN}`,
    },
  },
  payment_received: {
    cs: {
      subject: 'Platbu za objednávku č. {{orderNumber}} jsme přijali',
      body: `Dobrý den, {{customerName}},\n\nplatbu {{amount}} za objednávku č. {{orderNumber}} ({{paymentMethod}}) jsme přijali. Děkujeme, objednávka je zaplacena.\n\nStav objednávky: {{orderUrl}}\n\n${SIGNATURE_CS}`,
    },
    en: {
      subject: 'Payment for order no. {{orderNumber}} received',
      body: `Hello {{customerName}},\n\nwe have received your payment of {{amount}} for order no. {{orderNumber}} ({{paymentMethod}}). Thank you, the order is paid.\n\nOrder status: {{orderUrl}}\n\n${SIGNATURE_EN}`,
    },
  },
};
