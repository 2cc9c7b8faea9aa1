import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@casustafel/api/platform';
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The two cookies. The session cookie is httpOnly (scripts never see it); the CSRF cookie is
 * readable by the web app, which echoes it in a header on every state-changing request (double
 * submit, and bound to the session on the server). Both SameSite=Strict, Path=/; with HTTPS they
 * get the `__Host-` prefix, which forbids a Domain attribute and demands Secure.
 */
@Injectable()
export class SessionCookies {
  readonly sessionName: string;
  readonly csrfName: string;
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.auth.cookieSecure;
    const prefix = this.secure ? '__Host-' : '';
    this.sessionName = `${prefix}cst_session`;
    this.csrfName = `${prefix}cst_csrf`;
  }

  sessionToken(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.sessionName];
  }

  /** The session token from a raw `Cookie` header (a socket handshake, which Fastify never parses). */
  sessionTokenFromHeader(cookieHeader: string | undefined): string | undefined {
    if (!cookieHeader) {
      return undefined;
    }
    try {
      return fastifyCookie.parse(cookieHeader)[this.sessionName];
    } catch {
      return undefined;
    }
  }

  csrfCookie(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.csrfName];
  }

  setSession(reply: FastifyReply, token: string, csrfToken: string): void {
    void reply.setCookie(this.sessionName, token, { ...this.base(), httpOnly: true });
    this.setCsrf(reply, csrfToken);
  }

  setCsrf(reply: FastifyReply, csrfToken: string): void {
    void reply.setCookie(this.csrfName, csrfToken, { ...this.base(), httpOnly: false });
  }

  clearSession(reply: FastifyReply): void {
    void reply.clearCookie(this.sessionName, { ...this.base(), httpOnly: true });
  }

  private base() {
    return { path: '/', sameSite: 'strict' as const, secure: this.secure };
  }
}
