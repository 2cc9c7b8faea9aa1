import type { MembershipStatus, PartnerType, TableRole, TableTheme } from './identity';

/**
 * Data categories of DOMAIN.md b.4: every case item, and every field group of a case, has one.
 * What an organisation sees of it is decided by the table's visibility matrix, disclosures,
 * authorship and the embargo whitelist (one access policy, enforced twice).
 */
export const DATA_CATEGORIES = [
  'C1', // Identificatie: name, date of birth, address, contact
  'C1B', // BSN
  'C2', // Casuskern: reason, question, concerns, goal, summary
  'C3', // Plan & acties
  'C4', // Zorg/gezondheid (AVG art. 9)
  'C5', // Politiegegevens (Wpg)
  'C6', // Strafvorderlijke/justitiële gegevens (Wjsg)
  'C7', // Opsporingsgevoelig (embargo)
  'C8', // Verblijfsrecht (B8, IND)
  'C9', // Veiligheid slachtoffer (opvangadres, veiligheidsplan)
  'C10', // Jeugd/kinderbescherming
  'C11', // Bestuurlijk/handhaving
  'C12', // Financiën/schulden/inkomen
  'C13', // Signaallijst mensenhandel
  'C14', // Geaggregeerde statistiek
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * A cell of the visibility matrix. OWN: only what the organisation supplied itself, nothing of
 * others. Whatever the cell says, an organisation always sees its own items in full.
 */
export const VISIBILITY_LEVELS = ['FULL', 'SUMMARY', 'OWN', 'NONE'] as const;
export type VisibilityLevel = (typeof VISIBILITY_LEVELS)[number];

/** What one actor sees of one item: the content, a summary flag, or nothing at all. */
export type ItemVisibility = 'FULL' | 'SUMMARY' | 'NONE';

/**
 * NORMAAL follows the matrix. GEVOELIG: the matrix can give at most a summary; the content needs
 * a disclosure (or authorship). EMBARGO: invisible — not even summarised — outside the author and
 * the table's embargo whitelist (running investigation).
 */
export const SENSITIVITIES = ['NORMAAL', 'GEVOELIG', 'EMBARGO'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Legal grounds a disclosure (or an item) can cite. OTHER needs a written reference. */
export const LEGAL_GROUNDS = [
  'AVG_6_1_C',
  'AVG_6_1_E',
  'AVG_9_2',
  'WGS',
  'WPG',
  'WJSG_AANWIJZING',
  'BEROEPSGEHEIM_TOESTEMMING',
  'CONFLICT_VAN_PLICHTEN',
  'JEUGDWET',
  'WMO',
  'OTHER',
] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

export interface VisibilityRule {
  category: DataCategory;
  partnerType: PartnerType;
  level: VisibilityLevel;
}

export interface VisibilityMatrixDto {
  tableId: string;
  /** Increases with every change; old versions stay (history). */
  version: number;
  rules: VisibilityRule[];
  /** Partner types that may see embargoed items (default police, OM, NLA/KMar). */
  embargoPartnerTypes: PartnerType[];
  /** A second manager approves every need-to-know extract before it goes out (issue 7; default true). */
  extractFourEyes?: boolean;
  changedAt: string;
  changedBy: string | null;
  reason: string;
}

export interface VisibilityMatrixHistoryEntry {
  version: number;
  changedAt: string;
  changedBy: string | null;
  reason: string;
  changes: number;
}

export interface PutVisibilityMatrixRequest {
  /** The version being replaced; a stale one gets 409. */
  version: number;
  rules: VisibilityRule[];
  embargoPartnerTypes: PartnerType[];
  reason: string;
  /** Four eyes for need-to-know extracts (issue 7); left out: unchanged. Not versioned with the matrix. */
  extractFourEyes?: boolean;
}

/** Landelijk kader: the four intake criteria and a motivation. */
export interface IntakeCriteria {
  multipleDomains: boolean;
  crossChain: boolean;
  systemAffected: boolean;
  localSafetyProblem: boolean;
  motivation: string;
}

export const EXPLOITATION_FORMS = ['SEKSUEEL', 'ARBEID', 'CRIMINEEL', 'ORGAANVERWIJDERING'] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/** A configurable signal list per exploitation form (per table). Ticks are evidence, not a score. */
export interface SignalDefinition {
  id: string;
  form: ExploitationForm;
  label: string;
}

export interface SignalAnswer {
  signalId: string;
  note?: string;
}

export interface CaseTableDto {
  id: string;
  name: string;
  theme: TableTheme;
  description: string;
  reReferralWindowMonths: number;
  signals: SignalDefinition[];
  myRoles: TableRole[];
}

export const PERSON_ROLES = [
  'SLACHTOFFER',
  'VERDACHTE',
  'GEZINSLID',
  'PARTNER',
  'KIND',
  'GETUIGE',
  'OVERIG',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface PersonInput {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string | null;
  /** Nine digits, passing the elfproef; stored encrypted, matched by keyed hash. */
  bsn?: string | null;
  address?: string | null;
  role: PersonRole;
}

/** A person as the actor may see them: identification only with C1 (BSN only with C1B). */
export interface PersonDto {
  id: string;
  role: PersonRole;
  visibility: ItemVisibility;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string | null;
  address?: string | null;
  /** Masked unless C1B is visible in full: "*****1234". */
  bsn?: string | null;
}

/** "Known elsewhere" hint: never any content, never a case id. */
export interface PersonIndexHit {
  personRef: string;
  tableName: string;
  procesregisseur: string | null;
  since: string;
  /**
   * Set when that case was closed within the table's re-referral window: this is a re-referral
   * (heraanmelding), which the ZVH counts and weighs in triage.
   */
  closedAt: string | null;
}

export const REGISTRATION_STATES = [
  'CONCEPT',
  'AANGEMELD',
  'IN_TRIAGE',
  'AFGEWEZEN_MET_ADVIES',
  'BILATERAAL',
  'DOORVERWEZEN_LOKAAL',
  'CASE_CREATED',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export interface ProposedParticipant {
  organisationId: string;
  contact?: string;
}

export interface RegistrationInput {
  tableId: string;
  reason: string;
  goal: string;
  /** "Vooraf besproken met betrokkene"; when false, `notDiscussedReason` is required. */
  discussedWithPerson: boolean;
  notDiscussedReason?: string | null;
  criteria: IntakeCriteria;
  signals: SignalAnswer[];
  persons: PersonInput[];
  proposedParticipants: ProposedParticipant[];
}

export interface CreateRegistrationRequest extends RegistrationInput {
  /** Submit at once (AANGEMELD) instead of keeping a draft. */
  submit: boolean;
}

export interface UpdateRegistrationRequest extends RegistrationInput {
  version: number;
  submit: boolean;
}

export const TRIAGE_OUTCOMES = ['ZVH_TABLE', 'BILATERAAL', 'LOKAAL', 'AFGEWEZEN'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export interface TriageDecisionRequest {
  outcome: TriageOutcome;
  /** Advice or referral text for the registering organisation. */
  advice: string;
  /** For LOKAAL: the local table or partner referred to. */
  referral?: string | null;
  version: number;
}

export interface RegistrationDto {
  id: string;
  number: string;
  tableId: string;
  tableName: string;
  state: RegistrationState;
  registeringOrganisation: { id: string; name: string };
  registeredBy: string;
  submittedAt: string | null;
  reason: string;
  goal: string;
  discussedWithPerson: boolean;
  notDiscussedReason: string | null;
  criteria: IntakeCriteria;
  signals: SignalAnswer[];
  persons: PersonDto[];
  proposedParticipants: Array<ProposedParticipant & { organisationName: string }>;
  triage: {
    outcome: TriageOutcome;
    advice: string;
    referral: string | null;
    decidedAt: string;
    decidedBy: string;
    caseId: string | null;
  } | null;
  /** Persons of this registration known in other active cases (only for triagist / procesregisseur). */
  knownElsewhere: PersonIndexHit[];
  version: number;
}

export const CASE_STATES = [
  'INFORMATIEVERZAMELING',
  'GEAGENDEERD',
  'IN_UITVOERING',
  'MONITORING',
  'OPGESCHAALD',
  'AFGESCHAALD',
  'AFGESLOTEN',
  'VERNIETIGD',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_TRANSITIONS = [
  'AGENDEREN',
  'PLAN_VASTSTELLEN',
  'MONITOREN',
  'HERVATTEN',
  'OPSCHALEN',
  'TERUGSCHALEN',
  'AFSCHALEN',
  'AFSLUITEN',
  'HEROPENEN',
] as const;
export type CaseTransition = (typeof CASE_TRANSITIONS)[number];

/** The state machine of DOMAIN.md b.2: from which states each transition may start, and where it ends. */
export const CASE_STATE_MACHINE: Readonly<
  Record<CaseTransition, { from: readonly CaseState[]; to: CaseState }>
> = {
  AGENDEREN: { from: ['INFORMATIEVERZAMELING'], to: 'GEAGENDEERD' },
  PLAN_VASTSTELLEN: { from: ['GEAGENDEERD'], to: 'IN_UITVOERING' },
  MONITOREN: { from: ['IN_UITVOERING'], to: 'MONITORING' },
  HERVATTEN: { from: ['MONITORING'], to: 'IN_UITVOERING' },
  OPSCHALEN: { from: ['IN_UITVOERING', 'MONITORING'], to: 'OPGESCHAALD' },
  TERUGSCHALEN: { from: ['OPGESCHAALD'], to: 'IN_UITVOERING' },
  AFSCHALEN: { from: ['IN_UITVOERING', 'MONITORING'], to: 'AFGESCHAALD' },
  AFSLUITEN: { from: ['AFGESCHAALD'], to: 'AFGESLOTEN' },
  HEROPENEN: { from: ['AFGESLOTEN'], to: 'INFORMATIEVERZAMELING' },
};

export interface CaseTransitionRequest {
  transition: CaseTransition;
  /** Why (required for OPSCHALEN, AFSCHALEN, AFSLUITEN, HEROPENEN; the chair's decision for PLAN_VASTSTELLEN). */
  reason: string;
  /** AFSCHALEN: who takes over (organisation or local table). */
  handoverTo?: string | null;
  /** AFSCHALEN: what data goes with the handover. */
  handoverData?: string | null;
  version: number;
}

export interface OrganisationRef {
  id: string;
  name: string;
  partnerType: PartnerType;
}

/** An organisation with a covenant status at a table: the choices in registration and case forms. */
export interface TableOrganisation extends OrganisationRef {
  membership: MembershipStatus;
}

export const PARTICIPATION_BASES = ['MEMBER', 'GUEST'] as const;
export type ParticipationBasis = (typeof PARTICIPATION_BASES)[number];

export interface CaseParticipantDto {
  organisation: OrganisationRef;
  basis: ParticipationBasis;
  since: string;
}

export interface CaseSummaryDto {
  id: string;
  number: string;
  tableId: string;
  tableName: string;
  state: CaseState;
  openedAt: string;
  updatedAt: string;
  procesregisseur: string | null;
  /** Names only where the actor may see identification (C1); otherwise a role only. */
  persons: Array<{ role: PersonRole; name: string | null }>;
  embargo: boolean;
}

export interface CaseListResponse {
  items: CaseSummaryDto[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The summary flag a partner sees instead of an item it may not read (issue 4 §6): what kind of
 * involvement there is, never what. One per category, so it reveals no more than the category.
 * The UI translates the code ("zorgpartner betrokken", "strafrechtelijk traject loopt").
 */
export const CATEGORY_SUMMARIES = {
  C1: 'IDENTIFICATIE_BEKEND',
  C1B: 'BSN_BEKEND',
  C2: 'CASUS_BESCHREVEN',
  C3: 'PLAN_VAN_AANPAK',
  C4: 'ZORGPARTNER_BETROKKEN',
  C5: 'POLITIE_BETROKKEN',
  C6: 'STRAFRECHTELIJK_TRAJECT',
  C7: 'OPSPORINGSINFORMATIE',
  C8: 'VERBLIJFSRECHTELIJK_TRAJECT',
  C9: 'VEILIGHEIDSMAATREGELEN',
  C10: 'JEUGDBESCHERMING_BETROKKEN',
  C11: 'BESTUURLIJK_TRAJECT',
  C12: 'FINANCIELE_PROBLEMATIEK',
  C13: 'SIGNALEN_GEREGISTREERD',
  C14: 'STATISTIEK',
} as const satisfies Record<DataCategory, string>;
export type CategorySummary = (typeof CATEGORY_SUMMARIES)[DataCategory];

/** A case item as one actor sees it. SUMMARY carries no content: only who, when and what kind. */
export type CaseItemDto =
  | {
      visibility: 'FULL';
      id: string;
      category: DataCategory;
      sensitivity: Sensitivity;
      title: string;
      body: string;
      legalGround: LegalGround | null;
      authorOrganisation: OrganisationRef;
      author: string;
      createdAt: string;
      attachments: AttachmentDto[];
      /**
       * Why this actor sees it: own item, the matrix, a disclosure, the embargo whitelist, or a
       * break-glass opening of this user (noodknop; then `breakGlass` says until when).
       */
      grantedBy: 'OWN' | 'MATRIX' | 'DISCLOSURE' | 'EMBARGO_WHITELIST' | 'BREAK_GLASS';
      breakGlass: { id: string; expiresAt: string } | null;
      version: number;
    }
  | {
      visibility: 'SUMMARY';
      id: string;
      category: DataCategory;
      summary: CategorySummary;
      authorOrganisation: OrganisationRef;
      createdAt: string;
    };

export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface CreateCaseItemRequest {
  category: DataCategory;
  sensitivity: Sensitivity;
  title: string;
  body: string;
  legalGround?: LegalGround | null;
  informationRequestId?: string | null;
}

/** Only the author organisation edits an item; `version` guards against a concurrent edit (409). */
export interface UpdateCaseItemRequest {
  category: DataCategory;
  sensitivity: Sensitivity;
  title: string;
  body: string;
  legalGround?: LegalGround | null;
  version: number;
}

export const ALLOWED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const DISCLOSURE_STATES = ['PROPOSED', 'APPROVED', 'REJECTED', 'REVOKED'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

export interface DisclosureDto {
  id: string;
  from: OrganisationRef;
  to: OrganisationRef;
  itemIds: string[];
  categories: DataCategory[];
  purpose: string;
  legalGround: LegalGround;
  legalReference: string;
  state: DisclosureState;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  revokedAt: string | null;
}

export interface CreateDisclosureRequest {
  toOrganisationId: string;
  itemIds: string[];
  categories: DataCategory[];
  purpose: string;
  legalGround: LegalGround;
  legalReference: string;
  /**
   * A recorded consent (of this case, not withdrawn, of a sharing kind) whose scope covers the
   * recipient and every category shared. While it stands the disclosure grants; once withdrawn, not.
   */
  consentId?: string | null;
}

export const INFORMATION_REQUEST_STATES = ['OPEN', 'ANSWERED', 'DECLINED'] as const;
export type InformationRequestState = (typeof INFORMATION_REQUEST_STATES)[number];

export interface InformationRequestDto {
  id: string;
  to: OrganisationRef;
  question: string;
  categories: DataCategory[];
  dueAt: string;
  state: InformationRequestState;
  overdue: boolean;
  requestedBy: string;
  requestedAt: string;
  answeredAt: string | null;
  declineReason: string | null;
  answerItemIds: string[];
}

/**
 * One information request on the dashboard ("mijn bevragingen"): SENT are the requests of the cases
 * the user manages, RECEIVED those addressed to the user's organisation. No case content, no
 * question text: the number links to the case, where the policy decides what is shown.
 */
export interface InformationRequestOverviewDto {
  id: string;
  direction: 'SENT' | 'RECEIVED';
  caseId: string;
  caseNumber: string;
  tableName: string;
  to: OrganisationRef;
  categories: DataCategory[];
  dueAt: string;
  state: InformationRequestState;
  overdue: boolean;
}

export interface CreateInformationRequestRequest {
  toOrganisationId: string;
  question: string;
  categories: DataCategory[];
  /** YYYY-MM-DD */
  dueAt: string;
}

export interface DeclineInformationRequestRequest {
  reason: string;
}

export const VICTIM_STATUSES = ['SIGNAAL', 'MOGELIJK_SLACHTOFFER', 'GEIDENTIFICEERD'] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];
export const COMENSHA_DOSSIER_TYPES = [
  'REGISTRATIE',
  'REGISTRATIE_OPVANG',
  'REGISTRATIE_INFO_ADVIES',
] as const;
export type ComenshaDossierType = (typeof COMENSHA_DOSSIER_TYPES)[number];
export const AANGIFTE_OPTIONS = ['JA', 'NEE', 'ANDERE_MEDEWERKING', 'NIET_MOGELIJK'] as const;
export type Aangifte = (typeof AANGIFTE_OPTIONS)[number];
export const PERMIT_STATUSES = [
  'GEEN',
  'AANGEVRAAGD',
  'VERLEEND',
  'BEEINDIGD',
  'NIET_TIJDELIJK_HUMANITAIR',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export const SHELTER_TYPES = ['COSM', 'OMM', 'VO', 'MO', 'ANDERS'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/**
 * The mensenhandel panel. Each part has its data category: exploitation and CoMensha (C2), B8 and
 * residence (C8), shelter placement (C9: the address only for the zorgcoördinator and the shelter
 * organisation). A part the actor may not see in full comes as `{ visibility: 'SUMMARY' }` or is absent.
 */
export interface MensenhandelDto {
  exploitation?:
    | {
        visibility: 'FULL';
        forms: ExploitationForm[];
        victimStatus: VictimStatus | null;
        comensha: {
          reported: boolean;
          reportedAt: string | null;
          reference: string | null;
          dossierType: ComenshaDossierType | null;
        };
      }
    | { visibility: 'SUMMARY' };
  b8?:
    | {
        visibility: 'FULL';
        offeredAt: string | null;
        acceptedAt: string | null;
        /** acceptedAt + 3 months. */
        endsAt: string | null;
        /** Within two weeks of the end and not past it. */
        endingSoon: boolean;
        aangifte: Aangifte | null;
        permitStatus: PermitStatus | null;
      }
    | { visibility: 'SUMMARY' };
  shelter?:
    | {
        visibility: 'FULL';
        type: ShelterType;
        placedAt: string | null;
        placedVia: 'COMENSHA' | 'ZORGCOORDINATOR' | null;
        shelterOrganisation: OrganisationRef | null;
        address: string | null;
      }
    | { visibility: 'SUMMARY' };
  version: number;
}

/** The parts of the mensenhandel panel are changed separately: each has its own data category. */
export interface PutExploitationRequest {
  forms: ExploitationForm[];
  victimStatus: VictimStatus | null;
  comensha: {
    reported: boolean;
    reportedAt: string | null;
    reference: string | null;
    dossierType: ComenshaDossierType | null;
  };
  version: number;
}

export interface PutB8Request {
  /** YYYY-MM-DD */
  offeredAt: string | null;
  acceptedAt: string | null;
  aangifte: Aangifte | null;
  permitStatus: PermitStatus | null;
  version: number;
}

export interface PutShelterRequest {
  type: ShelterType;
  placedAt: string | null;
  placedVia: 'COMENSHA' | 'ZORGCOORDINATOR' | null;
  shelterOrganisationId: string | null;
  address: string | null;
  version: number;
}

export interface CaseDetailDto {
  id: string;
  number: string;
  table: { id: string; name: string; theme: TableTheme };
  state: CaseState;
  openedAt: string;
  closedAt: string | null;
  retentionUntil: string | null;
  embargo: boolean;
  responsibleOrganisation: OrganisationRef;
  procesregisseur: string | null;
  casusregisseur: { id: string; name: string } | null;
  /** Casuskern (C2): what the case is about. Absent when C2 is not visible in full. */
  core: { reason: string; goal: string } | null;
  participants: CaseParticipantDto[];
  persons: PersonDto[];
  items: CaseItemDto[];
  /** Present on mensenhandel tables. */
  mensenhandel: MensenhandelDto | null;
  disclosures: DisclosureDto[];
  informationRequests: InformationRequestDto[];
  /** Transitions this actor may start now. */
  transitions: CaseTransition[];
  /** Persons of this case known in other active cases: for the procesregisseur and chair only. */
  knownElsewhere: PersonIndexHit[];
  /** What this actor may do here. */
  can: {
    addItems: boolean;
    manageParticipants: boolean;
    proposeDisclosure: boolean;
    approveDisclosure: boolean;
    requestInformation: boolean;
    editMensenhandel: boolean;
    /** Open a summarised item with a reason (noodknop): the procesregisseur of an open case. */
    breakGlass: boolean;
  };
  version: number;
}

/** The casuskern and the case roles, changed by the procesregisseur (or the chair). */
export interface UpdateCaseRequest {
  reason: string;
  goal: string;
  /** A user of a participating organisation, or null. */
  casusregisseurId: string | null;
  version: number;
}

export interface AddParticipantRequest {
  organisationId: string;
  basis: ParticipationBasis;
}
