/** A shop wired to the fake Packeta server (as if it were the real API, with its password in Configuration). */
import { startFakePacketa, type FakePacketa } from '../../src/adapters/carriers/packeta-fake-server.js';
import { packetaGateway } from '../../src/adapters/carriers/packeta-gateway.js';
import type { Dialect } from './databases.js';
import { startKramek, type TestKramek } from './kramek.js';
import { BUYER, setUpShop } from './orders.js';

export type PacketaShop = { kramek: TestKramek; fake: FakePacketa; auth: { authorization: string }; close(): Promise<void> };

export async function startPacketaShop(dialect: Dialect, options: { env?: Record<string, string> } = {}): Promise<PacketaShop> {
  const fake = await startFakePacketa({ password: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' });
  const kramek = await startKramek(dialect, { env: options.env, ports: { carriers: packetaGateway({ apiUrl: fake.apiUrl, feedBase: fake.feedBase, timeoutMs: 800 }) } });
  const auth = await setUpShop(kramek);
  await kramek.core.services.updateSettings({ patch: { carriers: { packeta: { apiPassword: fake.password, sender: 'cajovna' } } }, actor: 'test' });
  return {
    kramek,
    fake,
    auth,
    async close() {
      await kramek.close();
      await fake.close();
    },
  };
}

/** A Zásilkovna order through the Store API to a pickup point of the fake feed. */
export async function placePickupOrder(shop: PacketaShop, overrides: Record<string, unknown> = {}) {
  const response = await shop.kramek.app.inject({
    method: 'POST',
    url: '/api/store/orders',
    payload: { ...BUYER, shippingMethod: 'zasilkovna', paymentMethod: 'cash-on-delivery', pickupPoint: { id: '10232' }, items: [{ sku: 'TEA-1', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }], ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { number: string; total: number; shipping: { pickupPoint: { id: string; place: string } | null } } & Record<string, unknown>;
}
