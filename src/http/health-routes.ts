/** Liveness and readiness for load balancers: /health answers while the process runs, /ready while it can serve (database reachable, schema current, not shutting down). */
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance, checkDatabase: () => Promise<void>) {
  // Set as soon as close() begins, so a load balancer stops sending new work while requests in flight finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const noStore = { 'cache-control': 'no-store' };

  // Liveness touches nothing outside the process: a database outage must not make an orchestrator restart every server.
  app.get('/health', async (_request, reply) => reply.headers(noStore).send({ status: 'ok' }));

  app.get('/ready', async (_request, reply) => {
    reply.headers(noStore);
    if (closing) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await checkDatabase();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
