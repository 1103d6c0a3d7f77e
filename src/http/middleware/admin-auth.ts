/** Who the admin is: a signed-in session for /admin pages, a Bearer token for /api/admin; plus the role check. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { roleAllows } from '../../domain/admin/roles.js';
import type { Services } from '../../services/services.js';

export const SIGN_IN_PATH = '/admin/prihlaseni';

export function requireAdminSession(services: Services) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const userId = request.session.adminUserId;
    const user = userId ? await services.findAdminUser(userId) : null;
    if (!user || user.disabled) {
      if (userId) await request.session.destroy();
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`${SIGN_IN_PATH}${next}`, 303);
    }
    request.admin = { id: user.id, name: user.name, email: user.email, role: user.role, via: 'session' };
    requireRole(request);
  };
}

export function requireApiToken(services: Services) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) {
      reply.header('www-authenticate', 'Bearer');
      throw new DomainError('unauthorized');
    }
    try {
      const token = await services.verifyApiToken(match[1]!);
      request.admin = { id: token.id, name: token.name, role: token.role, via: 'token' };
    } catch (error) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw error;
    }
    requireRole(request);
  };
}

function requireRole(request: FastifyRequest): void {
  const required = request.routeOptions.config?.role ?? 'staff';
  if (!request.admin || !roleAllows(request.admin.role, required)) throw new DomainError('forbidden');
}
