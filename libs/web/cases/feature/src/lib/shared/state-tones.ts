import type { CaseState, RegistrationState } from '@casustafel/shared/contracts';
import type { BadgeTone } from '@casustafel/web/shared/ui';

const CASE_TONES: Record<CaseState, BadgeTone> = {
  INFORMATIEVERZAMELING: 'info',
  GEAGENDEERD: 'info',
  IN_UITVOERING: 'positive',
  MONITORING: 'positive',
  OPGESCHAALD: 'attention',
  AFGESCHAALD: 'neutral',
  AFGESLOTEN: 'neutral',
  VERNIETIGD: 'neutral',
};

const REGISTRATION_TONES: Record<RegistrationState, BadgeTone> = {
  CONCEPT: 'neutral',
  AANGEMELD: 'info',
  IN_TRIAGE: 'info',
  CASE_CREATED: 'positive',
  BILATERAAL: 'attention',
  DOORVERWEZEN_LOKAAL: 'attention',
  AFGEWEZEN_MET_ADVIES: 'attention',
};

export const caseStateTone = (state: CaseState): BadgeTone => CASE_TONES[state] ?? 'neutral';
export const registrationStateTone = (state: RegistrationState): BadgeTone =>
  REGISTRATION_TONES[state] ?? 'neutral';
