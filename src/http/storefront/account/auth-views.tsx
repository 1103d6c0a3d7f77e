/** The account forms: registration, sign-in, forgotten password and the new-password form. */
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { FormErrorSummary, Input, type FormErrors } from './account-page.js';

type FormProps = { ctx: PageContext; csrf: string; values?: Record<string, string>; errors?: FormErrors };

export function RegistrationForm({ ctx, csrf, values = {}, errors = {} }: FormProps) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('account.register.title')}</h1>
      <p class="lead">{t('account.register.lead')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/ucet/registrace" class="account-form stack" novalidate>
        <CsrfField token={csrf} />
        {values.emailChecked && <input type="hidden" name="emailChecked" value={values.emailChecked} />}
        {values.next && <input type="hidden" name="next" value={values.next} />}
        <Input id="email" type="email" label={t('account.email')} errors={errors} value={values.email} autocomplete="email" maxLength={254} required />
        <Input id="name" label={t('account.name')} errors={errors} value={values.name} autocomplete="name" required />
        <Input id="password" type="password" label={t('account.password')} hint={t('account.passwordHint')} errors={errors} autocomplete="new-password" maxLength={1000} required />
        <button type="submit" class="button-primary">
          {t('account.register.submit')}
        </button>
      </form>
      <p>
        {t('account.register.haveAccount')} <a href={`/ucet/prihlaseni${values.next ? `?next=${encodeURIComponent(values.next)}` : ''}`}>{t('account.signIn.link')}</a>
      </p>
    </>
  );
}

export function SignInForm({ ctx, csrf, values = {}, errors = {} }: FormProps) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('account.signIn.title')}</h1>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/ucet/prihlaseni" class="account-form stack">
        <CsrfField token={csrf} />
        {values.next && <input type="hidden" name="next" value={values.next} />}
        <Input id="email" type="email" label={t('account.email')} errors={errors} value={values.email} autocomplete="username" maxLength={254} required />
        <Input id="password" type="password" label={t('account.password')} errors={errors} autocomplete="current-password" maxLength={1000} required />
        <button type="submit" class="button-primary">
          {t('account.signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/ucet/zapomenute-heslo">{t('account.forgot.link')}</a>
      </p>
      <p>
        {t('account.signIn.noAccount')} <a href={`/ucet/registrace${values.next ? `?next=${encodeURIComponent(values.next)}` : ''}`}>{t('account.register.link')}</a>
      </p>
    </>
  );
}

export function ForgotForm({ ctx, csrf, values = {} }: FormProps) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('account.forgot.title')}</h1>
      <p class="lead">{t('account.forgot.lead')}</p>
      <form method="post" action="/ucet/zapomenute-heslo" class="account-form stack">
        <CsrfField token={csrf} />
        <Input id="email" type="email" label={t('account.email')} value={values.email} autocomplete="email" maxLength={254} required />
        <button type="submit" class="button-primary">
          {t('account.forgot.submit')}
        </button>
      </form>
    </>
  );
}

export function ResetForm({ ctx, csrf, token, errors = {} }: FormProps & { token: string }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('account.reset.title')}</h1>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/ucet/nove-heslo/${token}`} class="account-form stack">
        <CsrfField token={csrf} />
        <Input id="password" type="password" label={t('account.newPassword')} hint={t('account.passwordHint')} errors={errors} autocomplete="new-password" maxLength={1000} required />
        <button type="submit" class="button-primary">
          {t('account.reset.submit')}
        </button>
      </form>
    </>
  );
}

export function TokenInvalid({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('account.token.invalidTitle')}</h1>
      <p class="lead">{t('field.token_invalid')}</p>
      <p>
        <a href="/ucet/zapomenute-heslo">{t('account.forgot.link')}</a>
      </p>
    </>
  );
}
