/** Set-up of the invoice tests: a shop with its legal identity and bank account, invoice settings, admin API calls. */
import type { TestKramek } from './kramek.js';
import { setUpShop } from './orders.js';

export const SELLER = { legalName: 'Čajovna Šťastný s.r.o.', ico: '27074358', dic: 'CZ27074358', street: 'Žitná 15', city: 'Praha', zip: '120 00' };
export const COMPANY_BUYER = { email: 'nakup@firma.cz', name: 'Řehoř Dvořák', phone: '+420602111222', company: 'Firma Dvořák s.r.o.', ico: '25596641', dic: 'CZ25596641' };

/** A VAT-paying shop (DIČ set) with a bank account; `invoices` overrides Configuration's invoice settings. */
export async function setUpInvoicingShop(kramek: TestKramek, invoices: Record<string, unknown> = {}, shop: Record<string, unknown> = {}) {
  const auth = await setUpShop(kramek);
  await kramek.core.services.updateSettings({
    patch: { shop: { ...SELLER, bankAccounts: [{ label: 'Fio banka', number: '2000145399/2010' }], ...shop }, invoices },
    actor: 'test',
  });
  return auth;
}

export type Api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => Promise<{ status: number; json: () => any; body: string; raw: Buffer; headers: Record<string, unknown> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function adminApi(kramek: TestKramek, authorization: string, language = 'cs'): Api {
  return async (method, url, payload) => {
    const response = await kramek.app.inject({ method, url, headers: { authorization, 'accept-language': language }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, json: () => response.json(), body: response.body, raw: response.rawPayload, headers: response.headers };
  };
}

export const invoiceCount = async (kramek: TestKramek) => Number((await kramek.core.db.selectFrom('invoices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
