/**
 * GET/PATCH /api/admin/settings (owner only): the Settings document; a PATCH is partial, validated whole and saved
 * atomically. Credentials are answered masked (`••••abcd`); sending a masked value back leaves the stored one.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { actorOf } from '../admin/settings/settings-deps.js';
import { maskedSettings } from '../../domain/settings/secrets.js';

const OWNER = { config: { role: 'owner' as const } };

export function registerSettingsApi(app: FastifyInstance, services: Services) {
  // Credentials are shown masked (`••••abcd`); sending the masked value back keeps them.
  app.get('/api/admin/settings', OWNER, async () => maskedSettings(await services.getSettings()));

  app.patch('/api/admin/settings', OWNER, async (request) => {
    const { settings } = await services.updateSettings({ patch: request.body, actor: actorOf(request) });
    return maskedSettings(settings);
  });
}
