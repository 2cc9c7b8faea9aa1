/**
 * Base of every domain error. Services throw these with a stable code; one filter maps them to
 * RFC 9457 responses, so services never know about HTTP (HOUSE-STYLE rule 7).
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Stable, dotted code, e.g. `case.not_found`; becomes the problem `type`. */
  abstract readonly code: string;
  /** Short, human title that does not vary per occurrence. */
  abstract readonly title: string;
}

/** Database unreachable or not yet migrated: fail closed with 503, never serve unaudited data. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'service.unavailable';
  readonly title = 'Service temporarily unavailable';
}

/**
 * The request conflicts with the current state: the row was changed by someone else since the
 * client read it (optimistic locking, code `conflict`), or a more specific reason with its own code
 * (e.g. `organisation.name_taken`), which becomes the problem type so clients can tell them apart.
 */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly title = 'Conflicting change';
  constructor(
    message?: string,
    readonly code = 'conflict' as string,
  ) {
    super(message);
  }
}

/** Not there, or not for you: both look the same so that partners cannot probe for cases. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  readonly title = 'Not found';
}

/** No valid session (missing, expired, revoked): the client must sign in (again). */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'auth.unauthenticated';
  readonly title = 'Authentication required';
}

/**
 * Known actor, but this kind of action is not theirs (function level). Object-level denials use
 * {@link NotFoundError} instead, so nobody can probe for cases they may not see.
 */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'auth.forbidden';
  readonly title = 'Not allowed';
}

/** Too many attempts from this client; `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';
  readonly title = 'Too many requests';
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super(message);
  }
}
