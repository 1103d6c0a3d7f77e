/** The Zákazníci panel: lists, the profile with its actions, one-time buyers; GDPR export and anonymisation are the owner's. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeGuestCursor, encodeCustomerCursor, encodeGuestCursor } from '../../../domain/customers/customer-list.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { translateFields } from '../../middleware/errors.js';
import { readListQuery } from '../../api/admin-customers-api.js';
import type { Flash } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import type { FormBody } from '../settings/form-fields.js';
import { CUSTOMERS_PATH, CustomerList, GUESTS_PATH, GuestList, guestUrl } from './list-view.js';
import { ConfirmCustomerAction, GuestProfile } from './other-views.js';
import { CustomerProfile, type ProfileForms } from './profile-view.js';

const PAGE_SIZE = 50;
const OWNER = { config: { role: 'owner' as const } };

const idOf = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DomainError('not_found');
  return Number(raw);
};
const field = (body: FormBody, name: string) => {
  const v = body[name];
  return typeof v === 'string' ? v : '';
};

export function registerCustomerRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const html = (reply: FastifyReply, page: preact.JSX.Element, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
  const takeFlash = (request: FastifyRequest): Flash | null => {
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    return flash;
  };
  const done = (request: FastifyRequest, reply: FastifyReply, to: string, text: string) => {
    request.session.flash = { kind: 'success', text };
    return reply.redirect(to, 303);
  };
  const actor = (request: FastifyRequest) => request.admin!.name;

  const profilePage = async (request: FastifyRequest, reply: FastifyReply, id: number, forms: ProfileForms = {}, status = 200) =>
    html(reply, <CustomerProfile ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={takeFlash(request)} profile={await services.customerProfile(id)} documents={await services.customerInvoices(id)} forms={forms} />, status);

  /** A form that failed validation: the profile again, with the entered values and the messages beside the fields. */
  const withFormErrors = async (request: FastifyRequest, reply: FastifyReply, id: number, form: keyof ProfileForms, values: Record<string, string>, work: () => Promise<unknown>) => {
    try {
      return await work();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      return profilePage(request, reply, id, { [form]: { values, errors: translateFields(request.t, error.fields) ?? {} } }, 422);
    }
  };

  app.get<{ Querystring: { q?: string; razeni?: string; po?: string } }>(CUSTOMERS_PATH, async (request, reply) => {
    const query = readListQuery({ q: request.query.q, sort: request.query.razeni || undefined, cursor: request.query.po, limit: String(PAGE_SIZE) });
    const page = await services.listCustomers({ ...query, q: query.q?.slice(0, 100) });
    const next = page.next ? encodeCustomerCursor(page.next) : null;
    return html(reply, <CustomerList ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={takeFlash(request)} customers={page.items} sort={query.sort} q={query.q ?? ''} next={next} paged={!!query.after} />);
  });

  app.get<{ Querystring: { q?: string; po?: string; email?: string } }>(GUESTS_PATH, async (request, reply) => {
    const ctx = pageContext(request);
    if (request.query.email !== undefined) {
      const guest = await services.guestProfile(request.query.email);
      return html(reply, <GuestProfile ctx={ctx} admin={adminFrame(request, reply)} flash={takeFlash(request)} email={guest.email} orders={guest.orders} emails={guest.emails} />);
    }
    const after = request.query.po ? decodeGuestCursor(request.query.po) : undefined;
    if (after === null) throw new DomainError('validation', 'cursor', { cursor: 'invalid_value' });
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    const page = await services.listGuestBuyers({ q, limit: PAGE_SIZE, after });
    const next = page.next ? encodeGuestCursor(page.next) : null;
    return html(reply, <GuestList ctx={ctx} admin={adminFrame(request, reply)} flash={takeFlash(request)} guests={page.items} q={q} next={next} paged={!!after} />);
  });

  app.get<{ Querystring: { email?: string } }>(`${GUESTS_PATH}/export.json`, OWNER, async (request, reply) => {
    const data = await services.exportGuestData(request.query.email, actor(request));
    return reply.header('content-disposition', 'attachment; filename="jednorazovy-zakaznik.json"').send(data);
  });

  app.post(`${GUESTS_PATH}/anonymizovat`, OWNER, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const email = field(body, 'email');
    const guest = await services.guestProfile(email);
    if (field(body, 'confirmed') !== '1') {
      const ctx = pageContext(request);
      return html(reply, <ConfirmCustomerAction ctx={ctx} admin={adminFrame(request, reply)} question={ctx.t('customers.guestAnonymizeConfirm', { email: guest.email })} what={ctx.t('customers.anonymizeWhat')} action={`${GUESTS_PATH}/anonymizovat`} backUrl={guestUrl(guest.email)} hidden={{ email: guest.email }} />);
    }
    const result = await services.anonymizeGuest(guest.email, actor(request));
    return done(request, reply, GUESTS_PATH, request.t('customers.anonymizedDone', { orders: result.orders, emails: result.emails }));
  });

  app.get<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id`, async (request, reply) => profilePage(request, reply, idOf(request.params.id)));

  app.post<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/poznamka`, async (request, reply) => {
    const id = idOf(request.params.id);
    const note = field((request.body ?? {}) as FormBody, 'note');
    return withFormErrors(request, reply, id, 'note', { note }, async () => {
      await services.setCustomerNote({ id, note, actor: actor(request) });
      return done(request, reply, `${CUSTOMERS_PATH}/${id}`, request.t('customers.noteSaved'));
    });
  });

  app.post<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/email`, async (request, reply) => {
    const id = idOf(request.params.id);
    const body = (request.body ?? {}) as FormBody;
    const values = { subject: field(body, 'subject'), body: field(body, 'body') };
    return withFormErrors(request, reply, id, 'email', values, async () => {
      const sent = await services.emailCustomerAccount({ id, ...values, actor: actor(request) });
      return done(request, reply, `${CUSTOMERS_PATH}/${id}`, request.t('customers.emailQueued', { to: sent.to }));
    });
  });

  app.post<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/blokovat`, async (request, reply) => {
    const customer = await services.getCustomer(idOf(request.params.id));
    const path = `${CUSTOMERS_PATH}/${customer.id}`;
    if (field((request.body ?? {}) as FormBody, 'confirmed') !== '1') {
      const ctx = pageContext(request);
      return html(reply, <ConfirmCustomerAction ctx={ctx} admin={adminFrame(request, reply)} question={ctx.t('customers.blockConfirm', { name: customer.name })} what={ctx.t('customers.blockWhat')} action={`${path}/blokovat`} backUrl={path} />);
    }
    await services.setCustomerBlocked({ id: customer.id, blocked: true, actor: actor(request) });
    return done(request, reply, path, request.t('customers.blockedDone'));
  });

  app.post<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/odblokovat`, async (request, reply) => {
    const id = idOf(request.params.id);
    await services.setCustomerBlocked({ id, blocked: false, actor: actor(request) });
    return done(request, reply, `${CUSTOMERS_PATH}/${id}`, request.t('customers.unblockedDone'));
  });

  app.get<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/export.json`, OWNER, async (request, reply) => {
    const id = idOf(request.params.id);
    const data = await services.exportCustomerData(id, actor(request));
    return reply.header('content-disposition', `attachment; filename="zakaznik-${id}.json"`).send(data);
  });

  app.post<{ Params: { id: string } }>(`${CUSTOMERS_PATH}/:id/anonymizovat`, OWNER, async (request, reply) => {
    const customer = await services.getCustomer(idOf(request.params.id));
    const path = `${CUSTOMERS_PATH}/${customer.id}`;
    if (field((request.body ?? {}) as FormBody, 'confirmed') !== '1') {
      const ctx = pageContext(request);
      return html(reply, <ConfirmCustomerAction ctx={ctx} admin={adminFrame(request, reply)} question={ctx.t('customers.anonymizeConfirm', { name: customer.name })} what={ctx.t('customers.anonymizeWhat')} action={`${path}/anonymizovat`} backUrl={path} />);
    }
    const result = await services.anonymizeCustomer(customer.id, actor(request));
    return done(request, reply, path, request.t('customers.anonymizedDone', { orders: result.orders, emails: result.emails }));
  });
}
