import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  CaseConsentsDto,
  ConsentDto,
  ConsentEvidenceType,
  ConsentForm,
  ConsentGiver,
  ConsentKind,
  CreateConsentRequest,
  DataCategory,
  OrganisationRef,
  WithdrawConsentRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { assertOpenState, isOpenState, visibleCase } from '../case-lookup';
import { hasRoleAt, MANAGER_ROLES, WRITER_ROLES } from '../case-roles';

interface ConsentRow {
  id: string;
  person_id: string;
  kind: ConsentKind;
  scope_organisations: OrganisationRef[];
  scope_categories: DataCategory[];
  purpose: string;
  given_by: ConsentGiver;
  form: ConsentForm;
  evidence_type: ConsentEvidenceType;
  evidence_item_id: string | null;
  given_at: string;
  recorded_by: string;
  recorded_organisation: OrganisationRef;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
  disclosure_ids: string[];
  version: number;
}

/**
 * The consent register of a case (DOMAIN.md §2.3): those who manage the case record a consent or
 * an agreement of one of its persons, with its scope and evidence; it is withdrawn — now, never
 * backdated — by a manager or a writer of the organisation that recorded it. A withdrawn consent
 * grounds no disclosure: those that cite it lapse in the access policy (cst_access / decide()).
 * Everyone who sees the case reads the register; every read and change is audited (codes only).
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, caseId: string): Promise<CaseConsentsDto> {
    return this.tx.run(async (em) => {
      const c = await visibleCase(em, caseId);
      const manager = hasRoleAt(actor, c.table_id, ...MANAGER_ROLES);
      const writer = hasRoleAt(actor, c.table_id, ...WRITER_ROLES);
      const rows = await queryRows<ConsentRow>(
        em,
        `select k.id, k.person_id, k.kind, k.scope_categories, k.purpose, k.given_by, k.form, k.evidence_type,
                k.evidence_item_id, to_char(k.given_at, 'YYYY-MM-DD') as given_at, ru.display_name as recorded_by,
                jsonb_build_object('id', ro.id, 'name', ro.name, 'partnerType', ro.partner_type) as recorded_organisation,
                k.recorded_at, k.withdrawn_at, wu.display_name as withdrawn_by, k.withdrawal_note, k.version,
                coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type)
                                           order by o.name)
                          from organisation o where o.id = any(k.scope_organisation_ids)), '[]') as scope_organisations,
                array(select d.id from disclosure d
                      where d.consent_id = k.id and ($2 or d.from_organisation_id = $3 or d.to_organisation_id = $3)
                      order by d.proposed_at) as disclosure_ids
           from consent_record k
           join app_user ru on ru.id = k.recorded_by
           join organisation ro on ro.id = k.recorded_organisation_id
           left join app_user wu on wu.id = k.withdrawn_by
          where k.case_id = $1
          order by k.recorded_at, k.id`,
        [caseId, manager, actor.organisationId],
      );
      const consents = rows.map(
        (r): ConsentDto => ({
          id: r.id,
          personId: r.person_id,
          kind: r.kind,
          scope: { organisations: r.scope_organisations, categories: r.scope_categories },
          purpose: r.purpose,
          givenBy: r.given_by,
          form: r.form,
          evidenceType: r.evidence_type,
          evidenceItemId: r.evidence_item_id,
          givenAt: r.given_at,
          recordedBy: r.recorded_by,
          recordedOrganisation: r.recorded_organisation,
          recordedAt: r.recorded_at.toISOString(),
          status: r.withdrawn_at ? 'WITHDRAWN' : 'ACTIVE',
          withdrawnAt: r.withdrawn_at ? r.withdrawn_at.toISOString() : null,
          withdrawnBy: r.withdrawn_by,
          withdrawalNote: r.withdrawal_note,
          disclosureIds: r.disclosure_ids,
          canWithdraw:
            !r.withdrawn_at &&
            actor.permissions.has('cases.write') &&
            (manager || (writer && r.recorded_organisation.id === actor.organisationId)),
          version: r.version,
        }),
      );
      await this.audit.record(em, {
        action: 'consent.list',
        objectType: 'case',
        objectId: caseId,
        details: { returned: consents.map((k) => k.id) },
      });
      return {
        consents,
        canRecord: isOpenState(c.state) && manager && actor.permissions.has('cases.manage'),
      };
    });
  }

  record(actor: Actor, caseId: string, input: CreateConsentRequest): Promise<{ id: string }> {
    if (input.givenAt > this.clock.today()) {
      throw new RequestValidationError([
        { field: 'givenAt', code: 'inTheFuture', message: 'the consent cannot be given in the future' },
      ]);
    }
    return this.tx.run(async (em) => {
      const c = await visibleCase(em, caseId);
      if (!hasRoleAt(actor, c.table_id, ...MANAGER_ROLES)) {
        throw new NotFoundError('No such case.');
      }
      assertOpenState(c.state);
      await this.assertConsistent(em, actor, caseId, input);
      const id = randomUUID();
      await em.query(
        `insert into consent_record (id, case_id, person_id, kind, scope_organisation_ids, scope_categories, purpose,
           given_by, form, evidence_type, evidence_item_id, given_at, recorded_by, recorded_organisation_id, recorded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id,
          caseId,
          input.personId,
          input.kind,
          input.scopeOrganisationIds,
          input.scopeCategories,
          input.purpose.trim(),
          input.givenBy,
          input.form,
          input.evidenceType,
          input.evidenceItemId ?? null,
          input.givenAt,
          actor.userId,
          actor.organisationId,
          this.clock.now(),
        ],
      );
      await this.audit.record(em, {
        action: 'consent.record',
        objectType: 'consent',
        objectId: id,
        subjects: { persons: [input.personId] },
        details: {
          caseId,
          personId: input.personId,
          kind: input.kind,
          organisations: input.scopeOrganisationIds,
          categories: input.scopeCategories,
          givenBy: input.givenBy,
          form: input.form,
          evidenceType: input.evidenceType,
          evidenceItemId: input.evidenceItemId ?? null,
        },
      });
      return { id };
    });
  }

  /**
   * Withdraws a consent now. Allowed while the case exists, also when it is closed: a person may
   * withdraw consent at any time (AVG art. 7(3)), and the disclosures under it must lapse.
   */
  withdraw(actor: Actor, caseId: string, consentId: string, input: WithdrawConsentRequest): Promise<void> {
    return this.tx.run(async (em) => {
      // Locking needs the withdraw policy: a row the actor may not withdraw is not found.
      const rows = await queryRows<{
        table_id: string;
        kind: ConsentKind;
        recorded_organisation_id: string;
        withdrawn_at: Date | null;
        version: number;
        person_id: string;
      }>(
        em,
        `select c.table_id, k.kind, k.recorded_organisation_id, k.withdrawn_at, k.version, k.person_id
           from consent_record k join casus c on c.id = k.case_id
          where k.id = $1 and k.case_id = $2 and c.state <> 'VERNIETIGD'
          for update of k`,
        [consentId, caseId],
      );
      const k = rows[0];
      const mayWithdraw =
        k &&
        (hasRoleAt(actor, k.table_id, ...MANAGER_ROLES) ||
          (k.recorded_organisation_id === actor.organisationId &&
            hasRoleAt(actor, k.table_id, ...WRITER_ROLES)));
      if (!mayWithdraw) {
        throw new NotFoundError('No such consent.');
      }
      if (k.withdrawn_at) {
        throw new ConflictError('The consent has been withdrawn already.', 'consent.withdrawn');
      }
      if (k.version !== input.version) {
        throw new ConflictError('The consent was changed by someone else; reload and try again.');
      }
      await em.query(
        `update consent_record set withdrawn_at = $2, withdrawn_by = $3, withdrawal_note = $4, version = version + 1
          where id = $1`,
        [consentId, this.clock.now(), actor.userId, input.note?.trim() || null],
      );
      const lapsed = await queryRows<{ count: string }>(
        em,
        `select count(*) from disclosure where consent_id = $1 and state = 'APPROVED'`,
        [consentId],
      );
      await this.audit.record(em, {
        action: 'consent.withdraw',
        objectType: 'consent',
        objectId: consentId,
        subjects: { persons: [k.person_id] },
        details: { caseId, kind: k.kind, lapsedDisclosures: Number(lapsed[0].count) },
      });
    });
  }

  /** The person, the organisations and the evidence item must belong where the consent says. */
  private async assertConsistent(
    em: EntityManager,
    actor: Actor,
    caseId: string,
    input: CreateConsentRequest,
  ): Promise<void> {
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const person = await queryRows(em, 'select 1 from case_person where case_id = $1 and person_id = $2', [
      caseId,
      input.personId,
    ]);
    if (person.length === 0) {
      problems.push({ field: 'personId', code: 'notInCase', message: 'choose a person of this case' });
    }
    const known = new Set(
      (
        await queryRows<{ id: string }>(
          em,
          'select id from organisation where id = any($1::uuid[]) and region_id = $2',
          [input.scopeOrganisationIds, actor.regionId],
        )
      ).map((o) => o.id),
    );
    input.scopeOrganisationIds.forEach((id, index) => {
      if (!known.has(id)) {
        problems.push({
          field: `scopeOrganisationIds[${index}]`,
          code: 'unknownOrganisation',
          message: 'is not an organisation of your region',
        });
      }
    });
    if (input.evidenceItemId) {
      // Evidence the recorder can read in full, in this case.
      const item = await queryRows<{ visibility: string }>(
        em,
        `select cst_visibility(i.case_id, i.category, i.sensitivity, array[i.author_organisation_id], i.id) as visibility
           from case_item i where i.id = $1 and i.case_id = $2`,
        [input.evidenceItemId, caseId],
      );
      if (item[0]?.visibility !== 'FULL') {
        problems.push({
          field: 'evidenceItemId',
          code: 'unknownItem',
          message: 'choose an item of this case that you can read',
        });
      }
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
  }
}
