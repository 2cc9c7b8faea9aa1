import { AppUser } from './app-user.entity';
import { CaseTable } from './case-table.entity';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';
import { TableMembership } from './table-membership.entity';
import { UserTableRole } from './user-table-role.entity';

export { AppUser, CaseTable, Organisation, Region, TableMembership, UserTableRole };
export * from './case-table.entity';
export * from './organisation.entity';
export * from './table-membership.entity';
export * from './user-table-role.entity';

export const ENTITIES = [Region, Organisation, CaseTable, TableMembership, AppUser, UserTableRole];
