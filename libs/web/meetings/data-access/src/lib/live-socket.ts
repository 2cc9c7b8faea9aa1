import { InjectionToken } from '@angular/core';
import { LIVE_NAMESPACE, type LiveAck } from '@casustafel/shared/contracts';

/** The part of a socket.io client socket the live room uses (a fake in tests). */
export interface LiveSocket {
  /** socket.io reconnects by itself while true; false after a refused handshake or a server disconnect. */
  readonly active: boolean;
  on(event: string, listener: (...args: never[]) => void): void;
  /** Emits and waits for the acknowledgement; rejects after `timeoutMs`. */
  emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<LiveAck>;
  connect(): void;
  disconnect(): void;
}

export type LiveSocketFactory = () => Promise<LiveSocket>;

/**
 * Opens the socket to the live namespace on this origin. Authentication is the session cookie sent
 * with the handshake (`withCredentials`): no token in the URL or in browser storage. WebSocket
 * only, so two API instances need no sticky sessions for long-polling. socket.io-client is loaded
 * only when a room is entered, outside the initial bundle.
 */
export const socketIoLiveSocket: LiveSocketFactory = async () => {
  const { io } = await import('socket.io-client');
  const socket = io(LIVE_NAMESPACE, {
    withCredentials: true,
    autoConnect: false,
    transports: ['websocket'],
  });
  return {
    get active() {
      return socket.active;
    },
    on: (event, listener) => {
      socket.on(event, listener as (...args: unknown[]) => void);
    },
    emitWithAck: (event, payload, timeoutMs) =>
      socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<LiveAck>,
    connect: () => {
      socket.connect();
    },
    disconnect: () => {
      socket.disconnect();
    },
  };
};

export const LIVE_SOCKET_FACTORY = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => socketIoLiveSocket,
});
