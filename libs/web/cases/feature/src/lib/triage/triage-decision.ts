import type { TriageDecisionRequest, TriageOutcome } from '@casustafel/shared/contracts';

export interface TriageDecisionValue {
  outcome: TriageOutcome | '';
  advice: string;
  referral: string;
}

/**
 * What the triagist must still fill in, as the server requires it: an outcome; advice for every
 * outcome but "to the table" (the registrant must hear what to do instead); a referral for LOKAAL.
 */
export function checkDecision(value: TriageDecisionValue): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!value.outcome) {
    errors['outcome'] = 'cases.fieldErrors.choose';
    return errors;
  }
  if (value.outcome !== 'ZVH_TABLE' && value.advice.trim() === '') {
    errors['advice'] = 'cases.fieldErrors.adviceRequired';
  }
  if (value.outcome === 'LOKAAL' && value.referral.trim() === '') {
    errors['referral'] = 'cases.fieldErrors.referralRequired';
  }
  return errors;
}

/** The request: trimmed texts; a referral only for LOKAAL. */
export function toDecisionRequest(value: TriageDecisionValue, version: number): TriageDecisionRequest {
  return {
    outcome: value.outcome as TriageOutcome,
    advice: value.advice.trim(),
    referral: value.outcome === 'LOKAAL' ? value.referral.trim() : null,
    version,
  };
}
