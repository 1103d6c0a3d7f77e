/**
 * A ZIP archive written as a stream, by yazl: UTF-8 names, deflated files, ZIP64 records only once the classic format's
 * limits are passed (65 535 files), so ordinary archives open in every tool. A slow reader holds the files back, so
 * memory keeps a few files, not the whole archive.
 */
import { once } from 'node:events';
import yazl from 'yazl';

/** `modified` is the instant the file is dated by (unzip shows it in the reader's time zone). */
export type ZipEntry = { name: string; data: Uint8Array | string; modified: Date };

// A plain file readable by everyone: without a mode, unzip on Linux extracts the documents unreadable to others.
const REGULAR_FILE = 0o100644;

/** The bytes of the archive of these files, in their order; names must be unique (the caller's guarantee). */
export async function* zipArchive(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as NodeJS.ReadableStream & { writableNeedDrain: boolean; destroy(error?: Error): void };
  const stopped = new AbortController();
  const feeding = (async () => {
    for await (const entry of entries) {
      zip.addBuffer(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength), entry.name, { mtime: entry.modified, mode: REGULAR_FILE });
      if (output.writableNeedDrain) await once(output, 'drain', { signal: stopped.signal });
    }
    zip.end();
  })();
  feeding.catch((error: Error) => output.destroy(error));
  try {
    for await (const chunk of output) yield chunk as Uint8Array;
    await feeding;
  } finally {
    // A reader that stops early (a closed download) releases the feed waiting for it.
    stopped.abort();
    output.destroy();
  }
}
