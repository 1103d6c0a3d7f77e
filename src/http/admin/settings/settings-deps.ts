/** What the Configuration pages need, and how a change's author is named in the audit log. */
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../services/services.js';
import type { PageContext } from '../../views/page-context.js';

export type MailTransportInfo = { kind: 'smtp' | 'files'; where: string };
export type SettingsPageDeps = { services: Services; pageContext: (r: FastifyRequest) => PageContext; mail: MailTransportInfo };

export function actorOf(request: FastifyRequest): string {
  const admin = request.admin!;
  return admin.via === 'session' ? `${admin.name} <${admin.email}>` : `API: ${admin.name}`;
}

/** How the Emails section describes the transport: the SMTP host and port (never the password), or the mail folder. */
export function mailTransportInfo(smtpUrl: string | null, dataDir: string): MailTransportInfo {
  if (!smtpUrl) return { kind: 'files', where: path.join(dataDir, 'mail') };
  const url = new URL(smtpUrl);
  return { kind: 'smtp', where: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}` };
}
