import type { FormBuilder } from '@angular/forms';
import {
  IDENTITY_METHODS,
  RIGHTS_RECEIVED_VIA,
  RIGHTS_REQUESTERS,
  RIGHTS_REQUEST_TYPES,
  type CreateRightsRequestRequest,
  type IdentityMethod,
  type RightsReceivedVia,
  type RightsRequester,
  type RightsRequestType,
  type RightsSubjectInput,
} from '@casustafel/shared/contracts';

export const TYPES = RIGHTS_REQUEST_TYPES;
export const CHANNELS = RIGHTS_RECEIVED_VIA;
export const REQUESTERS = RIGHTS_REQUESTERS;
export const METHODS = IDENTITY_METHODS;

/** The form's fields, in the order they are shown (and listed in the error summary). */
export const FIELDS = [
  'type',
  'receivedAt',
  'receivedVia',
  'requester',
  'givenName',
  'familyName',
  'dateOfBirth',
  'bsn',
  'identityMethod',
] as const;
export type RightsField = (typeof FIELDS)[number];
export const SUBJECT_FIELDS: readonly RightsField[] = ['givenName', 'familyName', 'dateOfBirth', 'bsn'];

export const FIELD_IDS: Record<RightsField, string> = {
  type: `rr-type-${TYPES[0]}`,
  receivedAt: 'rr-received-at',
  receivedVia: 'rr-received-via',
  requester: 'rr-requester',
  givenName: 'rr-given-name',
  familyName: 'rr-family-name',
  dateOfBirth: 'rr-date-of-birth',
  bsn: 'rr-bsn',
  identityMethod: 'rr-identity-method',
};

export const FIELD_LABELS: Record<RightsField, string> = {
  type: 'rights.form.type',
  receivedAt: 'rights.form.receivedAt',
  receivedVia: 'rights.form.receivedVia',
  requester: 'rights.form.requester',
  givenName: 'rights.form.givenName',
  familyName: 'rights.form.familyName',
  dateOfBirth: 'rights.form.dateOfBirth',
  bsn: 'rights.form.bsn',
  identityMethod: 'rights.form.identityMethod',
};

export interface RightsFormValue {
  type: RightsRequestType | '';
  receivedAt: string;
  receivedVia: RightsReceivedVia | '';
  requester: RightsRequester | '';
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  bsn: string;
  identityVerified: boolean;
  identityMethod: IdentityMethod | '';
}

export function createRightsForm(fb: FormBuilder['nonNullable'], today: string) {
  return fb.group({
    type: ['' as RightsRequestType | ''],
    receivedAt: [today],
    receivedVia: ['' as RightsReceivedVia | ''],
    requester: ['BETROKKENE' as RightsRequester | ''],
    givenName: [''],
    familyName: [''],
    dateOfBirth: [''],
    bsn: [''],
    identityVerified: [false],
    identityMethod: ['' as IdentityMethod | ''],
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A BSN as typed, without spaces and dots ("1234.56.782"). */
export const normaliseBsn = (value: string): string => value.replace(/[\s.]/g, '');

/** The client's checks of the subject (enough to look the person up); translation key per field. */
export function checkSubject(value: RightsFormValue): Partial<Record<RightsField, string>> {
  const errors: Partial<Record<RightsField, string>> = {};
  if (!value.givenName.trim()) {
    errors.givenName = 'rights.fieldErrors.required';
  }
  if (!value.familyName.trim()) {
    errors.familyName = 'rights.fieldErrors.required';
  }
  if (!ISO_DATE.test(value.dateOfBirth)) {
    errors.dateOfBirth = value.dateOfBirth ? 'rights.fieldErrors.isIsoDate' : 'rights.fieldErrors.required';
  }
  const bsn = normaliseBsn(value.bsn);
  if (bsn && !/^\d{9}$/.test(bsn)) {
    errors.bsn = 'rights.fieldErrors.bsnFormat';
  }
  return errors;
}

/** Every client check of the form; the server checks again (elfproef, dates) and names its fields. */
export function checkRightsForm(value: RightsFormValue, today: string): Partial<Record<RightsField, string>> {
  const errors: Partial<Record<RightsField, string>> = {};
  if (!value.type) {
    errors.type = 'rights.fieldErrors.choose';
  }
  if (!ISO_DATE.test(value.receivedAt)) {
    errors.receivedAt = value.receivedAt ? 'rights.fieldErrors.isIsoDate' : 'rights.fieldErrors.required';
  } else if (value.receivedAt > today) {
    errors.receivedAt = 'rights.fieldErrors.inTheFuture';
  }
  if (!value.receivedVia) {
    errors.receivedVia = 'rights.fieldErrors.choose';
  }
  if (!value.requester) {
    errors.requester = 'rights.fieldErrors.choose';
  }
  Object.assign(errors, checkSubject(value));
  if (value.identityVerified && !value.identityMethod) {
    errors.identityMethod = 'rights.fieldErrors.choose';
  }
  return errors;
}

export function toSubject(value: RightsFormValue): RightsSubjectInput {
  const bsn = normaliseBsn(value.bsn);
  return {
    givenName: value.givenName.trim(),
    familyName: value.familyName.trim(),
    dateOfBirth: value.dateOfBirth,
    bsn: bsn || null,
  };
}

export function toCreateRequest(value: RightsFormValue): CreateRightsRequestRequest {
  return {
    type: value.type as RightsRequestType,
    receivedAt: value.receivedAt,
    receivedVia: value.receivedVia as RightsReceivedVia,
    requester: value.requester as RightsRequester,
    identityVerified: value.identityVerified,
    identityMethod: value.identityVerified ? (value.identityMethod as IdentityMethod) : null,
    subject: toSubject(value),
  };
}

/** The form field of a problem the server named (`subject.bsn` → `bsn`); null when the form has none. */
export function formFieldOf(field: string): RightsField | null {
  const name = field.replace(/^subject\./, '');
  return (FIELDS as readonly string[]).includes(name) ? (name as RightsField) : null;
}

/** Translation keys of the server's field codes that have words of their own here. */
const OWN_CODES = new Set(['invalidBsn', 'inTheFuture', 'isIsoDate', 'identityNotVerified']);

export function serverErrorKey(code: string): string {
  if (OWN_CODES.has(code)) {
    return `rights.fieldErrors.${code}`;
  }
  switch (code) {
    case 'isNotBlank':
      return 'rights.fieldErrors.required';
    case 'isIn':
    case 'isBoolean':
      return 'rights.fieldErrors.choose';
    case 'isLength':
    case 'maxLength':
      return 'rights.fieldErrors.maxLength';
    case 'matches':
      return 'rights.fieldErrors.bsnFormat';
    default:
      return 'rights.fieldErrors.invalid';
  }
}
