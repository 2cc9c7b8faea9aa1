import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { type AppConfig, isAllowedOrigin } from '@casustafel/api/platform';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';

/** A socket message is a few kilobytes at most (a note is capped at 20,000 characters). */
const MAX_MESSAGE_BYTES = 128 * 1024;
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * socket.io on the app's own HTTP server (Fastify's), for the live room (ADR 0023, DESIGN-NOTES §4):
 * - WebSocket only: browsers always send Origin on a WebSocket handshake (not on same-origin polling
 *   GETs), and with no long-polling a load balancer needs no sticky sessions;
 * - every handshake's Origin must be the app's own (or WEB_ORIGINS), else the upgrade is refused;
 * - with REDIS_URL the Redis adapter, so rooms, emits and `fetchSockets` span all instances;
 *   otherwise the in-memory adapter (one instance).
 * Sessions are checked by the live gateway's namespace middleware, not here.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly logger = new Logger(LiveIoAdapter.name);
  private readonly servers = new Set<Server>();
  private redis?: { pub: Redis; sub: Redis };

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app initialises. Fails when it cannot. */
  async connect(): Promise<void> {
    const url = this.config.live.redisUrl;
    if (!url || this.redis) {
      return;
    }
    const options = { lazyConnect: true, connectTimeout: REDIS_CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 3 };
    const pub = new Redis(url, { ...options, connectionName: 'casustafel-live-pub' });
    const sub = new Redis(url, { ...options, connectionName: 'casustafel-live-sub' });
    for (const client of [pub, sub]) {
      // ioredis reconnects by itself; an error must never crash the process (nor print the URL).
      client.on('error', (error: Error) =>
        this.logger.warn(
          `Live room Redis connection: ${error.name} ${(error as { code?: string }).code ?? ''}`,
        ),
      );
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(
        `The live room cannot reach Redis at REDIS_URL (${(error as Error).message}); start Redis or unset REDIS_URL`,
      );
    }
    this.redis = { pub, sub };
  }

  /** Whether rooms span instances (REDIS_URL) or live in this process only. */
  get distributed(): boolean {
    return this.redis !== undefined;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowedOrigins = this.config.web.allowedOrigins;
    const server: Server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      transports: ['websocket'],
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      // No CORS: a WebSocket is not subject to it; the Origin is checked here instead.
      cors: undefined,
      allowRequest: (
        request: IncomingMessage,
        callback: (err: string | null | undefined, success: boolean) => void,
      ) => {
        const origin = request.headers.origin;
        callback(
          null,
          Boolean(origin) && isAllowedOrigin(origin as string, request.headers.host, allowedOrigins),
        );
      },
      ...(this.redis
        ? { adapter: createAdapter(this.redis.pub, this.redis.sub, { requestsTimeout: 3_000 }) }
        : {}),
    });
    // Only the live namespace serves anything: the main namespace refuses every connection.
    server.of('/').use((_socket, next) => next(new Error('Not found')));
    this.servers.add(server);
    return server;
  }

  /** On app close: drop every client, then the Redis connections. */
  override async dispose(): Promise<void> {
    for (const server of this.servers) {
      for (const namespace of server._nsps.values()) {
        namespace.local.disconnectSockets(true);
        await namespace.adapter.close();
      }
      server.engine?.close();
    }
    this.servers.clear();
    if (this.redis) {
      const { pub, sub } = this.redis;
      this.redis = undefined;
      await Promise.all([pub.quit().catch(() => pub.disconnect()), sub.quit().catch(() => sub.disconnect())]);
    }
  }
}
