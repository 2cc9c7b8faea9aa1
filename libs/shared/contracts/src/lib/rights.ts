import type { OrganisationRef } from './cases';

/**
 * Data-subject rights through the one contactpunt of the BGS (DOMAIN.md §2.2, §2.5, b.1
 * RightsRequest, scenario 18): a request to the contactpunt counts as a request to every joint
 * controller, so it fans out into one task per organisation that holds data on the person.
 */

/** AVG chapter III rights handled here: art. 15, 16, 18, 17 and 21. */
export const RIGHTS_REQUEST_TYPES = [
  'INZAGE',
  'RECTIFICATIE',
  'BEPERKING',
  'VERWIJDERING',
  'BEZWAAR',
] as const;
export type RightsRequestType = (typeof RIGHTS_REQUEST_TYPES)[number];

export const RIGHTS_RECEIVED_VIA = ['BRIEF', 'EMAIL', 'BALIE', 'TELEFOON'] as const;
export type RightsReceivedVia = (typeof RIGHTS_RECEIVED_VIA)[number];

/** Who made the request: the person, a legal representative (parent, guardian) or an authorised person. */
export const RIGHTS_REQUESTERS = ['BETROKKENE', 'WETTELIJK_VERTEGENWOORDIGER', 'GEMACHTIGDE'] as const;
export type RightsRequester = (typeof RIGHTS_REQUESTERS)[number];

/** How the contactpunt verified the requester's identity (AVG art. 12(6)); a code, never a document number. */
export const IDENTITY_METHODS = [
  'ID_BEWIJS_GETOOND',
  'KOPIE_ID_AFGESCHERMD',
  'DIGID',
  'MACHTIGING_GECONTROLEERD',
  'ANDERS',
] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/**
 * ONTVANGEN: logged, identity not yet verified, no tasks yet. IN_BEHANDELING: sent out to the joint
 * controllers. AFGEROND: every task done and the person answered. AFGEWEZEN: refused (e.g. identity
 * not shown, manifestly unfounded), with the reason as outcome.
 */
export const RIGHTS_REQUEST_STATUSES = ['ONTVANGEN', 'IN_BEHANDELING', 'AFGEROND', 'AFGEWEZEN'] as const;
export type RightsRequestStatus = (typeof RIGHTS_REQUEST_STATUSES)[number];

export const RIGHTS_TASK_STATUSES = ['OPEN', 'AFGEROND', 'NIETS_GEVONDEN', 'AFGEWEZEN'] as const;
export type RightsTaskStatus = (typeof RIGHTS_TASK_STATUSES)[number];
/** How a joint controller completes its task. */
export type RightsTaskAnswer = Exclude<RightsTaskStatus, 'OPEN'>;

/** AVG art. 12(3): the period may be extended once by at most two further months. */
export const RIGHTS_MAX_EXTENSION_MONTHS = 2;

/**
 * A calendar date plus whole calendar months. A day that the target month lacks becomes its last
 * day: 31 January + 1 month = 28 (or 29) February, 31 March + 1 month = 30 April (the rule of
 * Regulation 1182/71 art. 3(2)(c) for periods in months). Dates are `YYYY-MM-DD`; no time zone.
 */
export function addCalendarMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !Number.isInteger(months)) {
    throw new Error(`Not a calendar date or whole months: ${date} + ${months}`);
  }
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The legal deadline of a request: one calendar month after receipt (AVG art. 12(3)), or
 * 1 + `extensionMonths` months once extended. Not moved to a working day: answering on the
 * calendar date is never late.
 */
export function rightsDueDate(receivedAt: string, extensionMonths = 0): string {
  return addCalendarMonths(receivedAt, 1 + extensionMonths);
}

export interface RightsSubjectInput {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD; required, so that a name alone never matches. */
  dateOfBirth: string;
  /** Nine digits passing the elfproef; optional. Sealed and matched by keyed hash, never stored in clear. */
  bsn?: string | null;
}

export interface RightsLookupRequest {
  subject: RightsSubjectInput;
}

/** The contactpunt's preview: who would the request reach? Counts and organisations only. */
export interface RightsLookupResponse {
  persons: number;
  cases: number;
  /** The joint controllers that would get a task (the ZVH of the contactpunt always). */
  controllers: OrganisationRef[];
}

export interface CreateRightsRequestRequest {
  type: RightsRequestType;
  /** YYYY-MM-DD, not in the future. The deadline counts from here. */
  receivedAt: string;
  receivedVia: RightsReceivedVia;
  requester: RightsRequester;
  identityVerified: boolean;
  /** Required when `identityVerified`; without verification the request waits (ONTVANGEN). */
  identityMethod?: IdentityMethod | null;
  subject: RightsSubjectInput;
}

export interface RightsRequestSummaryDto {
  id: string;
  number: string;
  type: RightsRequestType;
  status: RightsRequestStatus;
  receivedAt: string;
  /** The deadline in force (extended when extended). */
  dueAt: string;
  extended: boolean;
  /** Still open and the deadline has passed. */
  overdue: boolean;
  taskCounts: { total: number; open: number };
}

export interface RightsTaskDto {
  id: string;
  organisation: OrganisationRef;
  status: RightsTaskStatus;
  /** Matched cases in which the organisation holds data, and its own items there (counts only). */
  caseCount: number;
  itemCount: number;
  answeredAt: string | null;
  answeredBy: string | null;
  note: string | null;
}

export interface RightsRequestDetailDto extends RightsRequestSummaryDto {
  receivedVia: RightsReceivedVia;
  requester: RightsRequester;
  identityVerified: boolean;
  identityMethod: IdentityMethod | null;
  subject: { givenName: string; familyName: string; dateOfBirth: string; bsnGiven: boolean };
  /** What the look-up found when the request was sent out; counts only, the contactpunt sees no case content. */
  matched: { persons: number; cases: number };
  originalDueAt: string;
  extension: { months: number; reason: string; extendedAt: string; extendedBy: string } | null;
  fannedOutAt: string | null;
  outcome: string | null;
  closedAt: string | null;
  createdBy: string;
  tasks: RightsTaskDto[];
  version: number;
  can: { fanOut: boolean; extend: boolean; close: boolean; reject: boolean };
}

/** "Uitzetten": verify the identity of a waiting request and send it to the joint controllers. */
export interface FanOutRightsRequestRequest {
  identityMethod: IdentityMethod;
  version: number;
}

export interface ExtendRightsRequestRequest {
  /** 1 or 2 further months. */
  months: number;
  reason: string;
  version: number;
}

export interface CloseRightsRequestRequest {
  /** AFGEROND (all tasks done) or AFGEWEZEN (refused). */
  status: Extract<RightsRequestStatus, 'AFGEROND' | 'AFGEWEZEN'>;
  /** What the person was told; required. */
  outcome: string;
  version: number;
}

/**
 * A task of the user's organisation: what was asked and by when, and the matched cases the user
 * takes part in (number only; the case page decides what is shown). Never the person's name.
 */
export interface MyRightsTaskDto {
  id: string;
  status: RightsTaskStatus;
  note: string | null;
  answeredAt: string | null;
  version: number;
  itemCount: number;
  request: {
    number: string;
    type: RightsRequestType;
    status: RightsRequestStatus;
    dueAt: string;
    overdue: boolean;
  };
  cases: Array<{ id: string; number: string }>;
}

export interface AnswerRightsTaskRequest {
  status: RightsTaskAnswer;
  /** Required when AFGEWEZEN (the ground for refusing, e.g. AVG art. 23 or Wpg); else optional. */
  note?: string | null;
  version: number;
}
