/** The streamed ZIP writer read back by Info-ZIP's unzip: names with diacritics, contents, times, no files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { zipArchive, type ZipEntry } from '../src/domain/exports/zip-archive.js';
import { unzipNames, unzipTest, unzipText } from './support/zip.js';

async function written(entries: Iterable<ZipEntry>): Promise<{ file: string; bytes: Buffer; done(): void }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipArchive(entries)) chunks.push(chunk);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-zip-'));
  const file = path.join(dir, 'test.zip');
  const bytes = Buffer.concat(chunks);
  fs.writeFileSync(file, bytes);
  return { file, bytes, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('files come out whole under their UTF-8 names, with the wall-clock time given', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice>${'Čaj Sencha – 100 g '.repeat(200)}</Invoice>\n`;
  const zip = await written([
    { name: 'faktura-FV2026-00001.isdoc', data: xml, modified: new Date('2026-03-31T10:15:30.000Z') },
    { name: 'opravný-doklad-OD2026-00001.isdoc', data: Buffer.from('<Invoice/>'), modified: new Date('2026-04-01T08:00:00.000Z') },
  ]);
  try {
    unzipTest(zip.file);
    assert.deepEqual(unzipNames(zip.file), ['faktura-FV2026-00001.isdoc', 'opravný-doklad-OD2026-00001.isdoc']);
    assert.equal(unzipText(zip.file, 'faktura-FV2026-00001.isdoc'), xml);
    assert.equal(unzipText(zip.file, 'opravný-doklad-OD2026-00001.isdoc'), '<Invoice/>');
    assert.ok(zip.bytes.length < xml.length / 4, 'deflated');
    // zipinfo's time column, in the reader's time zone.
    assert.match(execFileSync('unzip', ['-Z', '-T', zip.file], { env: { ...process.env, TZ: 'Europe/Prague' } }).toString(), /20260331\.121530 faktura-FV2026-00001\.isdoc/);
  } finally {
    zip.done();
  }
});

test('no files give the 22-byte empty archive', async () => {
  const zip = await written([]);
  try {
    assert.equal(zip.bytes.length, 22);
    assert.equal(zip.bytes.readUInt32LE(0), 0x06054b50);
  } finally {
    zip.done();
  }
});
