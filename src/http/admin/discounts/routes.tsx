/** Zboží → Slevové kódy (/admin/zbozi/slevove-kody): the list, a new code, a code's form, deleting (or switching off). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { adminFrame } from '../shell/routes.js';
import { fieldMessages, idParam, takeFlash, type FieldMessages } from '../catalog-forms.js';
import { emptyDiscountValues, inputOfValues, skusOf, valuesOfBody, valuesOfDiscount, type DiscountFormValues } from './form-values.js';
import { DeleteDiscount, DiscountForm, DiscountTable, DISCOUNTS_PATH } from './views.js';
import { PRODUCTS_PATH } from '../products/list-view.js';

// The use case's field names → the form's.
const FORM_FIELD: Record<string, string> = { startsAt: 'startsOn', endsAt: 'endsOn' };

export function registerDiscountRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const html = (reply: FastifyReply, page: preact.VNode) => reply.type('text/html; charset=utf-8').send(renderDocument(page));

  app.get(DISCOUNTS_PATH, async (request, reply) => {
    const ctx = pageContext(request);
    const actions = (
      <>
        <a class="button" href={PRODUCTS_PATH}>
          ← {ctx.t('nav.products')}
        </a>
        <a class="button button-primary" href={`${DISCOUNTS_PATH}/novy`}>
          {ctx.t('disc.new')}
        </a>
      </>
    );
    return html(
      reply,
      <AdminLayout ctx={ctx} title={ctx.t('disc.title')} admin={adminFrame(request, reply)} current="products" flash={takeFlash(request)} actions={actions}>
        <p class="lead">{ctx.t('disc.lead')}</p>
        <DiscountTable ctx={ctx} codes={await services.listDiscounts()} now={new Date()} />
      </AdminLayout>,
    );
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, view: { id?: number; values: DiscountFormValues; errors: FieldMessages; used: number | null }) => {
    const ctx = pageContext(request);
    const frame = adminFrame(request, reply);
    const title = view.id === undefined ? ctx.t('disc.new') : ctx.t('disc.edit', { code: view.values.code });
    return html(
      reply,
      <AdminLayout ctx={ctx} title={title} admin={frame} current="products" flash={takeFlash(request)}>
        <p>
          <a href={DISCOUNTS_PATH}>← {ctx.t('disc.title')}</a>
        </p>
        <DiscountForm ctx={ctx} action={view.id === undefined ? DISCOUNTS_PATH : `${DISCOUNTS_PATH}/${view.id}`} values={view.values} errors={view.errors} categories={await services.listCategories()} csrfToken={frame.csrfToken} used={view.used} />
        {view.id !== undefined && <DeleteDiscount ctx={ctx} id={view.id} used={view.used ?? 0} csrfToken={frame.csrfToken} />}
      </AdminLayout>,
    );
  };

  const save = async (request: FastifyRequest, reply: FastifyReply, id?: number) => {
    const values = valuesOfBody((request.body ?? {}) as Record<string, unknown>);
    const skus = values.scope === 'products' ? skusOf(values.productSkus) : [];
    const found = await services.productsOfSkus(skus);
    const unknown = skus.filter((sku) => !found.has(sku));
    const used = id === undefined ? null : ((await services.findDiscount(id))?.used ?? 0);
    try {
      if (unknown.length) throw new DomainError('validation', 'unknown SKUs', { productSkus: 'product_unknown' });
      const input = inputOfValues(values, [...new Set(found.values())]);
      const saved = id === undefined ? await services.createDiscount(input) : await services.updateDiscount(id, input);
      request.session.flash = { kind: 'success', text: request.t('disc.saved', { code: saved.code }) };
      return reply.redirect(DISCOUNTS_PATH, 303);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'validation') throw error;
      const errors = Object.fromEntries(Object.entries(fieldMessages(request.t, error.fields)).map(([field, text]) => [FORM_FIELD[field] ?? (field === 'scopeIds' ? (values.scope === 'products' ? 'productSkus' : 'categoryIds') : field), text]));
      if (unknown.length) errors.productSkus = request.t('disc.skusUnknown', { skus: unknown.join(', ') });
      reply.code(422);
      return formPage(request, reply, { id, values, errors, used });
    }
  };

  app.get(`${DISCOUNTS_PATH}/novy`, async (request, reply) => formPage(request, reply, { values: emptyDiscountValues(), errors: {}, used: null }));
  app.post(DISCOUNTS_PATH, async (request, reply) => save(request, reply));

  app.get<{ Params: { id: string } }>(`${DISCOUNTS_PATH}/:id`, async (request, reply) => {
    const code = await services.findDiscount(idParam(request.params.id) ?? 0);
    if (!code) return reply.callNotFound();
    const skus = code.scope === 'products' ? await services.skusOfProducts(code.scopeIds) : [];
    return formPage(request, reply, { id: code.id, values: valuesOfDiscount(code, skus), errors: {}, used: code.used });
  });
  app.post<{ Params: { id: string } }>(`${DISCOUNTS_PATH}/:id`, async (request, reply) => {
    const id = idParam(request.params.id);
    if (id === null || !(await services.findDiscount(id))) return reply.callNotFound();
    return save(request, reply, id);
  });
  app.post<{ Params: { id: string } }>(`${DISCOUNTS_PATH}/:id/smazat`, async (request, reply) => {
    const outcome = await services.deleteDiscount(idParam(request.params.id) ?? 0);
    request.session.flash = { kind: 'success', text: request.t(outcome === 'deleted' ? 'disc.deleted' : 'disc.deactivated') };
    return reply.redirect(DISCOUNTS_PATH, 303);
  });
}
