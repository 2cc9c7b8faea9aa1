import type { PartnerType, TableRole } from './identity';

/**
 * What an endpoint requires, declared once per endpoint (`@Authenticated({ permission })`).
 * A permission says what kind of action a role may take at all; which case, table or organisation
 * is checked by the service (object level), and a denial there looks like "not found".
 */
export const PERMISSIONS = [
  /** Own account: sessions, password, second factor. Every signed-in user. */
  'account.manage',
  /** The ZVH's functional administration: organisations, covenant status, users, roles. */
  'admin.read',
  'admin.organisations.write',
  'admin.memberships.write',
  'admin.users.write',
  /** A table's visibility matrix and embargo whitelist (need-to-know configuration). */
  'tables.configure',
  /** Read the register of processing activities (verwerkingsregister): beheerder and FG. */
  'register.read',
  /** The FG's views of the audit log: who had access to a person's data, what a user did (region-bound). */
  'audit.read',
  /** Read cases the organisation takes part in (what of them: the access policy). */
  'cases.read',
  /** Add items, answer information requests, propose disclosures, edit the mensenhandel panel. */
  'cases.write',
  /** Case management: state transitions, participants, information requests. */
  'cases.manage',
  /** Open a summarised item of a managed case with a reason (noodknop): the procesregisseur. */
  'cases.break-glass',
  /** Review break-glass openings (FG/auditor). */
  'audit.review',
  /** Approve or reject proposed disclosures. */
  'disclosures.approve',
  /** Register a case (aanmelding). */
  'registrations.create',
  /** Triage registrations (decide the outcome). */
  'registrations.triage',
  /**
   * The BGS contactpunt: log data-subject requests, look a person up (counts only), send the
   * request out to the joint controllers, extend and close it. No case content.
   */
  'rights.manage',
  /** Complete the tasks of one's own organisation for data-subject requests (joint controller). */
  'rights.tasks',
  /** Plan case conferences of a table: meetings, agenda, invitations, lifecycle (chair and procesregisseur). */
  'meetings.plan',
  /** Take part in the case conferences of one's tables (the live room, notes, minutes of one's organisation). */
  'meetings.attend',
  /** Work on the actions owned by one's organisation (Mijn acties, status changes). */
  'actions.work',
  /**
   * Compose, approve, recall and supersede need-to-know extracts (uittreksels) of the cases of one's
   * table: the voorzitter and the procesregisseur (issue 7, ADR 0024).
   */
  'extracts.compose',
  /**
   * Read the extracts addressed to one's own organisation ("Uittreksels voor mijn organisatie").
   * Every signed-in user: a recipient such as the OM, which declined the table, holds no table role;
   * which extracts is decided per organisation by the service and row-level security.
   */
  'extracts.receive',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which role grants which permission; the single source for the guard and the UI. */
export const ROLE_PERMISSIONS: Readonly<Record<TableRole, readonly Permission[]>> = {
  PROCESREGISSEUR: [
    'account.manage',
    'cases.read',
    'cases.write',
    'cases.manage',
    'cases.break-glass',
    'disclosures.approve',
    'registrations.create',
    'registrations.triage',
    'rights.tasks',
    'meetings.plan',
    'meetings.attend',
    'actions.work',
    'extracts.compose',
  ],
  VOORZITTER: [
    'account.manage',
    'cases.read',
    'cases.write',
    'cases.manage',
    'disclosures.approve',
    'rights.tasks',
    'meetings.plan',
    'meetings.attend',
    'actions.work',
    'extracts.compose',
  ],
  // Case roles that write case content answer data-subject tasks for their organisation; the
  // triagist, who decides on registrations only, does not.
  // Every case role attends the conferences of its tables; the roles that write case content
  // work on their organisation's actions.
  CASUSREGISSEUR: [
    'account.manage',
    'cases.read',
    'cases.write',
    'registrations.create',
    'rights.tasks',
    'meetings.attend',
    'actions.work',
  ],
  DEELNEMER: [
    'account.manage',
    'cases.read',
    'cases.write',
    'registrations.create',
    'rights.tasks',
    'meetings.attend',
    'actions.work',
  ],
  ZORGCOORDINATOR: [
    'account.manage',
    'cases.read',
    'cases.write',
    'registrations.create',
    'rights.tasks',
    'meetings.attend',
    'actions.work',
  ],
  TRIAGIST: [
    'account.manage',
    'cases.read',
    'registrations.create',
    'registrations.triage',
    'meetings.attend',
  ],
  // Need-to-know: the privacy officer, the administrator and the contactpunt see no case content
  // by their role.
  FG_AUDITOR: ['account.manage', 'register.read', 'audit.read', 'audit.review'],
  CONTACTPUNT: ['account.manage', 'rights.manage'],
  BEHEERDER: [
    'account.manage',
    'admin.read',
    'admin.organisations.write',
    'admin.memberships.write',
    'admin.users.write',
    'tables.configure',
    'register.read',
  ],
};

/** Table roles whose holders work with case content (must match CASE_ROLES in the RLS policies). */
export const CASE_ROLES: readonly TableRole[] = [
  'PROCESREGISSEUR',
  'VOORZITTER',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
  'TRIAGIST',
];

/**
 * Permissions every signed-in user holds, whatever their roles: their own account, and the
 * extracts addressed to their organisation (a DECLINED organisation has no table role).
 */
export const BASE_PERMISSIONS: readonly Permission[] = ['account.manage', 'extracts.receive'];

/**
 * Permissions of a set of roles. A user without any role may still manage their own account and
 * read the extracts addressed to their organisation.
 */
export function permissionsOf(roles: readonly TableRole[]): Permission[] {
  const granted = new Set<Permission>(BASE_PERMISSIONS);
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role]) {
      granted.add(permission);
    }
  }
  return PERMISSIONS.filter((p) => granted.has(p));
}

/** What the client must do after a login step. */
export type LoginNextStep = 'SECOND_FACTOR' | 'ENROL_SECOND_FACTOR' | 'CHANGE_PASSWORD' | 'DONE';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginStepResponse {
  next: LoginNextStep;
}

export interface SecondFactorRequest {
  /** Six digits from the authenticator app. Give this or `recoveryCode`. */
  code?: string;
  /** One of the one-time recovery codes handed out at enrolment. */
  recoveryCode?: string;
}

export interface SecondFactorEnrolmentResponse {
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: string;
  /** `otpauth://totp/...` URI (RFC 6238 key URI). */
  otpauthUri: string;
  /** The same URI as a QR code: an SVG image as a data URL. */
  qrCodeDataUrl: string;
}

export interface ConfirmSecondFactorRequest {
  code: string;
}

export interface RecoveryCodesResponse {
  /** Shown once; only hashes are stored. */
  recoveryCodes: string[];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface AuthConfigResponse {
  /** Demo accounts may sign in without a second factor; the login page says so. */
  demoMode: boolean;
  /** Name of the header that must echo the CSRF cookie on every state-changing request. */
  csrfHeader: string;
  csrfCookie: string;
}

export interface SessionTableRole {
  tableId: string;
  tableName: string;
  role: TableRole;
}

export interface SessionResponse {
  user: { id: string; displayName: string; email: string; isDemo: boolean };
  organisation: { id: string; name: string; partnerType: PartnerType };
  roles: SessionTableRole[];
  permissions: Permission[];
  /** When the session ends without activity, and at the latest (ISO 8601). */
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export interface AccountSessionDto {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** Browser and platform, as far as the user agent says; for recognising one's own devices. */
  device: string;
  current: boolean;
}

export const CSRF_HEADER = 'x-csrf-token';
