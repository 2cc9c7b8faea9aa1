import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@casustafel/api/platform';
import { Client } from 'pg';
import { DatabaseService } from './database.service';

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY, for telling every app instance at once that something cached must go
 * (a session ended, a user's roles changed). A notification is sent inside the transaction that made
 * the change and arrives when it commits. If the listening connection drops, `onReset` handlers run
 * (caches must be dropped: notifications may have been missed) and it reconnects with back-off.
 */
@Injectable()
export class PgNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(PgNotifications.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resetHandlers = new Set<() => void>();
  private client?: Client;
  private connecting?: Promise<void>;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Listen on a channel; resolves once the LISTEN is in place. */
  async subscribe(channel: string, handler: Handler): Promise<void> {
    assertChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    await this.ensureConnected();
    await this.client?.query(`LISTEN ${channel}`);
  }

  onReset(handler: () => void): void {
    this.resetHandlers.add(handler);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) {
      return Promise.resolve();
    }
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    await this.database.ready();
    const url = this.config.database.appUrl ?? this.config.database.url;
    const client = new Client({
      connectionString: url,
      application_name: 'casustafel-listen',
      options: this.config.database.appUrl ? undefined : `-c role=${this.config.database.appRole}`,
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        handler(message.payload ?? '');
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) {
      await client.query(`LISTEN ${channel}`);
    }
    this.client = client;
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.client = undefined;
    for (const reset of this.resetHandlers) {
      reset();
    }
    if (this.stopped) {
      return;
    }
    this.logger.warn(`Notification connection lost (${error?.name ?? 'closed'}); reconnecting`);
    const retry = (delay: number) => {
      this.retryTimer = setTimeout(() => {
        this.ensureConnected().catch(() => retry(Math.min(delay * 2, 30_000)));
      }, delay);
    };
    retry(250);
  }
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`Invalid channel name ${channel}`);
  }
}
