/** The Obsah panel: list, create, edit and delete content pages (staff and owner alike). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentPage } from '../../../domain/content/page.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { translateFields } from '../../middleware/errors.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { readFields, textValues, type FormBody } from '../settings/form-fields.js';
import type { FormState } from '../settings/settings-frame.js';
import { CONTENT_PATH, PageForm, PageList } from './views.js';

const PAGE_SIZE = 50;

const valuesOf = (page: ContentPage | null): Record<string, string> => ({
  title: page?.title ?? '',
  slug: page?.slug ?? '',
  body: page?.body ?? '',
  published: String(page?.published ?? false),
  inMenu: String(page?.inMenu ?? false),
  inFooter: String(page?.inFooter ?? false),
  position: String(page?.position ?? 0),
  reviewed: 'false',
});

function readPageForm(body: FormBody) {
  const data = readFields(body, { title: 'text', slug: 'text', body: 'text', published: 'bool', inMenu: 'bool', inFooter: 'bool', position: 'int', reviewed: 'bool' });
  if (data.position === '') data.position = 0; // an empty order field means "first"
  const values = { ...textValues(body, ['title', 'slug', 'body', 'position']), published: String(data.published), inMenu: String(data.inMenu), inFooter: String(data.inFooter), reviewed: String(data.reviewed) };
  return { data, values };
}

export function registerContentRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const takeFlash = (request: FastifyRequest) => {
    const flash = request.session.flash ?? null;
    delete request.session.flash;
    return flash;
  };
  const formPage = (request: FastifyRequest, reply: FastifyReply, page: ContentPage | null, form: FormState, status = 200) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderDocument(<PageForm ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={takeFlash(request)} page={page} form={form} />));

  const save = async (request: FastifyRequest, reply: FastifyReply, page: ContentPage | null) => {
    const { data, values } = readPageForm((request.body ?? {}) as FormBody);
    try {
      const saved = await services.savePage({ id: page?.id, data });
      request.session.flash = { kind: 'success', text: request.t('content.saved') };
      return reply.redirect(`${CONTENT_PATH}/${saved.id}`, 303);
    } catch (error) {
      if (!isDomainError(error) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      return formPage(request, reply, page, { values, errors: translateFields(request.t, error.fields) ?? {} }, 422);
    }
  };

  const pageById = async (id: string) => (/^\d{1,12}$/.test(id) ? services.getPage(Number(id)) : Promise.reject(new DomainError('not_found')));

  app.get<{ Querystring: { q?: string; po?: string } }>(CONTENT_PATH, async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    const cursor = /^\d{1,12}$/.test(request.query.po ?? '') ? Number(request.query.po) : undefined;
    const { items, nextCursor } = await services.listPages({ q, limit: PAGE_SIZE, cursor });
    const html = renderDocument(<PageList ctx={pageContext(request)} admin={adminFrame(request, reply)} flash={takeFlash(request)} pages={items} q={q} nextCursor={nextCursor} />);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get(`${CONTENT_PATH}/nova`, (request, reply) => formPage(request, reply, null, { values: { ...valuesOf(null), published: 'true' }, errors: {} }));
  app.post(`${CONTENT_PATH}/nova`, (request, reply) => save(request, reply, null));

  app.get<{ Params: { id: string } }>(`${CONTENT_PATH}/:id`, async (request, reply) => {
    const page = await pageById(request.params.id);
    return formPage(request, reply, page, { values: valuesOf(page), errors: {} });
  });
  app.post<{ Params: { id: string } }>(`${CONTENT_PATH}/:id`, async (request, reply) => save(request, reply, await pageById(request.params.id)));

  app.post<{ Params: { id: string } }>(`${CONTENT_PATH}/:id/smazat`, async (request, reply) => {
    const page = await pageById(request.params.id);
    await services.deletePage(page.id);
    request.session.flash = { kind: 'success', text: request.t('content.deleted') };
    return reply.redirect(CONTENT_PATH, 303);
  });
}
