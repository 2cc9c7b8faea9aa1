import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import {
  DatabaseService,
  queryRows,
  shelterAddressContext,
  TransactionRunner,
} from '@casustafel/api/database';
import {
  Actor,
  Clock,
  ConflictError,
  newSpanId,
  NotFoundError,
  RequestContext,
  RequestValidationError,
  rolesOf,
  SecretBox,
} from '@casustafel/api/platform';
import {
  CASE_STATE_MACHINE,
  CATEGORY_SUMMARIES,
  CASE_STATES,
  CASE_TRANSITIONS,
  type AddParticipantRequest,
  type CaseDetailDto,
  type CaseItemDto,
  type CaseListResponse,
  type CaseState,
  type CaseSummaryDto,
  type CaseTransition,
  type CaseTransitionRequest,
  type InformationRequestDto,
  type MembershipStatus,
  type MensenhandelDto,
  type OrganisationRef,
  type ParticipationBasis,
  type PersonDto,
  type PersonRole,
  type PutB8Request,
  type PutExploitationRequest,
  type PutShelterRequest,
  type TableTheme,
  type UpdateCaseRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { assertOpenState } from '../case-lookup';
import { caseTables, hasRoleAt, MANAGER_ROLES, rolesAt, tableRoleRule, WRITER_ROLES } from '../case-roles';
import { PersonsService } from '../persons/persons.service';
import { PersonIndex } from '../registrations/person-index';

const B8_BEDENKTIJD_MONTHS = 3;
const B8_WARNING_DAYS = 14;

export interface ListCasesQuery {
  tableId?: string;
  state?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

interface CaseReadResult {
  case: {
    id: string;
    number: string;
    state: CaseState;
    openedAt: string;
    closedAt: string | null;
    retentionUntil: string | null;
    embargo: boolean;
    version: number;
    tableId: string;
    tableName: string;
    theme: TableTheme;
  };
  actor: { partnerType: string; basis: ParticipationBasis | null };
  responsible: OrganisationRef;
  procesregisseur: string | null;
  casusregisseur: { id: string; name: string } | null;
  core: { reason: string; goal: string } | null;
  participants: CaseDetailDto['participants'];
  persons: Array<{
    id: string;
    role: PersonRole;
    visibility: 'FULL' | 'SUMMARY';
    givenName: string | null;
    familyName: string | null;
    dateOfBirth: string | null;
    address: string | null;
    bsnEnc: string | null;
  }>;
  items: CaseItemDto[];
  mensenhandel: {
    version: number;
    exploitation: NonNullable<MensenhandelDto['exploitation']> | null;
    b8:
      | {
          visibility: 'FULL';
          offeredAt: string | null;
          acceptedAt: string | null;
          aangifte: never;
          permitStatus: never;
        }
      | { visibility: 'SUMMARY' }
      | null;
    shelter:
      | ({ visibility: 'FULL'; addressEnc: string | null } & Omit<
          Extract<NonNullable<MensenhandelDto['shelter']>, { visibility: 'FULL' }>,
          'address'
        >)
      | { visibility: 'SUMMARY' }
      | null;
  } | null;
  disclosures: CaseDetailDto['disclosures'];
  requests: Array<Omit<InformationRequestDto, 'overdue'>>;
}

/**
 * Cases: the list (filtered and projected in the database), the detail (one audited round trip,
 * cut to what the actor may see), state transitions with their guards, participants and the
 * mensenhandel panel.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly database: DatabaseService,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    private readonly persons: PersonsService,
    private readonly box: SecretBox,
    private readonly personIndex: PersonIndex,
  ) {}

  /**
   * A page of the cases the actor's organisation takes part in, at the actor's tables. Names are
   * given only where identification (C1) is visible in full. Two statements whatever the page size
   * (QUALITY-TARGETS P2); the search term is never logged, the returned case ids are audited.
   */
  list(actor: Actor, query: ListCasesQuery): Promise<CaseListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    if (query.state !== undefined && !(CASE_STATES as readonly string[]).includes(query.state)) {
      throw new RequestValidationError([
        { field: 'state', code: 'isIn', message: `state must be one of ${CASE_STATES.join(', ')}` },
      ]);
    }
    const tables = query.tableId ? caseTables(actor).filter((t) => t === query.tableId) : caseTables(actor);
    const search = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = `c.table_id = any($2::uuid[]) and c.state <> 'VERNIETIGD'
      and ($3::text is null or c.state = $3)
      and ($4::text is null or c.number ilike $4 or exists (
            select 1 from case_person sp join person sper on sper.id = sp.person_id
            where sp.case_id = c.id and (sper.given_name || ' ' || sper.family_name) ilike $4
              and cst_visibility(c.id, 'C1', 'NORMAAL', array[sp.owner_organisation_id], null) = 'FULL'))`;
    return this.tx.run(async (em) => {
      const params = [actor.organisationId, tables, query.state ?? null, search];
      const total: Array<{ count: string }> = await em.query(
        `select count(*) from casus c join case_participant mine on mine.case_id = c.id and mine.organisation_id = $1 where ${where}`,
        params,
      );
      const rows: Array<{
        id: string;
        number: string;
        table_id: string;
        table_name: string;
        state: CaseState;
        opened_at: Date;
        updated_at: Date;
        embargo: boolean;
        procesregisseur: string | null;
        persons: Array<{ role: PersonRole; name: string | null }>;
      }> = await em.query(
        `select c.id, c.number, c.table_id, t.name as table_name, c.state, c.opened_at, c.updated_at, c.embargo,
                u.display_name as procesregisseur,
                coalesce((select jsonb_agg(jsonb_build_object('role', cp.role, 'name',
                            case when cst_visibility(c.id, 'C1', 'NORMAAL', array[cp.owner_organisation_id], null) = 'FULL'
                                 then per.given_name || ' ' || per.family_name end) order by cp.position)
                          from case_person cp join person per on per.id = cp.person_id where cp.case_id = c.id), '[]') as persons
         from casus c
         join case_participant mine on mine.case_id = c.id and mine.organisation_id = $1
         join case_table t on t.id = c.table_id
         left join app_user u on u.id = c.procesregisseur_id
         where ${where}
         order by c.updated_at desc, c.id
         limit $5 offset $6`,
        [...params, pageSize, (page - 1) * pageSize],
      );
      const items: CaseSummaryDto[] = rows.map((r) => ({
        id: r.id,
        number: r.number,
        tableId: r.table_id,
        tableName: r.table_name,
        state: r.state,
        openedAt: r.opened_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        procesregisseur: r.procesregisseur,
        persons: r.persons,
        embargo: r.embargo,
      }));
      await this.audit.record(em, {
        action: search ? 'case.search' : 'case.list',
        objectType: 'case',
        subjects: { cases: items.map((i) => i.id) },
        details: {
          returned: items.map((i) => i.id),
          total: Number(total[0].count),
          page,
          filtered: Boolean(query.state || query.tableId),
        },
      });
      return { items, total: Number(total[0].count), page, pageSize };
    });
  }

  /**
   * One case as the actor may see it. One round trip (`cst_case_read`): security context, read
   * through RLS, audit record (also of a denial), and the parts already cut by the access policy.
   * Not there or not theirs: 404, the same answer.
   */
  async get(actor: Actor, caseId: string): Promise<CaseDetailDto> {
    const trace = this.context.trace;
    const rows: Array<{ result: CaseReadResult | null }> = await this.database.dataSource.query(
      'select cst_case_read($1, $2, $3, $4, $5, $6, $7, $8, $9) as result',
      [
        caseId,
        actor.userId,
        actor.organisationId,
        actor.sessionId,
        rolesOf(actor),
        this.context.origin ?? null,
        trace?.traceId ?? null,
        newSpanId(),
        this.clock.now(),
      ],
    );
    const result = rows[0]?.result;
    if (!result) {
      throw new NotFoundError('No such case.');
    }
    const detail = this.toDetail(actor, result);
    detail.knownElsewhere = await this.knownElsewhere(actor, result);
    return detail;
  }

  /**
   * The person-index hint for those who manage the case: which of its persons are known in another
   * active case (table and procesregisseur only). Others get an empty list and no look-up.
   */
  private knownElsewhere(actor: Actor, r: CaseReadResult): Promise<CaseDetailDto['knownElsewhere']> {
    const visible = r.persons.filter((p) => p.visibility === 'FULL').map((p) => p.id);
    if (visible.length === 0 || !hasRoleAt(actor, r.case.tableId, ...MANAGER_ROLES)) {
      return Promise.resolve([]);
    }
    return this.tx.run((em) => this.personIndex.lookup(em, visible, r.case.id));
  }

  /**
   * The case core (reason, goal) and the casusregisseur, by those who manage the case. The
   * casusregisseur must be an active user of an organisation that takes part in the case.
   */
  update(actor: Actor, caseId: string, input: UpdateCaseRequest): Promise<CaseDetailDto> {
    return this.tx
      .run(async (em) => {
        const current = await this.lockCase(em, caseId);
        if (!hasRoleAt(actor, current.table_id, ...MANAGER_ROLES)) {
          throw new NotFoundError('No such case.');
        }
        assertOpen(current);
        if (input.casusregisseurId) {
          const eligible: unknown[] = await em.query(
            `select 1 from app_user u join case_participant p on p.organisation_id = u.organisation_id
              where u.id = $1 and p.case_id = $2 and u.active`,
            [input.casusregisseurId, caseId],
          );
          if (eligible.length === 0) {
            throw new RequestValidationError([
              {
                field: 'casusregisseurId',
                code: 'notParticipating',
                message: 'choose an active user of an organisation that takes part in the case',
              },
            ]);
          }
        }
        if (current.version !== input.version) {
          throw new ConflictError('The case was changed by someone else; reload and try again.');
        }
        await em.query(
          `update casus set reason = $2, goal = $3, casusregisseur_id = $4, updated_at = $5, version = version + 1
            where id = $1`,
          [caseId, input.reason.trim(), input.goal.trim(), input.casusregisseurId, this.clock.now()],
        );
        await this.audit.record(em, {
          action: 'case.update',
          objectType: 'case',
          objectId: caseId,
          details: { casusregisseurId: input.casusregisseurId },
        });
      })
      .then(() => this.get(actor, caseId));
  }

  transition(actor: Actor, caseId: string, input: CaseTransitionRequest): Promise<CaseDetailDto> {
    return this.tx
      .run(async (em) => {
        const current = await this.lockCase(em, caseId);
        const allowed = this.allowedTransitions(actor, current.table_id, current.state);
        if (!hasRoleAt(actor, current.table_id, ...MANAGER_ROLES)) {
          throw new NotFoundError('No such case.');
        }
        const rule = CASE_STATE_MACHINE[input.transition];
        if (!rule.from.includes(current.state)) {
          throw new ConflictError(
            `${input.transition} is not possible from ${current.state}; it starts from ${rule.from.join(' or ')}.`,
            'case.illegal_transition',
          );
        }
        if (!allowed.includes(input.transition)) {
          throw new ConflictError(
            `${input.transition} needs a decision of the chair (voorzitter).`,
            'case.chair_decision_required',
          );
        }
        this.assertGuards(input);
        if (current.version !== input.version) {
          throw new ConflictError('The case was changed by someone else; reload and try again.');
        }
        const now = this.clock.now();
        const to = rule.to;
        const table: Array<{ default_retention_months: number }> = await em.query(
          'select default_retention_months from case_table where id = $1',
          [current.table_id],
        );
        await em.query(
          `update casus set state = $2, updated_at = $3, version = version + 1,
           closed_at = case when $2 = 'AFGESLOTEN' then $3 when $2 = 'INFORMATIEVERZAMELING' then null else closed_at end,
           retention_until = case when $2 = 'AFGESLOTEN' then ($3::timestamptz + make_interval(months => $4))::date
                                  when $2 = 'INFORMATIEVERZAMELING' then null else retention_until end,
           reopened_at = case when $5 = 'HEROPENEN' then $3 else reopened_at end,
           handover_to = coalesce($6, handover_to), handover_data = coalesce($7, handover_data)
         where id = $1`,
          [
            caseId,
            to,
            now,
            table[0].default_retention_months,
            input.transition,
            input.handoverTo?.trim() || null,
            input.handoverData?.trim() || null,
          ],
        );
        await this.audit.record(em, {
          action: 'case.transition',
          objectType: 'case',
          objectId: caseId,
          details: { transition: input.transition, from: current.state, to },
        });
        return undefined;
      })
      .then(() => this.get(actor, caseId));
  }

  addParticipant(actor: Actor, caseId: string, input: AddParticipantRequest): Promise<CaseDetailDto> {
    return this.tx
      .run(async (em) => {
        const current = await this.lockCase(em, caseId);
        if (!hasRoleAt(actor, current.table_id, ...MANAGER_ROLES)) {
          throw new NotFoundError('No such case.');
        }
        assertOpen(current);
        const membership: Array<{ status: MembershipStatus }> = await em.query(
          'select status from table_membership where table_id = $1 and organisation_id = $2',
          [current.table_id, input.organisationId],
        );
        const status = membership[0]?.status;
        if (status !== 'SIGNATORY' && status !== 'GUEST') {
          throw new RequestValidationError([
            {
              field: 'organisationId',
              code: status === 'DECLINED' ? 'declinedUseExtract' : 'notAtTable',
              message:
                status === 'DECLINED'
                  ? 'this organisation declined the covenant of this table: it can receive extracts, not take part'
                  : 'this organisation is not a partner of this table',
            },
          ]);
        }
        if (status === 'GUEST' && input.basis === 'MEMBER') {
          throw new RequestValidationError([
            { field: 'basis', code: 'guestOnly', message: 'a guest organisation takes part as a guest' },
          ]);
        }
        const added = await queryRows(
          em,
          `insert into case_participant (case_id, organisation_id, basis, since, added_by) values ($1, $2, $3, $4, $5)
         on conflict (case_id, organisation_id) do nothing returning organisation_id`,
          [caseId, input.organisationId, input.basis, this.clock.now(), actor.userId],
        );
        if (added.length === 0) {
          throw new ConflictError('This organisation takes part already.', 'case.participant_exists');
        }
        await em.query('update casus set updated_at = $2 where id = $1', [caseId, this.clock.now()]);
        await this.audit.record(em, {
          action: 'case.participant.add',
          objectType: 'case',
          objectId: caseId,
          details: { organisationId: input.organisationId, basis: input.basis },
        });
      })
      .then(() => this.get(actor, caseId));
  }

  putExploitation(actor: Actor, caseId: string, input: PutExploitationRequest): Promise<CaseDetailDto> {
    return this.changeMensenhandel(
      actor,
      caseId,
      input.version,
      'exploitation',
      'C2',
      async (em, ownerColumn) => {
        await em.query(
          `update case_mensenhandel set forms = $2, victim_status = $3, comensha_reported = $4, comensha_reported_at = $5,
           comensha_reference = $6, comensha_dossier_type = $7, ${ownerColumn} = coalesce(${ownerColumn}, $8)
         where case_id = $1`,
          [
            caseId,
            input.forms,
            input.victimStatus,
            input.comensha.reported,
            input.comensha.reportedAt,
            input.comensha.reference?.trim() || null,
            input.comensha.dossierType,
            actor.organisationId,
          ],
        );
      },
    );
  }

  putB8(actor: Actor, caseId: string, input: PutB8Request): Promise<CaseDetailDto> {
    if (input.offeredAt && input.acceptedAt && input.acceptedAt < input.offeredAt) {
      throw new RequestValidationError([
        { field: 'acceptedAt', code: 'beforeOffered', message: 'cannot be before the offer' },
      ]);
    }
    return this.changeMensenhandel(actor, caseId, input.version, 'b8', 'C8', async (em, ownerColumn) => {
      await em.query(
        `update case_mensenhandel set b8_offered_at = $2, b8_accepted_at = $3, aangifte = $4, permit_status = $5,
           ${ownerColumn} = coalesce(${ownerColumn}, $6) where case_id = $1`,
        [caseId, input.offeredAt, input.acceptedAt, input.aangifte, input.permitStatus, actor.organisationId],
      );
    });
  }

  putShelter(actor: Actor, caseId: string, input: PutShelterRequest): Promise<CaseDetailDto> {
    return this.changeMensenhandel(actor, caseId, input.version, 'shelter', 'C9', async (em, ownerColumn) => {
      if (input.shelterOrganisationId) {
        const exists: unknown[] = await em.query(
          'select 1 from organisation where id = $1 and region_id = $2',
          [input.shelterOrganisationId, actor.regionId],
        );
        if (exists.length === 0) {
          throw new RequestValidationError([
            {
              field: 'shelterOrganisationId',
              code: 'unknownOrganisation',
              message: 'is not an organisation of your region',
            },
          ]);
        }
      }
      // The address and the organisation that may read it belong to the zorgcoördinator and the
      // shelter organisation alone: once either is set, another C9 writer (who cannot see the
      // address) changes the placement details but keeps both as they are.
      const entitled: Array<{ entitled: boolean }> = await em.query(
        `select (o.partner_type = 'ZORGCOORDINATOR'
                 or m.shelter_organisation_id = o.id
                 or (m.shelter_organisation_id is null and m.shelter_address_enc is null)) as entitled
         from case_mensenhandel m, organisation o where m.case_id = $1 and o.id = $2`,
        [caseId, actor.organisationId],
      );
      if (entitled[0]?.entitled !== true) {
        await em.query(
          `update case_mensenhandel set shelter_type = $2, shelter_placed_at = $3, shelter_placed_via = $4,
             ${ownerColumn} = coalesce(${ownerColumn}, $5)
           where case_id = $1`,
          [caseId, input.type, input.placedAt, input.placedVia, actor.organisationId],
        );
        return;
      }
      await em.query(
        `update case_mensenhandel set shelter_type = $2, shelter_placed_at = $3, shelter_placed_via = $4,
           shelter_organisation_id = $5, shelter_address_enc = $6, ${ownerColumn} = coalesce(${ownerColumn}, $7)
         where case_id = $1`,
        [
          caseId,
          input.type,
          input.placedAt,
          input.placedVia,
          input.shelterOrganisationId,
          input.address?.trim() ? this.box.seal(input.address.trim(), shelterAddressContext(caseId)) : null,
          actor.organisationId,
        ],
      );
    });
  }

  /**
   * Changes one part of the mensenhandel panel. Allowed where the actor sees that part in full (or
   * it is still empty: the actor's organisation then becomes its owner); otherwise "not found".
   */
  private changeMensenhandel(
    actor: Actor,
    caseId: string,
    version: number,
    part: 'exploitation' | 'b8' | 'shelter',
    category: 'C2' | 'C8' | 'C9',
    write: (em: EntityManager, ownerColumn: string) => Promise<void>,
  ): Promise<CaseDetailDto> {
    const ownerColumn = {
      exploitation: 'exploitation_owner_id',
      b8: 'b8_owner_id',
      shelter: 'shelter_owner_id',
    }[part];
    return this.tx
      .run(async (em) => {
        const current = await this.lockCase(em, caseId);
        const theme: Array<{ theme: TableTheme }> = await em.query(
          'select theme from case_table where id = $1',
          [current.table_id],
        );
        if (theme[0].theme !== 'MENSENHANDEL' || !hasRoleAt(actor, current.table_id, ...WRITER_ROLES)) {
          throw new NotFoundError('No such case.');
        }
        await em.query(
          `insert into case_mensenhandel (case_id, updated_at) values ($1, $2) on conflict (case_id) do nothing`,
          [caseId, this.clock.now()],
        );
        const rows: Array<{ version: number; owner: string | null; visibility: string }> = await em.query(
          `select m.version, m.${ownerColumn} as owner,
                cst_visibility(m.case_id, $2, 'NORMAAL',
                  ${part === 'shelter' ? 'array[m.shelter_owner_id, m.shelter_organisation_id]' : `array[m.${ownerColumn}]`}, null) as visibility
         from case_mensenhandel m where m.case_id = $1 for update`,
          [caseId, category],
        );
        const row = rows[0];
        if (row.owner !== null && row.visibility !== 'FULL') {
          throw new NotFoundError('No such case.');
        }
        assertOpen(current);
        if (row.version !== version) {
          throw new ConflictError(
            'The mensenhandel details were changed by someone else; reload and try again.',
          );
        }
        await write(em, ownerColumn);
        await em.query(
          'update case_mensenhandel set version = version + 1, updated_at = $2 where case_id = $1',
          [caseId, this.clock.now()],
        );
        await em.query('update casus set updated_at = $2 where id = $1', [caseId, this.clock.now()]);
        await this.audit.record(em, {
          action: 'case.mensenhandel.update',
          objectType: 'case',
          objectId: caseId,
          category,
          authorisationRule:
            row.owner === null ? tableRoleRule(actor, current.table_id, WRITER_ROLES) : undefined,
          details: { part },
        });
      })
      .then(() => this.get(actor, caseId));
  }

  private assertGuards(input: CaseTransitionRequest): void {
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const needsReason: CaseTransition[] = [
      'PLAN_VASTSTELLEN',
      'OPSCHALEN',
      'AFSCHALEN',
      'AFSLUITEN',
      'HEROPENEN',
    ];
    if (needsReason.includes(input.transition) && input.reason.trim() === '') {
      problems.push({
        field: 'reason',
        code: 'reasonRequired',
        message:
          input.transition === 'PLAN_VASTSTELLEN' ? 'record the decision of the chair' : 'give the reason',
      });
    }
    if (input.transition === 'AFSCHALEN') {
      if (!input.handoverTo?.trim()) {
        problems.push({
          field: 'handoverTo',
          code: 'handoverRequired',
          message: 'name who takes over the case',
        });
      }
      if (!input.handoverData?.trim()) {
        problems.push({
          field: 'handoverData',
          code: 'handoverDataRequired',
          message: 'decide what data goes with the handover',
        });
      }
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
  }

  /** Transitions the actor may start from this state: managers all, the plan only the chair. */
  private allowedTransitions(actor: Actor, tableId: string, state: CaseState): CaseTransition[] {
    const roles = rolesAt(actor, tableId);
    if (!roles.some((r) => MANAGER_ROLES.includes(r))) {
      return [];
    }
    return CASE_TRANSITIONS.filter(
      (t) =>
        CASE_STATE_MACHINE[t].from.includes(state) &&
        (t !== 'PLAN_VASTSTELLEN' || roles.includes('VOORZITTER')),
    );
  }

  private async lockCase(
    em: EntityManager,
    caseId: string,
  ): Promise<{ id: string; table_id: string; state: CaseState; version: number }> {
    const rows: Array<{ id: string; table_id: string; state: CaseState; version: number }> = await em.query(
      `select id, table_id, state, version from casus where id = $1 and state <> 'VERNIETIGD' for update`,
      [caseId],
    );
    if (!rows[0]) {
      throw new NotFoundError('No such case.');
    }
    return rows[0];
  }

  private toDetail(actor: Actor, r: CaseReadResult): CaseDetailDto {
    const tableId = r.case.tableId;
    const roles = rolesAt(actor, tableId);
    const writer = roles.some((role) => WRITER_ROLES.includes(role));
    const manager = roles.some((role) => MANAGER_ROLES.includes(role));
    // A closed case is read-only until it is reopened.
    const open = r.case.state !== 'AFGESLOTEN' && r.case.state !== 'VERNIETIGD';
    const today = this.clock.today();
    const persons: PersonDto[] = r.persons.map((p) =>
      p.visibility === 'FULL'
        ? {
            id: p.id,
            role: p.role,
            visibility: 'FULL',
            givenName: p.givenName ?? undefined,
            familyName: p.familyName ?? undefined,
            dateOfBirth: p.dateOfBirth,
            address: p.address,
            bsn: this.persons.openBsn(p.id, p.bsnEnc),
          }
        : { id: p.id, role: p.role, visibility: 'SUMMARY' },
    );
    return {
      id: r.case.id,
      number: r.case.number,
      table: { id: tableId, name: r.case.tableName, theme: r.case.theme },
      state: r.case.state,
      openedAt: iso(r.case.openedAt),
      closedAt: r.case.closedAt ? iso(r.case.closedAt) : null,
      retentionUntil: r.case.retentionUntil,
      embargo: r.case.embargo,
      responsibleOrganisation: r.responsible,
      procesregisseur: r.procesregisseur,
      casusregisseur: r.casusregisseur,
      core: r.core,
      participants: r.participants.map((p) => ({ ...p, since: iso(p.since) })),
      persons,
      items: r.items.map((item) =>
        item.visibility === 'SUMMARY'
          ? { ...item, createdAt: iso(item.createdAt), summary: CATEGORY_SUMMARIES[item.category] }
          : {
              ...item,
              createdAt: iso(item.createdAt),
              breakGlass: item.breakGlass
                ? { id: item.breakGlass.id, expiresAt: iso(item.breakGlass.expiresAt) }
                : null,
            },
      ),
      mensenhandel: r.case.theme === 'MENSENHANDEL' ? this.toMensenhandel(r) : null,
      disclosures: r.disclosures.map((d) => ({
        ...d,
        proposedAt: iso(d.proposedAt),
        decidedAt: d.decidedAt ? iso(d.decidedAt) : null,
        revokedAt: d.revokedAt ? iso(d.revokedAt) : null,
      })),
      informationRequests: r.requests.map((q) => ({
        ...q,
        requestedAt: iso(q.requestedAt),
        answeredAt: q.answeredAt ? iso(q.answeredAt) : null,
        overdue: q.state === 'OPEN' && q.dueAt < today,
      })),
      transitions: this.allowedTransitions(actor, tableId, r.case.state),
      can: {
        addItems:
          open &&
          r.actor.basis !== null &&
          (writer || r.actor.basis === 'GUEST') &&
          actor.permissions.has('cases.write'),
        manageParticipants: open && manager,
        proposeDisclosure: open && writer,
        approveDisclosure: open && manager && actor.permissions.has('disclosures.approve'),
        requestInformation: open && manager,
        editMensenhandel: open && writer && r.case.theme === 'MENSENHANDEL',
        breakGlass: open && roles.includes('PROCESREGISSEUR') && actor.permissions.has('cases.break-glass'),
      },
      version: r.case.version,
      knownElsewhere: [],
    };
  }

  private toMensenhandel(r: CaseReadResult): MensenhandelDto {
    const m = r.mensenhandel;
    const result: MensenhandelDto = { version: m?.version ?? 0 };
    if (m?.exploitation) {
      result.exploitation = m.exploitation;
    }
    if (m?.b8) {
      if (m.b8.visibility === 'FULL') {
        const endsAt = m.b8.acceptedAt ? addMonths(m.b8.acceptedAt, B8_BEDENKTIJD_MONTHS) : null;
        const now = this.clock.today();
        const warnFrom = endsAt ? addDays(endsAt, -B8_WARNING_DAYS) : null;
        result.b8 = {
          ...m.b8,
          endsAt,
          endingSoon: Boolean(endsAt && warnFrom && now >= warnFrom && now <= endsAt),
        };
      } else {
        result.b8 = m.b8;
      }
    }
    if (m?.shelter) {
      if (m.shelter.visibility === 'FULL') {
        const { addressEnc, ...rest } = m.shelter;
        result.shelter = {
          ...rest,
          address: addressEnc
            ? this.box.openText(Buffer.from(addressEnc, 'base64'), shelterAddressContext(r.case.id))
            : null,
        };
      } else {
        result.shelter = m.shelter;
      }
    }
    return result;
  }
}

/** A closed case is read-only until it is reopened (HEROPENEN within the re-referral window). */
function assertOpen(current: { state: CaseState }): void {
  assertOpenState(current.state);
}

function iso(value: string): string {
  return new Date(value).toISOString();
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
