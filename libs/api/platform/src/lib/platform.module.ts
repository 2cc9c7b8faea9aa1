import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { requireSecrets } from './config/resolve-secrets';
import { RequestContext } from './context/request-context';
import { KeyedHasher } from './crypto/keyed-hasher';
import { SecretBox } from './crypto/secret-box';
import { AppLogger, createRootLogger, ROOT_LOGGER } from './logging/app-logger';

/**
 * Cross-cutting plumbing every API module relies on: validated configuration, the clock, the
 * request context (AsyncLocalStorage, entered per request by configureHttpApp), structured logging
 * and the keys for encryption at rest and keyed hashes.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    const root = createRootLogger(config);
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.server.nodeEnv === 'test') },
        { provide: ROOT_LOGGER, useValue: root },
        { provide: AppLogger, useValue: new AppLogger(root) },
        RequestContext,
        { provide: SecretBox, useFactory: () => new SecretBox(requireSecrets(config).encryptionKeys) },
        { provide: KeyedHasher, useFactory: () => new KeyedHasher(requireSecrets(config).hashKey) },
      ],
      exports: [APP_CONFIG, Clock, ROOT_LOGGER, AppLogger, RequestContext, SecretBox, KeyedHasher],
    };
  }
}
