import { correlationIdOf, problemOf, statusOf } from '@casustafel/web/auth/data-access';
import type { FieldProblem } from '@casustafel/shared/contracts';
import { type Notice } from '@casustafel/web/shared/ui';

/** Codes the API reports that have words of their own here (class-validator's and the services'). */
const OWN_CODES = new Set([
  'isIsoDate',
  'maxLength',
  'invalidBsn',
  'personRequired',
  'goalRequired',
  'unknownSignal',
  'notAtTable',
  'tableFixed',
  'adviceRequired',
  'referralRequired',
]);

/**
 * Translation key of the message for a field problem; the API's English text is never shown.
 * Some codes depend on the field: a `matches` on a BSN means "not nine digits".
 */
export function fieldErrorKey(problem: Pick<FieldProblem, 'field' | 'code'>): string {
  const { field, code } = problem;
  if (field === 'notDiscussedReason') {
    return 'cases.fieldErrors.notDiscussedReason';
  }
  if (/\.bsn$/.test(field) && code === 'matches') {
    return 'cases.fieldErrors.bsnFormat';
  }
  if (OWN_CODES.has(code)) {
    return `cases.fieldErrors.${code}`;
  }
  switch (code) {
    case 'isNotBlank':
      return 'cases.fieldErrors.required';
    // The client refuses empty texts; a length problem the server finds is a text that is too long.
    case 'isLength':
      return 'cases.fieldErrors.maxLength';
    case 'isIn':
    case 'isUuid':
    case 'isBoolean':
      return 'cases.fieldErrors.choose';
    default:
      return 'cases.fieldErrors.invalid';
  }
}

export interface FieldErrorSplit {
  /** Translation key per form field, at most one each (the first problem wins). */
  fields: Record<string, string>;
  /** Problems of fields the form does not show. */
  other: string[];
}

/** Assigns every field problem of a 400 to the form field `fieldOf` names, or to `other`. */
export function splitFieldErrors(error: unknown, fieldOf: (field: string) => string | null): FieldErrorSplit {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problemOf(error)?.errors ?? []) {
    const key = fieldErrorKey(problem);
    const target = fieldOf(problem.field);
    if (target === null) {
      other.push(key);
    } else if (!(target in fields)) {
      fields[target] = key;
    }
  }
  return { fields, other: [...new Set(other)] };
}

/** 400 with field problems, 404, 409 or anything else. */
export function failureKind(error: unknown): 'invalid' | 'notFound' | 'conflict' | 'other' {
  const status = statusOf(error);
  if (status === 400 && (problemOf(error)?.errors?.length ?? 0) > 0) {
    return 'invalid';
  }
  return status === 404 ? 'notFound' : status === 409 ? 'conflict' : 'other';
}

/** The code at the end of a problem type (`urn:casustafel:problem:registration.not_draft`). */
export function problemCode(error: unknown): string {
  return (problemOf(error)?.type ?? '').split(':').pop() ?? '';
}

/** The alert for a failure the page has no specific words for, with the helpdesk reference. */
export function genericFailure(error: unknown): Notice {
  return { type: 'error', key: 'cases.errors.generic', correlationId: correlationIdOf(error) };
}
