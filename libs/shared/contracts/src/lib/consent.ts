import type { DataCategory, OrganisationRef } from './cases';

/**
 * The consent register (DOMAIN.md §2.3, b.1 ConsentRecord): consent or agreement is recorded as a
 * fact about the person's cooperation, with its scope (which organisations, which categories, for
 * what) and its evidence. Only a sharing consent can ground a disclosure; once withdrawn, it grounds
 * none any more — disclosures citing it lapse from the next request on.
 */
export const CONSENT_KINDS = [
  /** Toestemming gegevensdeling: the person agrees that data is shared. */
  'TOESTEMMING_GEGEVENSDELING',
  /** Instemming met de aanpak: agreement with the plan; not a ground for sharing data. */
  'INSTEMMING_AANPAK',
  /** Toestemming doorbreking beroepsgeheim: lifts the professional secrecy of a care partner. */
  'BEROEPSGEHEIM_DOORBREKING',
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The kinds a disclosure may cite. */
export const SHARING_CONSENT_KINDS: readonly ConsentKind[] = [
  'TOESTEMMING_GEGEVENSDELING',
  'BEROEPSGEHEIM_DOORBREKING',
];

export const CONSENT_GIVERS = ['BETROKKENE', 'WETTELIJK_VERTEGENWOORDIGER'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_FORMS = ['SCHRIFTELIJK', 'MONDELING'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** How the consent can be shown later. Free text about it belongs in the evidence item, not here. */
export const CONSENT_EVIDENCE_TYPES = ['FORMULIER_GETEKEND', 'GESPREKSVERSLAG', 'EMAIL', 'ANDERS'] as const;
export type ConsentEvidenceType = (typeof CONSENT_EVIDENCE_TYPES)[number];

export interface ConsentDto {
  id: string;
  /** A person of the case; the case detail says what the reader may see of them. */
  personId: string;
  kind: ConsentKind;
  scope: { organisations: OrganisationRef[]; categories: DataCategory[] };
  purpose: string;
  givenBy: ConsentGiver;
  form: ConsentForm;
  evidenceType: ConsentEvidenceType;
  /** A case item (for instance with the signed form attached). */
  evidenceItemId: string | null;
  /** YYYY-MM-DD */
  givenAt: string;
  recordedBy: string;
  recordedOrganisation: OrganisationRef;
  recordedAt: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalNote: string | null;
  /**
   * The disclosures that cite this consent, as far as the reader sees them (managers all; others
   * those from or to their organisation). Once the consent is withdrawn, they have lapsed.
   */
  disclosureIds: string[];
  /** Those who manage the case, and writers of the organisation that recorded it. */
  canWithdraw: boolean;
  version: number;
}

export interface CaseConsentsDto {
  consents: ConsentDto[];
  /** Those who manage the case, while it is open. */
  canRecord: boolean;
}

export interface CreateConsentRequest {
  personId: string;
  kind: ConsentKind;
  scopeOrganisationIds: string[];
  scopeCategories: DataCategory[];
  purpose: string;
  givenBy: ConsentGiver;
  form: ConsentForm;
  evidenceType: ConsentEvidenceType;
  evidenceItemId?: string | null;
  /** YYYY-MM-DD, not in the future. */
  givenAt: string;
}

/** Withdrawal takes effect now: the moment is the server's, never the client's. */
export interface WithdrawConsentRequest {
  note?: string | null;
  version: number;
}

/**
 * Informing the person (DOMAIN.md §2.5): informed; deferred with a reason and a date to look at it
 * again; or not informed on a legal exception. Every change is kept (history); the latest counts.
 */
export const INFORMING_STATUSES = ['INFORMED', 'DEFERRED', 'NOT_INFORMED'] as const;
export type InformingStatus = (typeof INFORMING_STATUSES)[number];

export const DEFERRAL_REASONS = [
  'LOPEND_ONDERZOEK',
  'VEILIGHEID_BETROKKENE',
  'VEILIGHEID_ANDEREN',
  'ANDERS',
] as const;
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

/** The legal exceptions to the duty to inform (AVG art. 23 as implemented in the UAVG). */
export const NOT_INFORMED_EXCEPTIONS = [
  'AVG_23_OPSPORING',
  'AVG_23_BESCHERMING_BETROKKENE',
  'AVG_23_RECHTEN_ANDEREN',
  'ANDERS',
] as const;
export type NotInformedException = (typeof NOT_INFORMED_EXCEPTIONS)[number];

export type InformingReasonCode = DeferralReason | NotInformedException;

/** Which reason codes go with which status (none for INFORMED). */
export const INFORMING_REASON_CODES: Readonly<Record<InformingStatus, readonly InformingReasonCode[]>> = {
  INFORMED: [],
  DEFERRED: DEFERRAL_REASONS,
  NOT_INFORMED: NOT_INFORMED_EXCEPTIONS,
};

export interface InformingEntryDto {
  id: string;
  status: InformingStatus;
  reasonCode: InformingReasonCode | null;
  reason: string | null;
  /** YYYY-MM-DD; only for DEFERRED. */
  reviewAt: string | null;
  setBy: string;
  setByOrganisation: OrganisationRef;
  setAt: string;
  /** 1 for the first status of the case, then +1 per change. */
  version: number;
}

export interface CaseInformingDto {
  /** The latest entry; null while nothing has been recorded. */
  current: InformingEntryDto | null;
  /** Every entry, newest first. */
  history: InformingEntryDto[];
  /** The version a change must name (0 while nothing has been recorded); a stale one answers 409. */
  version: number;
  /** DEFERRED and the review date is today or past. */
  reviewDue: boolean;
  /** Those who manage the case, while it is open. */
  canChange: boolean;
}

export interface PutInformingRequest {
  status: InformingStatus;
  /** Required for DEFERRED and NOT_INFORMED, from the list of that status. */
  reasonCode?: InformingReasonCode | null;
  /** Required when the reason code is ANDERS. */
  reason?: string | null;
  /** Required for DEFERRED (today or later); not for the others. */
  reviewAt?: string | null;
  version: number;
}

/** A deferral to look at again (the dashboard's reminder): codes and dates only, no text, no names. */
export interface InformingReviewDto {
  caseId: string;
  caseNumber: string;
  tableName: string;
  reasonCode: DeferralReason;
  reviewAt: string;
  /** The review date has passed (not just today). */
  overdue: boolean;
}
