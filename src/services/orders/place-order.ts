/**
 * Accepts an order exactly once: in one transaction it checks and takes stock, snapshots prices and names,
 * allocates the number, writes the order with its automatic notes, and queues its emails.
 * Nothing slow happens here: the PDF is rendered and the email sent later by the worker.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { emailUnverifiedNote, generatedNote, guestPurchaseNote } from '../../domain/orders/automatic-notes.js';
import { mergeLines, orderInputSchema } from '../../domain/orders/order-input.js';
import { priceOrder } from '../../domain/orders/order-pricing.js';
import { chosenMethods } from '../../domain/settings/checkout-methods.js';
import { formatOrderNumber, restartsYearly } from '../../domain/settings/order-number.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import type { Clock, DisposableDomains, EmailDomainResolver, OutboxRepo, PasswordHasher, Transactor } from '../ports.js';
import { validateEmailAddress } from '../mail/validate-email-address.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { queueNewOrderEmails } from './order-emails.js';
import type { CustomerRepo, Order, OrderRepo } from './ports.js';
import { findPickupPoint, type PickupPointDeps } from '../shipping/pickup-points.js';
import { chosenPoint, needsPickupPoint, type ChosenPickupPoint } from '../../domain/shipping/pickup-point.js';
import type { DiscountRepo } from '../discounts/ports.js';
import type { CategoryRepo } from '../catalog/ports.js';
import { checkCustomerUses, checkDiscountedPrice, discountError, discountTermsFor, findUsableCode } from '../discounts/discount-terms.js';
import { queueVerifiedReview } from '../marketing/verified-reviews.js';
import type { CallOutboxRepo } from '../marketing/ports.js';

// Made once: building a formatter costs far more than formatting with it.
const PRAGUE_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', year: 'numeric' });

export type PlaceOrderDeps = PickupPointDeps & {
  orders: OrderRepo;
  customers: CustomerRepo;
  settings: SettingsRepo;
  outbox: OutboxRepo;
  transactor: Transactor;
  hasher: PasswordHasher;
  disposableDomains: DisposableDomains;
  emailDomains: EmailDomainResolver;
  clock: Clock;
  publicUrl: string;
  discounts: DiscountRepo;
  categories: CategoryRepo;
  /** Where Heureka "Ověřeno zákazníky" takes orders (a fake one in tests). */
  heurekaVerifiedUrl: string;
  calls: CallOutboxRepo;
};

export type PlaceOrderRequest = {
  input: unknown;
  locale: 'cs' | 'en';
  /** A signed-in customer's id; otherwise the order is a one-time purchase (or creates an account with `password`). */
  customerId?: number | null;
  idempotencyKey?: string | null;
  /** A digest of the request body, so a reused key with a different body is refused rather than answered wrongly. */
  requestHash?: string | null;
};

export async function placeOrder(deps: PlaceOrderDeps, request: PlaceOrderRequest): Promise<{ order: Order; created: boolean }> {
  const key = request.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > 200)) throw new DomainError('validation', 'idempotency key', { 'Idempotency-Key': 'invalid_value' });
  if (key) {
    const earlier = await replay(deps, key, request.requestHash ?? null);
    if (earlier) return { order: earlier, created: false };
  }

  const parsed = orderInputSchema.safeParse(request.input);
  if (!parsed.success) throw new DomainError('validation', 'invalid order', fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const settings = await getSettings(deps);
  const isGuest = !request.customerId && !input.password;
  if (isGuest && !settings.checkout.guestCheckout) throw new DomainError('guest_checkout_disabled');
  const { shipping, payment, problems } = chosenMethods(settings.checkout, input.shippingMethod, input.paymentMethod);
  const fields: Record<string, string> = { ...problems };
  // The checkout form checks the address with this same validator (its "did you mean" asked once); a signed-in
  // customer orders under their account's address, checked when it was registered.
  const email = request.customerId ? null : await validateEmailAddress(deps, input.customer.email);
  if (email && !email.ok) fields['customer.email'] = email.suggestion ? `${email.code}|email_suggestion:${email.suggestion}` : email.code!;
  if (shipping && needsPickupPoint(shipping.carrier) && !input.pickupPointId) fields.pickupPoint = 'pickup_point_required';
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid order', fields);
  // A point the shop does not know is the client's mistake (400); one is only kept with a method that delivers to points.
  const found = shipping && needsPickupPoint(shipping.carrier) ? await findPickupPoint(deps, shipping.carrier, input.pickupPointId) : null;
  const point: ChosenPickupPoint | null = found ? chosenPoint(found) : null;
  const pointLimit = found?.maxWeightGrams ?? null;
  const now = deps.clock.now();
  // An unknown, expired or used-up code stops the order before anything is written (the order's count has the last word).
  const code = input.discountCode ? await findUsableCode(deps, input.discountCode, now) : null;
  if (code) await checkCustomerUses(deps, code, { customerId: request.customerId ?? null, email: input.customer.email });
  const categories = code?.scope === 'categories' ? await deps.categories.all() : undefined;
  const passwordHash = input.password ? await deps.hasher.hash(input.password) : null;

  const lines = mergeLines(input.items);
  const format = settings.checkout.orderNumberFormat;
  const year = Number(PRAGUE_YEAR.format(now));
  const numberScope = restartsYearly(format) ? String(year) : 'all';
  await deps.orders.prepareSequence(numberScope);
  try {
    return await deps.transactor.run(async (tx) => {
      const variants = new Map((await deps.orders.variantsBySku(tx, lines.map((l) => l.sku))).map((v) => [v.sku, v]));
      const unknown: Record<string, string> = {};
      lines.forEach((line, i) => {
        const v = variants.get(line.sku);
        if (!v || !v.active) unknown[`items.${i}.sku`] = 'sku_unknown';
      });
      if (Object.keys(unknown).length > 0) throw new DomainError('validation', 'unknown sku', unknown);

      let customerId = request.customerId ?? null;
      if (!customerId && passwordHash) {
        const c = input.customer;
        customerId = await deps.customers.insert(
          tx,
          { email: c.email.toLowerCase(), name: c.name, phone: c.phone, company: c.company, ico: c.ico, dic: c.dic, passwordHash, locale: request.locale, billingAddress: input.billingAddress, shippingAddress: input.shippingAddress },
          now,
        );
        if (customerId === null) throw new DomainError('account_exists', 'account exists', { 'customer.email': 'account_exists' });
      }

      const terms = code ? await discountTermsFor(deps, tx, code, lines.map((l) => l.sku), categories) : null;
      const price = priceOrder(
        lines.map((l) => {
          const v = variants.get(l.sku)!;
          return { sku: v.sku, name: v.name, quantity: l.quantity, unitPrice: v.price, vatRate: v.vatRate, weightGrams: v.weightGrams };
        }),
        shipping!,
        payment!,
        terms,
      );
      if (price.shipping.price === null) throw new DomainError('validation', 'too heavy for the shipping method', { shippingMethod: 'shipping_too_heavy' });
      if (pointLimit !== null && price.weightGrams > pointLimit) throw new DomainError('validation', 'too heavy for the pickup point', { pickupPoint: 'pickup_point_too_heavy' });
      const shippingPrice = price.shipping.price;
      if (code) checkDiscountedPrice(code, price, request.locale);
      const number = formatOrderNumber(format, year, await deps.orders.nextSequence(tx, numberScope));
      const order = await deps.orders.insert(tx, {
        number,
        status: 'new',
        paymentStatus: 'unpaid',
        customerId,
        locale: request.locale,
        email: input.customer.email,
        name: input.customer.name,
        phone: input.customer.phone,
        company: input.customer.company,
        ico: input.customer.ico,
        dic: input.customer.dic,
        billingAddress: input.billingAddress,
        shippingAddress: input.shippingAddress,
        shipping: { code: shipping!.code, name: shipping!.name, carrier: shipping!.carrier, price: shippingPrice, vatRate: price.shipping.vatRate },
        pickupPoint: point,
        weightGrams: price.weightGrams,
        payment: { code: payment!.code, kind: payment!.kind, name: payment!.name, price: price.payment.price, vatRate: price.payment.vatRate },
        variableSymbol: number,
        note: input.note,
        itemCount: price.itemCount,
        itemsTotal: price.itemsTotal,
        discount: price.discount,
        total: price.total,
        currency: 'CZK',
        accessToken: randomBytes(24).toString('base64url'),
        items: price.lines.map((l) => ({ ...l, variantId: variants.get(l.sku)!.variantId })),
        idempotencyKey: key,
        requestHash: request.requestHash ?? null,
        createdAt: now.toISOString(),
      });
      const queued = await queueNewOrderEmails(deps, tx, order, settings);
      const created = { kind: 'created', actor: 'system', internal: true, text: `${generatedNote(now)}${queued.length ? `\nE-maily: ${queued.join('; ')}` : ''}`, at: now };
      const guestNote = { kind: 'note', actor: 'system', internal: true, text: guestPurchaseNote(input), at: now };
      // DNS could not vouch for the address (a resolver fault): the order goes through and the owner is told.
      const unverified = email?.warning ? [{ kind: 'note', actor: 'system', internal: true, text: emailUnverifiedNote(input.customer.email), at: now }] : [];
      await deps.orders.addEvents(tx, order.id, [...(isGuest ? [guestNote] : []), ...unverified, created]);
      if (!input.reviewOptOut) await queueVerifiedReview(deps, tx, { order, itemIds: lines.map((l) => variants.get(l.sku)!.variantId), settings, at: now });

      // The code's use is counted in this transaction, before the stock: the code's row lock comes first for every order.
      if (code) {
        const counted = await deps.discounts.redeem(tx, { codeId: code.id, orderId: order.id, customerId, email: input.customer.email, perCustomerLimit: code.perCustomerLimit, at: now });
        if (counted !== 'ok') throw discountError(counted === 'used_up' ? 'discount_used_up' : 'discount_customer_limit');
      }

      // Stock is taken last, so its row locks (variants, then their products, each in id order: no deadlock) are held
      // only for the statement that refreshes the products' totals and the commit; an order short of stock rolls back.
      const short = new Set(await deps.orders.takeStock(tx, lines.map((l) => ({ variantId: variants.get(l.sku)!.variantId, productId: variants.get(l.sku)!.productId, quantity: l.quantity }))));
      if (short.size > 0) {
        const skus = lines.map((l) => variants.get(l.sku)!).filter((v) => short.has(v.variantId)).sort((a, b) => a.variantId - b.variantId).map((v) => v.sku);
        const fields = Object.fromEntries(skus.map((sku) => [`items.${lines.findIndex((l) => l.sku === sku)}.quantity`, 'out_of_stock']));
        throw new DomainError('out_of_stock', `not enough stock: ${skus.join(', ')}`, fields, { params: { skus: skus.join(', ') } });
      }
      return { order, created: true };
    });
  } catch (error) {
    // Two requests with one key at the same moment: the second loses the unique key and answers with the first's order.
    if (key && !(error instanceof DomainError)) {
      const earlier = await replay(deps, key, request.requestHash ?? null);
      if (earlier) return { order: earlier, created: false };
    }
    throw error;
  }
}

async function replay(deps: PlaceOrderDeps, key: string, requestHash: string | null): Promise<Order | null> {
  const earlier = await deps.orders.findByIdempotencyKey(key);
  if (!earlier) return null;
  if (requestHash && earlier.requestHash && earlier.requestHash !== requestHash) throw new DomainError('idempotency_conflict');
  return earlier;
}
