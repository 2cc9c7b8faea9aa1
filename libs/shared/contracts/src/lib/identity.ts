/**
 * Organisations, tables, covenant status, users and roles (DOMAIN.md b.1, §5.2). Organisation,
 * table membership and case participation are three separate concepts.
 */

/** Partner types of DOMAIN.md b.4; the visibility matrix is keyed on them. */
export const PARTNER_TYPES = [
  'ZVH',
  'GEMEENTE_SOCIAAL_DOMEIN',
  'GEMEENTE_OOV',
  'POLITIE',
  'OM',
  'RECLASSERING',
  'RVDK_GI',
  'VEILIG_THUIS',
  'GGZ_ZORGAANBIEDER',
  'ZORGCOORDINATOR',
  'COMENSHA',
  'IND',
  'NLA_KMAR',
  'RIEC',
  'SLACHTOFFERHULP',
  'WONINGCORPORATIE',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** Statutory regimes under which an organisation processes data. */
export const LEGAL_REGIMES = [
  'AVG',
  'WPG',
  'WJSG',
  'WGS',
  'BEROEPSGEHEIM',
  'JEUGDWET',
  'WMO',
  'VREEMDELINGENWET',
] as const;
export type LegalRegime = (typeof LEGAL_REGIMES)[number];

export const TABLE_THEMES = [
  'COMPLEX',
  'MENSENHANDEL',
  'HUISELIJK_GEWELD',
  'NAZORG',
  'RADICALISERING',
  'TOP_X',
  'JEUGD',
  'LEVENSLOOP',
  'OTHER',
] as const;
export type TableTheme = (typeof TABLE_THEMES)[number];

/** Covenant status of an organisation at one table. */
export const MEMBERSHIP_STATUSES = ['SIGNATORY', 'GUEST', 'DECLINED', 'WITHDRAWN'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** Roles a user holds per table. */
export const TABLE_ROLES = [
  'PROCESREGISSEUR',
  'VOORZITTER',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
  'TRIAGIST',
  'FG_AUDITOR',
  'BEHEERDER',
  /** The BGS contactpunt for data-subject requests, at the ZVH's tables (no case content). */
  'CONTACTPUNT',
] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export interface OrganisationDto {
  id: string;
  name: string;
  partnerType: PartnerType;
  legalRegimes: LegalRegime[];
  active: boolean;
  /** Optimistic lock: send it back with a change; a stale one gets 409. */
  version: number;
}

export interface CreateOrganisationRequest {
  name: string;
  partnerType: PartnerType;
  legalRegimes: LegalRegime[];
}

export interface UpdateOrganisationRequest extends CreateOrganisationRequest {
  active: boolean;
  version: number;
}

export interface TableMembershipDto {
  organisationId: string;
  organisationName: string;
  partnerType: PartnerType;
  status: MembershipStatus;
  since: string;
  until: string | null;
  documentRef: string;
  version: number;
}

export interface CaseTableSummaryDto {
  id: string;
  name: string;
  theme: TableTheme;
  active: boolean;
}

export interface CaseTableAdminDto extends CaseTableSummaryDto {
  memberships: TableMembershipDto[];
}

/** Set (create or change) an organisation's covenant status at a table. */
export interface PutMembershipRequest {
  status: MembershipStatus;
  since: string;
  until?: string | null;
  documentRef: string;
  /** Omit when the organisation has no membership at this table yet. */
  version?: number;
}

export interface TableRoleAssignment {
  tableId: string;
  role: TableRole;
}

export interface AdminUserDto {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  active: boolean;
  secondFactorEnrolled: boolean;
  locked: boolean;
  roles: TableRoleAssignment[];
  lastLoginAt: string | null;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  organisationId: string;
  roles: TableRoleAssignment[];
}

export interface UpdateUserRequest {
  displayName: string;
  roles: TableRoleAssignment[];
  version: number;
}

/**
 * Returned once when an account is created or its password reset: the beheerder hands the
 * temporary password over out of band; the user must replace it at the first login.
 */
export interface TemporaryPasswordResponse {
  user: AdminUserDto;
  temporaryPassword: string;
}
