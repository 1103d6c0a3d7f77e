/**
 * "Odstoupit od smlouvy": a confirmation page and its post, for the customer's order in the account and for the
 * guest's tokenised order page. Whoever may see the order may withdraw; anyone else gets 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { Order } from '../../../services/orders/ports.js';
import type { Services } from '../../../services/services.js';
import { csrfGuard } from '../../middleware/session.js';
import { formOf, sendAccountPage, setFlash, type AccountPageContext } from './account-page.js';
import { requireCustomer } from './customer-session.js';
import { WithdrawalConfirm } from './withdrawal-view.js';

type Access = { order: Order; back: string; action: string; by: 'customer' | 'guest' };

export function registerWithdrawalRoutes(app: FastifyInstance, services: Services, pageContext: AccountPageContext) {
  const guard = { preHandler: csrfGuard(app) };

  const customerAccess = async (request: FastifyRequest<{ Params: { number: string } }>, reply: FastifyReply): Promise<Access | null | 'redirected'> => {
    const customer = requireCustomer(request, reply);
    if (!customer) return 'redirected';
    const order = await services.customerOrder(customer.id, request.params.number);
    const base = `/ucet/objednavky/${request.params.number}`;
    return order ? { order, back: base, action: `${base}/odstoupeni`, by: 'customer' } : null;
  };

  const guestAccess = async (request: FastifyRequest<{ Params: { number: string }; Querystring: { t?: string } }>): Promise<Access | null> => {
    const token = String(request.query.t ?? '');
    const order = await services.orderByToken(request.params.number, token);
    const q = `?t=${encodeURIComponent(token)}`;
    return order ? { order, back: `/objednavka/${order.number}${q}`, action: `/objednavka/${order.number}/odstoupeni${q}`, by: 'guest' } : null;
  };

  const show = async (request: FastifyRequest, reply: FastifyReply, access: Access, state: { reason?: string; error?: string; status?: number } = {}) => {
    const view = await services.customerOrderView(access.order);
    return sendAccountPage(services, pageContext, request, reply, {
      title: request.t('account.withdrawal.title'),
      status: state.status,
      body: (ctx) => <WithdrawalConfirm ctx={ctx} csrf={reply.generateCsrf()} view={view} action={access.action} back={access.back} reason={state.reason ?? ''} error={state.error} />,
    });
  };

  const submit = async (request: FastifyRequest, reply: FastifyReply, access: Access) => {
    const form = formOf(request.body);
    try {
      await services.withdrawOrder({ order: access.order, reason: form.reason, by: access.by });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      const reason = error.fields?.withdrawal ?? 'withdrawal_closed';
      return show(request, reply, access, { reason: form.reason, error: request.t(`field.${reason}` as 'field.withdrawal_closed'), status: 409 });
    }
    setFlash(request, { kind: 'success', text: request.t('account.withdrawal.done', { email: access.order.email }) });
    return reply.redirect(`${access.back}#odstoupeni`, 303);
  };

  app.get<{ Params: { number: string } }>('/ucet/objednavky/:number/odstoupeni', async (request, reply) => {
    const access = await customerAccess(request, reply);
    if (access === 'redirected') return reply;
    return access ? show(request, reply, access) : reply.callNotFound();
  });
  app.post<{ Params: { number: string } }>('/ucet/objednavky/:number/odstoupeni', guard, async (request, reply) => {
    const access = await customerAccess(request, reply);
    if (access === 'redirected') return reply;
    return access ? submit(request, reply, access) : reply.callNotFound();
  });
  app.get<{ Params: { number: string }; Querystring: { t?: string } }>('/objednavka/:number/odstoupeni', async (request, reply) => {
    const access = await guestAccess(request);
    return access ? show(request, reply, access) : reply.callNotFound();
  });
  app.post<{ Params: { number: string }; Querystring: { t?: string } }>('/objednavka/:number/odstoupeni', guard, async (request, reply) => {
    const access = await guestAccess(request);
    return access ? submit(request, reply, access) : reply.callNotFound();
  });
}
