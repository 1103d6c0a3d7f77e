/** The customer profile's documents: every invoice and credit note of the customer's orders, with their files. */
import { documentTitle } from '../../../domain/invoices/document-titles.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { InvoiceListRow } from '../../../services/invoices/ports.js';
import type { PageContext } from '../../views/page-context.js';
import { ORDERS_PATH } from '../orders/badges.js';
import { DocumentLinks, formatDay } from './order-documents.js';

export function CustomerDocumentsBox({ ctx, documents }: { ctx: PageContext; documents: InvoiceListRow[] }) {
  if (documents.length === 0) return null;
  const { t, locale } = ctx;
  return (
    <section class="panel-box" id="doklady">
      <h2>{t('customers.documents')}</h2>
      <div class="table-scroll">
        <table class="index-table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.col.number')}</th>
              <th scope="col">{t('invoices.col.kind')}</th>
              <th scope="col">{t('invoices.col.issueDate')}</th>
              <th scope="col">{t('invoices.col.order')}</th>
              <th scope="col" class="num">{t('invoices.col.total')}</th>
              <th scope="col">{t('invoices.col.files')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td class="nowrap">{d.number}</td>
                <td>{documentTitle(d, locale)}</td>
                <td class="nowrap">{formatDay(d.issueDate, locale)}</td>
                <td>
                  <a href={`${ORDERS_PATH}/${d.orderNumber}#doklady`}>{d.orderNumber}</a>
                </td>
                <td class="num nowrap">{formatMoney(d.total, locale)}</td>
                <td class="nowrap">
                  <DocumentLinks ctx={ctx} id={d.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
