import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { IncomingMessage } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestStorage } from '../context/request-context';
import { createValidationPipe } from '../errors/request-validation-error';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { AppLogger, correlationIdFor, createAccessLogger, ROOT_LOGGER } from '../logging/app-logger';

export const API_PREFIX = 'api';

/**
 * Nest's Fastify adapter without @fastify/middie: the app registers no Nest middleware (request
 * context, logging and security headers are Fastify hooks), and middie's per-request hook was a
 * measurable share of a no-op request. Should a module add Nest middleware after all, Nest
 * registers middie on demand (`createMiddlewareFactory`).
 */
class CasustafelFastifyAdapter extends FastifyAdapter {
  override async init(): Promise<void> {
    // Nothing to do: see the class comment.
  }
}

/** Fastify, not Express: measured 3× faster on this machine (QUALITY-TARGETS P5, ADR 0003). */
export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new CasustafelFastifyAdapter({
    logger: false,
    // Bodies of case conferences are small; anything bigger is a mistake or an attack.
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    // Fastify's request id *is* the correlation id, so every layer reports the same one.
    genReqId: (req: IncomingMessage) => correlationIdFor(req),
    requestIdHeader: false,
  });
  // The first hook: everything after it (other hooks, guards, handlers, filters) runs inside the
  // request's context, which starts with the correlation id, the client address and the W3C trace.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as IncomingMessage & { id?: string };
    raw.id = String(request.id);
    void reply.header('x-correlation-id', raw.id);
    requestStorage.run(
      { correlationId: raw.id, origin: request.ip, traceparent: request.headers['traceparent'] },
      done,
    );
  });
  return adapter;
}

/** Everything about the HTTP surface that is not a route: errors, validation, docs, the web app. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(AppLogger));
  app.setGlobalPrefix(API_PREFIX);
  await app.register(fastifyCookie);
  // Attachments (multipart); the per-route limits are set where a file is read.
  await app.register(fastifyMultipart, {
    limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // One access-log line per request: method, path (no query: search terms may name a person),
  // status, time. No headers (cookies), no bodies.
  const accessLog = createAccessLogger(app.get<PinoLogger>(ROOT_LOGGER));
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if (path !== `/${API_PREFIX}/health`) {
      accessLog({
        correlationId: String(request.id),
        method: request.method,
        path,
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime),
      });
    }
    done();
  });
  const headers = securityHeaders(config);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  // Responses of the API may carry case data: never stored by browsers or proxies (ASVS 14.3.2).
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  app.useGlobalPipes(createValidationPipe());
  const web = webAppFiles(config.web.distDir);
  app.useGlobalFilters(new ProblemDetailsFilter({ indexHtml: () => web.indexHtml }));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Casustafel API')
      .setDescription(
        'Multi-agency case conferences of the Zorg- en Veiligheidshuizen. Errors are RFC 9457 problem details.',
      )
      .setVersion(appVersion())
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    yamlDocumentUrl: `${API_PREFIX}/openapi.yaml`,
    customSiteTitle: 'Casustafel API',
  });

  if (web.root) {
    await app.register(fastifyStatic, {
      root: web.root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Hashed bundles may be cached; index.html must not be, so a deploy is seen at once.
      setHeaders: (reply, path) => {
        void reply.header(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
}

/**
 * Security headers, computed once (the helmet plugin rebuilt them on every request, which cost
 * more than the rest of a no-op request): a CSP without inline scripts (the Angular build inlines
 * none), no framing, no referrer, nosniff, isolation from other origins; HSTS only where cookies
 * are Secure (behind HTTPS). Inline styles stay allowed: Angular injects component styles at run time.
 */
export function securityHeaders(config: AppConfig): Record<string, string> {
  const https = config.auth.cookieSecure;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

function webAppFiles(distDir: string): { root?: string; indexHtml?: string } {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return {};
  }
  return { root, indexHtml: readFileSync(index, 'utf8') };
}

export function appVersion(): string {
  return process.env['npm_package_version'] ?? '0.1.0';
}
