/** Liveness and readiness for load balancers: /health answers while the process runs, /ready when the database does. */
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance, checkDatabase: () => Promise<void>) {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await checkDatabase();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
