import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClsModule } from 'nestjs-cls';
import type { IncomingMessage } from 'node:http';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { requireSecrets } from './config/resolve-secrets';
import { RequestContext } from './context/request-context';
import { KeyedHasher } from './crypto/keyed-hasher';
import { SecretBox } from './crypto/secret-box';
import { traceFromHeader } from './context/trace-context';
import { correlationIdFor, loggerOptions } from './logging/logger-options';

/**
 * Cross-cutting plumbing every API module relies on: validated configuration, structured logging,
 * and the request context (AsyncLocalStorage via nestjs-cls) that carries the correlation id today
 * and the actor and transaction in later issues (DESIGN-NOTES §1).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: IncomingMessage) =>
              (req as IncomingMessage & { id?: string }).id ?? correlationIdFor(req),
            setup: (cls, req: IncomingMessage) => {
              cls.set('origin', req.socket?.remoteAddress);
              cls.set('trace', traceFromHeader(req.headers['traceparent']));
            },
          },
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.server.nodeEnv === 'test') },
        RequestContext,
        { provide: SecretBox, useFactory: () => new SecretBox(requireSecrets(config).encryptionKeys) },
        { provide: KeyedHasher, useFactory: () => new KeyedHasher(requireSecrets(config).hashKey) },
      ],
      exports: [APP_CONFIG, Clock, RequestContext, SecretBox, KeyedHasher],
    };
  }
}
