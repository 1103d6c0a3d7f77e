/** The order detail's "Doklady" box: every invoice and credit note with its files, issuing by hand, the credit note link. */
import { documentTitle } from '../../../domain/invoices/document-titles.js';
import type { Invoice } from '../../../domain/invoices/invoice.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { Settings } from '../../../domain/settings/settings.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { invoiceState } from '../../api/invoice-view.js';
import { INVOICES_PATH, invoicePath, issuePath } from './paths.js';

/** A Prague calendar day as people read it: `1. 3. 2026`, `01/03/2026` in English. */
export function formatDay(date: string, locale: 'cs' | 'en'): string {
  const [y, m, d] = date.split('-');
  return locale === 'cs' ? `${Number(d)}. ${Number(m)}. ${y}` : `${d}/${m}/${y}`;
}

export function DocumentLinks({ ctx, id }: { ctx: PageContext; id: number }) {
  return (
    <span class="document-links">
      <a href={`${invoicePath(id)}.pdf`}>{ctx.t('invoices.pdf')}</a> · <a href={`${invoicePath(id)}.isdoc`}>{ctx.t('invoices.isdoc')}</a>
    </span>
  );
}

export function OrderDocuments(props: { ctx: PageContext; csrfToken: string; orderNumber: string; cancelled: boolean; invoices: Invoice[]; issueOn: Settings['invoices']['issueOn'] }) {
  const { ctx, invoices } = props;
  const { t, locale } = ctx;
  const live = invoices.some((i) => i.kind === 'invoice' && invoiceState(i) !== 'credited');
  return (
    <section class="panel-box" id="doklady">
      <h2>{t('invoices.box')}</h2>
      {invoices.length === 0 ? (
        <p class="muted">{t('invoices.none')}</p>
      ) : (
        <ul class="documents">
          {invoices.map((i) => (
            <li key={i.id}>
              <strong>{documentTitle(i, locale)}</strong> {i.number}
              <br />
              <span class="num">{formatMoney(i.total, locale)}</span> · <span class="muted">{t(`invoices.state.${invoiceState(i)}`)}</span>
              <br />
              <DocumentLinks ctx={ctx} id={i.id} />
              {i.kind === 'invoice' && invoiceState(i) !== 'credited' && (
                <>
                  {' · '}
                  <a href={`${invoicePath(i.id)}/oprava`}>{t('invoices.credit')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!live && !props.cancelled && (
        <form method="post" action={issuePath(props.orderNumber)} class="stack">
          <CsrfField token={props.csrfToken} />
          {props.issueOn !== 'manual' && <p class="hint">{t(`invoices.automatic.${props.issueOn}`)}</p>}
          <p class="hint">{t('invoices.issueHint')}</p>
          <button type="submit">{t('invoices.issue')}</button>
        </form>
      )}
      <p>
        <a href={INVOICES_PATH}>{t('invoices.all')} →</a>
      </p>
    </section>
  );
}
