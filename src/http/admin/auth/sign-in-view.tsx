/** The admin sign-in form. */
import { BareLayout } from '../../views/admin-layout.js';
import { CsrfField, FlashMessage, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';

export function SignInPage(props: { ctx: PageContext; csrfToken: string; email?: string; next?: string; error?: string; flash?: Flash | null }) {
  const { t } = props.ctx;
  return (
    <BareLayout ctx={props.ctx} title={t('signin.title')}>
      <h1>{t('signin.title')}</h1>
      <FlashMessage flash={props.flash} />
      {props.error && (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      )}
      <form method="post" action="/admin/prihlaseni" class="stack">
        <CsrfField token={props.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <div class="field">
          <label for="email">{t('signin.email')}</label>
          <input id="email" name="email" type="email" autoComplete="username" required value={props.email ?? ''} maxLength={254} autoFocus />
        </div>
        <div class="field">
          <label for="password">{t('signin.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1000} />
        </div>
        <button type="submit" class="button-primary">
          {t('signin.submit')}
        </button>
      </form>
    </BareLayout>
  );
}
