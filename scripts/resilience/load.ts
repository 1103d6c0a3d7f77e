/** The mixed load of the resilience run: browsing, carts, API checkouts with Idempotency-Keys, admin status changes — every request and answer logged. */
import { randomUUID } from 'node:crypto';

export type Entry = { at: number; actor: string; kind: string; method: string; path: string; status: number | null; error: string | null; ms: number };

/** Every request of the run, in order; the figures and the checks are computed from it. */
export class RequestLog {
  readonly entries: Entry[] = [];
  readonly started = Date.now();
  add(entry: Omit<Entry, 'at'>) {
    this.entries.push({ at: Date.now() - this.started, ...entry });
  }
}

export type Answer = { status: number; location: string | null; text: string };

/** A client with its own cookies (one visitor or one admin), talking to nginx. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string, readonly actor: string, private readonly log: RequestLog) {}

  async request(kind: string, method: string, path: string, options: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer | null> {
    const headers: Record<string, string> = { 'accept-language': 'cs', ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const started = Date.now();
    try {
      const response = await fetch(this.base + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
      const text = await response.text();
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair!.split('=');
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value.join('=') === '') this.cookies.delete(name!.trim());
        else this.cookies.set(name!.trim(), value.join('='));
      }
      this.log.add({ actor: this.actor, kind, method, path, status: response.status, error: null, ms: Date.now() - started });
      return { status: response.status, location: response.headers.get('location'), text };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      this.log.add({ actor: this.actor, kind, method, path, status: null, error: cause, ms: Date.now() - started });
      return null;
    }
  }
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Variant = { id: number; sku: string; slug: string; stock: number };
export type Shop = { variants: Variant[]; scarce: Variant[]; plenty: Variant[]; shipping: string; payment: string };

/** What happened to one Idempotency-Key in the end. */
export type Checkout = { key: string; body: unknown; tries: number; outcome: 'created' | 'refused' | 'unknown'; number: string | null; refusal: string | null };

export function orderBody(shop: Shop, n: number) {
  const lines = new Map<string, number>();
  const count = 1 + Math.floor(Math.random() * 2);
  for (let i = 0; i < count; i++) {
    const variant = Math.random() < 0.5 ? pick(shop.scarce) : pick(shop.plenty);
    lines.set(variant.sku, (lines.get(variant.sku) ?? 0) + 1 + Math.floor(Math.random() * 2));
  }
  return {
    items: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
    customer: { email: `zakaznik${n}@example.cz`, name: `Zákazník ${n}`, phone: '+420601123456', company: null, ico: null, dic: null },
    billingAddress: { street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' },
    shippingAddress: null,
    shippingMethod: shop.shipping,
    paymentMethod: shop.payment,
    note: null,
    password: null,
  };
}

/** Places one order; an answer that never came (or a 5xx) is asked again with the same key until it is definite. */
export async function placeOrder(client: Client, checkout: Checkout, until: number): Promise<void> {
  for (;;) {
    checkout.tries++;
    const answer = await client.request('checkout', 'POST', '/api/store/orders', { json: checkout.body, headers: { 'idempotency-key': checkout.key } });
    if (answer && answer.status === 201) {
      checkout.outcome = 'created';
      checkout.number = (JSON.parse(answer.text) as { number: string }).number;
      return;
    }
    if (answer && answer.status >= 400 && answer.status < 500) {
      checkout.outcome = 'refused';
      checkout.refusal = (JSON.parse(answer.text) as { error?: { code?: string } }).error?.code ?? String(answer.status);
      return;
    }
    if (Date.now() > until) return; // still unknown: resolved after the load
    await pause(300 + Math.random() * 400);
  }
}

export type Load = { checkouts: Checkout[]; carts: Map<string, { client: Client; expected: Map<number, number>; uncertain: Set<number> }>; admin: { client: Client; signedOutSeen: number } };

/** Runs the actors until `stop()` says so; checkouts are resolved before it returns. */
export async function runLoad(base: string, log: RequestLog, shop: Shop, admin: { email: string; password: string }, stop: () => boolean): Promise<Load> {
  const checkouts: Checkout[] = [];
  const carts: Load['carts'] = new Map();
  const adminClient = new Client(base, 'admin', log);
  const load: Load = { checkouts, carts, admin: { client: adminClient, signedOutSeen: 0 } };
  let orderSeq = 0;

  const browser = async (name: string) => {
    const client = new Client(base, name, log);
    while (!stop()) {
      const variant = pick(shop.variants);
      await client.request('browse', 'GET', pick(['/', '/sitemap.xml', '/api/store/products?limit=10', `/api/store/products/${variant.slug}`, '/kosik']));
      await pause(50);
    }
  };

  const cartUser = async (name: string) => {
    const client = new Client(base, name, log);
    const cart = { client, expected: new Map<number, number>(), uncertain: new Set<number>() };
    carts.set(name, cart);
    let adds = 0;
    while (!stop()) {
      if (adds < 6) {
        const variant = pick(shop.plenty);
        adds++;
        // The product page's add-to-cart form: no token, our own Origin.
        const answer = await client.request('cart', 'POST', '/kosik', { form: { variantId: String(variant.id), quantity: '1' }, headers: { origin: base } });
        if (answer?.status === 303 && answer.location === '/kosik') cart.expected.set(variant.id, (cart.expected.get(variant.id) ?? 0) + 1);
        else cart.uncertain.add(variant.id);
      } else {
        await client.request('cart', 'GET', '/kosik');
      }
      await pause(400);
    }
  };

  const buyer = async (name: string) => {
    const client = new Client(base, name, log);
    while (!stop()) {
      const n = ++orderSeq;
      const checkout: Checkout = { key: randomUUID(), body: orderBody(shop, n), tries: 0, outcome: 'unknown', number: null, refusal: null };
      checkouts.push(checkout);
      await placeOrder(client, checkout, Date.now() + 20_000);
      await pause(150);
    }
  };

  const next: Record<string, string[]> = { new: ['processing', 'processing', 'cancelled'], processing: ['shipped', 'completed', 'cancelled'], shipped: ['completed'] };
  const statuses = new Map<string, string>();
  const adminUser = async () => {
    const page = await adminClient.request('admin', 'GET', '/admin/prihlaseni');
    const signIn = await adminClient.request('admin', 'POST', '/admin/prihlaseni', { form: { _csrf: csrfOf(page?.text ?? '') ?? '', email: admin.email, password: admin.password } });
    if (signIn?.status !== 303) throw new Error(`admin sign-in failed: ${signIn?.status}`);
    let csrf: string | null = null;
    while (!stop()) {
      const list = await adminClient.request('admin', 'GET', '/admin/objednavky');
      if (list?.status === 303 && list.location?.includes('prihlaseni')) load.admin.signedOutSeen++;
      const open = checkouts.filter((c) => c.number && (statuses.get(c.number) ?? 'new') in next);
      if (open.length > 0) {
        const order = pick(open).number!;
        if (!csrf) {
          const detail = await adminClient.request('admin', 'GET', `/admin/objednavky/${order}`);
          if (detail?.status === 303 && detail.location?.includes('prihlaseni')) load.admin.signedOutSeen++;
          csrf = csrfOf(detail?.text ?? '');
        }
        const status = pick(next[statuses.get(order) ?? 'new']!);
        const form = { _csrf: csrf ?? '', status, confirmed: '1', notify: '1', confirmWithoutTracking: '1' };
        const answer = await adminClient.request('admin', 'POST', `/admin/objednavky/${order}/stav`, { form });
        if (answer?.status === 303 && answer.location?.endsWith(`/admin/objednavky/${order}`)) statuses.set(order, status);
        else if (answer?.status === 403) csrf = null; // fetch a fresh token
      }
      await pause(250);
    }
  };

  await Promise.all([browser('browser-1'), browser('browser-2'), cartUser('cart-1'), cartUser('cart-2'), cartUser('cart-3'), buyer('buyer-1'), buyer('buyer-2'), buyer('buyer-3'), adminUser()]);
  // Answers that never came during the faults: asked again now, with the same keys.
  const resolver = new Client(base, 'resolver', log);
  for (const checkout of checkouts.filter((c) => c.outcome === 'unknown')) await placeOrder(resolver, checkout, Date.now() + 30_000);
  return load;
}
