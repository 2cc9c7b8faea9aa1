import type { ExtractState } from '@casustafel/shared/contracts';
import { correlationIdOf, problemOf, statusOf } from '@casustafel/web/auth/data-access';
import type { Notice } from './extract-notice';
import { type BadgeTone } from '@casustafel/web/shared/ui';

/** What the badge says: the state, or "Verlopen" for an issued extract past its expiry date. */
export type ShownState = ExtractState | 'EXPIRED';

export function shownState(extract: { state: ExtractState; expired: boolean }): ShownState {
  return extract.state === 'VERSTREKT' && extract.expired ? 'EXPIRED' : extract.state;
}

const TONES: Record<ShownState, BadgeTone> = {
  CONCEPT: 'neutral',
  TER_GOEDKEURING: 'attention',
  VERSTREKT: 'positive',
  INGETROKKEN: 'danger',
  VERVANGEN: 'neutral',
  AFGEWEZEN: 'danger',
  EXPIRED: 'neutral',
};

export const stateTone = (state: ShownState): BadgeTone => TONES[state] ?? 'neutral';

/** Today in the Netherlands as `YYYY-MM-DD` (the expiry date must come after it). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Translation key of a field problem the API reports (its English text is never shown). */
export function fieldErrorKey(code: string): string {
  switch (code) {
    case 'isNotBlank':
    case 'isNotEmpty':
    case 'required':
      return 'extracts.fieldErrors.required';
    case 'referenceRequired':
    case 'legalReferenceRequired':
      return 'extracts.fieldErrors.referenceRequired';
    case 'reasonRequired':
      return 'extracts.fieldErrors.reasonRequired';
    case 'isLength':
    case 'maxLength':
      return 'extracts.fieldErrors.maxLength';
    case 'isIsoDate':
    case 'isDateString':
      return 'extracts.fieldErrors.isIsoDate';
    case 'inThePast':
    case 'notInFuture':
    case 'notInTheFuture':
    case 'notAfterToday':
      return 'extracts.fieldErrors.notInTheFuture';
    case 'arrayMinSize':
    case 'nothingChosen':
    case 'nothingToShare':
      return 'extracts.fieldErrors.nothingChosen';
    case 'notAllowed':
    case 'notForRecipient':
    case 'notVisible':
    case 'unknownItem':
    case 'notInCase':
      return 'extracts.fieldErrors.notAllowed';
    case 'modeNotAllowed':
    case 'onlySummary':
      return 'extracts.fieldErrors.modeNotAllowed';
    case 'embargoed':
    case 'embargoNotAllowed':
      return 'extracts.fieldErrors.embargoed';
    case 'isIn':
    case 'isEnum':
    case 'isUuid':
    case 'unknownOrganisation':
    case 'self':
      return 'extracts.fieldErrors.choose';
    case 'duplicate':
      return 'extracts.fieldErrors.duplicate';
    case 'notReplaceable':
      return 'extracts.fieldErrors.notReplaceable';
    default:
      return 'extracts.fieldErrors.invalid';
  }
}

/**
 * Field problems of a 400 as translation keys per field, the first one per field winning. An
 * item's problem (`items[3].itemId`, `items[3].mode`) is filed under `items[3]`, so the form can show
 * it at the item it sent in that place.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const problem of problemOf(error)?.errors ?? []) {
    const item = /^items\[(\d+)\]/.exec(problem.field);
    const field = item ? `items[${item[1]}]` : problem.field;
    fields[field] ??= fieldErrorKey(problem.code);
  }
  return fields;
}

/** 409s that say something else than "changed by someone else" (the problem type's code). */
const CONFLICT_KEYS: Record<string, string> = {
  'extract.four_eyes': 'extracts.errors.fourEyes',
  'extract.state': 'extracts.errors.state',
  'extract.item_unavailable': 'extracts.errors.itemUnavailable',
  'extract.no_longer_allowed': 'extracts.errors.noLongerAllowed',
};

/** The notice for a failed extract call: not found, gone, stale, a refusal, invalid, or generic. */
export function extractFailure(error: unknown): Notice {
  switch (statusOf(error)) {
    case 404:
      return { type: 'error', key: 'extracts.errors.notFound' };
    case 410:
      return { type: 'error', key: 'extracts.errors.gone' };
    case 409: {
      const code = (problemOf(error)?.type ?? '').replace(/^urn:casustafel:problem:/, '');
      const key = CONFLICT_KEYS[code];
      return key ? { type: 'error', key } : { type: 'error', key: 'extracts.errors.stale', reload: true };
    }
    case 403:
      return { type: 'error', key: 'extracts.errors.fourEyes' };
    case 400:
      return { type: 'error', key: 'extracts.errors.invalid', details: ['extracts.fieldErrors.invalid'] };
    case 500:
    case 502:
    case 503:
      return {
        type: 'error',
        key: 'extracts.errors.generic',
        correlationId: correlationIdOf(error),
      };
    default:
      return { type: 'error', key: 'extracts.errors.generic', correlationId: correlationIdOf(error) };
  }
}
