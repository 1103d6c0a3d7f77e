/** The tokenised order page (`/objednavka/<number>?t=<token>`): the thank-you page after checkout and the link in emails. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { isBankTransfer } from '../../domain/documents/order-document.js';
import { accountIban, documentSpayd } from '../../domain/documents/order-payment.js';
import { renderDocument } from '../views/render.js';
import { qrSvg } from '../../adapters/qr/qr-code.js';
import type { PageContext } from '../views/page-context.js';
import { categoryHref } from './product-card.js';
import { ThankYouPage, type Payment } from './thank-you-view.js';
import { OrderProgress } from './account/order-status-view.js';
import { CustomerDocuments } from './account/documents-view.js';
import { CardPayBox } from './card-pay-box.js';

export function registerThankYouRoute(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  app.get<{ Params: { number: string }; Querystring: { t?: string } }>('/objednavka/:number', async (request, reply) => {
    const token = String(request.query.t ?? '');
    const order = await services.orderByToken(request.params.number, token);
    const doc = order ? await services.orderDocument(order.number) : null;
    if (!order || !doc) return reply.callNotFound();
    let payment: Payment | null = null;
    if (isBankTransfer(doc) && doc.showBankAccounts) {
      const account = doc.bankAccounts.find((a) => accountIban(a) !== null) ?? doc.bankAccounts[0] ?? null;
      const spayd = documentSpayd(doc);
      payment = { account, iban: account ? accountIban(account) : null, qrSvg: spayd ? qrSvg(spayd, 2) : null };
    }
    const menu = await services.storeMenu();
    // The page stays the guest's order page after the purchase: progress, parcels, withdrawal.
    const [view, documents, cardPay] = await Promise.all([services.customerOrderView(order), services.orderInvoices(order.number), services.canPayByCard(order)]);
    const flash = request.session?.flash ?? null;
    if (flash) request.session.flash = undefined;
    const ctx = pageContext(request);
    const html = renderDocument(
      <ThankYouPage
        ctx={ctx}
        categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
        doc={doc}
        documentUrl={`/objednavka/${order.number}/doklad.pdf?t=${encodeURIComponent(token)}`}
        payment={payment}
        flash={flash}
        cardPay={cardPay && <CardPayBox ctx={ctx} order={order} csrf={reply.generateCsrf()} />}
      >
        <OrderProgress ctx={ctx} view={view} withdrawHref={`/objednavka/${order.number}/odstoupeni?t=${encodeURIComponent(token)}`} />
        <CustomerDocuments ctx={ctx} documents={documents} href={(id) => `/objednavka/${order.number}/doklady/${id}.pdf?t=${encodeURIComponent(token)}`} />
      </ThankYouPage>,
    );
    return reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(html);
  });
}
