/**
 * The file transport (no SMTP_URL): each email becomes `DATA_DIR/mail/<time>-<id>.eml`, written to a temporary name
 * and renamed, so the admin (and anyone watching the folder) never sees half a message.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Mailer } from '../../services/ports.js';
import { mailOptions } from './mail-message.js';

/** The Message-ID's left part, safe as a file name: `<3f…@shop.cz>` → `3f…`. */
export function emlId(messageId: string): string {
  return (messageId.replace(/^</, '').split('@')[0] ?? '').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'email';
}

export function emlFileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | null = null;
  return {
    kind: 'files',
    async send(email) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const info = (await transport.sendMail(mailOptions(email))) as { message: Buffer };
      const time = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
      const temp = path.join(dir, `.${randomUUID()}.tmp`);
      await writeFile(temp, info.message);
      await rename(temp, path.join(dir, `${time}-${emlId(email.messageId)}.eml`));
    },
  };
}
