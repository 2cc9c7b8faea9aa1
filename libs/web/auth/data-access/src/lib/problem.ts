import { HttpErrorResponse } from '@angular/common/http';
import type { FieldProblem, ProblemDetails } from '@casustafel/shared/contracts';

/** The RFC 9457 body of a failed API call, if it has one. */
export function problemOf(error: unknown): Partial<ProblemDetails> | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  return typeof body === 'object' && body !== null ? (body as Partial<ProblemDetails>) : null;
}

/** Field problems by field name, for showing next to the inputs. */
export function fieldProblems(error: unknown): Map<string, FieldProblem[]> {
  const map = new Map<string, FieldProblem[]>();
  for (const problem of problemOf(error)?.errors ?? []) {
    map.set(problem.field, [...(map.get(problem.field) ?? []), problem]);
  }
  return map;
}

/** Correlation id for the helpdesk: from the body, else the response header. */
export function correlationIdOf(error: unknown): string | null {
  const fromBody = problemOf(error)?.correlationId;
  if (typeof fromBody === 'string' && fromBody.trim() !== '') {
    return fromBody;
  }
  return error instanceof HttpErrorResponse ? (error.headers?.get('x-correlation-id') ?? null) : null;
}

export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
