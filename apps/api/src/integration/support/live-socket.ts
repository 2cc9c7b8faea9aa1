import type { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestAgent } from '@casustafel/api/testing';
import { LIVE_NAMESPACE, LIVE_SERVER_EVENTS, type LiveAck } from '@casustafel/shared/contracts';
import { io, type Socket } from 'socket.io-client';

/** Puts a started test app on a random local port (sockets need a real server); returns its origin. */
export async function listenOnRandomPort(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export interface LiveClient {
  socket: Socket;
  /** Everything the server pushed, in order of arrival: [event, payload]. */
  received: Array<[string, unknown]>;
  /** Sends a message and waits for its acknowledgement. */
  send<T = unknown>(event: string, payload: unknown): Promise<LiveAck<T>>;
  /**
   * Resolves with the first received payload of `event` that matches, looking from index `from` of
   * `received` on (default: everything received so far counts).
   */
  next<T = unknown>(
    event: string,
    match?: (payload: T) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<T>;
  close(): void;
}

export interface ConnectOptions {
  /** The Origin header; default the server's own; null = none. */
  origin?: string | null;
  /** Any further headers (a forged cookie, say). */
  headers?: Record<string, string>;
  /** Passed as socket.io `auth` and query, to prove a token there is ignored. */
  auth?: Record<string, string>;
  query?: Record<string, string>;
}

/** A browser stand-in on the live namespace: the agent's cookies, the Origin of the page, WebSocket only. */
export function connectLive(
  baseUrl: string,
  agent: TestAgent | undefined,
  options: ConnectOptions = {},
): Promise<LiveClient> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const origin = options.origin === undefined ? baseUrl : options.origin;
  if (origin !== null) {
    headers['origin'] = origin;
  }
  if (agent && agent.cookies.size > 0 && !headers['cookie']) {
    headers['cookie'] = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    extraHeaders: headers,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.query ? { query: options.query } : {}),
  });
  const received: Array<[string, unknown]> = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    received.push([event, payload]);
    for (const waiter of [...waiters]) {
      waiter();
    }
  });
  const client: LiveClient = {
    socket,
    received,
    send: <T>(event: string, payload: unknown) =>
      socket.timeout(5000).emitWithAck(event, payload) as Promise<LiveAck<T>>,
    next: <T>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000, from = 0) =>
      new Promise<T>((resolve, reject) => {
        let seen = from;
        const check = () => {
          for (; seen < received.length; seen++) {
            const [name, payload] = received[seen];
            if (name === event && match(payload as T)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(payload as T);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${event} within ${timeoutMs} ms; got ${received.map(([n]) => n).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => {
      socket.disconnect();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      reject(error);
    });
  });
}

/** The connect_error of a refused handshake (or fails when the socket connects). */
export async function refusedHandshake(
  baseUrl: string,
  agent: TestAgent | undefined,
  options: ConnectOptions = {},
): Promise<Error & { data?: { status?: number; code?: string } }> {
  try {
    const client = await connectLive(baseUrl, agent, options);
    client.close();
  } catch (error) {
    return error as Error & { data?: { status?: number; code?: string } };
  }
  throw new Error('the handshake was accepted');
}

/** Resolves when the socket is disconnected by the server, with the reason. */
export function disconnected(client: LiveClient, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!client.socket.connected) {
      resolve('already');
      return;
    }
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const REMOVED = LIVE_SERVER_EVENTS.removed;
