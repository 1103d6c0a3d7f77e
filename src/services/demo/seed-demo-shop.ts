/** The demo shop of `kramek seed --demo` and a first start: catalogue, content page templates, and shop details if none are set. */
import { randomBytes } from 'node:crypto';
import { defaultSettings } from '../../domain/settings/settings.js';

type DemoSteps = {
  seedDemo(): Promise<{ categories: number; products: number }>;
  seedTemplatePages(): Promise<number>;
  getSettingsWithVersion(): Promise<{ version: number }>;
  updateSettings(input: { patch: unknown; actor: string }): Promise<unknown>;
};

// A fictional shop (the IČO passes the checksum but belongs to no one; the account is the documented example one).
const DEMO_SHOP = {
  shop: {
    name: 'Čajovna U Zlatého draka',
    legalName: 'Zlatý drak s.r.o.',
    ico: '12345679',
    dic: 'CZ12345679',
    street: 'Dlouhá 12',
    city: 'Praha',
    zip: '110 00',
    email: 'obchod@example.cz',
    phone: '+420 601 123 456',
    web: 'https://caj.example.cz',
    bankAccounts: [{ label: 'Fio banka', number: '2000145399/2010' }],
  },
  documents: { footer: 'Zlatý drak s.r.o. je zapsána v obchodním rejstříku vedeném Městským soudem v Praze.' },
};

/** The demo takes card payments through the test gateway (nothing is really paid), with a secret of its own. */
const demoPayments = () => ({
  payments: { card: { provider: 'fake', secret: randomBytes(18).toString('base64url'), test: true } },
  checkout: { paymentMethods: [...defaultSettings().checkout.paymentMethods, { code: 'karta', kind: 'card', name: 'Platba kartou online', price: 0 }] },
});

export async function seedDemoShop(steps: DemoSteps) {
  const catalog = await steps.seedDemo();
  const pages = await steps.seedTemplatePages();
  // Only a shop whose settings were never saved gets the demo identity; an owner's own details are never replaced.
  const settingsSeeded = (await steps.getSettingsWithVersion()).version === 0;
  if (settingsSeeded) await steps.updateSettings({ patch: { ...DEMO_SHOP, ...demoPayments() }, actor: 'kramek seed --demo' });
  return { ...catalog, pages, settings: settingsSeeded };
}
