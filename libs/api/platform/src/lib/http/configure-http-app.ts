import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { createValidationPipe } from '../errors/request-validation-error';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { correlationIdFor } from '../logging/logger-options';

export const API_PREFIX = 'api';

/** Fastify, not Express: measured 3× faster on this machine (QUALITY-TARGETS P5, ADR 0003). */
export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    logger: false,
    // Bodies of case conferences are small; anything bigger is a mistake or an attack.
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    // Fastify's request id *is* the correlation id, so every layer reports the same one.
    genReqId: (req: IncomingMessage) => correlationIdFor(req),
    requestIdHeader: false,
  });
  // Set the correlation id before any middleware, so the logger and the request context agree on it.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as IncomingMessage & { id?: string };
    raw.id = String(request.id);
    void reply.header('x-correlation-id', raw.id);
    done();
  });
  return adapter;
}

/** Everything about the HTTP surface that is not a route: errors, validation, docs, the web app. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, securityHeaders(config));
  // Responses of the API may carry case data: never stored by browsers or proxies (ASVS 14.3.2).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) {
        void reply.header('cache-control', 'no-store');
      }
      return payload;
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
 * Security headers (helmet): a CSP without inline scripts (the Angular build inlines none),
 * no framing, no referrer, nosniff; HSTS only where cookies are Secure (behind HTTPS).
 * Inline styles stay allowed: Angular's component styles are injected at run time.
 */
function securityHeaders(config: AppConfig) {
  const https = config.auth.cookieSecure;
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginEmbedderPolicy: false,
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
