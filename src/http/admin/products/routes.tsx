/** The Zboží panel (/admin/zbozi): the product list, create and edit forms, images and deletion. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import type { AdminProductSort } from '../../../services/catalog/ports.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { fieldMessages, idParam, str, takeFlash, type FieldMessages } from '../catalog-forms.js';
import { ADMIN_SORTS, PRODUCTS_PATH, ProductFilters, ProductTable, type ListFilters } from './list-view.js';
import { DeleteProduct, ProductForm, ProductImages } from './form-view.js';
import { emptyProductValues, errorsToRows, inputOfValues, valuesOfBody, valuesOfProduct, type ProductFormValues } from './form-values.js';
import { csrfFromQuery, readUpload } from './multipart.js';

const PAGE_SIZE = 50;
type Query = Record<string, string | undefined>;

export function registerProductRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const html = (reply: FastifyReply, page: preact.VNode) => reply.type('text/html; charset=utf-8').send(renderDocument(page));

  app.get<{ Querystring: Query }>(PRODUCTS_PATH, async (request, reply) => {
    const ctx = pageContext(request);
    const frame = adminFrame(request, reply);
    const q = request.query;
    const filters: ListFilters = {
      q: str(q.q).slice(0, 200),
      category: idParam(str(q.category)) === null ? '' : str(q.category),
      stock: ['in', 'out'].includes(str(q.stock)) ? str(q.stock) : '',
      active: ['0', '1'].includes(str(q.active)) ? str(q.active) : '',
      sort: ADMIN_SORTS.includes(str(q.sort) as AdminProductSort) ? (str(q.sort) as AdminProductSort) : 'newest',
    };
    const [categories, page] = await Promise.all([
      services.listCategories(),
      services.listProducts({
        q: filters.q || undefined,
        categoryId: filters.category ? Number(filters.category) : undefined,
        inStock: filters.stock ? filters.stock === 'in' : undefined,
        active: filters.active ? filters.active === '1' : undefined,
        sort: filters.sort,
        limit: PAGE_SIZE,
        cursor: { after: str(q.after) || undefined, before: str(q.before) || undefined },
      }),
    ]);
    const filtered = !!(filters.q || filters.category || filters.stock || filters.active);
    const actions = (
      <>
        <a class="button" href={`${PRODUCTS_PATH}/slevove-kody`}>
          {ctx.t('disc.title')}
        </a>
        <a class="button" href={`${PRODUCTS_PATH}/import`}>
          {ctx.t('prod.csv')}
        </a>
        <a class="button button-primary" href={`${PRODUCTS_PATH}/nove`}>
          {ctx.t('prod.new')}
        </a>
      </>
    );
    return html(
      reply,
      <AdminLayout ctx={ctx} title={ctx.t('nav.products')} admin={frame} current="products" flash={takeFlash(request)} actions={actions}>
        <ProductFilters ctx={ctx} filters={filters} categories={categories} />
        <ProductTable ctx={ctx} page={page} filters={filters} filtered={filtered} />
      </AdminLayout>,
    );
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, opts: { id?: number; values: ProductFormValues; errors: FieldMessages; imageError?: string }) => {
    const ctx = pageContext(request);
    const frame = adminFrame(request, reply);
    const [categories, product] = await Promise.all([services.listCategories(), opts.id === undefined ? null : services.findProduct(opts.id)]);
    const title = product ? product.name : ctx.t('prod.new');
    const actions = product?.active ? (
      <a class="button" href={`/zbozi/${product.slug}`}>
        {ctx.t('prod.view')}
      </a>
    ) : undefined;
    return html(
      reply,
      <AdminLayout ctx={ctx} title={title} admin={frame} current="products" flash={takeFlash(request)} actions={actions}>
        <p>
          <a href={PRODUCTS_PATH}>← {ctx.t('nav.products')}</a>
        </p>
        <ProductForm
          ctx={ctx}
          action={product ? `${PRODUCTS_PATH}/${product.id}` : PRODUCTS_PATH}
          values={opts.values}
          errors={opts.errors}
          categories={categories}
          vatRates={services.vatRates()}
          csrfToken={frame.csrfToken}
          submit={product ? ctx.t('prod.save') : ctx.t('prod.create')}
        />
        {product && <ProductImages ctx={ctx} product={product} csrfToken={frame.csrfToken} error={opts.imageError} />}
        {product && <DeleteProduct ctx={ctx} product={product} csrfToken={frame.csrfToken} />}
      </AdminLayout>,
    );
  };

  app.get(`${PRODUCTS_PATH}/nove`, async (request, reply) => formPage(request, reply, { values: emptyProductValues(services.vatRates()[0] ?? 21), errors: {} }));

  const save = async (request: FastifyRequest, reply: FastifyReply, id?: number) => {
    const values = valuesOfBody((request.body ?? {}) as Record<string, unknown>);
    const { input, rows } = inputOfValues(values);
    try {
      const saved = id === undefined ? await services.createProduct(input) : await services.replaceProduct(id, input);
      request.session.flash = { kind: 'success', text: request.t(id === undefined ? 'prod.created' : 'prod.saved', { name: saved.name }) };
      return reply.redirect(`${PRODUCTS_PATH}/${saved.id}`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      reply.code(422);
      return formPage(request, reply, { id, values, errors: errorsToRows(fieldMessages(request.t, error.fields), rows) });
    }
  };

  app.post(PRODUCTS_PATH, async (request, reply) => save(request, reply));

  app.get<{ Params: { id: string } }>(`${PRODUCTS_PATH}/:id`, async (request, reply) => {
    const product = await services.findProduct(idParam(request.params.id) ?? 0);
    if (!product) return reply.callNotFound();
    return formPage(request, reply, { id: product.id, values: valuesOfProduct(product), errors: {} });
  });

  app.post<{ Params: { id: string } }>(`${PRODUCTS_PATH}/:id`, async (request, reply) => {
    const id = idParam(request.params.id);
    if (id === null || !(await services.findProduct(id))) return reply.callNotFound();
    return save(request, reply, id);
  });

  app.post<{ Params: { id: string } }>(`${PRODUCTS_PATH}/:id/smazat`, async (request, reply) => {
    await services.deleteProduct(idParam(request.params.id) ?? 0);
    request.session.flash = { kind: 'success', text: request.t('prod.deleted') };
    return reply.redirect(PRODUCTS_PATH, 303);
  });

  app.post<{ Params: { id: string } }>(`${PRODUCTS_PATH}/:id/obrazky`, { preValidation: csrfFromQuery }, async (request, reply) => {
    const product = await services.findProduct(idParam(request.params.id) ?? 0);
    if (!product) return reply.callNotFound();
    const upload = await readUpload(request, 'image');
    try {
      await services.addProductImage(product.id, upload.file === 'too_large' ? { tooLarge: true } : { bytes: upload.file ?? Buffer.alloc(0), alt: upload.fields.alt });
      request.session.flash = { kind: 'success', text: request.t('prod.imageAdded') };
      return reply.redirect(`${PRODUCTS_PATH}/${product.id}#images`, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      reply.code(422);
      const imageError = fieldMessages(request.t, error.fields).image;
      return formPage(request, reply, { id: product.id, values: valuesOfProduct(product), errors: {}, imageError });
    }
  });

  app.post<{ Params: { id: string; imageId: string } }>(`${PRODUCTS_PATH}/:id/obrazky/:imageId/smazat`, async (request, reply) => {
    const id = idParam(request.params.id) ?? 0;
    await services.removeProductImage(id, idParam(request.params.imageId) ?? 0);
    request.session.flash = { kind: 'success', text: request.t('prod.imageRemoved') };
    return reply.redirect(`${PRODUCTS_PATH}/${id}#images`, 303);
  });
}
