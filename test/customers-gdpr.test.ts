import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { createCustomer, orderFor, ownerToken } from './support/customers.js';
import type { Invoice } from '../src/domain/invoices/invoice.js';

const PERSON = {
  email: 'Radomira.Zelenkova@example.cz',
  name: 'Radomíra Zelenková',
  phone: '+420 731 555 666',
  company: 'Zelenkovi s.r.o.',
  ico: '25596641',
  dic: 'CZ25596641',
  billingAddress: { street: 'Květinová 7', city: 'Olomouc', zip: '779 00', country: 'CZ' },
};
const ORDER_CUSTOMER = { email: PERSON.email, name: PERSON.name, phone: '731555666', company: PERSON.company, ico: PERSON.ico, dic: PERSON.dic };
// Written as people write them, in any case and spacing; none may survive anywhere in the customer's rows.
const SECRETS = ['radomíra', 'zelenkov', 'radomira.zelenkova', '731555666', 'květinová', 'olomouc', '25596641'];

const leaks = (rows: unknown[]) => {
  const text = JSON.stringify(rows).toLowerCase().replace(/[\s-]/g, '');
  return SECRETS.filter((s) => text.includes(s.replace(/\s/g, '')));
};

for (const dialect of DIALECTS) {
  describe(`GDPR export and anonymisation on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: string;
    let customer: { id: number; email: string; name: string };
    let orderNumbers: string[];
    let documents: Invoice[];

    before(async () => {
      kramek = await startKramek(dialect);
      await setUpShop(kramek);
      owner = await ownerToken(kramek);
      const s = kramek.core.services;
      // A one-time purchase under the same email before the account existed, then two orders of the account.
      const guest = await placeOrder(kramek, { customer: ORDER_CUSTOMER, billingAddress: PERSON.billingAddress, note: 'Radomíra prosí o doručení po 16. hodině.' });
      customer = await createCustomer(kramek, owner, { ...PERSON, note: 'Stálá zákaznice, paní Zelenková.' });
      const own1 = await orderFor(kramek, customer, 2, { customer: ORDER_CUSTOMER, billingAddress: PERSON.billingAddress, shippingAddress: { street: 'Květinová 7', city: 'Olomouc', zip: '77900', country: 'CZ' } });
      const own2 = await orderFor(kramek, customer, 1, { customer: ORDER_CUSTOMER, billingAddress: PERSON.billingAddress });
      orderNumbers = [guest.number, own1, own2];
      await s.addOrderNote({ number: own1, text: 'Volala paní Zelenková z 731 555 666, chce fakturu na Zelenkovi s.r.o.', actor: 'Petr' });
      await s.emailOrderCustomer({ number: own2, subject: 'Dotaz pro Radomíru', body: 'Dobrý den, paní Zelenková, …', actor: 'Petr' });
      await s.emailCustomerAccount({ id: customer.id, subject: 'Sleva pro Radomíru Zelenkovou', body: 'Milá Radomíro, posíláme slevu.', actor: 'Petr' });
      // Tax documents: the one-time order's invoice, and an invoice of the account's order with a credit note.
      const guestInvoice = await s.issueInvoice({ number: guest.number, actor: 'Petr' });
      const invoice = await s.issueInvoice({ number: own1, actor: 'Petr' });
      const creditNote = await s.creditInvoice({ invoiceId: invoice.id, request: { reason: 'Vrácené zboží', lines: [{ line: 1, quantity: 1 }] }, actor: 'Petr' });
      documents = [guestInvoice, invoice, creditNote];
      // Someone else's order that must stay exactly as it is.
      await placeOrder(kramek);
    });
    after(() => kramek.close());

    const rowsOf = async (customerId: number | null, numbers: string[]) => {
      const db = kramek.core.db;
      const orders = await db.selectFrom('orders').selectAll().where('number', 'in', numbers).orderBy('id').execute();
      const ids = orders.map((o) => o.id);
      const events = await db.selectFrom('order_events').selectAll().where('order_id', 'in', ids).execute();
      const items = await db.selectFrom('order_items').selectAll().where('order_id', 'in', ids).orderBy('id').execute();
      const emails = await db
        .selectFrom('outbox_emails')
        .selectAll()
        .where((eb) => eb.or([eb('order_id', 'in', ids), ...(customerId ? [eb('customer_id', '=', customerId)] : [])]))
        .execute();
      const customers = customerId ? await db.selectFrom('customers').selectAll().where('id', '=', customerId).execute() : [];
      const log = customerId ? await db.selectFrom('customer_events').selectAll().where('customer_id', '=', customerId).execute() : [];
      return { orders, events, items, emails, customers, log };
    };

    test('the export is a JSON download with the account, all orders with items and timeline, and the emails', async () => {
      const response = await kramek.app.inject({ method: 'GET', url: `/api/admin/customers/${customer.id}/export.json`, headers: { authorization: owner } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-disposition']), /^attachment; filename="zakaznik-\d+\.json"$/);
      const data = response.json();
      assert.equal(data.customer.name, PERSON.name);
      assert.equal(data.customer.note, 'Stálá zákaznice, paní Zelenková.');
      assert.deepEqual(data.customer.billing_address, PERSON.billingAddress);
      assert.ok(!('password_hash' in data.customer));
      assert.deepEqual(data.orders.map((o: { number: string }) => o.number).sort(), [...orderNumbers].sort(), 'the one-time order under the same email too');
      for (const order of data.orders) {
        assert.ok(order.items.length > 0);
        assert.ok(!('access_token' in order));
        assert.ok(order.events.length > 0);
      }
      const events = data.orders.flatMap((o: { events: { text: string; internal: boolean }[] }) => o.events);
      assert.ok(events.some((e: { text: string; internal: boolean }) => e.internal && e.text.includes('Volala paní Zelenková')), 'internal notes are included');
      assert.ok(events.some((e: { text: string }) => e.text.startsWith('Jednorázový nákup')));
      const subjects = data.emails.map((e: { subject: string }) => e.subject);
      assert.ok(subjects.includes('Sleva pro Radomíru Zelenkovou'));
      assert.ok(subjects.some((s: string) => s.startsWith('Dotaz pro Radomíru')));
      assert.ok(data.emails.some((e: { kind: string }) => e.kind === 'order_accepted'));
      assert.ok(data.customerEvents.some((e: { kind: string }) => e.kind === 'email'));
      assert.match(data.contents, /internal notes/);
      assert.match(data.contents, /invoices and credit notes/);
    });

    test('the export lists the invoices and credit notes of every order, as issued', async () => {
      const data = await kramek.core.services.exportCustomerData(customer.id, 'Majitel');
      const [guestInvoice, invoice, creditNote] = documents;
      assert.deepEqual(
        data.invoices.map(({ buyer: _b, ...d }) => d),
        [guestInvoice!, invoice!, creditNote!].map((d) => ({
          number: d.number,
          kind: d.kind,
          order_number: d.orderNumber,
          issue_date: d.issueDate,
          taxable_supply_date: d.taxableDate,
          due_date: d.dueDate,
          total: d.total,
          currency: 'CZK',
          corrects_invoice: d.kind === 'credit_note' ? invoice!.number : null,
          reason: d.kind === 'credit_note' ? 'Vrácené zboží' : null,
        })),
      );
      assert.equal(creditNote!.kind, 'credit_note');
      assert.ok(creditNote!.total < 0, 'a credit note is a negative correction');
      assert.ok(data.invoices.every((d) => (d.buyer as { name: string }).name === PERSON.name), 'the customer as the documents name them');
      assert.ok(!JSON.stringify(data.invoices).includes('"content"'), 'the summary, not the stored row');
    });

    test('anonymising leaves no personal data in any row of the customer, keeps totals and items, drops sign-in tokens', async () => {
      const db = kramek.core.db;
      const beforeRows = await rowsOf(customer.id, orderNumbers);
      assert.deepEqual(leaks(beforeRows.customers).length > 0 && leaks(beforeRows.orders).length > 0 && leaks(beforeRows.events).length > 0 && leaks(beforeRows.emails).length > 0, true, 'the scan sees the data before');
      const other = await db.selectFrom('orders').selectAll().where('number', 'not in', orderNumbers).execute();
      // A sign-in token of theirs goes; another customer's stays.
      const now = new Date().toISOString();
      const stranger = await db.insertInto('customers').values({ email: 'cizi@example.cz', name: 'Cizí Zákazník', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      const token = (customerId: number, hash: string) => ({ customer_id: customerId, purpose: 'reset', token_hash: hash, expires_at: now, created_at: now });
      const [mine] = await db.insertInto('customer_tokens').values(token(customer.id, 'a'.repeat(64))).returning('id').execute();
      const [theirs] = await db.insertInto('customer_tokens').values(token(stranger.id, 'b'.repeat(64))).returning('id').execute();
      assert.ok(mine && theirs);

      const invoicesBefore = await db.selectFrom('invoices').selectAll().orderBy('id').execute();
      assert.equal(invoicesBefore.length, documents.length);

      const result = await kramek.core.services.anonymizeCustomer(customer.id, 'Majitel');
      assert.equal(result.orders, 3);
      // Tax documents are legal records (VAT Act § 35): not a byte of them changes, the buyer they name included.
      assert.deepEqual(await db.selectFrom('invoices').selectAll().orderBy('id').execute(), invoicesBefore, 'invoices and credit notes stay as issued');
      assert.deepEqual((await kramek.core.services.findInvoice(documents[1]!.id))?.content.buyer.name, PERSON.name);
      const afterExport = await kramek.core.services.exportCustomerData(customer.id, 'Majitel');
      assert.deepEqual(afterExport.invoices.map((d) => d.number), documents.map((d) => d.number), 'and the export still lists them');

      const afterRows = await rowsOf(customer.id, orderNumbers);
      for (const [table, rows] of Object.entries(afterRows)) assert.deepEqual(leaks(rows), [], `${table} keeps nothing personal`);
      assert.deepEqual(afterRows.orders.map((o) => o.total), beforeRows.orders.map((o) => o.total));
      assert.deepEqual(afterRows.orders.map((o) => o.number), beforeRows.orders.map((o) => o.number));
      assert.deepEqual(afterRows.items, beforeRows.items, 'items (names, SKUs, prices) stay');
      assert.equal(afterRows.customers[0]!.password_hash, null);
      assert.equal(afterRows.customers[0]!.blocked, 1);
      assert.equal(afterRows.customers[0]!.note, null);
      assert.ok(afterRows.customers[0]!.anonymized_at);
      assert.ok(afterRows.orders.every((o) => o.note === null && o.phone === null && o.email === afterRows.customers[0]!.email));
      assert.equal(JSON.parse(afterRows.orders[0]!.billing_address).country, 'CZ');
      assert.ok(afterRows.emails.every((e) => e.text_body === '' && e.html_body === ''));
      assert.ok(afterRows.emails.filter((e) => e.sent_at === null).every((e) => e.status === 'failed'), 'nothing queued is sent to a removed address');
      const tokens = await sql<{ id: number }>`select id from customer_tokens order by id`.execute(db);
      assert.deepEqual(tokens.rows.map((r) => Number(r.id)), [theirs.id]);
      assert.ok(afterRows.log.some((e) => e.kind === 'anonymized'));
      assert.deepEqual(await db.selectFrom('orders').selectAll().where('number', 'not in', orderNumbers).execute(), other, 'other customers are untouched');

      const profile = await kramek.app.inject({ method: 'GET', url: `/api/admin/customers/${customer.id}`, headers: { authorization: owner } });
      assert.equal(profile.json().anonymized, true);
      await assert.rejects(kramek.core.services.anonymizeCustomer(customer.id, 'Majitel'), { code: 'conflict' });
    });

    test('a one-time buyer is anonymised by email, all their orders at once, case aside', async () => {
      const buyer = { ...ORDER_CUSTOMER, email: 'radomira.zelenkova@example.cz' };
      const numbers = [(await placeOrder(kramek, { customer: buyer, billingAddress: PERSON.billingAddress })).number, (await placeOrder(kramek, { customer: { ...buyer, email: 'RADOMIRA.zelenkova@example.cz' }, billingAddress: PERSON.billingAddress })).number];
      const beforeRows = await rowsOf(null, numbers);
      assert.ok(leaks(beforeRows.orders).length > 0);
      const exported = await kramek.core.services.exportGuestData('Radomira.Zelenkova@example.cz', 'Majitel');
      assert.deepEqual(exported.orders.map((o) => o.number).sort(), [...numbers].sort());
      const result = await kramek.core.services.anonymizeGuest('radomira.zelenkova@EXAMPLE.cz', 'Majitel');
      assert.equal(result.orders, 2);
      const afterRows = await rowsOf(null, numbers);
      for (const [table, rows] of Object.entries(afterRows)) assert.deepEqual(leaks(rows), [], `${table} keeps nothing personal`);
      assert.deepEqual(afterRows.orders.map((o) => o.total), beforeRows.orders.map((o) => o.total));
      await assert.rejects(kramek.core.services.guestProfile('radomira.zelenkova@example.cz'), { code: 'not_found' }, 'nothing is left under the email');
    });
  });
}
