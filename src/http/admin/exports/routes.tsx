/** Exports in the admin: the export page, one order's download, the list's bulk download and the owner's custom layout. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { translateField, translateFields } from '../../middleware/errors.js';
import type { Flash } from '../../views/components.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import type { FormBody } from '../settings/form-fields.js';
import { adminFrame } from '../shell/routes.js';
import { EXPORT_PATH, ExportPage, PROGRESS_SCRIPT_PATH, type LayoutForm, type RangeForm } from './export-view.js';
import { PROGRESS_SCRIPT } from './progress-script.js';
import { sendExport } from './send-export.js';

const one = (body: FormBody, name: string) => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export function registerExportRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const page = async (request: FastifyRequest, reply: FastifyReply, options: { range?: RangeForm; layout?: LayoutForm; status?: number } = {}) => {
    const settings = await services.getSettings();
    const range = options.range ?? { values: {}, errors: {} };
    let total = 0;
    try {
      total = (await services.exportOrders({ format: 'kramek', from: range.values.from, to: range.values.to, status: range.values.status, actor: '' })).total;
    } catch {
      // a range with errors counts nothing; the errors are shown beside the fields
    }
    const flash: Flash | null = request.session.flash ?? null;
    delete request.session.flash;
    const layout = options.layout ?? { layout: settings.exports.customLayout, errors: [], preview: null };
    const html = renderDocument(<ExportPage ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={flash} total={total} range={range} layout={layout} />);
    return reply.code(options.status ?? 200).type('text/html; charset=utf-8').send(html);
  };

  app.get(EXPORT_PATH, async (request, reply) => page(request, reply));

  app.get(PROGRESS_SCRIPT_PATH, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'private, max-age=3600').send(PROGRESS_SCRIPT));

  // The range form and the Orders list's bulk form (`numbers` repeated) both post here; the answer is the download.
  app.post(EXPORT_PATH, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const values = { from: one(body, 'from'), to: one(body, 'to'), status: one(body, 'status'), format: one(body, 'format'), decimal: one(body, 'decimal') };
    const numbers = body.numbers === undefined ? undefined : [body.numbers].flat().filter((n) => n !== '');
    try {
      const prepared = numbers
        ? await services.exportOrders({ format: values.format, numbers: numbers.length ? numbers : [''], decimal: values.decimal || undefined, actor: request.admin!.name })
        : await services.exportOrders({ ...values, decimal: values.decimal || undefined, actor: request.admin!.name });
      return sendExport(reply, prepared);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      return page(request, reply, { range: { values, errors: translateFields(request.t, error.fields) ?? {} }, status: 422 });
    }
  });

  // One order, linked from the order detail: /admin/objednavky/<number>/export.xml?format=pohoda
  app.get<{ Params: { number: string }; Querystring: { format?: string; decimal?: string } }>('/admin/objednavky/:number/export.xml', async (request, reply) => {
    if (!/^\d{1,10}$/.test(request.params.number)) throw new DomainError('not_found');
    const prepared = await services.exportOrder(request.params.number, { format: request.query.format ?? 'pohoda', decimal: request.query.decimal, actor: request.admin!.name });
    return sendExport(reply, prepared);
  });

  // The custom layout: a preview for everyone, saving for the owner (Configuration is the owner's).
  app.post(`${EXPORT_PATH}/struktura`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const layout = one(body, 'layout').replace(/\r\n/g, '\n');
    const problems = services.customLayoutProblems(layout).map((p) => translateField(request.t, p.detail ? `${p.code}:${p.detail}` : p.code));
    if (problems.length) return page(request, reply, { layout: { layout, errors: problems, preview: null }, status: 422 });
    if (one(body, 'action') === 'save') {
      if (request.admin!.role !== 'owner') throw new DomainError('forbidden');
      await services.updateSettings({ patch: { exports: { customLayout: layout } }, actor: request.admin!.name });
      request.session.flash = { kind: 'success', text: request.t('exports.custom.saved') };
      return reply.redirect(`${EXPORT_PATH}#custom-layout`, 303);
    }
    const preview = layout.trim() ? await services.previewCustomLayout(layout) : null;
    return page(request, reply, { layout: { layout, errors: [], preview } });
  });
}
