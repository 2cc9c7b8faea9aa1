import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestStorage } from '../context/request-context';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Accept a caller's correlation id only when it is a harmless token; otherwise make one. */
export function correlationIdFor(req: IncomingMessage): string {
  const incoming = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/**
 * The process's pino logger: structured JSON lines on stdout, written without blocking the event
 * loop (a synchronous write per line cost more than a whole request under load; a crash may lose
 * the last lines, which is acceptable for operational logs — the audit log is in the database).
 * `LOG_PRETTY` gives readable lines outside production.
 */
export function createRootLogger(config: AppConfig): PinoLogger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { service: SERVICE },
    serializers: { err: describeError },
  };
  if (config.log.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } });
  }
  const destination = pino.destination({ dest: 1, sync: false });
  const logger = pino(options, destination);
  accessLogDestinations.set(logger, destination);
  return logger;
}

const SERVICE = 'casustafel-api';
const accessLogDestinations = new WeakMap<PinoLogger, { write(line: string): unknown }>();

export interface AccessLogEntry {
  correlationId: string;
  method: string;
  path: string;
  statusCode: number;
  responseTimeMs: number;
}

/**
 * Writes the access-log line of one request. The line has the shape pino would give it
 * (level 30, time, service, req, res, responseTime, msg), written directly to pino's destination:
 * pino's generic serialisation of the nested objects was the largest part of the logging cost of a
 * small request. Falls back to pino itself for pretty logs.
 */
export function createAccessLogger(root: PinoLogger): (entry: AccessLogEntry) => void {
  const destination = accessLogDestinations.get(root);
  if (!destination) {
    return (entry) =>
      root.info(
        {
          req: { correlationId: entry.correlationId, method: entry.method, path: entry.path },
          res: { statusCode: entry.statusCode },
          responseTime: entry.responseTimeMs,
        },
        'request completed',
      );
  }
  return (entry) => {
    if (root.isLevelEnabled('info')) {
      destination.write(accessLogLine(entry, Date.now()));
    }
  };
}

/** One access-log line, as pino would write it. */
export function accessLogLine(entry: AccessLogEntry, time: number): string {
  return (
    `{"level":30,"time":${time},"service":"${SERVICE}","req":{"correlationId":${JSON.stringify(entry.correlationId)},` +
    `"method":${JSON.stringify(entry.method)},"path":${JSON.stringify(entry.path)}},"res":{"statusCode":${entry.statusCode}},` +
    `"responseTime":${entry.responseTimeMs},"msg":"request completed"}\n`
  );
}

/** For the log: name, code and stack, not the error's free-text message (pg puts row values there). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return {
      type: error.name,
      code: (error as { code?: unknown }).code,
      stack: error.stack?.split('\n').slice(1).join('\n'),
    };
  }
  return { type: typeof error };
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's `Logger` API on top of pino, with the request's correlation id on every line logged while
 * serving it. Call as Nest does: `logger.log(message, context)`, `logger.error(message, stack,
 * context)`, or with an object of fields first: `logger.error({ err }, 'what happened')`.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly root: PinoLogger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) {
      return;
    }
    const params = [...optional];
    // Nest appends the logger's context (the class name) as the last argument.
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
    const fields: Record<string, unknown> = {
      context,
      correlationId: requestStorage.getStore()?.correlationId,
    };
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: describeError(message) }, message.name);
    } else if (typeof message === 'object' && message !== null) {
      const text = typeof params[0] === 'string' ? (params.shift() as string) : undefined;
      this.root[level]({ ...fields, ...(message as Record<string, unknown>) }, text);
    } else {
      // Nest passes a stack as the second argument of error(); keep its frames, not the message line.
      const stack =
        level === 'error' && typeof params[0] === 'string'
          ? params[0].split('\n').slice(1).join('\n')
          : undefined;
      this.root[level](stack ? { ...fields, stack } : fields, String(message));
    }
  }
}
