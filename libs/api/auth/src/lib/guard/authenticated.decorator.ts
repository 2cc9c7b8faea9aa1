import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Permission } from '@casustafel/shared/contracts';

export const ACCESS_METADATA = 'casustafel:access';

/**
 * How an endpoint may be reached. Every endpoint declares one (deny by default): the app refuses
 * to start when one does not, and the endpoint inventory test lists them all for review.
 */
export type AccessDeclaration =
  | { kind: 'public'; rateLimited?: boolean }
  /** A half-finished login (password verified, further steps due). */
  | { kind: 'pending'; rateLimited?: boolean }
  /** Any session, finished or not (logging out). */
  | { kind: 'session' }
  | { kind: 'permission'; permission: Permission; rateLimited?: boolean };

/** Open to anyone, signed in or not. */
export function Public(options: { rateLimited?: boolean } = {}): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_METADATA, { kind: 'public', ...options } satisfies AccessDeclaration);
}

/**
 * A signed-in user with `permission` (default), or a login in progress (`pending`), or any
 * session (`anySession`). Object-level checks stay in the service.
 */
export function Authenticated(
  options:
    | { permission: Permission; rateLimited?: boolean }
    | { pending: true; rateLimited?: boolean }
    | { anySession: true },
): MethodDecorator & ClassDecorator {
  const declaration: AccessDeclaration =
    'permission' in options
      ? { kind: 'permission', permission: options.permission, rateLimited: options.rateLimited }
      : 'pending' in options
        ? { kind: 'pending', rateLimited: options.rateLimited }
        : { kind: 'session' };
  return applyDecorators(SetMetadata(ACCESS_METADATA, declaration), ApiCookieAuth('session'));
}

export function describeAccess(declaration: AccessDeclaration | undefined): string {
  if (!declaration) {
    return 'UNDECLARED';
  }
  const limited = 'rateLimited' in declaration && declaration.rateLimited ? ' (rate limited)' : '';
  switch (declaration.kind) {
    case 'public':
      return `public${limited}`;
    case 'pending':
      return `login in progress${limited}`;
    case 'session':
      return 'any session';
    case 'permission':
      return `${declaration.permission}${limited}`;
  }
}
