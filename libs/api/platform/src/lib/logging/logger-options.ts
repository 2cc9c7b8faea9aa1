import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Accept a caller's correlation id only when it is a harmless token; otherwise make one. */
export function correlationIdFor(req: IncomingMessage): string {
  const incoming = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * Structured JSON logs with the correlation id. Deliberately no request or response bodies, no
 * headers (cookies, tokens) and no query strings (search terms may name a person).
 */
export function loggerOptions(config: AppConfig): Params {
  const options: Options = {
    level: config.log.level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const existing = (req as IncomingMessage & { id?: string }).id;
      const id = existing ?? correlationIdFor(req);
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { id?: string; method?: string; url?: string }) => ({
        correlationId: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error) => ({ type: err.name, stack: err.stack?.split('\n').slice(1).join('\n') }),
    },
    redact: { paths: ['req.headers', 'res.headers'], remove: true },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    base: { service: 'casustafel-api' },
  };
  return {
    // JSON lines go to stdout without blocking the event loop (a synchronous write per request cost
    // more than the request itself under load). A crash may lose the last lines of the access log;
    // the audit log, which matters, is in the database.
    pinoHttp: config.log.pretty ? options : [options, pino.destination({ dest: 1, sync: false })],
    // The correlation id comes from the request; nestjs-pino puts it on every line logged while serving it.
    forRoutes: ['*path'],
  };
}
