import { Module } from '@nestjs/common';
import { AuthModule } from '@casustafel/api/auth';
import { AdminController } from './admin.controller';
import { OrganisationsAdminService } from './organisations/organisations-admin.service';
import { TablesAdminService } from './tables/tables-admin.service';
import { UsersAdminService } from './users/users-admin.service';

@Module({
  imports: [AuthModule],
  controllers: [AdminController],
  providers: [OrganisationsAdminService, TablesAdminService, UsersAdminService],
})
export class AdminModule {}
