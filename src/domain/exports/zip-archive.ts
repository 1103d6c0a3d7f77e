/**
 * A ZIP archive (PKWARE APPNOTE 6.3) written as a stream of bytes, one file at a time: each file is deflated whole,
 * then its local header and data go out, and the central directory follows the last file. Memory holds one file and
 * the directory's small records. ZIP64 records appear only when the classic format's limits are passed (65 535 files,
 * 4 GiB of archive), so ordinary archives open in every tool.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** `modified` is the wall-clock time to show, read from its UTC fields: ZIP stores no time zone. */
export type ZipEntry = { name: string; data: Uint8Array | string; modified: Date };

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const VERSION_ZIP64 = 45;
// Written as on Unix with a plain file's mode: with the MS-DOS host code unzip reads names as OEM text despite the UTF-8 flag.
const MADE_ON_UNIX = 3 << 8;
const REGULAR_FILE = 0o100644;

function dosDateTime(d: Date): { time: number; date: number } {
  // DOS dates start in 1980; an earlier instant (never a document's) is shown as its first day.
  if (d.getUTCFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** The bytes of the archive of these files, in their order; names must be unique (the caller's guarantee). */
export async function* zipArchive(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const directory: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    // One file of 4 GiB would need ZIP64 sizes too; the archives written here hold documents of a few kilobytes.
    if (data.length >= MAX32) throw new Error(`zipArchive: ${entry.name} is too large`);
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const { time, date } = dosDateTime(entry.modified);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    // Past 4 GiB the file's offset goes into a ZIP64 extra field of its directory record.
    const far = offset >= MAX32;
    const extra = Buffer.alloc(far ? 12 : 0);
    if (far) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(offset), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_ON_UNIX | VERSION_ZIP64, 4);
    central.writeUInt16LE(far ? VERSION_ZIP64 : VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    // comment length, disk and internal attributes: zero
    central.writeUInt32LE(REGULAR_FILE * 0x10000, 38);
    central.writeUInt32LE(far ? MAX32 : offset, 42);
    directory.push(Buffer.concat([central, name, extra]));

    const chunk = Buffer.concat([local, name, compressed]);
    offset += chunk.length;
    count += 1;
    yield chunk;
  }

  const start = offset;
  let size = 0;
  for (const record of directory) size += record.length;
  for (let i = 0; i < directory.length; i += 1024) yield Buffer.concat(directory.slice(i, i + 1024));
  directory.length = 0;

  const tail: Buffer[] = [];
  const zip64 = count >= MAX16 || start >= MAX32 || size >= MAX32;
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    // this disk and the directory's disk: 0
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(start + size), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(size, MAX32), 12);
  end.writeUInt32LE(Math.min(start, MAX32), 16);
  tail.push(end);
  yield Buffer.concat(tail);
}
