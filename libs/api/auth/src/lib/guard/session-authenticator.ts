import { Injectable } from '@nestjs/common';
import type { Actor } from '@casustafel/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Passport, type Strategy as PassportStrategyType } from 'passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import { SessionCookies } from '../session/session-cookies';
import { SessionService } from '../session/session.service';

export const SESSION_STRATEGY = 'session-cookie';

/**
 * Passport, with one strategy: the session cookie resolved into an actor. Each app has its own
 * Passport instance rather than passport's process-wide singleton, so that two app instances in
 * one process (tests, a scale-out check) never use each other's sessions.
 */
@Injectable()
export class SessionAuthenticator {
  private readonly passport = new Passport();

  constructor(sessions: SessionService, cookies: SessionCookies) {
    // passport-custom ships its own copy of the Express types; the strategy is plain passport at run time.
    const strategy = new CustomStrategy((request, done) => {
      sessions.resolve(cookies.sessionToken(request as unknown as FastifyRequest)).then(
        (actor) => done(null, actor ?? false),
        (error: unknown) => done(error),
      );
    });
    this.passport.use(SESSION_STRATEGY, strategy as unknown as PassportStrategyType);
  }

  /** The actor behind the request's session cookie, or undefined (no, ended or expired session). */
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor | undefined> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(
        SESSION_STRATEGY,
        { session: false },
        (error: unknown, actor: Actor | false) => {
          if (error) {
            reject(error);
          } else {
            resolve(actor || undefined);
          }
        },
      ) as (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
      middleware(request, reply, (error?: unknown) => (error ? reject(error) : resolve(undefined)));
    });
  }
}
