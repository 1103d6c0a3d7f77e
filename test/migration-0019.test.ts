import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { up } from '../src/adapters/db/migrations/0019-automatic-notes-in-words.js';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { placeOrder, setUpShop } from './support/orders.js';

for (const dialect of DIALECTS) {
  describe(`migration 0019 puts older orders' automatic texts in words, on ${dialect.name}`, () => {
    let kramek: TestKramek;
    before(async () => {
      kramek = await startKramek(dialect);
      await setUpShop(kramek);
    });
    after(() => kramek.close());

    const eventsOf = async (number: string) =>
      kramek.core.db.selectFrom('order_events').innerJoin('orders', 'orders.id', 'order_events.order_id').select(['order_events.id', 'kind', 'actor', 'text']).where('orders.number', '=', number).orderBy('order_events.id').execute();

    test('email kinds in the creation entry and country codes in the guest-data note; the staff’s own notes untouched', async () => {
      const { number } = await placeOrder(kramek, { shippingAddress: { street: 'Hlavná 1', city: 'Bratislava', zip: '811 01', country: 'SK' } });
      const staffNote = 'Poslat přes PPL, CZ\nřekla zákaznice';
      await kramek.core.services.addOrderNote({ number, text: staffNote, actor: 'Majitel' });
      // The texts as orders placed before this version have them.
      const legacy: Record<string, string> = {
        created: 'Objednávka vygenerována 6. 12. 2026 21:09:19 – všechny kroky proběhly bez chyby.\nE-maily: order_accepted → jana@example.cz; owner_new_order → majitel@example.cz',
        guest: 'Jednorázový nákup bez registrace. Zadané údaje:\nJméno: Jana Nováková\nFakturační adresa: Dlouhá 12, 110 00 Praha, CZ\nDoručovací adresa: Hlavná 1, 811 01 Bratislava, SK',
      };
      for (const e of await eventsOf(number)) {
        const text = e.kind === 'created' ? legacy.created : e.actor === 'system' && e.kind === 'note' && e.text.startsWith('Jednorázový') ? legacy.guest : null;
        if (text) await kramek.core.db.updateTable('order_events').set({ text }).where('id', '=', e.id).execute();
      }

      await up(kramek.core.db as never);
      const after = await eventsOf(number);
      assert.equal(after.find((e) => e.kind === 'created')!.text, 'Objednávka vygenerována 6. 12. 2026 21:09:19 – všechny kroky proběhly bez chyby.\nE-maily: potvrzení objednávky → jana@example.cz; upozornění pro obchod → majitel@example.cz');
      assert.equal(
        after.find((e) => e.actor === 'system' && e.kind === 'note')!.text,
        'Jednorázový nákup bez registrace. Zadané údaje:\nJméno: Jana Nováková\nFakturační adresa: Dlouhá 12, 110 00 Praha, Česká republika\nDoručovací adresa: Hlavná 1, 811 01 Bratislava, Slovensko',
      );
      assert.equal(after.find((e) => e.actor === 'Majitel')!.text, staffNote);
    });
  });
}
