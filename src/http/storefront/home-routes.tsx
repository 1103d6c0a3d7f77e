/** The storefront home page (the catalogue issue fills it with categories and products). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StoreLayout } from '../views/store-layout.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';

export function registerStoreHome(app: FastifyInstance, pageContext: (r: FastifyRequest) => PageContext) {
  app.get('/', async (request, reply) => {
    const ctx = pageContext(request);
    const page = (
      <StoreLayout ctx={ctx} title={ctx.shopName} description={ctx.t('store.welcomeLead')} categories={[]} cartCount={0}>
        <section class="hero">
          <h1>{ctx.t('store.welcome')}</h1>
          <p class="lead">{ctx.t('store.welcomeLead')}</p>
        </section>
      </StoreLayout>
    );
    return reply.type('text/html; charset=utf-8').send(renderDocument(page));
  });
}
