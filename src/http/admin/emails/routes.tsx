/** /admin/emaily: the outbox as the shop's staff sees it — status of every email, "send again", saved .eml files. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { EmailListPage, EmlPage, ResendPage } from './views.js';

const PAGE_SIZE = 50;

const idOf = (value: string): number | null => (/^\d{1,15}$/.test(value) ? Number(value) : null);

export function registerEmailRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const html = 'text/html; charset=utf-8';

  app.get<{ Querystring: { pred?: string } }>('/admin/emaily', async (request, reply) => {
    const before = request.query.pred ? (idOf(request.query.pred) ?? undefined) : undefined;
    const rows = await services.listOutboxEmails({ limit: PAGE_SIZE + 1, before });
    const emails = rows.slice(0, PAGE_SIZE);
    const flash = request.session.flash ?? null;
    if (flash) delete request.session.flash;
    const page = (
      <EmailListPage
        ctx={pageContext(request)}
        admin={adminFrame(request, reply)}
        emails={emails}
        transport={services.mailTransport()}
        older={rows.length > PAGE_SIZE ? emails.at(-1)!.id : null}
        paged={before !== undefined}
        flash={flash}
      />
    );
    return reply.type(html).send(renderDocument(page));
  });

  app.get<{ Params: { id: string } }>('/admin/emaily/:id/znovu', async (request, reply) => {
    const id = idOf(request.params.id);
    const email = id === null ? null : await services.findOutboxEmail(id);
    if (!email) return reply.callNotFound();
    return reply.type(html).send(renderDocument(<ResendPage ctx={pageContext(request)} admin={adminFrame(request, reply)} email={email} />));
  });

  app.post<{ Params: { id: string } }>('/admin/emaily/:id/znovu', async (request, reply) => {
    const id = idOf(request.params.id);
    if (id === null) return reply.callNotFound();
    try {
      const email = await services.resendEmail(id);
      request.session.flash = { kind: 'success', text: request.t('mail.resend.done', { subject: email.subject }) };
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      request.session.flash = { kind: 'error', text: request.t('mail.resend.busy') };
    }
    return reply.redirect(`/admin/emaily#email-${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/emaily/:id/eml', async (request, reply) => {
    const id = idOf(request.params.id);
    const email = id === null || services.mailTransport() !== 'files' ? null : await services.findOutboxEmail(id);
    if (!email) return reply.callNotFound();
    const content = await services.readSavedEmail(email.id);
    // Shown as text (Preact escapes it); never as the HTML it may contain.
    return reply.type(html).send(renderDocument(<EmlPage ctx={pageContext(request)} admin={adminFrame(request, reply)} email={email} content={content} />));
  });
}
