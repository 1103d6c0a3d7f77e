/** "Zaplatit znovu": an unpaid card order's box on the thank-you page and in the customer's account. */
import type { Order } from '../../services/orders/ports.js';
import { CsrfField } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';

export function CardPayBox({ ctx, order, csrf }: { ctx: PageContext; order: Order; csrf: string }) {
  const { t } = ctx;
  return (
    <section class="payment-box card-pay stack" aria-labelledby="card-pay-title">
      <h2 id="card-pay-title">{t('settings.kind.card')}</h2>
      <p>{t('pay.card.waiting')}</p>
      <form method="post" action={`/objednavka/${order.number}/zaplatit`}>
        <CsrfField token={csrf} />
        <input type="hidden" name="t" value={order.accessToken} />
        <button type="submit" class="button-primary">
          {t('pay.card.again')}
        </button>
      </form>
    </section>
  );
}
