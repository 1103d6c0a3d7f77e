/** The checkout's account parts: sign-in or registration when guests may not order, "signed in as", "create an account". */
import type { PageContext } from '../../views/page-context.js';

/** The signed-in customer's email, or the offer to create an account with this order. */
export type CheckoutAccount = { signedInEmail: string | null; offer: boolean; create: boolean; passwordError?: string };

/** Guest checkout is off and nobody is signed in: the way to an account instead of the form. */
export function SignInFirst({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const next = encodeURIComponent('/pokladna');
  return (
    <section class="flash flash-info checkout-guest-disabled stack">
      <h2>{t('account.checkout.signInTitle')}</h2>
      <p>{t('checkout.guestDisabled')}</p>
      <p>{t('account.checkout.signInLead')}</p>
      <p>
        <a class="button button-primary" href={`/ucet/prihlaseni?next=${next}`}>
          {t('account.signIn.submit')}
        </a>{' '}
        <a class="button" href={`/ucet/registrace?next=${next}`}>
          {t('account.register.submit')}
        </a>
      </p>
    </section>
  );
}

export function AccountChoice({ ctx, account }: { ctx: PageContext; account: CheckoutAccount }) {
  const { t } = ctx;
  if (account.signedInEmail) return <p class="hint checkout-signed-in">{t('account.checkout.signedInAs', { email: account.signedInEmail })}</p>;
  if (!account.offer) return null;
  return (
    <div class={account.passwordError ? 'field field-error' : 'field'}>
      <div class="choice">
        <input type="checkbox" id="createAccount" name="createAccount" value="1" checked={account.create} />
        <label for="createAccount">{t('account.checkout.createAccount')}</label>
      </div>
      <label for="accountPassword">{t('account.checkout.password')}</label>
      <p class="hint">{t('account.passwordHint')}</p>
      {account.passwordError && (
        <p class="error-message" id="accountPassword-error">
          {account.passwordError}
        </p>
      )}
      <input id="accountPassword" name="accountPassword" type="password" autocomplete="new-password" maxLength={1000} aria-describedby={account.passwordError ? 'accountPassword-error' : undefined} />
    </div>
  );
}

