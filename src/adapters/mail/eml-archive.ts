/** Reads back the .eml files the file transport saved, for the admin's "Odeslané e-maily" list. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailArchive } from '../../services/ports.js';
import { emlId } from './eml-file-mailer.js';

const MAX_BYTES = 2 * 1024 * 1024;

export function emlArchive(dir: string): MailArchive {
  return {
    async read(messageId) {
      const suffix = `-${emlId(messageId)}.eml`;
      const names = await readdir(dir).catch(() => [] as string[]);
      // The newest file of that Message-ID (an email sent again is saved again); names start with the time.
      const name = names.filter((n) => n.endsWith(suffix)).sort().at(-1);
      if (!name) return null;
      const bytes = await readFile(path.join(dir, name));
      return bytes.subarray(0, MAX_BYTES).toString('utf8');
    },
  };
}
