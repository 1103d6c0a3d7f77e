/**
 * A credit note (opravný daňový doklad, § 45) to an invoice: the whole rest, some lines or an amount, with a reason.
 * The invoice is locked while what is left of it is worked out, the credit note numbered from its own series in the
 * same transaction, the invoice marked fully credited when nothing is left (then the order may be invoiced anew).
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money/money.js';
import { creditNoteLines, creditReason, type CreditRequest } from '../../domain/invoices/credit-note.js';
import type { Invoice } from '../../domain/invoices/invoice.js';
import { pragueDateOf } from '../../domain/stats/prague-calendar.js';
import { getSettings } from '../settings/get-settings.js';
import { queueDocumentEmail } from './invoice-emails.js';
import { allocateNumber, type InvoiceDeps } from './issue-invoice.js';
import { recordCardRefund } from '../payments/card-refund.js';
import type { PaymentRepo } from '../payments/ports.js';

const AMOUNT_LINE = { cs: (n: string) => `Oprava ceny k dokladu ${n}`, en: (n: string) => `Price correction to ${n}` };

export async function issueCreditNote(deps: InvoiceDeps & { payments: PaymentRepo }, input: { invoiceId: number; request: CreditRequest; actor: string }): Promise<Invoice> {
  const reason = creditReason(input.request.reason);
  const found = await deps.invoices.findById(null, input.invoiceId);
  if (!found) throw new DomainError('not_found');
  if (found.kind !== 'invoice') throw new DomainError('validation', 'not an invoice', { invoice: 'credit_of_credit_note' });
  const order = await deps.orders.findByNumber(found.orderNumber);
  if (!order) throw new DomainError('not_found');
  const settings = await getSettings(deps);

  return deps.transactor.run(async (tx) => {
    // Read again under the lock: of two credit notes at once, the second sees what the first left.
    const invoice = (await deps.invoices.findById(tx, input.invoiceId))!;
    const credited = (await deps.invoices.creditNotesOf(tx, invoice.id)).flatMap((c) => c.content.lines);
    const { lines, vat, total, fully } = creditNoteLines({ lines: invoice.content.lines, vat: invoice.content.vat, total: invoice.total }, credited, input.request, AMOUNT_LINE[invoice.locale](invoice.number));
    const now = deps.clock.now();
    const issueDate = pragueDateOf(now);
    const { number, series, sequence } = await allocateNumber(deps.invoices, tx, 'credit_note', settings.invoices.creditNoteNumberFormat, issueDate);
    const creditNote = await deps.invoices.insert(tx, {
      kind: 'credit_note',
      number,
      series,
      sequence,
      orderId: invoice.orderId,
      orderNumber: invoice.orderNumber,
      invoiceId: invoice.id,
      simplified: false,
      vatPayer: invoice.vatPayer,
      locale: invoice.locale,
      issuedAt: now.toISOString(),
      issueDate,
      // The correction is taxable on the day it is made (§ 42): the day this document is issued.
      taxableDate: issueDate,
      dueDate: null,
      variableSymbol: invoice.variableSymbol,
      total,
      currency: 'CZK',
      reason,
      uuid: randomUUID(),
      issuedBy: input.actor,
      content: { ...invoice.content, lines, vat, original: { id: invoice.id, number: invoice.number, issueDate: invoice.issueDate, uuid: invoice.uuid } },
    });
    await deps.invoices.recordCredit(tx, invoice.id, invoice.creditedTotal - total, fully);
    // An order paid by card gets its money back through the gateway: the refund is written with the credit note.
    await recordCardRefund(deps, tx, creditNote, now);
    const emailed = await queueDocumentEmail(deps, tx, { invoice: creditNote, order, settings, original: invoice });
    await deps.orders.addEvents(tx, order.id, [
      {
        kind: 'credit_note',
        actor: input.actor,
        internal: false,
        text: `Opravný doklad ${number} k faktuře ${invoice.number} (${formatMoney(total)})${fully ? ', faktura je celá opravena' : ''}\nDůvod opravy: ${reason}\nE-mail zákazníkovi: ${emailed}`,
        at: now,
      },
    ]);
    return creditNote;
  });
}
