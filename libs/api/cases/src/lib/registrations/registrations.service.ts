import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  FieldProblem,
  IntakeCriteria,
  MembershipStatus,
  PersonIndexHit,
  PersonRole,
  ProposedParticipant,
  RegistrationDto,
  RegistrationInput,
  RegistrationState,
  SignalAnswer,
  SignalDefinition,
  TableTheme,
  TriageDecisionRequest,
  TriageOutcome,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { hasRoleAt, REGISTRANT_ROLES, TRIAGE_ROLES } from '../case-roles';
import { isValidBsn } from '../persons/bsn';
import { PersonsService } from '../persons/persons.service';
import { NumberSequence } from './number-sequence';
import { PersonIndex } from './person-index';

interface RegistrationRow {
  id: string;
  number: string;
  table_id: string;
  table_name: string;
  theme: TableTheme;
  state: RegistrationState;
  registering_organisation_id: string;
  registering_organisation_name: string;
  registered_by_name: string;
  submitted_at: Date | null;
  reason: string;
  goal: string;
  discussed_with_person: boolean;
  not_discussed_reason: string | null;
  criteria: IntakeCriteria;
  signals: SignalAnswer[];
  proposed_participants: ProposedParticipant[];
  triage_outcome: TriageOutcome | null;
  triage_advice: string | null;
  triage_referral: string | null;
  triaged_at: Date | null;
  triaged_by_name: string | null;
  case_id: string | null;
  version: number;
}

const SELECT = `
  select g.*, t.name as table_name, t.theme, o.name as registering_organisation_name,
         u.display_name as registered_by_name, tu.display_name as triaged_by_name
  from registration g
  join case_table t on t.id = g.table_id
  join organisation o on o.id = g.registering_organisation_id
  join app_user u on u.id = g.registered_by
  left join app_user tu on tu.id = g.triaged_by`;

const OUTCOME_STATES: Record<TriageOutcome, RegistrationState> = {
  ZVH_TABLE: 'CASE_CREATED',
  BILATERAAL: 'BILATERAAL',
  LOKAAL: 'DOORVERWEZEN_LOKAAL',
  AFGEWEZEN: 'AFGEWEZEN_MET_ADVIES',
};

/**
 * Registration (aanmelding) and triage. The registering organisation drafts and submits; triage
 * (triagist, procesregisseur of the table) decides: to the table (a case is created), bilateral,
 * referral to a local table, or rejected with advice. The registrant reads the outcome and advice
 * on its registration.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly persons: PersonsService,
    private readonly numbers: NumberSequence,
    private readonly personIndex: PersonIndex,
  ) {}

  async create(actor: Actor, input: RegistrationInput & { submit: boolean }): Promise<RegistrationDto> {
    if (!hasRoleAt(actor, input.tableId, ...REGISTRANT_ROLES)) {
      throw new NotFoundError('No such table.');
    }
    return this.tx.run(async (em) => {
      await this.validate(em, input, input.submit);
      const id = randomUUID();
      const now = this.clock.now();
      const number = await this.numbers.next(em, 'A', now);
      await em.query(
        `insert into registration (id, number, table_id, state, registering_organisation_id, registered_by, created_at,
           submitted_at, reason, goal, discussed_with_person, not_discussed_reason, criteria, signals,
           proposed_participants, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $7)`,
        [
          id,
          number,
          input.tableId,
          input.submit ? 'AANGEMELD' : 'CONCEPT',
          actor.organisationId,
          actor.userId,
          now,
          input.submit ? now : null,
          input.reason.trim(),
          input.goal.trim(),
          input.discussedWithPerson,
          input.discussedWithPerson ? null : input.notDiscussedReason?.trim(),
          JSON.stringify(input.criteria),
          JSON.stringify(input.signals),
          JSON.stringify(input.proposedParticipants),
        ],
      );
      await this.writePersons(em, id, input);
      await this.audit.record(em, {
        action: input.submit ? 'registration.submit' : 'registration.create',
        objectType: 'registration',
        objectId: id,
        details: { persons: input.persons.length, tableId: input.tableId },
      });
      return this.one(em, actor, id);
    });
  }

  /** A draft can be changed (and submitted) by its registering organisation. */
  update(
    actor: Actor,
    id: string,
    input: RegistrationInput & { submit: boolean; version: number },
  ): Promise<RegistrationDto> {
    return this.tx.run(async (em) => {
      const current = await this.load(em, id);
      if (
        !current ||
        current.registering_organisation_id !== actor.organisationId ||
        !hasRoleAt(actor, current.table_id, ...REGISTRANT_ROLES)
      ) {
        throw new NotFoundError('No such registration.');
      }
      if (current.state !== 'CONCEPT') {
        throw new ConflictError(
          'Only a draft registration can be changed; this one was submitted already.',
          'registration.not_draft',
        );
      }
      if (input.tableId !== current.table_id) {
        throw new RequestValidationError([
          { field: 'tableId', code: 'tableFixed', message: 'the table of a registration cannot change' },
        ]);
      }
      await this.validate(em, input, input.submit);
      const now = this.clock.now();
      const updated = await queryRows(
        em,
        `update registration set reason = $3, goal = $4, discussed_with_person = $5, not_discussed_reason = $6, criteria = $7,
           signals = $8, proposed_participants = $9, state = $10, submitted_at = $11, updated_at = $12, version = version + 1
         where id = $1 and version = $2 returning id`,
        [
          id,
          input.version,
          input.reason.trim(),
          input.goal.trim(),
          input.discussedWithPerson,
          input.discussedWithPerson ? null : input.notDiscussedReason?.trim(),
          JSON.stringify(input.criteria),
          JSON.stringify(input.signals),
          JSON.stringify(input.proposedParticipants),
          input.submit ? 'AANGEMELD' : 'CONCEPT',
          input.submit ? now : null,
          now,
        ],
      );
      if (updated.length === 0) {
        throw new ConflictError('The registration was changed by someone else; reload and try again.');
      }
      await em.query('delete from registration_person where registration_id = $1', [id]);
      await this.writePersons(em, id, input);
      await this.audit.record(em, {
        action: input.submit ? 'registration.submit' : 'registration.update',
        objectType: 'registration',
        objectId: id,
      });
      return this.one(em, actor, id);
    });
  }

  /** The actor's organisation's registrations, or (scope triage) what awaits triage at the actor's tables. */
  list(actor: Actor, scope: 'mine' | 'triage'): Promise<RegistrationDto[]> {
    return this.tx.run(async (em) => {
      const triageTables = actor.tableRoles
        .filter((r) => TRIAGE_ROLES.includes(r.role))
        .map((r) => r.tableId);
      const rows: RegistrationRow[] =
        scope === 'triage'
          ? await em.query(
              `${SELECT} where g.table_id = any($1::uuid[]) and g.state in ('AANGEMELD', 'IN_TRIAGE') order by g.submitted_at`,
              [triageTables],
            )
          : await em.query(
              `${SELECT} where g.registering_organisation_id = $1 order by g.created_at desc limit 200`,
              [actor.organisationId],
            );
      // One query for every proposed organisation's name, not one per registration.
      const names = await this.organisationNames(
        em,
        rows.flatMap((row) => row.proposed_participants.map((p) => p.organisationId)),
      );
      const result: RegistrationDto[] = [];
      for (const row of rows) {
        result.push(await this.toDto(em, actor, row, false, names));
      }
      await this.audit.record(em, {
        action: 'registration.list',
        subjects: { registrations: rows.map((r) => r.id) },
        details: { scope, returned: rows.map((r) => r.id) },
      });
      return result;
    });
  }

  get(actor: Actor, id: string): Promise<RegistrationDto> {
    return this.tx.run((em) => this.one(em, actor, id, true));
  }

  /** Triage takes a submitted registration into consideration. */
  startTriage(actor: Actor, id: string): Promise<RegistrationDto> {
    return this.tx.run(async (em) => {
      const current = await this.requireTriage(em, actor, id);
      if (current.state !== 'AANGEMELD') {
        throw new ConflictError(
          `The registration is ${current.state}; only a submitted registration can be taken into triage.`,
          'registration.state',
        );
      }
      await em.query(
        `update registration set state = 'IN_TRIAGE', updated_at = $2, version = version + 1 where id = $1`,
        [id, this.clock.now()],
      );
      await this.audit.record(em, {
        action: 'registration.triage.start',
        objectType: 'registration',
        objectId: id,
      });
      return this.one(em, actor, id, true);
    });
  }

  /**
   * The triage decision. To the table: a case is created with the registering organisation as the
   * responsible one, the triaging organisation and the proposed partners (per their covenant status)
   * as participants, and the persons of the registration.
   */
  decide(actor: Actor, id: string, input: TriageDecisionRequest): Promise<RegistrationDto> {
    if (input.outcome !== 'ZVH_TABLE' && input.advice.trim() === '') {
      throw new RequestValidationError([
        { field: 'advice', code: 'adviceRequired', message: 'give the registrant advice or a referral' },
      ]);
    }
    if (input.outcome === 'LOKAAL' && !input.referral?.trim()) {
      throw new RequestValidationError([
        { field: 'referral', code: 'referralRequired', message: 'name the local table or partner' },
      ]);
    }
    return this.tx.run(async (em) => {
      const current = await this.requireTriage(em, actor, id);
      if (current.state !== 'AANGEMELD' && current.state !== 'IN_TRIAGE') {
        throw new ConflictError(
          `The registration is ${current.state}; it has been decided already.`,
          'registration.state',
        );
      }
      if (current.version !== input.version) {
        throw new ConflictError('The registration was changed by someone else; reload and try again.');
      }
      const now = this.clock.now();
      const caseId = input.outcome === 'ZVH_TABLE' ? await this.createCase(em, actor, current, now) : null;
      await em.query(
        `update registration set state = $2, triage_outcome = $3, triage_advice = $4, triage_referral = $5, triaged_at = $6,
           triaged_by = $7, case_id = $8, updated_at = $6, version = version + 1 where id = $1`,
        [
          id,
          OUTCOME_STATES[input.outcome],
          input.outcome,
          input.advice.trim(),
          input.referral?.trim() || null,
          now,
          actor.userId,
          caseId,
        ],
      );
      await this.audit.record(em, {
        action: 'registration.triage.decide',
        objectType: 'registration',
        objectId: id,
        details: { outcome: input.outcome, caseId },
      });
      return this.one(em, actor, id, true);
    });
  }

  private async createCase(
    em: EntityManager,
    actor: Actor,
    registration: RegistrationRow,
    now: Date,
  ): Promise<string> {
    const caseId = randomUUID();
    const prefix: Array<{ number_prefix: string }> = await em.query(
      'select number_prefix from case_table where id = $1',
      [registration.table_id],
    );
    const number = await this.numbers.next(em, prefix[0].number_prefix, now);
    const procesregisseur = hasRoleAt(actor, registration.table_id, 'PROCESREGISSEUR') ? actor.userId : null;
    // No RETURNING: the case is visible only once its participants exist.
    await em.query(
      `insert into casus (id, number, table_id, registration_id, state, opened_at, responsible_organisation_id,
         procesregisseur_id, reason, goal, updated_at)
       values ($1, $2, $3, $4, 'INFORMATIEVERZAMELING', $5, $6, $7, $8, $9, $5)`,
      [
        caseId,
        number,
        registration.table_id,
        registration.id,
        now,
        registration.registering_organisation_id,
        procesregisseur,
        registration.reason,
        registration.goal,
      ],
    );
    const memberships: Array<{ organisation_id: string; status: MembershipStatus }> = await em.query(
      `select organisation_id, status from table_membership where table_id = $1 and since <= $2::date and (until is null or until >= $2::date)`,
      [registration.table_id, this.clock.today()],
    );
    const status = new Map(memberships.map((m) => [m.organisation_id, m.status]));
    const wanted = [
      actor.organisationId,
      registration.registering_organisation_id,
      ...registration.proposed_participants.map((p) => p.organisationId),
    ];
    for (const organisationId of [...new Set(wanted)]) {
      const membership = status.get(organisationId);
      // Declined or withdrawn organisations do not take part; they can receive extracts.
      if (membership !== 'SIGNATORY' && membership !== 'GUEST') {
        continue;
      }
      await em.query(
        `insert into case_participant (case_id, organisation_id, basis, since, added_by) values ($1, $2, $3, $4, $5)`,
        [caseId, organisationId, membership === 'SIGNATORY' ? 'MEMBER' : 'GUEST', now, actor.userId],
      );
    }
    await em.query(
      `insert into case_person (case_id, person_id, role, position, owner_organisation_id)
       select $1, person_id, role, position, $2 from registration_person where registration_id = $3`,
      [caseId, registration.registering_organisation_id, registration.id],
    );
    if (registration.theme === 'MENSENHANDEL') {
      const signals: SignalDefinition[] = (
        await em.query('select signals from case_table where id = $1', [registration.table_id])
      )[0].signals;
      const ticked = new Set(registration.signals.map((s) => s.signalId));
      const forms = [...new Set(signals.filter((s) => ticked.has(s.id)).map((s) => s.form))];
      await em.query(
        `insert into case_mensenhandel (case_id, forms, victim_status, exploitation_owner_id, updated_at)
         values ($1, $2, 'SIGNAAL', $3, $4)`,
        [caseId, forms, registration.registering_organisation_id, now],
      );
    }
    await this.audit.record(em, {
      action: 'case.create',
      objectType: 'case',
      objectId: caseId,
      details: { registrationId: registration.id, number },
    });
    return caseId;
  }

  private async validate(em: EntityManager, input: RegistrationInput, submit: boolean): Promise<void> {
    const problems: FieldProblem[] = [];
    input.persons.forEach((person, index) => {
      if (person.bsn && !isValidBsn(person.bsn)) {
        problems.push({
          field: `persons[${index}].bsn`,
          code: 'invalidBsn',
          message: 'is not a valid BSN (elfproef)',
        });
      }
    });
    if (submit && input.persons.length === 0) {
      problems.push({ field: 'persons', code: 'personRequired', message: 'name at least one person' });
    }
    if (submit && input.goal.trim() === '') {
      problems.push({
        field: 'goal',
        code: 'goalRequired',
        message: 'describe the goal of the case conference',
      });
    }
    const table: Array<{ signals: SignalDefinition[]; region_id: string }> = await em.query(
      'select signals, region_id from case_table where id = $1',
      [input.tableId],
    );
    const known = new Set((table[0]?.signals ?? []).map((s) => s.id));
    input.signals.forEach((answer, index) => {
      if (!known.has(answer.signalId)) {
        problems.push({
          field: `signals[${index}].signalId`,
          code: 'unknownSignal',
          message: 'is not a signal of this table',
        });
      }
    });
    if (input.proposedParticipants.length > 0) {
      const members: Array<{ organisation_id: string }> = await em.query(
        `select organisation_id from table_membership where table_id = $1 and status in ('SIGNATORY', 'GUEST')`,
        [input.tableId],
      );
      const allowed = new Set(members.map((m) => m.organisation_id));
      input.proposedParticipants.forEach((p, index) => {
        if (!allowed.has(p.organisationId)) {
          problems.push({
            field: `proposedParticipants[${index}].organisationId`,
            code: 'notAtTable',
            message: 'is not a partner (signatory or guest) of this table',
          });
        }
      });
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
  }

  private async writePersons(
    em: EntityManager,
    registrationId: string,
    input: RegistrationInput,
  ): Promise<void> {
    let position = 0;
    for (const person of input.persons) {
      const personId = await this.persons.create(em, person);
      await em.query(
        'insert into registration_person (registration_id, person_id, role, position) values ($1, $2, $3, $4)',
        [registrationId, personId, person.role, position++],
      );
    }
  }

  private async requireTriage(em: EntityManager, actor: Actor, id: string): Promise<RegistrationRow> {
    const current = await this.load(em, id);
    if (!current || !hasRoleAt(actor, current.table_id, ...TRIAGE_ROLES)) {
      throw new NotFoundError('No such registration.');
    }
    return current;
  }

  private async load(em: EntityManager, id: string): Promise<RegistrationRow | undefined> {
    const rows: RegistrationRow[] = await em.query(`${SELECT} where g.id = $1 for update of g`, [id]);
    return rows[0];
  }

  private async one(em: EntityManager, actor: Actor, id: string, audit = false): Promise<RegistrationDto> {
    const rows: RegistrationRow[] = await em.query(`${SELECT} where g.id = $1`, [id]);
    const row = rows[0];
    // A draft is the registrant's own business: triage sees it once submitted.
    if (!row || (row.state === 'CONCEPT' && row.registering_organisation_id !== actor.organisationId)) {
      throw new NotFoundError('No such registration.');
    }
    const dto = await this.toDto(em, actor, row, true);
    if (audit) {
      await this.audit.record(em, { action: 'registration.read', objectType: 'registration', objectId: id });
    }
    return dto;
  }

  private async organisationNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows: Array<{ id: string; name: string }> = await em.query(
      'select id, name from organisation where id = any($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  private async toDto(
    em: EntityManager,
    actor: Actor,
    row: RegistrationRow,
    withPersons: boolean,
    knownNames?: Map<string, string>,
  ): Promise<RegistrationDto> {
    const persons: Array<{
      id: string;
      role: PersonRole;
      given_name: string;
      family_name: string;
      date_of_birth: string | null;
      address: string | null;
      bsn_enc: Buffer | null;
    }> = withPersons
      ? await em.query(
          `select p.id, rp.role, p.given_name, p.family_name, to_char(p.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
                  p.address, p.bsn_enc
           from registration_person rp join person p on p.id = rp.person_id where rp.registration_id = $1 order by rp.position`,
          [row.id],
        )
      : [];
    const triage = hasRoleAt(actor, row.table_id, ...TRIAGE_ROLES);
    let knownElsewhere: PersonIndexHit[] = [];
    if (withPersons && triage && persons.length > 0 && row.state !== 'CONCEPT') {
      knownElsewhere = await this.personIndex.lookup(
        em,
        persons.map((p) => p.id),
        row.case_id,
      );
    }
    const names =
      knownNames ??
      (await this.organisationNames(
        em,
        row.proposed_participants.map((p) => p.organisationId),
      ));
    return {
      id: row.id,
      number: row.number,
      tableId: row.table_id,
      tableName: row.table_name,
      state: row.state,
      registeringOrganisation: {
        id: row.registering_organisation_id,
        name: row.registering_organisation_name,
      },
      registeredBy: row.registered_by_name,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      reason: row.reason,
      goal: row.goal,
      discussedWithPerson: row.discussed_with_person,
      notDiscussedReason: row.not_discussed_reason,
      criteria: row.criteria,
      signals: row.signals,
      persons: persons.map((p) => ({
        id: p.id,
        role: p.role,
        visibility: 'FULL',
        givenName: p.given_name,
        familyName: p.family_name,
        dateOfBirth: p.date_of_birth,
        address: p.address,
        bsn: p.bsn_enc ? this.persons.openBsn(p.id, p.bsn_enc.toString('base64')) : null,
      })),
      proposedParticipants: row.proposed_participants.map((p) => ({
        ...p,
        organisationName: names.get(p.organisationId) ?? '',
      })),
      triage: row.triage_outcome
        ? {
            outcome: row.triage_outcome,
            advice: row.triage_advice ?? '',
            referral: row.triage_referral,
            decidedAt: row.triaged_at?.toISOString() ?? '',
            decidedBy: row.triaged_by_name ?? '',
            caseId: row.case_id,
          }
        : null,
      knownElsewhere,
      version: row.version,
    };
  }
}
