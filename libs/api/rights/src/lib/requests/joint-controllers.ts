import { Injectable } from '@nestjs/common';
import { isValidBsn, PersonsService } from '@casustafel/api/cases';
import { RequestValidationError } from '@casustafel/api/platform';
import type { OrganisationRef, RightsSubjectInput } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

/** The keys a subject is matched by: the keyed BSN hash and the name-and-birth-date hash. */
export interface SubjectKeys {
  bsnHash: Buffer | null;
  matchHash: Buffer;
}

export interface ControllerTask {
  organisation: OrganisationRef;
  caseIds: string[];
  itemCount: number;
}

/** Who the request reaches: the matched persons (with their case) and one task per joint controller. */
export interface Reach {
  matches: Array<{ personId: string; caseId: string }>;
  personIds: string[];
  caseIds: string[];
  controllers: ControllerTask[];
}

/**
 * Finds a data subject in the cases of the contactpunt's region and the joint controllers that
 * hold data on them (BGS: a request to the contactpunt is a request to all of them). The
 * contactpunt takes part in no case, so two SECURITY DEFINER functions look across the cases; they
 * check the CONTACTPUNT role themselves and return ids and counts only. The BSN is never kept in
 * clear: only its keyed hash is compared, as the person index does.
 */
@Injectable()
export class JointControllers {
  constructor(private readonly persons: PersonsService) {}

  /** The matching keys; a BSN failing the elfproef is a 400 on `subject.bsn`. */
  keys(subject: RightsSubjectInput): SubjectKeys {
    const bsn = subject.bsn?.trim() || null;
    if (bsn && !isValidBsn(bsn)) {
      throw new RequestValidationError([
        { field: 'subject.bsn', code: 'invalidBsn', message: 'is not a valid BSN (elfproef)' },
      ]);
    }
    return {
      bsnHash: bsn ? this.persons.bsnHash(bsn) : null,
      matchHash: this.persons.matchHash(subject.givenName, subject.familyName, subject.dateOfBirth) as Buffer,
    };
  }

  /**
   * The persons matching the keys in the region's cases, and the joint controllers of those cases.
   * The contactpunt's own organisation (the ZVH) always gets a task: it runs the platform and keeps
   * the request itself.
   */
  async reach(em: EntityManager, keys: SubjectKeys, contactpuntOrganisationId: string): Promise<Reach> {
    const matches: Array<{ person_id: string; case_id: string }> = await em.query(
      'select person_id, case_id from cst_rights_match($1::bytea, $2::bytea)',
      [keys.bsnHash, keys.matchHash],
    );
    const caseIds = [...new Set(matches.map((m) => m.case_id))].sort();
    const held: Array<{ organisation_id: string; case_ids: string[]; item_count: number }> =
      caseIds.length === 0
        ? []
        : await em.query(
            'select organisation_id, case_ids, item_count from cst_rights_controllers($1::uuid[])',
            [caseIds],
          );
    const byOrganisation = new Map(held.map((h) => [h.organisation_id, h]));
    if (!byOrganisation.has(contactpuntOrganisationId)) {
      byOrganisation.set(contactpuntOrganisationId, {
        organisation_id: contactpuntOrganisationId,
        case_ids: [],
        item_count: 0,
      });
    }
    const organisations: OrganisationRef[] = await em.query(
      `select id, name, partner_type as "partnerType" from organisation where id = any($1::uuid[])
        order by name`,
      [[...byOrganisation.keys()]],
    );
    return {
      matches: matches.map((m) => ({ personId: m.person_id, caseId: m.case_id })),
      personIds: [...new Set(matches.map((m) => m.person_id))].sort(),
      caseIds,
      controllers: organisations.map((organisation) => {
        const h = byOrganisation.get(organisation.id);
        return {
          organisation,
          caseIds: [...(h?.case_ids ?? [])].sort(),
          itemCount: h?.item_count ?? 0,
        };
      }),
    };
  }
}
