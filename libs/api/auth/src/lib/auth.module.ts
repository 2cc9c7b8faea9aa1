import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccountController } from './account.controller';
import { AccountService } from './account/account.service';
import { AuthController } from './auth.controller';
import { AuthenticationGuard } from './guard/authentication.guard';
import { EndpointInventory } from './guard/endpoint-inventory';
import { LoginRateLimiter } from './guard/login-rate-limiter';
import { SessionAuthenticator } from './guard/session-authenticator';
import { LoginService } from './login/login.service';
import { PasswordHasher } from './password/password-hasher';
import { SessionCookies } from './session/session-cookies';
import { SessionService } from './session/session.service';

/**
 * Authentication for the whole API: the global guard (deny by default), sessions, login steps and
 * the own account. Other domains use `@Authenticated`/`@Public`, `SessionService` (to end sessions
 * or refresh actors) and `PasswordHasher`.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController, AccountController],
  providers: [
    SessionService,
    SessionCookies,
    SessionAuthenticator,
    LoginRateLimiter,
    PasswordHasher,
    LoginService,
    AccountService,
    EndpointInventory,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [SessionService, SessionCookies, PasswordHasher, LoginService, EndpointInventory],
})
export class AuthModule {}
