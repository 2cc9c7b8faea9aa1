import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LiveIoAdapter } from '@casustafel/api/meetings';
import { AppConfig, configureHttpApp, createFastifyAdapter } from '@casustafel/api/platform';
import { AppModule } from './app.module';

/**
 * Builds the whole API as it runs in production; tests call this too, so they exercise the real
 * filters, pipes and database wiring. `extra` lets a test mount a probe controller.
 */
export async function createApiApp(config: AppConfig, extra: Type[] = []): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, extra),
    createFastifyAdapter(),
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  await configureHttpApp(app, config);
  // The live room's socket.io on the same HTTP server (Redis adapter when REDIS_URL is set).
  const sockets = new LiveIoAdapter(app, config);
  try {
    await sockets.connect();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  app.useWebSocketAdapter(sockets);
  return app;
}
