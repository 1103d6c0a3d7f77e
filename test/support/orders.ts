/** Shared set-up of the Orders panel tests: a shop with products, orders placed through the store API, an API token. */
import type { TestKramek } from './kramek.js';

export const BUYER = {
  customer: { email: 'jana@example.cz', name: 'Jana Nováková', phone: '+420601123456', company: null, ico: null, dic: null },
  billingAddress: { street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' },
  shippingAddress: null,
  shippingMethod: 'ppl',
  paymentMethod: 'bank-transfer',
  note: 'Prosím zabalit jako dárek.',
  password: null,
};

export async function setUpShop(kramek: TestKramek) {
  const s = kramek.core.services;
  await s.updateSettings({ patch: { shop: { name: 'Čajovna', email: 'obchod@example.cz' }, emails: { noReplyAddress: 'noreply@example.cz', ownerAddress: 'majitel@example.cz' } }, actor: 'test' });
  await s.createProduct({ name: 'Čaj Sencha', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-1', name: '100 g', price: 14900, stock: 100, compareAtPrice: null, weightGrams: null }] });
  await s.createProduct({ name: 'Kniha o čaji', slug: '', description: '', vatRate: 12, active: true, categoryIds: [], variants: [{ sku: 'BOOK-1', name: '', price: 44800, stock: 100, compareAtPrice: null, weightGrams: null }] });
  const { token } = await s.createApiToken({ name: 'Sklad', role: 'staff' });
  return { authorization: `Bearer ${token}` };
}

export async function placeOrder(kramek: TestKramek, overrides: Record<string, unknown> = {}) {
  const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }], ...overrides } });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { number: string; documentUrl: string } & Record<string, unknown>;
}

export const stockOf = async (kramek: TestKramek, sku: string) => (await kramek.core.db.selectFrom('variants').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow()).stock;

export const productStock = async (kramek: TestKramek, sku: string) =>
  (await kramek.core.db.selectFrom('products').innerJoin('variants', 'variants.product_id', 'products.id').select('products.stock_total').where('variants.sku', '=', sku).executeTakeFirstOrThrow()).stock_total;

export async function outboxOf(kramek: TestKramek, number: string) {
  return kramek.core.db
    .selectFrom('outbox_emails')
    .innerJoin('orders', 'orders.id', 'outbox_emails.order_id')
    .select(['outbox_emails.kind', 'outbox_emails.to_address', 'outbox_emails.subject', 'outbox_emails.text_body', 'outbox_emails.html_body'])
    .where('orders.number', '=', number)
    .orderBy('outbox_emails.id')
    .execute();
}
