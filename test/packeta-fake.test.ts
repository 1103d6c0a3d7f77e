import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakePacketa, type FakePacketa } from '../src/adapters/carriers/packeta-fake-server.js';
import { packetaClient } from '../src/adapters/carriers/packeta-client.js';
import { packetaGateway } from '../src/adapters/carriers/packeta-gateway.js';
import { branchToPoint } from '../src/adapters/carriers/packeta-feed.js';
import { carrierJobs } from '../src/jobs/carrier-jobs.js';
import { isCarrierError } from '../src/services/shipping/ports.js';
import { pdfPages } from './support/pdf.js';

const post = (fake: FakePacketa, body: string) => fetch(fake.apiUrl, { method: 'POST', headers: { 'content-type': 'text/xml' }, body }).then((r) => r.text());

describe('the fake Packeta server answers as Packeta does', () => {
  let fake: FakePacketa;
  before(async () => (fake = await startFakePacketa({ password: 'b'.repeat(32) })));
  after(() => fake.close());

  test('a wrong password, an unknown packet and bad XML are faults in the response envelope', async () => {
    assert.match(await post(fake, `<packetStatus><apiPassword>${'c'.repeat(32)}</apiPassword><packetId>1</packetId></packetStatus>`), /<response><status>fault<\/status><fault>IncorrectApiPasswordFault<\/fault><string>Incorrect API password.<\/string><\/response>/);
    assert.match(await post(fake, `<packetStatus><apiPassword>${'b'.repeat(32)}</apiPassword><packetId>404</packetId></packetStatus>`), /<fault>PacketIdFault<\/fault>/);
    assert.match(await post(fake, 'not xml <'), /<fault>IncorrectDataFault<\/fault>/);
  });

  test('createPacket checks the attributes and lists every faulty one in the detail', async () => {
    const body = `<createPacket><apiPassword>${'b'.repeat(32)}</apiPassword><packetAttributes><number>1</number><name>Jana</name><surname>Nová</surname><email>a@b.cz</email><addressId>404</addressId><cod>10.50</cod><value>10.50</value><weight>0</weight></packetAttributes></createPacket>`;
    const answer = await post(fake, body);
    assert.match(answer, /<fault>PacketAttributesFault<\/fault>/);
    for (const name of ['addressId', 'weight', 'cod']) assert.match(answer, new RegExp(`<fault><name>${name}</name><fault>`));
  });

  test('the client reads answers and faults; the feed needs the API key and is read point by point', async () => {
    const client = packetaClient({ endpoint: async () => ({ apiUrl: fake.apiUrl, feedBase: fake.feedBase, apiPassword: fake.password }), demo: false, timeoutMs: 1000 });
    const created = await client.createShipment({ orderNumber: '2026000001', firstName: 'Jana', lastName: 'Nováková', company: null, email: 'jana@example.cz', phone: '+420601123456', pickupPointId: '11401', cod: 0, value: 123450, currency: 'CZK', weightGrams: 750, sender: '' });
    assert.match(created.barcodeText, /^Z \d{3} \d{4} \d{3}$/);
    assert.equal(fake.packets.get(created.shipmentId)!.attributes.weight, '0.75');
    assert.equal(fake.packets.get(created.shipmentId)!.attributes.cod, undefined, 'no COD element for a prepaid parcel');
    assert.deepEqual(await client.status(created.shipmentId), { code: 1, text: 'Zásilka byla zaevidována', delivered: false });
    assert.match(pdfPages(await client.labels([created.shipmentId], 'A6 on A6', 0))[0]!, new RegExp(created.barcodeText));
    await assert.rejects(client.labels([created.shipmentId], 'A6 on A4', 7), (e) => isCarrierError(e) && e.kind === 'rejected');
    const points = [];
    for await (const p of client.pickupPoints()) points.push(p);
    assert.equal(points.length, 37);
    const wrongKey = packetaClient({ endpoint: async () => ({ apiUrl: fake.apiUrl, feedBase: fake.feedBase, apiPassword: 'd'.repeat(32) }), demo: false, timeoutMs: 1000 });
    await assert.rejects(async () => {
      for await (const _ of wrongKey.pickupPoints());
    }, (e) => isCarrierError(e) && e.kind === 'rejected' && /invalid API key/.test(e.message));
  });
});

test('feed branches out of operation, hidden or abroad are left out; Z-BOXes and weights are read', () => {
  const base = { id: '5', name: 'Praha 1, Dlouhá 1', place: 'Z-BOX Dlouhá', street: 'Dlouhá 1', city: 'Praha 1', zip: '110 00', country: 'cz', status: { statusId: '1' }, displayFrontend: '1', maxWeight: '10', latitude: '50.1', longitude: '14.4', openingHours: { compactShort: '<strong>Po–Ne</strong> 00:00–23:59' } };
  assert.deepEqual(branchToPoint(base), { carrier: 'zasilkovna', id: '5', name: 'Praha 1, Dlouhá 1', place: 'Z-BOX Dlouhá', street: 'Dlouhá 1', city: 'Praha 1', zip: '110 00', country: 'CZ', kind: 'box', openingHours: 'Po–Ne 00:00–23:59', latitude: 50.1, longitude: 14.4, maxWeightGrams: 10_000 });
  assert.equal(branchToPoint({ ...base, displayFrontend: '0' }), null);
  assert.equal(branchToPoint({ ...base, status: { statusId: '2' } }), null);
  assert.equal(branchToPoint({ ...base, country: 'hu' }), null);
  assert.equal(branchToPoint({ ...base, id: 'x' }), null);
});

test('without a password the demo carrier starts on first use and marks its parcels; with CARRIER_DEMO=0 there is none', async () => {
  const gateway = packetaGateway({ demo: true, timeoutMs: 2000 });
  try {
    const client = gateway.packeta({ apiPassword: '', sender: '', labelFormat: 'A6 on A6', defaultWeightGrams: 1000, widget: true, completeOnDelivery: false })!;
    assert.equal(client.demo, true);
    const created = await client.createShipment({ orderNumber: '1', firstName: 'A', lastName: 'B', company: null, email: 'a@b.cz', phone: null, pickupPointId: '10231', cod: 10000, value: 10000, currency: 'CZK', weightGrams: 100, sender: '' });
    assert.match(pdfPages(await client.labels([created.shipmentId], 'A6 on A6', 0))[0]!, /Zkušební dopravce/);
  } finally {
    await gateway.close();
  }
  assert.equal(packetaGateway({ demo: false }).packeta({ apiPassword: '', sender: '', labelFormat: 'A6 on A6', defaultWeightGrams: 1000, widget: true, completeOnDelivery: false }), null);
});

test('the worker refreshes pickup points daily and polls parcel statuses', async () => {
  const calls: string[] = [];
  const jobs = carrierJobs({ refreshPickupPoints: async () => (calls.push('refresh'), { refreshed: true, count: 1 }), pollShipmentStatuses: async () => (calls.push('poll'), { checked: 0, delivered: 0 }) });
  assert.deepEqual(jobs.map((j) => j.name), ['refresh-pickup-points', 'poll-carrier-statuses']);
  for (const job of jobs) await job.run();
  assert.deepEqual(calls, ['refresh', 'poll']);
});
