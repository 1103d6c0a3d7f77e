/** An OutgoingEmail as nodemailer options: the stable Message-ID, and no CR/LF in any header text (no header injection). */
import type { SendMailOptions } from 'nodemailer';
import { headerSafe } from '../../domain/mail/outbox-policy.js';
import type { OutgoingEmail } from '../../services/ports.js';
import { attachmentPart } from './attachment-part.js';

/** A permanent failure (the server refused the message or its recipient with a 5xx): the outbox stops retrying it. */
export function deliveryError(error: unknown): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { responseCode?: number }).responseCode;
  if (typeof code === 'number' && code >= 500 && code < 600) Object.assign(e, { permanent: true });
  return e;
}

export function mailOptions(email: OutgoingEmail): SendMailOptions {
  return {
    messageId: headerSafe(email.messageId),
    from: headerSafe(email.from),
    to: headerSafe(email.to),
    subject: headerSafe(email.subject),
    text: email.text,
    html: email.html,
    // An inline image (cid) goes to nodemailer as it is, so it builds the multipart/related part around the HTML.
    attachments: email.attachments?.map((a) =>
      a.cid
        ? { filename: headerSafe(a.filename), contentType: headerSafe(a.contentType), content: a.content, cid: headerSafe(a.cid) }
        : { raw: attachmentPart({ filename: headerSafe(a.filename), contentType: headerSafe(a.contentType), content: a.content }) },
    ),
    // Never let an address or name smuggle extra recipients or headers: nodemailer's own parsing, strict.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
