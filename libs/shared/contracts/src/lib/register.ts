import type { DataCategory, LegalGround, PersonRole } from './cases';

/**
 * One version of a processing activity in the register (verwerkingsregister). A change never edits
 * a version: it ends it and registers the next one under a new identifier, which is what audit
 * records point to (`processing_activity_id`).
 */
export interface ProcessingActivityDto {
  /** The identifier of this version, e.g. `urn:casustafel:verwerking:<key>:v2`. */
  id: string;
  /** The activity across its versions. */
  activityKey: string;
  version: number;
  table: { id: string; name: string } | null;
  name: string;
  purpose: string;
  legalGrounds: LegalGround[];
  /** The (joint) controllers. */
  controllers: string;
  dataCategories: DataCategory[];
  subjectCategories: PersonRole[];
  retention: string;
  validFrom: string;
  /** Null for the version in force. */
  validUntil: string | null;
}

export interface ProcessingActivityRequest {
  name: string;
  purpose: string;
  legalGrounds: LegalGround[];
  controllers: string;
  dataCategories: DataCategory[];
  subjectCategories: PersonRole[];
  retention: string;
}

export interface CreateProcessingActivityRequest extends ProcessingActivityRequest {
  /** The case table the activity belongs to; none for a region-wide activity. */
  tableId: string | null;
}

export interface NewProcessingActivityVersionRequest extends ProcessingActivityRequest {
  /** The version the change is based on: a newer one in the meantime is a 409. */
  basedOn: string;
}
