import { correlationIdOf, problemOf, statusOf } from '@casustafel/web/auth/data-access';
import type { Notice } from './admin-notice';

/** Codes of field problems the API reports and the interface explains in words of its own. */
const KNOWN_CODES = new Set([
  'isEmail',
  'isLength',
  'maxLength',
  'isIn',
  'isUuid',
  'isIsoDate',
  'untilBeforeSince',
  'unknownOrganisation',
  'tableNotAdministered',
  'duplicateRole',
  'isNotBlank',
  'arrayMinSize',
  'unknownTable',
]);

/** Translation key of the message for a field problem; the API's English text is never shown. */
export function fieldErrorKey(code: string): string {
  return KNOWN_CODES.has(code) ? `admin.fieldErrors.${code}` : 'admin.fieldErrors.invalid';
}

export interface FieldErrorSplit {
  /** Translation key per form field, at most one each. */
  fields: Record<string, string>;
  /** Problems of fields the form does not show, for the alert. */
  other: string[];
}

/**
 * Assigns every field problem of a 400 to the form field `fieldOf` names (the API's field path,
 * e.g. `roles[1].tableId`, may map to a group); problems without a field go to the alert.
 * `keyOf` gives the message of a problem at a form field, when a page has words of its own for it.
 */
export function splitFieldErrors(
  error: unknown,
  fieldOf: (field: string) => string | null,
  keyOf: (code: string, field: string) => string = fieldErrorKey,
): FieldErrorSplit {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problemOf(error)?.errors ?? []) {
    const target = fieldOf(problem.field);
    const key = target === null ? fieldErrorKey(problem.code) : keyOf(problem.code, target);
    if (target === null) {
      other.push(key);
    } else if (!(target in fields)) {
      fields[target] = key;
    }
  }
  return { fields, other: [...new Set(other)] };
}

/** A 409 because a name or e-mail address is taken (the other 409s are stale versions). */
export function isDuplicate(error: unknown): boolean {
  return statusOf(error) === 409 && /\.(name|email)_taken$/.test(problemOf(error)?.type ?? '');
}

/** The alert for a failure the page has no specific words for, with the helpdesk code. */
export function genericFailure(error: unknown): Notice {
  return { type: 'error', key: 'admin.errors.generic', correlationId: correlationIdOf(error) };
}

/** 400 with field problems, 404, 409 or anything else. */
export function failureKind(error: unknown): 'invalid' | 'notFound' | 'conflict' | 'other' {
  const status = statusOf(error);
  if (status === 400 && (problemOf(error)?.errors?.length ?? 0) > 0) {
    return 'invalid';
  }
  return status === 404 ? 'notFound' : status === 409 ? 'conflict' : 'other';
}
