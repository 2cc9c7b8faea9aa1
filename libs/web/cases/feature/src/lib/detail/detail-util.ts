import { InjectionToken } from '@angular/core';
import {
  ALLOWED_ATTACHMENT_TYPES,
  DATA_CATEGORIES,
  DEFAULT_EMBARGO_PARTNER_TYPES,
  DEFAULT_VISIBILITY_RULES,
  MAX_ATTACHMENT_BYTES,
  type CaseItemDto,
  type CaseParticipantDto,
  type DataCategory,
  type DisclosureDto,
  type OrganisationRef,
  type Sensitivity,
} from '@casustafel/shared/contracts';
import { correlationIdOf, problemOf, statusOf } from '@casustafel/web/auth/data-access';

/**
 * A calendar date (`YYYY-MM-DD`, or the date part of an ISO timestamp) as d-M-yyyy, the usual
 * Dutch short form. By hand, so no locale data is needed and no time zone moves a date.
 */
export function formatDate(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) {
    return value ?? '';
  }
  const [, year, month, day] = match;
  return `${Number(day)}-${Number(month)}-${year}`;
}

/** A timestamp as d-M-yyyy HH:mm in the browser's time zone (when something happened). */
export function formatDateTime(value: string | null | undefined): string {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return value ?? '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getDate()}-${date.getMonth() + 1}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today's date (`YYYY-MM-DD`) where the user is; a token so tests can fix the day. */
export const TODAY = new InjectionToken<() => string>('TODAY', {
  providedIn: 'root',
  factory: () => () => localIsoDate(new Date()),
});

export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole days from `today` to `until` (both `YYYY-MM-DD`); negative when `until` has passed. */
export function daysUntil(today: string, until: string): number {
  const day = (value: string) => Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10));
  return Math.round((day(until) - day(today)) / 86_400_000);
}

/** The B8 countdown as a translation key and its parameter ("nog 12 dagen", "verstreken"). */
export function countdown(today: string, endsAt: string): { key: string; days: number } {
  const days = daysUntil(today, endsAt);
  if (days < 0) {
    return { key: 'caseDetail.mensenhandel.b8.countdownPast', days: -days };
  }
  if (days === 0) {
    return { key: 'caseDetail.mensenhandel.b8.countdownToday', days };
  }
  return {
    key: days === 1 ? 'caseDetail.mensenhandel.b8.countdownOne' : 'caseDetail.mensenhandel.b8.countdown',
    days,
  };
}

export interface ItemGroup {
  category: DataCategory;
  items: CaseItemDto[];
}

/** Items grouped by data category in the order of DATA_CATEGORIES; newest first inside a group. */
export function groupByCategory(items: readonly CaseItemDto[]): ItemGroup[] {
  return DATA_CATEGORIES.map((category) => ({
    category,
    items: items
      .filter((i) => i.category === category)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  })).filter((g) => g.items.length > 0);
}

export interface Readers {
  /** Organisations that read the content in full by default (besides the author). */
  full: OrganisationRef[];
  /** Organisations that see only the summary flag by default. */
  summary: OrganisationRef[];
  /** Organisations that see nothing of it by default. */
  none: OrganisationRef[];
  /** Approved disclosures of the author's organisation that open it to these organisations. */
  disclosedTo: OrganisationRef[];
  /** Proposed, not yet approved disclosures that would. */
  proposedTo: OrganisationRef[];
}

/**
 * Who may read an item of one's own organisation, for the author's information: by the default
 * matrix and embargo list (the same rules as the server's access policy, without the table's own
 * changes, which the author cannot see), plus the disclosures that cover it. Guests see only what
 * is disclosed to them.
 */
export function defaultReaders(
  item: { id: string; category: DataCategory; sensitivity: Sensitivity; authorOrganisation: OrganisationRef },
  participants: readonly CaseParticipantDto[],
  disclosures: readonly DisclosureDto[],
): Readers {
  const readers: Readers = { full: [], summary: [], none: [], disclosedTo: [], proposedTo: [] };
  const author = item.authorOrganisation.id;
  const covers = (d: DisclosureDto) =>
    d.from.id === author && (d.itemIds.includes(item.id) || d.categories.includes(item.category));
  for (const { organisation, basis } of participants) {
    if (organisation.id === author) {
      continue;
    }
    readers[defaultLevel(item, organisation, basis)].push(organisation);
  }
  for (const d of disclosures) {
    if (covers(d) && (d.state === 'APPROVED' || d.state === 'PROPOSED')) {
      const list = d.state === 'APPROVED' ? readers.disclosedTo : readers.proposedTo;
      if (!list.some((o) => o.id === d.to.id)) {
        list.push(d.to);
      }
    }
  }
  return readers;
}

function defaultLevel(
  item: { category: DataCategory; sensitivity: Sensitivity },
  organisation: OrganisationRef,
  basis: CaseParticipantDto['basis'],
): 'full' | 'summary' | 'none' {
  if (item.sensitivity === 'EMBARGO') {
    return DEFAULT_EMBARGO_PARTNER_TYPES.includes(organisation.partnerType) ? 'full' : 'none';
  }
  if (basis === 'GUEST') {
    return 'none';
  }
  const level = DEFAULT_VISIBILITY_RULES.find(
    (r) => r.category === item.category && r.partnerType === organisation.partnerType,
  )?.level;
  if (level === 'FULL') {
    return item.sensitivity === 'GEVOELIG' ? 'summary' : 'full';
  }
  return level === 'SUMMARY' ? 'summary' : 'none';
}

/** Why a file cannot be attached (translation key), checked before it is sent; null when fine. */
export function fileProblem(file: File | null): string | null {
  if (!file) {
    return null;
  }
  if (!(ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
    return 'caseDetail.fieldErrors.fileTypeNotAllowed';
  }
  if (file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) {
    return 'caseDetail.fieldErrors.fileTooLarge';
  }
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} kB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

// Server answers ------------------------------------------------------------------------------------

/** Codes of field problems the API reports that the page explains in words of its own. */
const KNOWN_CODES = new Set([
  'isLength',
  'isNotBlank',
  'maxLength',
  'isIn',
  'isUuid',
  'isIsoDate',
  'arrayMinSize',
  'reasonRequired',
  'handoverRequired',
  'handoverDataRequired',
  'notParticipating',
  'declinedUseExtract',
  'notAtTable',
  'guestOnly',
  'fileTypeNotAllowed',
  'fileTooLarge',
  'fileRequired',
  'embargoNotAllowed',
  'embargoed',
  'notYourItem',
  'nothingToShare',
  'self',
  'unknownOrganisation',
  'inThePast',
  'beforeOffered',
  'notOpenForYou',
  'inTheFuture',
  'notInCase',
  'unknownItem',
  'reasonCodeRequired',
  'notForStatus',
  'reviewDateRequired',
  'onlyWhenDeferred',
  'unknownConsent',
  'consentWithdrawn',
  'consentNotForSharing',
  'recipientNotInScope',
  'categoriesNotInScope',
]);

export function fieldErrorKey(code: string): string {
  return KNOWN_CODES.has(code) ? `caseDetail.fieldErrors.${code}` : 'caseDetail.fieldErrors.invalid';
}

export interface FieldErrorSplit {
  fields: Record<string, string>;
  other: string[];
}

/**
 * Field problems of a 400, by the form field `fieldOf` names (`itemIds[2]` may map to `itemIds`);
 * the rest goes to the alert. The API's English text is never shown.
 */
export function splitFieldErrors(error: unknown, fieldOf: (field: string) => string | null): FieldErrorSplit {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problemOf(error)?.errors ?? []) {
    const key = fieldErrorKey(problem.code);
    const target = fieldOf(problem.field.replace(/\[\d+\]$/, ''));
    if (target === null) {
      other.push(key);
    } else if (!(target in fields)) {
      fields[target] = key;
    }
  }
  return { fields, other: [...new Set(other)] };
}

export type FailureKind = 'invalid' | 'notFound' | 'conflict' | 'other';

export function failureKind(error: unknown): FailureKind {
  const status = statusOf(error);
  if (status === 400 && (problemOf(error)?.errors?.length ?? 0) > 0) {
    return 'invalid';
  }
  return status === 404 ? 'notFound' : status === 409 ? 'conflict' : 'other';
}

/** 409s that say something else than "changed by someone else" (the problem type's code). */
const CONFLICT_KEYS: Record<string, string> = {
  'case.illegal_transition': 'caseDetail.errors.illegalTransition',
  'case.chair_decision_required': 'caseDetail.errors.chairDecisionRequired',
  'case.participant_exists': 'caseDetail.errors.participantExists',
  'disclosure.four_eyes': 'caseDetail.errors.fourEyes',
  'disclosure.state': 'caseDetail.errors.disclosureState',
  'information_request.state': 'caseDetail.errors.requestState',
  'consent.withdrawn': 'caseDetail.errors.consentWithdrawn',
  'disclosure.consent_withdrawn': 'caseDetail.errors.disclosureConsentWithdrawn',
};

/** The message of a 409: a specific refusal, or the stale-version message ("laad opnieuw"). */
export function conflictKey(error: unknown): { key: string; stale: boolean } {
  const code = (problemOf(error)?.type ?? '').replace(/^urn:casustafel:problem:/, '');
  const key = CONFLICT_KEYS[code];
  return key ? { key, stale: false } : { key: 'caseDetail.errors.stale', stale: true };
}

export { correlationIdOf };
