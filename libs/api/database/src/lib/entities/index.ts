import { AppUser } from './app-user.entity';
import { CaseTable } from './case-table.entity';
import { Organisation } from './organisation.entity';
import { Region } from './region.entity';
import { TableMembership } from './table-membership.entity';
import { UserRecoveryCode } from './user-recovery-code.entity';
import { UserSession } from './user-session.entity';
import { UserTableRole } from './user-table-role.entity';

export {
  AppUser,
  CaseTable,
  Organisation,
  Region,
  TableMembership,
  UserRecoveryCode,
  UserSession,
  UserTableRole,
};
export * from './user-session.entity';

export const ENTITIES = [
  Region,
  Organisation,
  CaseTable,
  TableMembership,
  AppUser,
  UserTableRole,
  UserSession,
  UserRecoveryCode,
];
