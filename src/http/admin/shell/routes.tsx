/** The admin home and the seven panels' pages until each panel's own issue fills it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PANELS, type Panel, type PanelKey } from '../panels.js';
import type { Services } from '../../../services/services.js';
import { SevenSteps } from './seven-steps.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';

// Panels whose own routes are not built yet; each panel's issue removes its key from here.
const PLACEHOLDER_PANELS: PanelKey[] = [];

// The nav badge's count of new orders, read once per admin page (one indexed count).
const newOrdersOf = new WeakMap<FastifyRequest, number>();

export function adminFrame(request: FastifyRequest, reply: FastifyReply): AdminFrame {
  const admin = request.admin!;
  return { name: admin.name, role: admin.role, csrfToken: reply.generateCsrf(), newOrders: newOrdersOf.get(request) ?? 0 };
}

export function registerShellRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  app.addHook('preHandler', async (request) => {
    if (request.admin && !request.url.endsWith('.pdf')) newOrdersOf.set(request, await services.countNewOrders());
  });
  app.get('/admin', async (request, reply) => {
    const ctx = pageContext(request);
    const steps = await services.onboarding();
    const page = (
      <AdminLayout ctx={ctx} title={ctx.t('home.title')} admin={adminFrame(request, reply)} current="home">
        <SevenSteps ctx={ctx} steps={steps} role={request.admin!.role} />
        <p class="home-links"><a href="/admin/emaily">{ctx.t('mail.link')}</a></p>
      </AdminLayout>
    );
    return reply.type('text/html; charset=utf-8').send(renderDocument(page));
  });

  for (const panel of PANELS.filter((p) => PLACEHOLDER_PANELS.includes(p.key))) registerPlaceholderPanel(app, panel, pageContext);
}

function registerPlaceholderPanel(app: FastifyInstance, panel: Panel, pageContext: (r: FastifyRequest) => PageContext) {
  app.get(panel.path, { config: { role: panel.role } }, async (request, reply) => {
    const ctx = pageContext(request);
    const page = (
      <AdminLayout ctx={ctx} title={ctx.t(panel.label)} admin={adminFrame(request, reply)} current={panel.key}>
        <p class="lead">{ctx.t(panel.lead)}</p>
        <div class="empty-state">
          <p>{ctx.t('panel.empty')}</p>
        </div>
      </AdminLayout>
    );
    return reply.type('text/html; charset=utf-8').send(renderDocument(page));
  });
}
