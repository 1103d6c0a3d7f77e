/** The signed-in customer's pages: orders (list, detail, PDF) and settings (profile, password, email). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrderDocument } from '../../../domain/documents/order-document.js';
import { documentFilename } from '../../../domain/documents/order-document.js';
import type { Services } from '../../../services/services.js';
import { csrfGuard } from '../../middleware/session.js';
import { formErrorsOf, formOf, sendAccountPage, setFlash, type AccountPageContext, type FormErrors } from './account-page.js';
import { passwordKey, requireCustomer } from './customer-session.js';
import { AccountNav, OrderDetail, OrdersOverview, profileValues, SettingsPage } from './profile-views.js';
import { Pager, pageNumber } from '../product-card.js';
import { CardPayBox } from '../card-pay-box.js';
import { CustomerDocuments } from './documents-view.js';

export function registerProfileRoutes(app: FastifyInstance, services: Services, pageContext: AccountPageContext, renderPdf: (doc: OrderDocument) => Promise<Buffer>) {
  const guard = { preHandler: csrfGuard(app) };

  app.get<{ Querystring: { strana?: string } }>('/ucet', async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const list = await services.customerOrders(customer.id, pageNumber(request.query.strana));
    if (list.page > list.pages) return reply.callNotFound();
    return sendAccountPage(services, pageContext, request, reply, {
      title: request.t('account.title'),
      body: (ctx) => (
        <>
          <AccountNav ctx={ctx} csrf={reply.generateCsrf()} current="orders" />
          <OrdersOverview ctx={ctx} name={customer.name} orders={list.orders} />
          <Pager ctx={ctx} page={list.page} pages={list.pages} href={(p) => (p > 1 ? `/ucet?strana=${p}` : '/ucet')} />
        </>
      ),
    });
  });

  app.get<{ Params: { number: string } }>('/ucet/objednavky/:number', async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    // Another customer's order answers exactly like one that does not exist.
    const order = await services.customerOrder(customer.id, request.params.number);
    if (!order) return reply.callNotFound();
    const [view, documents, cardPay] = await Promise.all([services.customerOrderView(order), services.orderInvoices(order.number), services.canPayByCard(order)]);
    const base = `/ucet/objednavky/${order.number}`;
    return sendAccountPage(services, pageContext, request, reply, {
      title: request.t('account.order.title', { number: order.number }),
      body: (ctx) => (
        <>
          <AccountNav ctx={ctx} csrf={reply.generateCsrf()} current="orders" />
          {cardPay && <CardPayBox ctx={ctx} order={order} csrf={reply.generateCsrf()} />}
          <OrderDetail ctx={ctx} view={view} base={base} />
          <CustomerDocuments ctx={ctx} documents={documents} href={(id) => `${base}/doklady/${id}.pdf`} />
        </>
      ),
    });
  });

  app.get<{ Params: { number: string } }>('/ucet/objednavky/:number/doklad.pdf', async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const order = await services.customerOrder(customer.id, request.params.number);
    const doc = order ? await services.orderDocument(order.number) : null;
    if (!doc) return reply.callNotFound();
    const pdf = await renderPdf(doc);
    return reply
      .header('content-disposition', `inline; filename="${documentFilename(doc.locale, doc.number)}"`)
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .type('application/pdf')
      .send(pdf);
  });

  const settingsPage = async (request: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: FormErrors; form?: 'profile' | 'password' | 'email' | null; status?: number } = {}) => {
    const customer = await services.findCustomer(request.customer!.id);
    if (!customer) return reply.redirect('/ucet/prihlaseni', 303);
    const values = { ...profileValues(customer), ...(state.values ?? {}) };
    return sendAccountPage(services, pageContext, request, reply, {
      title: request.t('account.settings.title'),
      status: state.status,
      body: (ctx) => (
        <>
          <AccountNav ctx={ctx} csrf={reply.generateCsrf()} current="settings" />
          <SettingsPage ctx={ctx} csrf={reply.generateCsrf()} email={customer.email} values={values} errors={state.errors ?? {}} form={state.form ?? null} />
        </>
      ),
    });
  };

  app.get('/ucet/nastaveni', async (request, reply) => {
    if (!requireCustomer(request, reply)) return reply;
    return settingsPage(request, reply);
  });

  app.post('/ucet/nastaveni', guard, async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const form = formOf(request.body);
    try {
      await services.updateCustomerProfile(customer.id, form);
    } catch (error) {
      const errors = formErrorsOf(request.t, error);
      if (!errors) throw error;
      return settingsPage(request, reply, { values: form, errors, form: 'profile', status: 422 });
    }
    setFlash(request, { kind: 'success', text: request.t('account.settings.saved') });
    return reply.redirect('/ucet/nastaveni', 303);
  });

  app.post('/ucet/nastaveni/heslo', guard, async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const form = formOf(request.body);
    try {
      await services.changeCustomerPassword({ customerId: customer.id, currentPassword: form.currentPassword ?? '', newPassword: form.newPassword ?? '' });
      // This session stays signed in; every other one of the account ends with the old password.
      request.session.customerKey = passwordKey((await services.findCustomer(customer.id))?.passwordHash ?? null);
    } catch (error) {
      const errors = formErrorsOf(request.t, error);
      if (!errors) throw error;
      return settingsPage(request, reply, { errors, form: 'password', status: 422 });
    }
    setFlash(request, { kind: 'success', text: request.t('account.settings.passwordChanged') });
    return reply.redirect('/ucet/nastaveni', 303);
  });

  app.post('/ucet/nastaveni/email', guard, async (request, reply) => {
    const customer = requireCustomer(request, reply);
    if (!customer) return reply;
    const form = formOf(request.body);
    try {
      const email = await services.requestEmailChange({ customerId: customer.id, newEmail: form.newEmail ?? '', password: form.emailPassword ?? '', emailChecked: form.emailChecked });
      setFlash(request, { kind: 'info', text: request.t('account.email.sent', { email }) });
      return reply.redirect('/ucet/nastaveni', 303);
    } catch (error) {
      const errors = formErrorsOf(request.t, error);
      if (!errors) throw error;
      if (errors.currentPassword) {
        errors.emailPassword = errors.currentPassword;
        delete errors.currentPassword;
      }
      const suggestion = (error as { fields?: Record<string, string>; params?: Record<string, string> }).fields?.newEmail === 'email_suggestion' ? ((error as { params?: Record<string, string> }).params?.address ?? '') : '';
      return settingsPage(request, reply, { values: { newEmail: form.newEmail ?? '', emailChecked: suggestion }, errors, form: 'email', status: 422 });
    }
  });
}
