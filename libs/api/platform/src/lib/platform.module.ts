import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClsModule } from 'nestjs-cls';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
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
          },
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
