/** The checkout (/pokladna): one page that works without JavaScript; the submit goes to the one order service, then to the thank-you page. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { CartReview } from '../../domain/cart/cart.js';
import { checkoutSummary } from '../../domain/cart/checkout-summary.js';
import { checkoutFieldOf, emptyCheckoutForm, isChecked, orderInputOf, readCheckoutForm, type CheckoutForm } from '../../domain/cart/checkout-form.js';
import { orderInputSchema } from '../../domain/orders/order-input.js';
import { isDomainError, type DomainError } from '../../domain/errors.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import type { Settings } from '../../domain/settings/settings.js';
import { offeredPaymentMethods, offeredShippingMethods } from '../../domain/settings/checkout-methods.js';
import { csrfGuard } from '../middleware/session.js';
import { redirectToGateway } from './card-payment-routes.js';
import { toHttpError, translateField } from '../middleware/errors.js';
import type { Translate } from '../i18n/messages.js';
import { renderToString } from 'preact-render-to-string';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';
import { categoryHref } from './product-card.js';
import { CheckoutPage, Summary, type CheckoutErrors } from './checkout-view.js';
import { registerCheckoutScript } from './checkout-script.js';
import { passwordProblem } from '../../domain/admin/password-policy.js';
import type { Customer } from '../../services/accounts/ports.js';
import type { CartDiscount } from '../../services/discounts/discount-services.js';
import { startCustomerSession } from './account/customer-session.js';
import { needsPickupPoint, isPickupPointId } from '../../domain/shipping/pickup-point.js';
import { packetaApiKey } from '../../domain/settings/carrier-settings.js';
import type { PickupChoice } from './checkout-pickup-view.js';

const PACKETA_WIDGET = 'https://widget.packeta.com';

/** A signed-in customer's checkout starts filled in from their account. */
function prefillOf(c: Customer): Partial<CheckoutForm> {
  const b = c.billingAddress;
  const s = c.shippingAddress;
  return {
    email: c.email,
    name: c.name,
    phone: c.phone ?? '',
    ...(c.company || c.ico ? { companyPurchase: '1', company: c.company ?? '', ico: c.ico ?? '', dic: c.dic ?? '' } : {}),
    ...(b ? { street: b.street, city: b.city, zip: b.zip, country: b.country } : {}),
    ...(s ? { differentShipping: '1', shipStreet: s.street, shipCity: s.city, shipZip: s.zip, shipCountry: s.country } : {}),
  };
}

const REQUIRED_TEXT: Partial<Record<keyof CheckoutForm, Parameters<Translate>[0]>> = {
  email: 'checkout.err.email_required',
  name: 'checkout.err.name_required',
  street: 'checkout.err.street_required',
  city: 'checkout.err.city_required',
  zip: 'checkout.err.zip_required',
  shipStreet: 'checkout.err.street_required',
  shipCity: 'checkout.err.city_required',
  shipZip: 'checkout.err.zip_required',
  shippingMethod: 'checkout.err.method_required',
  paymentMethod: 'checkout.err.method_required',
};

/** Field errors of the order service, beside the fields they belong to (in Czech or English). */
function formErrorsOf(t: Translate, fields: Record<string, string>): { errors: CheckoutErrors; other: string[] } {
  const errors: CheckoutErrors = {};
  const other: string[] = [];
  for (const [path, code] of Object.entries(fields)) {
    const field = checkoutFieldOf(path);
    const required = field && (code === 'required' || code === 'method_unknown') ? REQUIRED_TEXT[field] : undefined;
    const text = required ? t(required) : translateField(t, code);
    if (field) errors[field] ??= text;
    else other.push(text);
  }
  return { errors, other };
}

const SUMMARY_PATH = '/pokladna/souhrn';

/** The cart's discount code as it stands for this customer now (its terms, or why it does not apply). */
function cartDiscountOf(services: Services, request: FastifyRequest, cart: CartReview) {
  const customer = { customerId: request.customer?.id ?? null, email: request.customer?.email ?? '' };
  return services.cartDiscount(request.session.cartId ?? null, cart, customer, request.locale);
}

const discountNotice = (t: Translate, discount: CartDiscount | null) => (discount?.problem ? t('discount.notApplied', { code: discount.code, reason: translateField(t, discount.problem) }) : null);

export function registerCheckoutRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const script = { src: registerCheckoutScript(app), summaryUrl: SUMMARY_PATH };
  const pickupScript = registerCheckoutScript(app, 'checkout-pickup.js');
  /** The pickup-point block: the chosen point, the points found when the customer searched, the widget's key. */
  const pickupChoice = async (settings: Settings, form: CheckoutForm, search: boolean): Promise<PickupChoice | null> => {
    if (!offeredShippingMethods(settings.checkout).some((m) => needsPickupPoint(m.carrier))) return null;
    const chosen = isPickupPointId(form.pickupPointId) ? await services.findPickupPoint('zasilkovna', form.pickupPointId).catch(() => null) : null;
    const found = search ? await services.searchPickupPoints({ carrier: 'zasilkovna', query: form.pickupQuery, limit: 10 }) : null;
    const packeta = settings.carriers.packeta;
    return { chosen, found, widgetKey: packeta.widget ? packetaApiKey(packeta) : null };
  };
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { settings: Settings; cart: CartReview; form: CheckoutForm; errors?: CheckoutErrors; messages?: string[]; status?: number; createAccount?: boolean; passwordError?: string; search?: boolean; reviewOptOut?: boolean },
  ) => {
    const { settings, cart, form } = view;
    const discount = await cartDiscountOf(services, request, cart);
    const customer = request.customer;
    const guestDisabled = !settings.checkout.guestCheckout && !customer;
    const pickup = guestDisabled ? null : await pickupChoice(settings, form, view.search ?? false);
    // Packeta's map runs from its own site in a frame: allowed on this page only, and only when it is offered.
    const csp = reply.getHeader('content-security-policy');
    if (pickup?.widgetKey && typeof csp === 'string') reply.header('content-security-policy', `${csp.replace("script-src 'self'", `script-src 'self' ${PACKETA_WIDGET}`)};frame-src ${PACKETA_WIDGET}`);
    const shippingMethods = offeredShippingMethods(settings.checkout);
    const paymentMethods = offeredPaymentMethods(settings.checkout);
    const shipping = shippingMethods.find((m) => m.code === form.shippingMethod) ?? null;
    const payment = paymentMethods.find((m) => m.code === form.paymentMethod) ?? null;
    const menu = await services.storeMenu();
    const html = renderDocument(
      <CheckoutPage
        ctx={pageContext(request)}
        categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
        cart={cart}
        summary={checkoutSummary(cart, shipping, payment, discount?.terms ?? null)}
        discountNotice={discountNotice(request.t, discount)}
        reviewOptOut={settings.marketing.heurekaVerifiedKey ? { checked: view.reviewOptOut ?? false } : null}
        shippingMethods={shippingMethods}
        paymentMethods={paymentMethods}
        form={{ ...form, expectedTotal: String(cart.itemsTotal) }}
        errors={view.errors ?? {}}
        messages={guestDisabled ? [] : (view.messages ?? [])}
        csrf={guestDisabled ? null : reply.generateCsrf()}
        guestDisabled={guestDisabled}
        account={{ signedInEmail: customer?.email ?? null, offer: !customer && settings.checkout.guestCheckout, create: view.createAccount ?? false, passwordError: view.passwordError }}
        script={script}
        pickup={pickup}
        extraScripts={pickup ? [pickupScript] : []}
      />,
    );
    return reply
      .code(guestDisabled && request.method === 'POST' ? 403 : (view.status ?? 200))
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(html);
  };

  // The summary column alone, for the script that follows the customer's choice of shipping and payment.
  app.get<{ Querystring: { shippingMethod?: unknown; paymentMethod?: unknown } }>(SUMMARY_PATH, async (request, reply) => {
    const [settings, cart] = await Promise.all([services.getSettings(), services.cartReview(request.session.cartId ?? null)]);
    const shipping = offeredShippingMethods(settings.checkout).find((m) => m.code === request.query.shippingMethod) ?? null;
    const payment = offeredPaymentMethods(settings.checkout).find((m) => m.code === request.query.paymentMethod) ?? null;
    const discount = await cartDiscountOf(services, request, cart);
    const html = renderToString(<Summary ctx={pageContext(request)} cart={cart} summary={checkoutSummary(cart, shipping, payment, discount?.terms ?? null)} notice={discountNotice(request.t, discount)} />);
    return reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(html);
  });

  app.get('/pokladna', async (request, reply) => {
    const [settings, cart] = await Promise.all([services.getSettings(), services.cartReview(request.session.cartId ?? null)]);
    if (!cart.orderable) return reply.redirect('/kosik', 303);
    const shippingMethods = offeredShippingMethods(settings.checkout);
    const paymentMethods = offeredPaymentMethods(settings.checkout);
    const form = emptyCheckoutForm({
      // The key makes a double-click (or a repeated post) place one order, never two.
      idempotencyKey: randomBytes(18).toString('base64url'),
      shippingMethod: shippingMethods.length === 1 ? shippingMethods[0]!.code : '',
      paymentMethod: paymentMethods.length === 1 ? paymentMethods[0]!.code : '',
    });
    const customer = request.customer ? await services.findCustomer(request.customer.id) : null;
    if (customer) Object.assign(form, prefillOf(customer));
    return render(request, reply, { settings, cart, form });
  });

  app.post('/pokladna', { preHandler: csrfGuard(app) }, async (request, reply) => {
    const t = request.t;
    const form = readCheckoutForm(request.body);
    if (!/^[\w-]{16,64}$/.test(form.idempotencyKey)) form.idempotencyKey = randomBytes(18).toString('base64url');
    const cartId = request.session.cartId ?? null;
    const customer = request.customer;
    // A signed-in customer orders under their account's email; a guest may create an account with the order.
    if (customer) form.email = customer.email;
    const body = (request.body ?? {}) as { createAccount?: unknown; accountPassword?: unknown; reviewOptOut?: unknown };
    const reviewOptOut = typeof body.reviewOptOut === 'string' && isChecked(body.reviewOptOut);
    const createAccount = !customer && isChecked(typeof body.createAccount === 'string' ? body.createAccount : '');
    const accountPassword = createAccount && typeof body.accountPassword === 'string' ? body.accountPassword : '';
    const [settings, cart] = await Promise.all([services.getSettings(), services.cartReview(cartId)]);
    const action = (request.body as { action?: unknown } | undefined)?.action;
    if (action === 'recalc') return render(request, reply, { settings, cart, form, reviewOptOut });
    if (action === 'pickup-search') return render(request, reply, { settings, cart, form, search: true, reviewOptOut });
    // The code goes with the order only while it applies; the summary shown said so either way.
    const discount = cart.items.length > 0 ? await cartDiscountOf(services, request, cart) : null;

    const place = async () => {
      const input = {
        ...orderInputOf(form, cart.items.map((i) => ({ sku: i.sku, quantity: i.quantity }))),
        password: createAccount ? accountPassword : null,
        discountCode: discount?.terms ? discount.code : null,
        reviewOptOut: !!settings.marketing.heurekaVerifiedKey && reviewOptOut,
      };
      const { order } = await services.placeOrder({ input, locale: request.locale, idempotencyKey: form.idempotencyKey, customerId: customer?.id ?? null });
      if (cartId) await services.clearCart(cartId);
      request.session.cartCount = 0;
      const created = createAccount && order.customerId && !customer ? await services.findCustomer(order.customerId) : null;
      if (created) await startCustomerSession(request, created);
      // A card order goes on to the gateway; should it be down, the order page says so and offers to pay again.
      if (order.payment.kind === 'card' && order.paymentStatus === 'unpaid') return redirectToGateway(services, request, reply, order);
      return reply.redirect(`/objednavka/${order.number}?t=${encodeURIComponent(order.accessToken)}`, 303);
    };
    const refused = (error: DomainError) => {
      const fields = formErrorsOf(t, error.fields ?? {});
      const status = error.code === 'validation' ? 422 : toHttpError(error, t).status;
      const messages = error.code === 'validation' ? fields.other : [toHttpError(error, t).message];
      return render(request, reply, { settings, cart, form, errors: fields.errors, messages, status, createAccount, reviewOptOut });
    };
    const attempt = async () => {
      try {
        return await place();
      } catch (error) {
        if (isDomainError(error)) return refused(error);
        throw error;
      }
    };

    // An empty cart here is the second post of a double-click: the service answers with the first order.
    if (cart.items.length === 0) {
      try {
        return await place();
      } catch (error) {
        if (isDomainError(error)) return reply.redirect('/kosik', 303);
        throw error;
      }
    }
    if (!settings.checkout.guestCheckout && !customer) return render(request, reply, { settings, cart, form });
    if (!cart.orderable) return reply.redirect('/kosik', 303);
    if (form.expectedTotal !== String(cart.itemsTotal)) return render(request, reply, { settings, cart, form, messages: [t('checkout.priceChanged')], status: 409 });

    const parsed = orderInputSchema.safeParse(orderInputOf(form, cart.items.map((i) => ({ sku: i.sku, quantity: i.quantity }))));
    const { errors, other } = formErrorsOf(t, parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (!customer && !errors.email && form.email.trim()) {
      const check = await services.validateEmailAddress(form.email);
      const address = check.address ?? form.email.trim();
      if (!check.ok) errors.email = [translateField(t, check.code ?? 'email_invalid'), check.suggestion ? t('checkout.err.email_suggestion', { suggestion: check.suggestion }) : ''].join(' ').trim();
      else if (check.suggestion && form.emailChecked !== address) {
        // Asked once: a second submit of the same address means the customer meant it.
        errors.email = t('checkout.err.email_suggestion', { suggestion: check.suggestion });
        form.emailChecked = address;
      }
    }
    if (!isChecked(form.terms)) errors.terms = t('checkout.err.terms_required');
    const problem = createAccount ? passwordProblem(accountPassword) : null;
    const passwordError = problem ? translateField(t, problem) : undefined;
    if (Object.keys(errors).length > 0 || other.length > 0 || passwordError) return render(request, reply, { settings, cart, form, errors, messages: other, status: 422, createAccount, passwordError, reviewOptOut });
    return attempt();
  });
}
