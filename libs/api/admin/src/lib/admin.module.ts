import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { AdminController } from './admin.controller';
import { AuditLogController } from './audit-log/audit-log.controller';
import { AuditLogService } from './audit-log/audit-log.service';
import { OrganisationsAdminService } from './organisations/organisations-admin.service';
import { RegisterController } from './register/register.controller';
import { RegisterService } from './register/register.service';
import { TablesAdminService } from './tables/tables-admin.service';
import { UsersAdminService } from './users/users-admin.service';

@Module({
  imports: [AuthModule],
  controllers: [AdminController, AuditLogController, RegisterController],
  providers: [
    AuditLogService,
    OrganisationsAdminService,
    RegisterService,
    TablesAdminService,
    UsersAdminService,
  ],
})
export class AdminModule {}
