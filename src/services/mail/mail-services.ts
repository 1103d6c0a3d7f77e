/** The email use cases (outbox, delivery, address checks) bound to their dependencies (spread into the services object). */
import type { AttachmentSource, Clock, DisposableDomains, EmailDomainResolver, MailArchive, Mailer, OutboxRepo, Transactor, Tx } from '../ports.js';
import { queueEmail, type EmailToQueue } from './queue-email.js';
import { deliverQueuedEmails } from './deliver-queued-emails.js';
import { resendEmail } from './resend-email.js';
import { validateEmailAddress } from './validate-email-address.js';

export type MailPorts = {
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  outbox: OutboxRepo;
  transactor: Transactor;
  attachments: AttachmentSource;
  emailDomains: EmailDomainResolver;
  disposableDomains: DisposableDomains;
  mailArchive: MailArchive;
};

export function mailServices(ports: MailPorts) {
  return {
    /** Later use cases queue inside their own transaction: `transactor.run(async (tx) => { …; await queueEmail(tx, …) })`. */
    queueEmail: (tx: Tx | null, email: EmailToQueue) => queueEmail(ports, tx, email),
    inTransaction: <T>(work: (tx: Tx) => Promise<T>) => ports.transactor.run(work),
    deliverQueuedEmails: (input: { worker: string; batchSize?: number; leaseMs?: number }) => deliverQueuedEmails(ports, input),
    resendEmail: (id: number) => resendEmail(ports, id),
    listOutboxEmails: (input: { limit: number; before?: number; orderId?: number }) => ports.outbox.list(input),
    findOutboxEmail: (id: number) => ports.outbox.findById(id),
    /** The saved .eml of an email (file transport only), or null. */
    async readSavedEmail(id: number) {
      const email = ports.mailer.kind === 'files' ? await ports.outbox.findById(id) : null;
      return email ? ports.mailArchive.read(email.messageId) : null;
    },
    validateEmailAddress: (input: string) => validateEmailAddress(ports, input),
  };
}
