/** Shared set-up of the Customers panel tests: accounts created through the admin API, orders tied to them. */
import type { TestKramek } from './kramek.js';
import { BUYER, placeOrder } from './orders.js';

export async function ownerToken(kramek: TestKramek) {
  const { token } = await kramek.core.services.createApiToken({ name: 'Majitel', role: 'owner' });
  return `Bearer ${token}`;
}

export async function createCustomer(kramek: TestKramek, authorization: string, body: Record<string, unknown>) {
  const response = await kramek.app.inject({ method: 'POST', url: '/api/admin/customers', headers: { authorization }, payload: body });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { id: number; email: string; name: string };
}

/** An order placed through the store API and then tied to the account (as a signed-in customer's order is). */
export async function orderFor(kramek: TestKramek, customer: { id: number; email: string; name: string } | null, quantity = 1, extra: Record<string, unknown> = {}) {
  const email = customer?.email ?? BUYER.customer.email;
  const { number } = await placeOrder(kramek, { customer: { ...BUYER.customer, email, name: customer?.name ?? BUYER.customer.name }, items: [{ sku: 'TEA-1', quantity }], ...extra });
  if (customer) await kramek.core.db.updateTable('orders').set({ customer_id: customer.id }).where('number', '=', number).execute();
  return number;
}
