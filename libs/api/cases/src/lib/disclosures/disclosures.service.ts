import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import {
  SHARING_CONSENT_KINDS,
  type ConsentKind,
  type CreateDisclosureRequest,
  type DataCategory,
  type MembershipStatus,
  type PartnerType,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { hasRoleAt, MANAGER_ROLES, tableRoleRule, WRITER_ROLES } from '../case-roles';

/**
 * Disclosures (verstrekkingen): an organisation shares its own items, or its items of some
 * categories, with one other organisation, for a purpose, on a recorded legal ground. A manager
 * of the table (procesregisseur or voorzitter) other than the proposer approves it (four eyes);
 * it can be revoked. The recipient sees the covered items from its next request on. A disclosure may
 * cite a recorded consent that covers it; when that consent is withdrawn, the disclosure lapses.
 */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  propose(actor: Actor, caseId: string, input: CreateDisclosureRequest): Promise<{ id: string }> {
    if (input.itemIds.length + input.categories.length === 0) {
      throw new RequestValidationError([
        { field: 'itemIds', code: 'nothingToShare', message: 'choose items or categories to share' },
      ]);
    }
    if (input.toOrganisationId === actor.organisationId) {
      throw new RequestValidationError([
        { field: 'toOrganisationId', code: 'self', message: 'choose another organisation' },
      ]);
    }
    return this.tx.run(async (em) => {
      const table = await this.caseTable(em, caseId);
      if (!table || !hasRoleAt(actor, table.tableId, ...WRITER_ROLES)) {
        throw new NotFoundError('No such case.');
      }
      const recipient: Array<{ status: MembershipStatus | null; partner_type: PartnerType }> = await em.query(
        `select m.status, o.partner_type from organisation o
         left join table_membership m on m.organisation_id = o.id and m.table_id = $2 where o.id = $1 and o.region_id = $3`,
        [input.toOrganisationId, table.tableId, actor.regionId],
      );
      const to = recipient[0];
      if (!to) {
        throw new RequestValidationError([
          {
            field: 'toOrganisationId',
            code: 'unknownOrganisation',
            message: 'is not an organisation of your region',
          },
        ]);
      }
      if (to.status !== 'SIGNATORY' && to.status !== 'GUEST') {
        throw new RequestValidationError([
          {
            field: 'toOrganisationId',
            code: 'declinedUseExtract',
            message: 'this organisation does not take part in the table: compose an extract for it instead',
          },
        ]);
      }
      const items: Array<{
        id: string;
        author_organisation_id: string;
        sensitivity: string;
        category: DataCategory;
      }> =
        input.itemIds.length === 0
          ? []
          : await em.query(
              'select id, author_organisation_id, sensitivity, category from case_item where case_id = $1 and id = any($2::uuid[])',
              [caseId, input.itemIds],
            );
      if (input.itemIds.length > 0) {
        const byId = new Map(items.map((i) => [i.id, i]));
        const problems = input.itemIds.flatMap((id, index) => {
          const item = byId.get(id);
          if (!item || item.author_organisation_id !== actor.organisationId) {
            return [
              {
                field: `itemIds[${index}]`,
                code: 'notYourItem',
                message: 'you can only share items of your own organisation',
              },
            ];
          }
          if (item.sensitivity === 'EMBARGO' && !table.embargoPartnerTypes.includes(to.partner_type)) {
            return [
              {
                field: `itemIds[${index}]`,
                code: 'embargoed',
                message: 'this item is under embargo and the recipient is not on the embargo list',
              },
            ];
          }
          return [];
        });
        if (problems.length > 0) {
          throw new RequestValidationError(problems);
        }
      }
      if (input.consentId) {
        await assertConsentCovers(em, caseId, input.consentId, input.toOrganisationId, [
          ...input.categories,
          ...items.map((i) => i.category),
        ]);
      }
      const id = randomUUID();
      await em.query(
        `insert into disclosure (id, case_id, from_organisation_id, to_organisation_id, item_ids, categories, purpose,
           legal_ground, legal_reference, state, proposed_by, proposed_at, consent_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PROPOSED', $10, $11, $12)`,
        [
          id,
          caseId,
          actor.organisationId,
          input.toOrganisationId,
          input.itemIds,
          input.categories,
          input.purpose.trim(),
          input.legalGround,
          input.legalReference.trim(),
          actor.userId,
          this.clock.now(),
          input.consentId ?? null,
        ],
      );
      await this.audit.record(em, {
        action: 'disclosure.propose',
        objectType: 'disclosure',
        objectId: id,
        subjects: { cases: [caseId] },
        authorisationRule: tableRoleRule(actor, table.tableId, WRITER_ROLES),
        legalGround: input.legalGround,
        purpose: 'disclosure',
        details: {
          caseId,
          to: input.toOrganisationId,
          items: input.itemIds.length,
          categories: input.categories,
          consentId: input.consentId ?? null,
        },
      });
      return { id };
    });
  }

  decide(actor: Actor, caseId: string, disclosureId: string, approve: boolean): Promise<void> {
    return this.tx.run(async (em) => {
      const d = await this.load(em, caseId, disclosureId);
      if (!hasRoleAt(actor, d.table_id, ...MANAGER_ROLES) || !actor.permissions.has('disclosures.approve')) {
        throw new NotFoundError('No such disclosure.');
      }
      if (d.state !== 'PROPOSED') {
        throw new ConflictError(`The disclosure is ${d.state} already.`, 'disclosure.state');
      }
      if (approve && d.consent_withdrawn) {
        throw new ConflictError(
          'The consent this disclosure cites has been withdrawn; it can no longer be approved.',
          'disclosure.consent_withdrawn',
        );
      }
      if (d.proposed_by === actor.userId) {
        throw new ConflictError(
          'Someone else must approve a disclosure you proposed (four eyes).',
          'disclosure.four_eyes',
        );
      }
      const now = this.clock.now();
      await em.query('update disclosure set state = $2, decided_by = $3, decided_at = $4 where id = $1', [
        disclosureId,
        approve ? 'APPROVED' : 'REJECTED',
        actor.userId,
        now,
      ]);
      if (approve) {
        // The recipient takes part (as a member or guest, per its covenant status) so it can read what was shared.
        await em.query(
          `insert into case_participant (case_id, organisation_id, basis, since, added_by)
           select $1, m.organisation_id, case m.status when 'SIGNATORY' then 'MEMBER' else 'GUEST' end, $3, $4
           from table_membership m where m.table_id = $5 and m.organisation_id = $2 and m.status in ('SIGNATORY', 'GUEST')
           on conflict (case_id, organisation_id) do nothing`,
          [caseId, d.to_organisation_id, now, actor.userId, d.table_id],
        );
      }
      await this.audit.record(em, {
        action: approve ? 'disclosure.approve' : 'disclosure.reject',
        objectType: 'disclosure',
        objectId: disclosureId,
        subjects: { cases: [caseId] },
        authorisationRule: tableRoleRule(actor, d.table_id, MANAGER_ROLES),
        legalGround: d.legal_ground,
        details: { caseId, to: d.to_organisation_id },
      });
    });
  }

  revoke(actor: Actor, caseId: string, disclosureId: string, reason: string): Promise<void> {
    return this.tx.run(async (em) => {
      const d = await this.load(em, caseId, disclosureId);
      const mayRevoke =
        (d.from_organisation_id === actor.organisationId && hasRoleAt(actor, d.table_id, ...WRITER_ROLES)) ||
        hasRoleAt(actor, d.table_id, ...MANAGER_ROLES);
      if (!mayRevoke) {
        throw new NotFoundError('No such disclosure.');
      }
      if (d.via_extract) {
        // An extract's disclosure record follows the extract: recall the extract instead (issue 7).
        throw new ConflictError(
          'This disclosure records an extract; recall the extract to withdraw it.',
          'disclosure.via_extract',
        );
      }
      if (d.state !== 'APPROVED' && d.state !== 'PROPOSED') {
        throw new ConflictError(
          `The disclosure is ${d.state}; there is nothing to revoke.`,
          'disclosure.state',
        );
      }
      await em.query(
        `update disclosure set state = 'REVOKED', revoked_by = $2, revoked_at = $3, revoke_reason = $4 where id = $1`,
        [disclosureId, actor.userId, this.clock.now(), reason.trim()],
      );
      await this.audit.record(em, {
        action: 'disclosure.revoke',
        objectType: 'disclosure',
        objectId: disclosureId,
        subjects: { cases: [caseId] },
        details: { caseId, to: d.to_organisation_id },
      });
    });
  }

  private async caseTable(
    em: EntityManager,
    caseId: string,
  ): Promise<{ tableId: string; embargoPartnerTypes: PartnerType[] } | undefined> {
    const rows: Array<{ table_id: string; embargo_partner_types: PartnerType[] }> = await em.query(
      `select c.table_id, t.embargo_partner_types from casus c join case_table t on t.id = c.table_id
       where c.id = $1 and c.state not in ('AFGESLOTEN', 'VERNIETIGD')`,
      [caseId],
    );
    return rows[0]
      ? { tableId: rows[0].table_id, embargoPartnerTypes: rows[0].embargo_partner_types }
      : undefined;
  }

  private async load(em: EntityManager, caseId: string, disclosureId: string) {
    const rows = await queryRows<{
      state: string;
      proposed_by: string;
      from_organisation_id: string;
      to_organisation_id: string;
      legal_ground: string;
      table_id: string;
      consent_withdrawn: boolean;
      via_extract: boolean;
    }>(
      em,
      `select d.state, d.extract_id is not null as via_extract, d.proposed_by, d.from_organisation_id, d.to_organisation_id, d.legal_ground, c.table_id,
              exists (select 1 from consent_record k where k.id = d.consent_id and k.withdrawn_at is not null)
                as consent_withdrawn
       from disclosure d join casus c on c.id = d.case_id
       where d.id = $1 and d.case_id = $2 and c.state <> 'VERNIETIGD' for update of d`,
      [disclosureId, caseId],
    );
    if (!rows[0]) {
      throw new NotFoundError('No such disclosure.');
    }
    return rows[0];
  }
}

/**
 * A disclosure may cite a consent of this case that stands, that is meant for sharing, and whose
 * scope covers the recipient and every category shared (named or of the items named).
 */
async function assertConsentCovers(
  em: EntityManager,
  caseId: string,
  consentId: string,
  recipient: string,
  categories: DataCategory[],
): Promise<void> {
  const rows = await queryRows<{
    kind: ConsentKind;
    withdrawn: boolean;
    scope_organisation_ids: string[];
    scope_categories: DataCategory[];
  }>(
    em,
    `select kind, withdrawn_at is not null as withdrawn, scope_organisation_ids, scope_categories
       from consent_record where id = $1 and case_id = $2`,
    [consentId, caseId],
  );
  const consent = rows[0];
  const refuse = (code: string, message: string): never => {
    throw new RequestValidationError([{ field: 'consentId', code, message }]);
  };
  if (!consent) {
    return refuse('unknownConsent', 'is not a consent of this case');
  }
  if (consent.withdrawn) {
    return refuse('consentWithdrawn', 'this consent has been withdrawn');
  }
  if (!SHARING_CONSENT_KINDS.includes(consent.kind)) {
    return refuse('consentNotForSharing', 'agreement with the plan is no consent to share data');
  }
  if (!consent.scope_organisation_ids.includes(recipient)) {
    return refuse('recipientNotInScope', 'the consent does not cover this recipient');
  }
  const uncovered = [...new Set(categories)].filter((c) => !consent.scope_categories.includes(c));
  if (uncovered.length > 0) {
    refuse('categoriesNotInScope', `the consent does not cover ${uncovered.join(', ')}`);
  }
}
