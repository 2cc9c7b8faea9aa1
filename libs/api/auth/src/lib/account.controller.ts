import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { AccountSessionDto } from '@casustafel/shared/contracts';
import { AccountService } from './account/account.service';
import { ChangePasswordDto } from './dto/auth.dto';
import { Authenticated } from './guard/authenticated.decorator';

/** "Mijn account": own sessions, log out elsewhere, own password. */
@ApiTags('account')
@Controller('account')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly context: RequestContext,
  ) {}

  @Get('sessions')
  @Authenticated({ permission: 'account.manage' })
  sessions(): Promise<AccountSessionDto[]> {
    return this.account.listSessions(this.context.actor);
  }

  @Post('sessions/end-others')
  @Authenticated({ permission: 'account.manage' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every other session of this user has ended.' })
  endOthers(): Promise<void> {
    return this.account.endOtherSessions(this.context.actor);
  }

  @Delete('sessions/:id')
  @Authenticated({ permission: 'account.manage' })
  @HttpCode(HttpStatus.NO_CONTENT)
  endOne(@IdParam() id: string): Promise<void> {
    return this.account.endSession(this.context.actor, id);
  }

  @Put('password')
  @Authenticated({ permission: 'account.manage', rateLimited: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  changePassword(@Body() body: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(this.context.actor, body.currentPassword, body.newPassword);
  }
}
