/** The withdrawal confirmation step: what will happen, the order's goods, an optional reason, one clear button. */
import type { CustomerOrderView } from '../../../services/accounts/customer-orders.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';

export function WithdrawalConfirm(props: { ctx: PageContext; csrf: string; view: CustomerOrderView; action: string; back: string; reason: string; error?: string }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const { order, withdrawal } = view;
  return (
    <>
      <h1>{t('account.withdrawal.title')}</h1>
      <p class="lead">{t('account.withdrawal.orderLead', { number: order.number })}</p>
      {props.error && (
        <div class="flash flash-error" role="alert">
          {props.error}
        </div>
      )}
      {withdrawal.open ? (
        <form method="post" action={props.action} class="account-form stack">
          <CsrfField token={props.csrf} />
          <p>{t('account.withdrawal.explain')}</p>
          <h2>{t('account.withdrawal.scope')}</h2>
          <ul>
            {order.items.map((i) => (
              <li key={i.sku}>
                {i.quantity} × {i.name}
              </li>
            ))}
          </ul>
          <div class="field">
            <label for="reason">{t('account.withdrawal.reason')}</label>
            <p class="hint">{t('account.withdrawal.reasonHint')}</p>
            <textarea id="reason" name="reason" rows={3} maxLength={2000}>
              {props.reason}
            </textarea>
          </div>
          <p class="hint">{t('account.withdrawal.emailNote', { email: order.email })}</p>
          <div class="form-actions">
            <button type="submit" class="button-primary">
              {t('account.withdrawal.confirm')}
            </button>{' '}
            <a href={props.back}>{t('account.withdrawal.cancel')}</a>
          </div>
        </form>
      ) : (
        <>
          {!props.error && <p>{t(`field.${withdrawal.reason}`)}</p>}
          <p>
            <a href={props.back}>{t('account.withdrawal.back')}</a>
          </p>
        </>
      )}
    </>
  );
}
