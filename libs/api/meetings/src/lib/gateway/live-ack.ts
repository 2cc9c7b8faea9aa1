import { HttpException, HttpStatus } from '@nestjs/common';
import {
  AppError,
  AuditUnavailableError,
  isAuditWriteFailure,
  RequestValidationError,
} from '@casustafel/api/platform';
import type { LiveAck } from '@casustafel/shared/contracts';

type Problem = Extract<LiveAck, { ok: false }>['problem'];

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * An error as the acknowledgement of a socket message: the same problem the HTTP filter makes of it
 * (RFC 9457 shape: status, title, code, the invalid fields), never a stack, SQL or a raw message of
 * an unexpected error.
 */
export function problemAck(thrown: unknown, correlationId: string): Extract<LiveAck, { ok: false }> {
  return { ok: false, problem: toProblem(thrown, correlationId) };
}

export function isServerError(thrown: unknown): boolean {
  return toProblem(thrown, '').status >= 500;
}

function toProblem(thrown: unknown, correlationId: string): Problem {
  const error =
    isAuditWriteFailure(thrown) && !(thrown instanceof AuditUnavailableError)
      ? new AuditUnavailableError(undefined, thrown)
      : thrown;
  if (error instanceof RequestValidationError) {
    return {
      status: 400,
      title: 'Invalid request',
      code: 'validation',
      detail: `${error.fieldProblems.length} field(s) are invalid: ${[
        ...new Set(error.fieldProblems.map((p) => p.field)),
      ].join(', ')}`,
      errors: error.fieldProblems,
    };
  }
  if (error instanceof AppError) {
    return {
      status: error.status,
      title: error.title,
      code: error.code,
      ...(error.message ? { detail: error.message } : {}),
      ...(error.status >= 500 ? { correlationId } : {}),
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    return { status, title: TITLES[status] ?? 'Client Error' };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    title: TITLES[500],
    code: 'internal',
    detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
    correlationId,
  };
}
