import { E2eServer, stopE2eServer } from './e2e-server';
import { SERVER_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, E2eServer | undefined>;
  const server = holder[SERVER_KEY];
  holder[SERVER_KEY] = undefined;
  if (server) {
    await stopE2eServer(server);
  }
}
