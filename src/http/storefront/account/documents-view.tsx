/** The customer's tax documents of one order (invoices and credit notes), each with its PDF to download again. */
import { documentTitle } from '../../../domain/invoices/document-titles.js';
import type { Invoice } from '../../../domain/invoices/invoice.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { PageContext } from '../../views/page-context.js';

export function CustomerDocuments({ ctx, documents, href }: { ctx: PageContext; documents: Invoice[]; href: (id: number) => string }) {
  if (documents.length === 0) return null;
  const { t, locale } = ctx;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('account.documents')}</h2>
      <ul class="documents">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={href(d.id)}>
              {documentTitle(d, locale)} {d.number}
            </a>{' '}
            <span class="muted">({formatMoney(d.total, locale)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
