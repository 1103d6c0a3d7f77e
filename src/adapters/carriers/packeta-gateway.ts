/**
 * The Packeta client for the shop's current Configuration: the real API with the owner's password, or — with no
 * password set and the demo allowed — the built-in demo carrier (the fake server started in this process on first
 * use), whose parcels are marked as demo everywhere they show.
 */
import type { PacketaSettings } from '../../domain/settings/carrier-settings.js';
import type { CarrierGateway } from '../../services/shipping/ports.js';
import { packetaClient } from './packeta-client.js';
import type { FakePacketa } from './packeta-fake-server.js';

export const PACKETA_API_URL = 'https://www.zasilkovna.cz/api/rest';
export const PACKETA_FEED_BASE = 'https://www.zasilkovna.cz/api/v4';

export type PacketaGatewayOptions = {
  /** Where the real API is (tests point it at a fake server). */
  apiUrl?: string;
  feedBase?: string;
  timeoutMs?: number;
  /** Use the demo carrier when no password is configured. */
  demo?: boolean;
};

export type PacketaGateway = CarrierGateway & { close(): Promise<void> };

export function packetaGateway(options: PacketaGatewayOptions = {}): PacketaGateway {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let demoServer: Promise<FakePacketa> | null = null;
  // Statuses of demo parcels move on by themselves (a step a minute), so the demo shows tracking and delivery. The
  // server (and pdfkit with it) is loaded with its first use: a shop that never ships with the demo never pays for it.
  const demo = () => (demoServer ??= import('./packeta-fake-server.js').then((m) => m.startFakePacketa({ advanceEveryMs: 60_000 })));
  return {
    packeta(settings: PacketaSettings) {
      if (settings.apiPassword) {
        const endpoint = { apiUrl: options.apiUrl ?? PACKETA_API_URL, feedBase: options.feedBase ?? PACKETA_FEED_BASE, apiPassword: settings.apiPassword };
        return packetaClient({ endpoint: async () => endpoint, demo: false, timeoutMs });
      }
      if (!options.demo) return null;
      return packetaClient({
        endpoint: async () => {
          const server = await demo();
          return { apiUrl: server.apiUrl, feedBase: server.feedBase, apiPassword: server.password };
        },
        demo: true,
        timeoutMs,
      });
    },
    async close() {
      if (demoServer) await (await demoServer).close();
    },
  };
}
