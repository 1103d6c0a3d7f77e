/** The streamed ZIP writer read back by Info-ZIP's unzip: names with diacritics, contents, times, no files, ZIP64. */
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
    // zipinfo's time column: DOS times keep even seconds.
    assert.match(execFileSync('unzip', ['-Z', '-T', zip.file]).toString(), /20260331\.101530 faktura-FV2026-00001\.isdoc/);
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

test('past 65 535 files the archive carries ZIP64 records and every file is still found', async () => {
  const count = 65_540;
  const modified = new Date('2026-03-31T00:00:00.000Z');
  const zip = await written(Array.from({ length: count }, (_, i) => ({ name: `d-${i}.xml`, data: `<d>${i}</d>`, modified })));
  try {
    assert.ok(zip.bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06])), 'a ZIP64 end of central directory record');
    unzipTest(zip.file);
    const names = unzipNames(zip.file);
    assert.equal(names.length, count);
    assert.equal(names.at(-1), `d-${count - 1}.xml`);
    assert.equal(unzipText(zip.file, `d-${count - 1}.xml`), `<d>${count - 1}</d>`);
  } finally {
    zip.done();
  }
});
