import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@casustafel/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestStorage } from '../context/request-context';
import { AppError, TooManyRequestsError } from './app-error';
import { AuditUnavailableError, isAuditWriteFailure } from './audit-unavailable';
import { RequestValidationError } from './request-validation-error';
import { describeError } from '../logging/app-logger';

const PROBLEM_BASE = 'urn:casustafel:problem:';

/** Serves the web app's index.html for browser navigations outside /api (client-side routes). */
export interface SpaFallback {
  indexHtml(): string | undefined;
}

/**
 * The one place where errors become HTTP: RFC 9457 `application/problem+json` with the request's
 * correlation id. No stack trace or SQL ever leaves the server; unexpected errors are logged with
 * their correlation id and answered with a generic 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly spa?: SpaFallback) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    // Audit rows written inside a SQL function fail as plain database errors: fail closed with 503.
    const exception =
      isAuditWriteFailure(thrown) && !(thrown instanceof AuditUnavailableError)
        ? new AuditUnavailableError(undefined, thrown)
        : thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const status = statusOf(exception);

    if (status === HttpStatus.NOT_FOUND && this.serveSpa(request, reply)) {
      return;
    }
    const problem = this.toProblem(exception, status, request);
    if (status >= 500) {
      const cause = exception instanceof AuditUnavailableError ? exception.cause : undefined;
      this.logger.error(
        {
          err: describeError(exception),
          ...(cause === undefined ? {} : { cause: describeError(cause) }),
          correlationId: problem.correlationId,
        },
        exception instanceof AuditUnavailableError
          ? 'The audit log could not be written; the action was refused'
          : 'Unhandled error while serving a request',
      );
    }
    if (exception instanceof TooManyRequestsError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    void reply
      .status(status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('cache-control', 'no-store')
      .send(problem);
  }

  private toProblem(exception: unknown, status: number, request: FastifyRequest): ProblemDetails {
    const correlationId = correlationIdOf(request);
    const instance = request.url?.split('?')[0];
    if (exception instanceof RequestValidationError) {
      return {
        type: `${PROBLEM_BASE}validation`,
        title: 'Invalid request',
        status,
        detail: `${exception.fieldProblems.length} field(s) are invalid: ${[
          ...new Set(exception.fieldProblems.map((p) => p.field)),
        ].join(', ')}`,
        instance,
        correlationId,
        errors: exception.fieldProblems,
      };
    }
    if (exception instanceof AppError) {
      return {
        type: `${PROBLEM_BASE}${exception.code}`,
        title: exception.title,
        status,
        detail: exception.message || undefined,
        instance,
        correlationId,
      };
    }
    if (exception instanceof HttpException || isClientFrameworkError(exception, status)) {
      return {
        type: 'about:blank',
        title: reasonPhrase(status),
        status,
        detail: status === 404 ? `No resource at ${instance}` : safeDetail(exception),
        instance,
        correlationId,
      };
    }
    return {
      type: 'about:blank',
      title: reasonPhrase(500),
      status: 500,
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      instance,
      correlationId,
    };
  }

  private serveSpa(request: FastifyRequest, reply: FastifyReply): boolean {
    const path = request.url.split('?')[0];
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (request.method !== 'GET' || path === '/api' || path.startsWith('/api/') || !wantsHtml) {
      return false;
    }
    const html = this.spa?.indexHtml();
    if (!html) {
      return false;
    }
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').send(html);
    return true;
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) {
    return exception.getStatus();
  }
  if (exception instanceof AppError) {
    return exception.status;
  }
  const status = (exception as { statusCode?: unknown })?.statusCode;
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return status;
  }
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function isClientFrameworkError(exception: unknown, status: number): boolean {
  return status < 500 && typeof (exception as { code?: unknown })?.code === 'string';
}

/**
 * Only HttpException messages are passed on: Nest wraps Fastify's parser errors in one with Fastify's
 * fixed text. Anything else gets no detail, because raw parser messages can quote the request body
 * (V8's JSON errors do) and bodies may hold personal data.
 */
function safeDetail(exception: unknown): string | undefined {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'object' && response && 'message' in response) {
      const message = (response as { message: unknown }).message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
    return exception.message;
  }
  return undefined;
}

export function correlationIdOf(request: { id?: unknown; raw?: object }): string {
  const id =
    (request.raw as { id?: unknown } | undefined)?.id ??
    request.id ??
    requestStorage.getStore()?.correlationId;
  return typeof id === 'string' ? id : String(id ?? 'unknown');
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return phrases[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
