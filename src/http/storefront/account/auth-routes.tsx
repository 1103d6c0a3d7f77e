/** Registration, sign-in and sign-out, forgotten password and the email-change confirmation link (`/ucet/…`). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { csrfGuard } from '../../middleware/session.js';
import { safeLocalPath } from '../../middleware/locale.js';
import { startCustomerSession as startSession } from './customer-session.js';
import { formErrorsOf, formOf, sendAccountPage, setFlash, type AccountPageContext } from './account-page.js';
import { ForgotForm, RegistrationForm, ResetForm, SignInForm, TokenInvalid } from './auth-views.js';

const HOME = '/ucet';
/** After sign-in only account pages and the checkout are followed, so a crafted link leads nowhere odd. */
const nextOf = (value: string | undefined) => safeLocalPath(value, HOME);

export function registerAuthRoutes(app: FastifyInstance, services: Services, pageContext: AccountPageContext) {
  const guard = { preHandler: csrfGuard(app) };
  const page = (request: FastifyRequest, reply: Parameters<typeof sendAccountPage>[3], title: string, body: Parameters<typeof sendAccountPage>[4]['body'], status?: number) =>
    sendAccountPage(services, pageContext, request, reply, { title, body, status });

  app.get<{ Querystring: { next?: string } }>('/ucet/registrace', async (request, reply) => {
    if (request.customer) return reply.redirect(HOME, 303);
    return page(request, reply, request.t('account.register.title'), (ctx) => <RegistrationForm ctx={ctx} csrf={reply.generateCsrf()} values={{ next: request.query.next ?? '' }} />);
  });

  app.post('/ucet/registrace', guard, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const customer = await services.registerCustomer({ email: form.email ?? '', name: form.name ?? '', password: form.password ?? '', locale: request.locale, emailChecked: form.emailChecked });
      await startSession(request, customer);
      setFlash(request, { kind: 'success', text: request.t('account.register.done') });
      return reply.redirect(nextOf(form.next), 303);
    } catch (error) {
      const errors = formErrorsOf(request.t, error);
      if (!errors) throw error;
      const emailChecked = isDomainError(error) && error.fields?.email === 'email_suggestion' ? (error.params?.address ?? '') : (form.emailChecked ?? '');
      const status = isDomainError(error) && error.code === 'account_exists' ? 409 : 422;
      return page(request, reply, request.t('account.register.title'), (ctx) => <RegistrationForm ctx={ctx} csrf={reply.generateCsrf()} values={{ ...form, emailChecked }} errors={errors} />, status);
    }
  });

  app.get<{ Querystring: { next?: string } }>('/ucet/prihlaseni', async (request, reply) => {
    if (request.customer) return reply.redirect(nextOf(request.query.next), 303);
    return page(request, reply, request.t('account.signIn.title'), (ctx) => <SignInForm ctx={ctx} csrf={reply.generateCsrf()} values={{ next: request.query.next ?? '' }} />);
  });

  app.post('/ucet/prihlaseni', guard, async (request, reply) => {
    const form = formOf(request.body);
    try {
      const customer = await services.signInCustomer({ email: (form.email ?? '').slice(0, 254), password: (form.password ?? '').slice(0, 1000), ip: request.ip });
      await startSession(request, customer);
      return reply.redirect(nextOf(form.next), 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const status = error.code === 'too_many_attempts' ? 429 : error.code === 'forbidden' ? 403 : 401;
      const text = error.code === 'forbidden' ? request.t('field.account_blocked') : request.t(`error.${error.code}` as 'error.invalid_credentials');
      return page(request, reply, request.t('account.signIn.title'), (ctx) => <SignInForm ctx={ctx} csrf={reply.generateCsrf()} values={{ email: form.email ?? '', next: form.next ?? '' }} errors={{ email: text }} />, status);
    }
  });

  app.post('/ucet/odhlaseni', guard, async (request, reply) => {
    // Only the customer leaves: an admin signed in on the same browser stays signed in.
    request.session.customerId = undefined;
    await request.session.regenerate(['adminUserId', 'cartId', 'cartCount']);
    setFlash(request, { kind: 'info', text: request.t('account.signedOut') });
    return reply.redirect('/', 303);
  });

  app.get('/ucet/zapomenute-heslo', async (request, reply) => page(request, reply, request.t('account.forgot.title'), (ctx) => <ForgotForm ctx={ctx} csrf={reply.generateCsrf()} />));

  app.post('/ucet/zapomenute-heslo', guard, async (request, reply) => {
    const form = formOf(request.body);
    await services.requestPasswordReset({ email: form.email ?? '' });
    // The same answer whether or not the address has an account.
    setFlash(request, { kind: 'info', text: request.t('account.forgot.sent') });
    return reply.redirect('/ucet/prihlaseni', 303);
  });

  app.get<{ Params: { token: string } }>('/ucet/nove-heslo/:token', async (request, reply) => {
    const title = request.t('account.reset.title');
    try {
      await services.checkResetToken(request.params.token);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return page(request, reply, title, (ctx) => <TokenInvalid ctx={ctx} />, 404);
    }
    return page(request, reply, title, (ctx) => <ResetForm ctx={ctx} csrf={reply.generateCsrf()} token={request.params.token} />);
  });

  app.post<{ Params: { token: string } }>('/ucet/nove-heslo/:token', guard, async (request, reply) => {
    const form = formOf(request.body);
    const title = request.t('account.reset.title');
    try {
      await services.resetPassword({ token: request.params.token, password: form.password ?? '' });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'not_found') return page(request, reply, title, (ctx) => <TokenInvalid ctx={ctx} />, 404);
      return page(request, reply, title, (ctx) => <ResetForm ctx={ctx} csrf={reply.generateCsrf()} token={request.params.token} errors={formErrorsOf(request.t, error) ?? {}} />, 422);
    }
    setFlash(request, { kind: 'success', text: request.t('account.reset.done') });
    return reply.redirect('/ucet/prihlaseni', 303);
  });

  // The link in the email to the new address; following it is the confirmation.
  app.get<{ Params: { token: string } }>('/ucet/potvrdit-email/:token', async (request, reply) => {
    try {
      const { email } = await services.confirmEmailChange({ token: request.params.token });
      setFlash(request, { kind: 'success', text: request.t('account.email.changed', { email }) });
      return reply.redirect(request.customer ? '/ucet/nastaveni' : '/ucet/prihlaseni', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const text = error.code === 'account_exists' ? request.t('field.account_exists') : request.t('field.token_invalid');
      return page(request, reply, request.t('account.token.invalidTitle'), () => <p class="lead">{text}</p>, error.code === 'account_exists' ? 409 : 404);
    }
  });
}
