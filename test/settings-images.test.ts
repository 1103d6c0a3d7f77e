import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DIALECTS } from './support/databases.js';
import { OWNER, startKramek, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { multipartBody } from './support/multipart.js';

for (const dialect of DIALECTS) {
  describe(`logo and stamp uploads on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: Agent;
    before(async () => {
      kramek = await startKramek(dialect);
      owner = new Agent(kramek.app, '10.8.0.1');
      await owner.signIn(OWNER.email, OWNER.password);
    });
    after(() => kramek.close());

    const upload = async (slug: string, filename: string, contentType: string, content: Buffer, withToken = true) => {
      const token = csrfTokenOf((await owner.get('/admin/konfigurace/dokumenty')).body);
      const { payload, contentType: type } = multipartBody([{ name: 'file', filename, contentType, content }]);
      const url = `/admin/konfigurace/obrazek/${slug}${withToken ? `?_csrf=${encodeURIComponent(token)}` : ''}`;
      return owner.request({ method: 'POST', url, payload, headers: { 'content-type': type } });
    };
    const flashOf = async () => (await owner.get('/admin/konfigurace/dokumenty')).body;

    test('a real JPEG logo is stored as PNG and served to the owner; the change is audited', async () => {
      const jpeg = await sharp({ create: { width: 2400, height: 800, channels: 3, background: '#1c5fb8' } }).jpeg().toBuffer();
      const response = await upload('logo', 'logo.jpg', 'image/jpeg', jpeg);
      assert.equal(response.statusCode, 303);
      assert.match(await flashOf(), /Obrázek byl uložen/);
      const image = await owner.get('/admin/konfigurace/obrazek/logo');
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      const meta = await sharp(image.rawPayload).metadata();
      assert.equal(meta.format, 'png');
      assert.equal(meta.width, 1200, 'resized to at most 1200 px');
      assert.ok((await kramek.core.services.settingsAuditLog(5)).some((e) => e.changes.some((c) => c.path === 'documents.logo')));
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/admin/konfigurace/obrazek/logo' })).statusCode, 303, 'not public');
    });

    test('a text file named .png is refused by its content, and nothing changes', async () => {
      const before = await kramek.core.services.documentImage('stamp');
      const response = await upload('razitko', 'razitko.png', 'image/png', Buffer.from('<svg onload=alert(1)>not an image</svg>'));
      assert.equal(response.statusCode, 303);
      assert.match(await flashOf(), /Soubor není obrázek JPEG, PNG ani WebP/);
      assert.equal(await kramek.core.services.documentImage('stamp'), before);
    });

    test('an image over 2 MB is refused', async () => {
      const big = await sharp({ create: { width: 1600, height: 1600, channels: 3, background: '#000' } })
        .composite([{ input: Buffer.from(Array.from({ length: 1600 * 1600 * 3 }, () => Math.floor(Math.random() * 256))), raw: { width: 1600, height: 1600, channels: 3 } }])
        .png({ compressionLevel: 0 })
        .toBuffer();
      assert.ok(big.length > 2 * 1024 * 1024);
      await upload('razitko', 'velke.png', 'image/png', big);
      assert.match(await flashOf(), /Obrázek je větší než 2 MB/);
      assert.equal(await kramek.core.services.documentImage('stamp'), null);
    });

    test('an upload without the CSRF token is refused', async () => {
      const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer();
      const response = await upload('razitko', 'r.png', 'image/png', png, false);
      assert.equal(response.statusCode, 403);
      assert.equal(await kramek.core.services.documentImage('stamp'), null);
    });

    test('the owner removes the logo', async () => {
      const page = await owner.get('/admin/konfigurace/dokumenty');
      assert.match(page.body, /Odstranit obrázek/);
      const response = await owner.post('/admin/konfigurace/obrazek/logo/odstranit', { _csrf: csrfTokenOf(page.body) });
      assert.equal(response.statusCode, 303);
      assert.equal(await kramek.core.services.documentImage('logo'), null);
    });
  });
}
