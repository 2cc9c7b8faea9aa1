import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RequestContext } from '@casustafel/api/platform';
import {
  CSRF_HEADER,
  type AuthConfigResponse,
  type LoginStepResponse,
  type RecoveryCodesResponse,
  type SecondFactorEnrolmentResponse,
  type SessionResponse,
} from '@casustafel/shared/contracts';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountService } from './account/account.service';
import { ChangePasswordDto, ConfirmSecondFactorDto, LoginDto, SecondFactorDto } from './dto/auth.dto';
import { Authenticated, Public } from './guard/authenticated.decorator';
import { LoginService, LoginStepResult } from './login/login.service';
import { deviceSummary } from './session/device-summary';
import { SessionCookies } from './session/session-cookies';

/** Signing in and out. Each login step answers what comes next (`next`). */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly account: AccountService,
    private readonly cookies: SessionCookies,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the login page needs to know; also hands out the CSRF cookie for the login form. */
  @Get('config')
  @Public()
  @ApiOkResponse({ description: 'Demo mode and the CSRF cookie and header names.' })
  authConfig(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): AuthConfigResponse {
    if (!this.cookies.csrfCookie(request)) {
      this.cookies.setCsrf(reply, randomBytes(32).toString('base64url'));
    }
    return {
      demoMode: this.config.auth.demoMode,
      csrfHeader: CSRF_HEADER,
      csrfCookie: this.cookies.csrfName,
    };
  }

  @Post('login')
  @Public({ rateLimited: true })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Password accepted; `next` says which step follows.' })
  async signIn(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    return this.respond(
      reply,
      await this.login.login(body.email, body.password, deviceSummary(request.headers['user-agent'])),
    );
  }

  @Post('second-factor')
  @Authenticated({ pending: true, rateLimited: true })
  @HttpCode(HttpStatus.OK)
  async secondFactor(
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    const device = deviceSummary(request.headers['user-agent']);
    return this.respond(reply, await this.login.verifySecondFactor(this.context.actor, body, device));
  }

  @Post('second-factor/enrolment')
  @Authenticated({ pending: true })
  @HttpCode(HttpStatus.OK)
  startEnrolment(): Promise<SecondFactorEnrolmentResponse> {
    return this.login.startEnrolment(this.context.actor);
  }

  @Post('second-factor/enrolment/confirm')
  @Authenticated({ pending: true, rateLimited: true })
  @HttpCode(HttpStatus.OK)
  async confirmEnrolment(
    @Body() body: ConfirmSecondFactorDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse & RecoveryCodesResponse> {
    const device = deviceSummary(request.headers['user-agent']);
    const { recoveryCodes, result } = await this.login.confirmEnrolment(
      this.context.actor,
      body.code,
      device,
    );
    return { ...this.respond(reply, result), recoveryCodes };
  }

  /** The forced replacement of a temporary password, during login. */
  @Post('password')
  @Authenticated({ pending: true, rateLimited: true })
  @HttpCode(HttpStatus.OK)
  async changeTemporaryPassword(
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginStepResponse> {
    const device = deviceSummary(request.headers['user-agent']);
    return this.respond(
      reply,
      await this.login.changeTemporaryPassword(
        this.context.actor,
        body.currentPassword,
        body.newPassword,
        device,
      ),
    );
  }

  /** The step a login in progress is at (after a reload of the page). */
  @Get('login-step')
  @Authenticated({ pending: true })
  async loginStep(): Promise<LoginStepResponse> {
    return { next: await this.login.currentStep(this.context.actor) };
  }

  @Get('session')
  @Authenticated({ permission: 'account.manage' })
  @ApiOkResponse({ description: 'The signed-in user, organisation, roles per table and permissions.' })
  session(): SessionResponse {
    const actor = this.context.actor;
    return {
      user: { id: actor.userId, displayName: actor.displayName, email: actor.email, isDemo: actor.isDemo },
      organisation: {
        id: actor.organisationId,
        name: actor.organisationName,
        partnerType: actor.partnerType,
      },
      roles: actor.tableRoles.map((r) => ({ tableId: r.tableId, tableName: r.tableName, role: r.role })),
      permissions: [...actor.permissions],
      idleExpiresAt: actor.idleExpiresAt.toISOString(),
      absoluteExpiresAt: actor.absoluteExpiresAt.toISOString(),
    };
  }

  @Post('logout')
  @Authenticated({ anySession: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session has ended, here and on every instance.' })
  async logout(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.account.logout(this.context.actor);
    this.cookies.clearSession(reply);
  }

  private respond(reply: FastifyReply, result: LoginStepResult): LoginStepResponse {
    if (result.issued) {
      this.cookies.setSession(reply, result.issued.token, result.issued.csrfToken);
    }
    return { next: result.next };
  }
}
