/** The admin home and the seven panels' pages until each panel's own issue fills it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PANELS, type Panel, type PanelKey } from '../panels.js';
import { roleAllows } from '../../../domain/admin/roles.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { Icon } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';

// Panels whose own routes are not built yet; each panel's issue removes its key from here.
const PLACEHOLDER_PANELS: PanelKey[] = ['orders', 'products', 'categories', 'customers', 'settings', 'content', 'stats'];

export function adminFrame(request: FastifyRequest, reply: FastifyReply): AdminFrame {
  const admin = request.admin!;
  return { name: admin.name, role: admin.role, csrfToken: reply.generateCsrf() };
}

export function registerShellRoutes(app: FastifyInstance, pageContext: (r: FastifyRequest) => PageContext) {
  app.get('/admin', async (request, reply) => {
    const ctx = pageContext(request);
    const visible = PANELS.filter((p) => roleAllows(request.admin!.role, p.role));
    const page = (
      <AdminLayout ctx={ctx} title={ctx.t('home.title')} admin={adminFrame(request, reply)} current="home">
        <p class="lead">{ctx.t('home.lead')}</p>
        <ol class="panel-cards">
          {visible.map((panel) => (
            <li key={panel.key}>
              <a href={panel.path} class="card">
                <Icon path={panel.icon} />
                <strong>{ctx.t(panel.label)}</strong>
                <span>{ctx.t(panel.lead)}</span>
              </a>
            </li>
          ))}
        </ol>
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
