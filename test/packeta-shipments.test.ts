import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { pdfPages } from './support/pdf.js';
import { outboxOf } from './support/orders.js';
import { placePickupOrder, startPacketaShop, type PacketaShop } from './support/packeta.js';
import { signedInAgent } from './support/catalog.js';

for (const dialect of DIALECTS) {
  describe(`Packeta parcels, labels and statuses on ${dialect.name}`, () => {
    let shop: PacketaShop;
    const api = (method: 'GET' | 'POST', url: string, payload?: object) => shop.kramek.app.inject({ method, url, payload, headers: shop.auth });
    const createPackets = () => shop.fake.calls.filter((c) => c === 'createPacket').length;

    before(async () => {
      shop = await startPacketaShop(dialect);
      await shop.kramek.core.services.refreshPickupPoints({ maxAgeMs: 0 });
    });
    after(() => shop.close());

    test('a parcel goes to the chosen point with cash on delivery from the order, in whole crowns, once however often asked', async () => {
      const order = await placePickupOrder(shop);
      const before = createPackets();
      // A double click: two requests at once, then a third later — one createPacket at Packeta.
      const [first, second] = await Promise.all([api('POST', `/api/admin/orders/${order.number}/shipment`), api('POST', `/api/admin/orders/${order.number}/shipment`)]);
      const statuses = [first.statusCode, second.statusCode].sort();
      assert.ok(statuses[0] === 200 && (statuses[1] === 200 || statuses[1] === 409), `${first.body} ${second.body}`);
      const again = await api('POST', `/api/admin/orders/${order.number}/shipment`);
      assert.equal(again.statusCode, 200);
      assert.equal(createPackets() - before, 1, 'one parcel per order, ever');
      const shipment = again.json().shipment as { shipmentId: string; trackingNumber: string; barcodeText: string; cod: number; demo: boolean };
      const packet = shop.fake.packets.get(shipment.shipmentId)!;
      assert.equal(packet.attributes.addressId, '10232');
      assert.equal(packet.attributes.number, order.number);
      assert.equal(packet.attributes.name, 'Jana');
      assert.equal(packet.attributes.surname, 'Nováková');
      assert.equal(packet.attributes.eshop, 'cajovna');
      assert.equal(packet.attributes.cod, `${Math.round(order.total / 100)}.00`, 'COD is the order total in whole crowns');
      assert.equal(packet.attributes.value, `${Math.trunc(order.total / 100)}.${String(order.total % 100).padStart(2, '0')}`);
      assert.equal(shipment.cod, Math.round(order.total / 100) * 100);
      assert.equal(shipment.trackingNumber, `Z${shipment.shipmentId}`);
      assert.equal(shipment.demo, false);
      // Not shipped yet: the customer's view shows no tracking number (CONTRACT: null before shipping).
      assert.equal(again.json().shipping.trackingNumber, null);
    });

    test('Shipped in one step: the parcel number becomes the tracking number, link and email', async () => {
      const order = await placePickupOrder(shop, { paymentMethod: 'bank-transfer' });
      const created = await api('POST', `/api/admin/orders/${order.number}/shipment`);
      const { trackingNumber, cod } = created.json().shipment as { trackingNumber: string; cod: number };
      assert.equal(cod, 0, 'a bank transfer is no cash on delivery');
      const shipped = await api('POST', `/api/admin/orders/${order.number}/status`, { status: 'shipped', confirmWithoutTracking: false });
      assert.equal(shipped.statusCode, 200, shipped.body);
      const body = shipped.json();
      assert.equal(body.shipping.trackingNumber, trackingNumber);
      assert.equal(body.shipping.trackingUrl, `https://tracking.packeta.com/cs/?id=${trackingNumber}`);
      assert.equal(body.trackingMissing, false);
      const email = (await outboxOf(shop.kramek, order.number)).find((e) => e.kind === 'order_status');
      assert.ok(email?.text_body.includes(trackingNumber));
    });

    test('labels are real PDFs: one A6 for an order, several on A4 sheets for the ticked orders', async () => {
      const a = await placePickupOrder(shop);
      const b = await placePickupOrder(shop);
      const c = await placePickupOrder(shop);
      const texts: string[] = [];
      for (const o of [a, b]) texts.push((await api('POST', `/api/admin/orders/${o.number}/shipment`)).json().shipment.barcodeText);
      const single = await api('GET', `/api/admin/orders/${a.number}/label.pdf`);
      assert.equal(single.statusCode, 200);
      assert.equal(single.headers['content-type'], 'application/pdf');
      const pages = pdfPages(single.rawPayload);
      assert.equal(pages.length, 1);
      assert.match(pages[0]!, new RegExp(texts[0]!));
      assert.match(pages[0]!, /Dobírka/);

      const labels = await shop.kramek.core.services.shipmentLabels({ numbers: [a.number, b.number, c.number], format: 'A6 on A4', offset: '3' });
      assert.deepEqual(labels.without, [c.number], 'an order without a parcel is named, not printed');
      const sheets = pdfPages(labels.pdf);
      assert.equal(sheets.length, 2, 'offset 3 leaves the first sheet one free place');
      assert.match(sheets[0]!, new RegExp(texts[0]!));
      assert.match(sheets[1]!, new RegExp(texts[1]!));
      const none = await api('GET', `/api/admin/orders/${c.number}/label.pdf`);
      assert.equal(none.statusCode, 422);
      assert.equal(none.json().error.code, 'validation');
    });

    test('the status poll writes the carrier status and completes a delivered order only when Configuration says so', async () => {
      const s = shop.kramek.core.services;
      const place = async () => {
        const o = await placePickupOrder(shop);
        const id = (await api('POST', `/api/admin/orders/${o.number}/shipment`)).json().shipment.shipmentId as string;
        await api('POST', `/api/admin/orders/${o.number}/status`, { status: 'shipped' });
        return { number: o.number, id };
      };
      const kept = await place();
      shop.fake.setStatus(kept.id, 5);
      await s.pollShipmentStatuses();
      let detail = (await api('GET', `/api/admin/orders/${kept.number}`)).json();
      assert.equal(detail.shipment.status.code, 5);
      assert.ok(detail.history.some((h: { text: string }) => h.text.includes('připravena k vyzvednutí')));
      shop.fake.setStatus(kept.id, 7);
      await s.checkShipmentStatus({ number: kept.number });
      detail = (await api('GET', `/api/admin/orders/${kept.number}`)).json();
      assert.equal(detail.shipment.status.delivered, true);
      assert.equal(detail.status, 'shipped', 'Configuration did not ask to complete delivered orders');

      await s.updateSettings({ patch: { carriers: { packeta: { completeOnDelivery: true } } }, actor: 'test' });
      const done = await place();
      shop.fake.setStatus(done.id, 7);
      const round = await s.pollShipmentStatuses();
      assert.ok(round.delivered >= 1);
      detail = (await api('GET', `/api/admin/orders/${done.number}`)).json();
      assert.equal(detail.status, 'completed');
      assert.ok(detail.history.some((h: { actor: string; status?: string }) => h.actor === 'Packeta' && h.status === 'completed'));
      assert.equal((await s.pollShipmentStatuses()).checked, 0, 'a delivered parcel, and a recently checked one, are not asked again');
      await s.updateSettings({ patch: { carriers: { packeta: { completeOnDelivery: false } } }, actor: 'test' });
    });

    test('Packeta down, timing out or refusing: the order stays as it was, the owner reads why, a retry works', async () => {
      const order = await placePickupOrder(shop);
      const url = `/api/admin/orders/${order.number}/shipment`;
      for (const failure of [{ kind: 'down' as const }, { kind: 'timeout' as const }]) {
        shop.fake.fail(failure);
        const refused = await api('POST', url);
        assert.equal(refused.statusCode, 502, failure.kind);
        assert.equal(refused.json().error.code, 'carrier_unavailable');
        assert.match(refused.json().error.message, /Packeta/);
        const detail = (await api('GET', `/api/admin/orders/${order.number}`)).json();
        assert.equal(detail.shipment, null, 'no half-made parcel is left behind');
        assert.equal(detail.status, 'new');
      }
      shop.fake.fail({ kind: 'fault', fault: 'IncorrectApiPasswordFault', message: 'Incorrect API password.' });
      const fault = await api('POST', url, undefined);
      assert.equal(fault.statusCode, 422);
      assert.equal(fault.json().error.code, 'carrier_rejected');
      assert.match(fault.json().error.message, /Incorrect API password/);
      shop.fake.fail(null);
      const retried = await api('POST', url);
      assert.equal(retried.statusCode, 200, retried.body);
      assert.ok(retried.json().shipment.trackingNumber);
    });

    test("Packeta's attribute faults reach the owner on the order page; nothing changes until the order can go", async () => {
      const s = shop.kramek.core.services;
      const order = await placePickupOrder(shop);
      // Goods without weights go as the configured default: 12 kg is over the Z-BOX's 10 kg, and Packeta says so.
      await s.updateSettings({ patch: { carriers: { packeta: { defaultWeightGrams: 12_000 } } }, actor: 'test' });
      const agent = await signedInAgent(shop.kramek);
      const page = `/admin/objednavky/${order.number}`;
      assert.match((await agent.get(page)).body, /Vytvořit zásilku/);
      const posted = await agent.submit(page, `${page}/packeta`, {});
      assert.equal(posted.statusCode, 303);
      const after = await agent.get(page);
      assert.match(after.body, /Packeta zásilku odmítla: Packet attributes are invalid.; weight: Exceeds the maximum weight/);
      assert.equal((await api('GET', `/api/admin/orders/${order.number}`)).json().shipment, null);
      await s.updateSettings({ patch: { carriers: { packeta: { defaultWeightGrams: 1000 } } }, actor: 'test' });
      await agent.submit(page, `${page}/packeta`, {});
      const created = await agent.get(page);
      assert.match(created.body, /byla vytvořena v Packetě/);
      assert.match(created.body, /Štítek A6/);
      const label = await agent.get(`${page}/packeta/stitek.pdf?format=A4`);
      assert.equal(label.headers['content-type'], 'application/pdf');
    });
  });
}
