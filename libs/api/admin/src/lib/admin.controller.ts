import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type {
  AdminUserDto,
  CaseTableAdminDto,
  OrganisationDto,
  TableMembershipDto,
  TemporaryPasswordResponse,
} from '@casustafel/shared/contracts';
import {
  CreateOrganisationDto,
  CreateUserDto,
  PutMembershipDto,
  UpdateOrganisationDto,
  UpdateUserDto,
} from './dto/admin.dto';
import { OrganisationsAdminService } from './organisations/organisations-admin.service';
import { TablesAdminService } from './tables/tables-admin.service';
import { UsersAdminService } from './users/users-admin.service';

/** Functional administration (beheerder) of the own region. */
@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly organisations: OrganisationsAdminService,
    private readonly tables: TablesAdminService,
    private readonly users: UsersAdminService,
    private readonly context: RequestContext,
  ) {}

  @Get('organisations')
  @Authenticated({ permission: 'admin.read' })
  listOrganisations(): Promise<OrganisationDto[]> {
    return this.organisations.list(this.context.actor);
  }

  @Post('organisations')
  @Authenticated({ permission: 'admin.organisations.write' })
  createOrganisation(@Body() body: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(this.context.actor, body);
  }

  @Put('organisations/:id')
  @Authenticated({ permission: 'admin.organisations.write' })
  updateOrganisation(@IdParam() id: string, @Body() body: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.update(this.context.actor, id, body);
  }

  @Get('tables')
  @Authenticated({ permission: 'admin.read' })
  listTables(): Promise<CaseTableAdminDto[]> {
    return this.tables.list(this.context.actor);
  }

  @Put('tables/:tableId/memberships/:organisationId')
  @Authenticated({ permission: 'admin.memberships.write' })
  putMembership(
    @IdParam('tableId') tableId: string,
    @IdParam('organisationId') organisationId: string,
    @Body() body: PutMembershipDto,
  ): Promise<TableMembershipDto> {
    return this.tables.putMembership(this.context.actor, tableId, organisationId, body);
  }

  @Get('users')
  @Authenticated({ permission: 'admin.read' })
  listUsers(): Promise<AdminUserDto[]> {
    return this.users.list(this.context.actor);
  }

  @Post('users')
  @Authenticated({ permission: 'admin.users.write' })
  createUser(@Body() body: CreateUserDto): Promise<TemporaryPasswordResponse> {
    return this.users.create(this.context.actor, body);
  }

  @Put('users/:id')
  @Authenticated({ permission: 'admin.users.write' })
  updateUser(@IdParam() id: string, @Body() body: UpdateUserDto): Promise<AdminUserDto> {
    return this.users.update(this.context.actor, id, body);
  }

  @Post('users/:id/deactivate')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  deactivate(@IdParam() id: string): Promise<AdminUserDto> {
    return this.users.setActive(this.context.actor, id, false);
  }

  @Post('users/:id/activate')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  activate(@IdParam() id: string): Promise<AdminUserDto> {
    return this.users.setActive(this.context.actor, id, true);
  }

  @Post('users/:id/reset-second-factor')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  resetSecondFactor(@IdParam() id: string): Promise<AdminUserDto> {
    return this.users.resetSecondFactor(this.context.actor, id);
  }

  @Post('users/:id/reset-password')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  resetPassword(@IdParam() id: string): Promise<TemporaryPasswordResponse> {
    return this.users.resetPassword(this.context.actor, id);
  }

  @Post('users/:id/unlock')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  unlock(@IdParam() id: string): Promise<AdminUserDto> {
    return this.users.unlock(this.context.actor, id);
  }

  @Post('users/:id/end-sessions')
  @Authenticated({ permission: 'admin.users.write' })
  @HttpCode(HttpStatus.OK)
  endSessions(@IdParam() id: string): Promise<AdminUserDto> {
    return this.users.endSessions(this.context.actor, id);
  }
}
