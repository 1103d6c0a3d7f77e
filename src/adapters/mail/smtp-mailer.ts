/** The SMTP transport (SMTP_URL): one pooled nodemailer transport for the process, with timeouts shorter than the outbox lease. */
import nodemailer from 'nodemailer';
import type { Mailer } from '../../services/ports.js';
import { deliveryError, mailOptions } from './mail-message.js';

export type SmtpMailer = Mailer & { close(): void };

export function smtpMailer(url: string, options: { maxConnections?: number } = {}): SmtpMailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 500,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000, // a whole batch waiting on a stuck server still finishes well within the outbox lease
  } as never);
  return {
    kind: 'smtp',
    async send(email) {
      try {
        await transport.sendMail(mailOptions(email));
      } catch (error) {
        throw deliveryError(error);
      }
    },
    close: () => transport.close(),
  };
}
