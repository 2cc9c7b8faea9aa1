import type { DataCategory, LegalGround, OrganisationRef, Sensitivity } from './cases';

/**
 * Need-to-know extracts (uittreksels, DOMAIN.md b.1 Extract, scenario 7, issue 7): a purpose-bound,
 * recipient-specific selection of a case's items, approved (four eyes where the table says so),
 * generated once as a PDF and a JSON document with their SHA-256, and recorded as a disclosure
 * (verstrekking) that grants no standing access. ADR 0024.
 */

/**
 * CONCEPT: being composed. TER_GOEDKEURING: waiting for a second person. VERSTREKT: generated and
 * available to the recipient. INGETROKKEN: recalled (downloads stop). VERVANGEN: superseded by a
 * newer version. AFGEWEZEN: the approver refused it. Expiry is derived from `expiresAt`.
 */
export const EXTRACT_STATES = [
  'CONCEPT',
  'TER_GOEDKEURING',
  'VERSTREKT',
  'INGETROKKEN',
  'VERVANGEN',
  'AFGEWEZEN',
] as const;
export type ExtractState = (typeof EXTRACT_STATES)[number];

/** How one item goes into the extract: its content, or only that there is something of its category. */
export const EXTRACT_ITEM_MODES = ['FULL', 'CATEGORY_SUMMARY'] as const;
export type ExtractItemMode = (typeof EXTRACT_ITEM_MODES)[number];

/** An item the composer may put in an extract for a recipient, with what the recipient may receive of it. */
export interface ExtractCandidateDto {
  itemId: string;
  title: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  authorOrganisation: OrganisationRef;
  createdAt: string;
  /** FULL: the content may go; CATEGORY_SUMMARY: only a summary of its category. */
  allowed: ExtractItemMode;
}

export interface ExtractCandidatesDto {
  recipient: OrganisationRef;
  candidates: ExtractCandidateDto[];
  /** The table requires a second person to approve. */
  fourEyes: boolean;
}

export interface CreateExtractRequest {
  recipientOrganisationId: string;
  purpose: string;
  legalGround: LegalGround;
  /** Required when legalGround is OTHER. */
  legalReference?: string;
  /** YYYY-MM-DD, after today. */
  expiresOn?: string | null;
  items: Array<{ itemId: string; mode: ExtractItemMode }>;
  /** The extract this one replaces (a new version); it becomes VERVANGEN when this one is issued. */
  supersedesExtractId?: string | null;
}

export interface ExtractDecisionRequest {
  approve: boolean;
  /** Required when refusing. */
  reason?: string;
  version: number;
}

export interface RecallExtractRequest {
  reason: string;
  version: number;
}

export interface ExtractItemDto {
  itemId: string;
  mode: ExtractItemMode;
  category: DataCategory;
  /** Shown to the composer's side; the recipient reads the content in the documents. */
  title: string | null;
}

/** An extract as its case's managers see it. */
export interface ExtractDto {
  id: string;
  number: string;
  caseId: string;
  caseNumber: string;
  recipient: OrganisationRef;
  purpose: string;
  legalGround: LegalGround;
  legalReference: string;
  state: ExtractState;
  expiresOn: string | null;
  expired: boolean;
  items: ExtractItemDto[];
  composedBy: string;
  composedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  issuedAt: string | null;
  recalledAt: string | null;
  recallReason: string | null;
  /** Id of the extract this one replaces. */
  supersedes: string | null;
  /** Its number (added by i7-x-api). */
  supersedesNumber?: string | null;
  /** Id of the issued extract that replaced this one. */
  supersededBy: string | null;
  /** Its number (added by i7-x-api). */
  supersededByNumber?: string | null;
  pdfSha256: string | null;
  jsonSha256: string | null;
  version: number;
  can: { decide: boolean; recall: boolean; supersede: boolean; download: boolean };
}

/** An extract as the recipient organisation sees it: never the case itself. */
export interface ReceivedExtractDto {
  id: string;
  number: string;
  from: OrganisationRef;
  purpose: string;
  legalGround: LegalGround;
  issuedAt: string;
  expiresOn: string | null;
  state: ExtractState;
  expired: boolean;
  recallReason: string | null;
  pdfSha256: string;
  jsonSha256: string;
  canDownload: boolean;
}
