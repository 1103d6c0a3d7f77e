/**
 * Generated feeds under DATA_DIR/feeds (a directory every app server mounts): `<feed>-<validator>.xml`, written to a
 * temporary file and renamed into place, so a reader never sees half a feed; older states of a feed are deleted (a
 * reader still streaming one keeps it open until done).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FeedStore } from '../../services/feeds/ports.js';

const SAFE = /^[a-z0-9-]+$/;

export function feedFiles(dataDir: string): FeedStore {
  const dir = path.join(dataDir, 'feeds');
  const fileOf = (name: string, validator: string) => {
    if (!SAFE.test(name) || !SAFE.test(validator)) throw new Error('bad feed name');
    return path.join(dir, `${name}-${validator}.xml`);
  };
  return {
    async open(name, validator) {
      const file = fileOf(name, validator);
      try {
        const handle = await fs.promises.open(file, 'r');
        const { size } = await handle.stat();
        return { stream: handle.createReadStream(), size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(name, validator, chunks) {
      const file = fileOf(name, validator);
      await fs.promises.mkdir(dir, { recursive: true });
      const temporary = path.join(dir, `.${name}-${randomBytes(8).toString('hex')}.tmp`);
      try {
        await pipeline(Readable.from(chunks), fs.createWriteStream(temporary));
        await fs.promises.rename(temporary, file);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
      for (const other of await fs.promises.readdir(dir)) {
        if (other.startsWith(`${name}-`) && other.endsWith('.xml') && path.join(dir, other) !== file) await fs.promises.rm(path.join(dir, other), { force: true });
      }
    },
  };
}
