/** The Categories panel (/admin/kategorie): the tree, create, edit (rename, move, hide), reorder and delete. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { fieldMessages, idParam, str, takeFlash, type FieldMessages } from '../catalog-forms.js';
import { CATEGORIES_PATH, CategoryForm, CategoryTable, DeleteCategory, type CategoryFormValues } from './views.js';
import { registerCategoryOrderScript } from './order-script.js';

type Body = Record<string, unknown>;

const valuesOf = (body: Body): CategoryFormValues => ({
  name: str(body.name),
  slug: str(body.slug),
  description: str(body.description),
  parentId: str(body.parentId),
  visible: str(body.visible) === '1',
});

const inputOf = (v: CategoryFormValues) => ({ ...v, parentId: v.parentId ? (idParam(v.parentId) ?? -1) : null });

export function registerCategoryRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const html = (reply: FastifyReply, page: preact.VNode) => reply.type('text/html; charset=utf-8').send(renderDocument(page));
  const orderScript = registerCategoryOrderScript(app);

  app.get(CATEGORIES_PATH, async (request, reply) => {
    const ctx = pageContext(request);
    const frame = adminFrame(request, reply);
    const [categories, counts] = await Promise.all([services.listCategories(), services.categoryProductCounts()]);
    const actions = (
      <a class="button button-primary" href={`${CATEGORIES_PATH}/nova`}>
        {ctx.t('cat.new')}
      </a>
    );
    return html(
      reply,
      <AdminLayout ctx={ctx} title={ctx.t('nav.categories')} admin={frame} current="categories" flash={takeFlash(request)} actions={categories.length ? actions : undefined}>
        <p class="lead">{ctx.t('panel.categories.lead')}</p>
        <CategoryTable ctx={ctx} categories={categories} counts={counts} csrfToken={frame.csrfToken} orderScript={orderScript} />
      </AdminLayout>,
    );
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, opts: { id?: number; values: CategoryFormValues; errors: FieldMessages; deleteError?: string }) => {
    const ctx = pageContext(request);
    const frame = adminFrame(request, reply);
    const categories = await services.listCategories();
    const current = opts.id === undefined ? undefined : categories.find((c) => c.id === opts.id);
    const title = current ? `${ctx.t('cat.edit')}: ${current.name}` : ctx.t('cat.new');
    return html(
      reply,
      <AdminLayout ctx={ctx} title={title} admin={frame} current="categories" flash={takeFlash(request)}>
        <p>
          <a href={CATEGORIES_PATH}>← {ctx.t('nav.categories')}</a>
        </p>
        <CategoryForm
          ctx={ctx}
          action={current ? `${CATEGORIES_PATH}/${current.id}` : CATEGORIES_PATH}
          values={opts.values}
          errors={opts.errors}
          categories={categories}
          selfId={current?.id}
          csrfToken={frame.csrfToken}
          submit={current ? ctx.t('cat.save') : ctx.t('cat.create')}
        />
        {current && <DeleteCategory ctx={ctx} category={current} productCount={await services.categoryProductCount(current.id)} categories={categories} error={opts.deleteError} csrfToken={frame.csrfToken} />}
      </AdminLayout>,
    );
  };

  app.get(`${CATEGORIES_PATH}/nova`, async (request, reply) => formPage(request, reply, { values: { name: '', slug: '', description: '', parentId: '', visible: true }, errors: {} }));

  app.post(CATEGORIES_PATH, async (request, reply) => {
    const values = valuesOf((request.body ?? {}) as Body);
    try {
      const created = await services.createCategory(inputOf(values));
      request.session.flash = { kind: 'success', text: request.t('cat.created', { name: created.name }) };
      return reply.redirect(CATEGORIES_PATH, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      reply.code(422);
      return formPage(request, reply, { values, errors: fieldMessages(request.t, error.fields) });
    }
  });

  app.get<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id`, async (request, reply) => {
    const category = await services.findCategory(idParam(request.params.id) ?? 0);
    if (!category) return reply.callNotFound();
    const values = { name: category.name, slug: category.slug, description: category.description, parentId: category.parentId === null ? '' : String(category.parentId), visible: category.visible };
    return formPage(request, reply, { id: category.id, values, errors: {} });
  });

  app.post<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id`, async (request, reply) => {
    const id = idParam(request.params.id);
    if (id === null || !(await services.findCategory(id))) return reply.callNotFound();
    const values = valuesOf((request.body ?? {}) as Body);
    try {
      const saved = await services.updateCategory(id, inputOf(values));
      request.session.flash = { kind: 'success', text: request.t('cat.saved', { name: saved.name }) };
      return reply.redirect(CATEGORIES_PATH, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      reply.code(422);
      return formPage(request, reply, { id, values, errors: fieldMessages(request.t, error.fields) });
    }
  });

  app.post<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id/posun`, async (request, reply) => {
    const direction = str((request.body as Body | undefined)?.direction);
    await services.moveCategory(idParam(request.params.id) ?? 0, direction === 'up' ? 'up' : 'down');
    request.session.flash = { kind: 'success', text: request.t('cat.moved') };
    return reply.redirect(CATEGORIES_PATH, 303);
  });

  // Where a dragged row lands (`position` among its siblings, 0 = first): the script asks for JSON, a plain form gets the list back.
  app.post<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id/poradi`, async (request, reply) => {
    const raw = str((request.body as Body | undefined)?.position).trim();
    const position = /^\d{1,6}$/.test(raw) ? Number(raw) : -1;
    const wantsJson = request.headers.accept === 'application/json';
    try {
      await services.moveCategory(idParam(request.params.id) ?? 0, { position });
    } catch (error) {
      // The script gets the usual JSON error ({error: {code, message, fields}}) from the error handler.
      if (wantsJson || !isDomainError(error) || error.code !== 'validation') throw error;
      request.session.flash = { kind: 'error', text: fieldMessages(request.t, error.fields).position ?? request.t('error.validation') };
      return reply.redirect(CATEGORIES_PATH, 303);
    }
    request.session.flash = { kind: 'success', text: request.t('cat.moved') };
    return wantsJson ? reply.send({ ok: true }) : reply.redirect(CATEGORIES_PATH, 303);
  });

  app.post<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id/viditelnost`, async (request, reply) => {
    const saved = await services.updateCategory(idParam(request.params.id) ?? 0, { visible: str((request.body as Body | undefined)?.visible) === '1' });
    request.session.flash = { kind: 'success', text: request.t('cat.saved', { name: saved.name }) };
    return reply.redirect(CATEGORIES_PATH, 303);
  });

  app.post<{ Params: { id: string } }>(`${CATEGORIES_PATH}/:id/smazat`, async (request, reply) => {
    const id = idParam(request.params.id) ?? 0;
    const category = await services.findCategory(id);
    if (!category) return reply.callNotFound();
    const moveTo = idParam(str((request.body as Body | undefined)?.moveTo));
    try {
      await services.deleteCategory(id, { moveTo });
      request.session.flash = { kind: 'success', text: request.t('cat.deleted') };
      return reply.redirect(CATEGORIES_PATH, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      reply.code(422);
      const values = { name: category.name, slug: category.slug, description: category.description, parentId: category.parentId === null ? '' : String(category.parentId), visible: category.visible };
      return formPage(request, reply, { id, values, errors: {}, deleteError: fieldMessages(request.t, error.fields).moveTo });
    }
  });
}
