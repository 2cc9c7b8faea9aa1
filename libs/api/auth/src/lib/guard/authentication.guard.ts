import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  APP_CONFIG,
  type AppConfig,
  ForbiddenError,
  isAllowedOrigin,
  NotFoundError,
  RequestContext,
  UnauthenticatedError,
} from '@casustafel/api/platform';
import { CSRF_HEADER } from '@casustafel/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { SessionCookies } from '../session/session-cookies';
import { ACCESS_METADATA, AccessDeclaration } from './authenticated.decorator';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionAuthenticator } from './session-authenticator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard (deny by default). For each request it reads the endpoint's declaration, lets
 * passport resolve the session cookie into an actor, checks the stage of the login, the
 * permission, the CSRF token on state-changing requests and the request's Origin, and puts the
 * actor into the request context for services, RLS and the audit log.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger(AuthenticationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly cookies: SessionCookies,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly authenticator: SessionAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!declaration) {
      // Cannot happen once started (the inventory check refuses to boot), but never fail open.
      this.logger.error(
        `No access declaration on ${execution.getClass().name}.${execution.getHandler().name}`,
      );
      throw new ForbiddenError();
    }
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) {
      assertSameOrigin(request, this.config.web.allowedOrigins);
    }
    if ('rateLimited' in declaration && declaration.rateLimited) {
      this.rateLimiter.hit(request.ip);
    }
    if (declaration.kind === 'public') {
      if (unsafe) {
        // No session yet: the header must echo the CSRF cookie (double submit).
        this.assertCsrf(request, this.cookies.csrfCookie(request));
      }
      return true;
    }

    const actor = await this.authenticator.authenticate(
      request,
      execution.switchToHttp().getResponse<FastifyReply>(),
    );
    if (!actor) {
      throw new UnauthenticatedError('Sign in to continue; the session is missing, ended or expired.');
    }
    if (declaration.kind === 'pending' && actor.stage !== 'PENDING') {
      throw new ForbiddenError('This step belongs to a login in progress.');
    }
    if (declaration.kind === 'permission') {
      if (actor.stage !== 'FULL') {
        throw new UnauthenticatedError('Finish signing in first.');
      }
      if (!actor.permissions.has(declaration.permission)) {
        // Like an object-level denial: indistinguishable from a route that does not exist.
        throw new NotFoundError();
      }
    }
    if (unsafe) {
      this.assertCsrf(request, actor.csrfToken);
    }
    this.context.setActor(actor);
    return true;
  }

  private assertCsrf(request: FastifyRequest, expected: string | undefined): void {
    const header = request.headers[CSRF_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    if (!expected || !given || !constantTimeEqual(given, expected)) {
      throw new ForbiddenError(`Missing or wrong ${CSRF_HEADER} header.`);
    }
  }
}

/** A browser always sends Origin on cross-site state-changing requests; it must be us. */
function assertSameOrigin(request: FastifyRequest, allowedOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  if (!origin) {
    return;
  }
  if (!isAllowedOrigin(origin, request.headers.host, allowedOrigins)) {
    throw new ForbiddenError('Cross-origin request refused.');
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
