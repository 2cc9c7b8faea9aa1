import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { NumberSequence } from '@casustafel/api/cases';
import { queryRows, rightsSubjectBsnContext, TransactionRunner } from '@casustafel/api/database';
import {
  Actor,
  Clock,
  ConflictError,
  NotFoundError,
  RequestValidationError,
  SecretBox,
} from '@casustafel/api/platform';
import {
  rightsDueDate,
  type CloseRightsRequestRequest,
  type CreateRightsRequestRequest,
  type ExtendRightsRequestRequest,
  type FanOutRightsRequestRequest,
  type IdentityMethod,
  type RightsLookupRequest,
  type RightsLookupResponse,
  type RightsReceivedVia,
  type RightsRequestDetailDto,
  type RightsRequester,
  type RightsRequestStatus,
  type RightsRequestSummaryDto,
  type RightsRequestType,
  type RightsTaskDto,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { contactpuntRegions } from '../regions';
import { JointControllers, type SubjectKeys } from './joint-controllers';

interface RequestRow {
  id: string;
  number: string;
  type: RightsRequestType;
  status: RightsRequestStatus;
  received_at: string;
  received_via: RightsReceivedVia;
  requester: RightsRequester;
  identity_method: IdentityMethod | null;
  due_at: string;
  extension_months: number | null;
  extension_reason: string | null;
  extended_at: Date | null;
  extended_by_name: string | null;
  matched_persons: number;
  matched_cases: number;
  fanned_out_at: Date | null;
  outcome: string | null;
  closed_at: Date | null;
  created_by_name: string;
  version: number;
  tasks_total: number;
  tasks_open: number;
}

const SELECT = `
  select r.id, r.number, r.type, r.status, to_char(r.received_at, 'YYYY-MM-DD') as received_at, r.received_via,
         r.requester, r.identity_method, to_char(r.due_at, 'YYYY-MM-DD') as due_at, r.extension_months,
         r.extension_reason, r.extended_at, eu.display_name as extended_by_name, r.matched_persons,
         r.matched_cases, r.fanned_out_at, r.outcome, r.closed_at, cu.display_name as created_by_name, r.version,
         (select count(*)::int from rights_task k where k.request_id = r.id) as tasks_total,
         (select count(*)::int from rights_task k where k.request_id = r.id and k.status = 'OPEN') as tasks_open
  from rights_request r
  join app_user cu on cu.id = r.created_by
  left join app_user eu on eu.id = r.extended_by`;

const OPEN_STATUSES: RightsRequestStatus[] = ['ONTVANGEN', 'IN_BEHANDELING'];

/**
 * The contactpunt's side of data-subject requests (BGS, ADR 0021): log a request, look the person
 * up (counts and organisations only), send it out to the joint controllers (one task each), follow
 * the legal deadline, extend it once, and close the request when every task is done. The
 * contactpunt sees no case content: it learns how many persons and cases matched and which
 * organisations hold data, never what they hold. Every look-up and read is audited with ids and
 * codes only.
 */
@Injectable()
export class RightsRequestsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly numbers: NumberSequence,
    private readonly controllers: JointControllers,
  ) {}

  /** The preview of the new-request form: how many persons and cases match, which organisations get a task. */
  lookup(actor: Actor, input: RightsLookupRequest): Promise<RightsLookupResponse> {
    const keys = this.controllers.keys(input.subject);
    return this.tx.run(async (em) => {
      await this.regionOf(em, actor);
      const reach = await this.controllers.reach(em, keys, actor.organisationId);
      await this.audit.record(em, {
        action: 'rights_request.person_lookup',
        objectType: 'person',
        subjects: { persons: reach.personIds },
        details: {
          byBsn: keys.bsnHash !== null,
          persons: reach.personIds,
          cases: reach.caseIds.length,
          controllers: reach.controllers.length,
        },
      });
      return {
        persons: reach.personIds.length,
        cases: reach.caseIds.length,
        controllers: reach.controllers.map((c) => c.organisation),
      };
    });
  }

  list(actor: Actor): Promise<RightsRequestSummaryDto[]> {
    return this.tx.run(async (em) => {
      const regions = await contactpuntRegions(em, actor);
      const rows = await queryRows<RequestRow>(
        em,
        `${SELECT}
         where r.region_id = any($1::uuid[])
         order by (r.status in ('ONTVANGEN', 'IN_BEHANDELING')) desc, r.due_at, r.number
         limit 500`,
        [regions],
      );
      const result = rows.map((row) => this.summary(row));
      await this.audit.record(em, {
        action: 'rights_request.list',
        objectType: 'rights_request',
        details: { returned: result.map((r) => r.id) },
      });
      return result;
    });
  }

  get(actor: Actor, id: string): Promise<RightsRequestDetailDto> {
    return this.tx.run(async (em) => {
      const detail = await this.detail(em, actor, id);
      await this.audit.record(em, {
        action: 'rights_request.read',
        objectType: 'rights_request',
        objectId: id,
      });
      return detail;
    });
  }

  create(actor: Actor, input: CreateRightsRequestRequest): Promise<RightsRequestDetailDto> {
    const today = this.clock.today();
    if (input.receivedAt > today) {
      throw new RequestValidationError([
        { field: 'receivedAt', code: 'inTheFuture', message: 'the date of receipt cannot be in the future' },
      ]);
    }
    if (!input.identityVerified && input.identityMethod) {
      throw new RequestValidationError([
        {
          field: 'identityMethod',
          code: 'identityNotVerified',
          message: 'a method only goes with a verified identity',
        },
      ]);
    }
    const keys = this.controllers.keys(input.subject);
    return this.tx.run(async (em) => {
      const regionId = await this.regionOf(em, actor);
      const id = randomUUID();
      const now = this.clock.now();
      const number = await this.numbers.next(em, 'V', now);
      await em.query(
        `insert into rights_request (id, number, region_id, organisation_id, type, received_at, received_via,
           requester, due_at, status, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ONTVANGEN', $10, $11, $11)`,
        [
          id,
          number,
          regionId,
          actor.organisationId,
          input.type,
          input.receivedAt,
          input.receivedVia,
          input.requester,
          rightsDueDate(input.receivedAt),
          actor.userId,
          now,
        ],
      );
      const bsn = input.subject.bsn?.trim() || null;
      await em.query(
        `insert into rights_request_subject (request_id, given_name, family_name, date_of_birth, bsn_enc, bsn_hash,
           match_hash)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          input.subject.givenName.trim(),
          input.subject.familyName.trim(),
          input.subject.dateOfBirth,
          bsn ? this.box.seal(bsn, rightsSubjectBsnContext(id)) : null,
          keys.bsnHash,
          keys.matchHash,
        ],
      );
      await this.audit.record(em, {
        action: 'rights_request.create',
        objectType: 'rights_request',
        objectId: id,
        details: {
          type: input.type,
          receivedVia: input.receivedVia,
          requester: input.requester,
          identityVerified: input.identityVerified,
        },
      });
      if (input.identityVerified && input.identityMethod) {
        await this.sendOut(em, actor, id, keys, input.identityMethod);
      }
      return this.detail(em, actor, id);
    });
  }

  /** "Uitzetten": the identity of a waiting request is verified now; send it to the joint controllers. */
  fanOut(actor: Actor, id: string, input: FanOutRightsRequestRequest): Promise<RightsRequestDetailDto> {
    return this.tx.run(async (em) => {
      const row = await this.lock(em, actor, id, input.version);
      if (row.status !== 'ONTVANGEN') {
        throw new ConflictError(`The request is ${row.status} already.`, 'rights_request.state');
      }
      const subject = await queryRows<{ bsn_hash: Buffer | null; match_hash: Buffer }>(
        em,
        'select bsn_hash, match_hash from rights_request_subject where request_id = $1',
        [id],
      );
      await this.sendOut(
        em,
        actor,
        id,
        { bsnHash: subject[0].bsn_hash, matchHash: subject[0].match_hash },
        input.identityMethod,
      );
      return this.detail(em, actor, id);
    });
  }

  /**
   * AVG art. 12(3): once, by one or two further months, with a reason, within the period (up to
   * and including the deadline). The new deadline counts from receipt: 1 + months calendar months.
   */
  extend(actor: Actor, id: string, input: ExtendRightsRequestRequest): Promise<RightsRequestDetailDto> {
    return this.tx.run(async (em) => {
      const row = await this.lock(em, actor, id, input.version);
      if (!OPEN_STATUSES.includes(row.status)) {
        throw new ConflictError(`The request is ${row.status}.`, 'rights_request.closed');
      }
      if (row.extension_months !== null) {
        throw new ConflictError('The deadline can be extended only once.', 'rights_request.already_extended');
      }
      if (this.clock.today() > row.due_at) {
        throw new ConflictError(
          'The deadline has passed; it can only be extended before it.',
          'rights_request.past_due',
        );
      }
      const dueAt = rightsDueDate(row.received_at, input.months);
      await em.query(
        `update rights_request set due_at = $2, extension_months = $3, extension_reason = $4, extended_at = $5,
           extended_by = $6, updated_at = $5, version = version + 1
         where id = $1`,
        [id, dueAt, input.months, input.reason.trim(), this.clock.now(), actor.userId],
      );
      await this.audit.record(em, {
        action: 'rights_request.extend',
        objectType: 'rights_request',
        objectId: id,
        details: { months: input.months, dueAt },
      });
      return this.detail(em, actor, id);
    });
  }

  /** AFGEROND once every joint controller has answered; AFGEWEZEN (refused) while the request is open. */
  close(actor: Actor, id: string, input: CloseRightsRequestRequest): Promise<RightsRequestDetailDto> {
    return this.tx.run(async (em) => {
      const row = await this.lock(em, actor, id, input.version);
      if (!OPEN_STATUSES.includes(row.status)) {
        throw new ConflictError(`The request is ${row.status} already.`, 'rights_request.closed');
      }
      if (input.status === 'AFGEROND') {
        if (row.status !== 'IN_BEHANDELING') {
          throw new ConflictError('Send the request out before completing it.', 'rights_request.state');
        }
        if (row.tasks_open > 0) {
          throw new ConflictError(`${row.tasks_open} task(s) are still open.`, 'rights_request.tasks_open');
        }
      }
      const now = this.clock.now();
      await em.query(
        `update rights_request set status = $2, outcome = $3, closed_at = $4, closed_by = $5, updated_at = $4,
           version = version + 1
         where id = $1`,
        [id, input.status, input.outcome.trim(), now, actor.userId],
      );
      await this.audit.record(em, {
        action: 'rights_request.close',
        objectType: 'rights_request',
        objectId: id,
        details: { status: input.status, openTasks: row.tasks_open },
      });
      return this.detail(em, actor, id);
    });
  }

  // ---------------------------------------------------------------------------------------------

  /** The region the contactpunt works for (its organisation's, when it has roles in several). */
  private async regionOf(em: EntityManager, actor: Actor): Promise<string> {
    const regions = await contactpuntRegions(em, actor);
    const region = actor.regionId && regions.includes(actor.regionId) ? actor.regionId : regions[0];
    if (!region) {
      throw new NotFoundError();
    }
    return region;
  }

  /** Finds the persons, stores what matched and makes one task per joint controller. */
  private async sendOut(
    em: EntityManager,
    actor: Actor,
    id: string,
    keys: SubjectKeys,
    identityMethod: IdentityMethod,
  ): Promise<void> {
    const reach = await this.controllers.reach(em, keys, actor.organisationId);
    const now = this.clock.now();
    if (reach.matches.length > 0) {
      await em.query(
        `insert into rights_request_person (request_id, person_id, case_id)
         select $1, m.person_id, m.case_id from unnest($2::uuid[], $3::uuid[]) as m(person_id, case_id)`,
        [id, reach.matches.map((m) => m.personId), reach.matches.map((m) => m.caseId)],
      );
    }
    for (const controller of reach.controllers) {
      await em.query(
        `insert into rights_task (request_id, organisation_id, case_ids, item_count, status, created_at)
         values ($1, $2, $3, $4, 'OPEN', $5)`,
        [id, controller.organisation.id, controller.caseIds, controller.itemCount, now],
      );
    }
    await em.query(
      `update rights_request set status = 'IN_BEHANDELING', identity_method = $2, fanned_out_at = $3,
         matched_persons = $4, matched_cases = $5, updated_at = $3, version = version + 1
       where id = $1`,
      [id, identityMethod, now, reach.personIds.length, reach.caseIds.length],
    );
    // The look-up of the person, for the log of who searched whom: ids and counts, never a name.
    await this.audit.record(em, {
      action: 'rights_request.fan_out',
      objectType: 'rights_request',
      objectId: id,
      subjects: { persons: reach.personIds },
      details: {
        byBsn: keys.bsnHash !== null,
        identityMethod,
        persons: reach.personIds,
        cases: reach.caseIds,
        organisations: reach.controllers.map((c) => c.organisation.id),
      },
    });
  }

  /** The request for a change: 404 outside the contactpunt's regions, 409 on a stale version. */
  private async lock(em: EntityManager, actor: Actor, id: string, version: number): Promise<RequestRow> {
    const regions = await contactpuntRegions(em, actor);
    const locked = await queryRows<{ id: string }>(
      em,
      'select id from rights_request where id = $1 and region_id = any($2::uuid[]) for update',
      [id, regions],
    );
    if (!locked[0]) {
      throw new NotFoundError('No such request.');
    }
    const rows = await queryRows<RequestRow>(em, `${SELECT} where r.id = $1`, [id]);
    if (rows[0].version !== version) {
      throw new ConflictError('The request was changed by someone else.');
    }
    return rows[0];
  }

  private async detail(em: EntityManager, actor: Actor, id: string): Promise<RightsRequestDetailDto> {
    const regions = await contactpuntRegions(em, actor);
    const rows = await queryRows<RequestRow>(
      em,
      `${SELECT} where r.id = $1 and r.region_id = any($2::uuid[])`,
      [id, regions],
    );
    const row = rows[0];
    if (!row) {
      throw new NotFoundError('No such request.');
    }
    const subject = await queryRows<{
      given_name: string;
      family_name: string;
      date_of_birth: string;
      bsn_given: boolean;
    }>(
      em,
      `select given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth,
              bsn_hash is not null as bsn_given
         from rights_request_subject where request_id = $1`,
      [id],
    );
    const tasks = await queryRows<{
      id: string;
      organisation_id: string;
      organisation_name: string;
      partner_type: RightsTaskDto['organisation']['partnerType'];
      status: RightsTaskDto['status'];
      case_count: number;
      item_count: number;
      answered_at: Date | null;
      answered_by: string | null;
      note: string | null;
    }>(
      em,
      `select k.id, o.id as organisation_id, o.name as organisation_name, o.partner_type, k.status,
              cardinality(k.case_ids) as case_count, k.item_count, k.answered_at, u.display_name as answered_by,
              k.note
         from rights_task k
         join organisation o on o.id = k.organisation_id
         left join app_user u on u.id = k.answered_by
        where k.request_id = $1
        order by o.name`,
      [id],
    );
    const summary = this.summary(row);
    const open = OPEN_STATUSES.includes(row.status);
    const s = subject[0];
    return {
      ...summary,
      receivedVia: row.received_via,
      requester: row.requester,
      identityVerified: row.identity_method !== null,
      identityMethod: row.identity_method,
      subject: {
        givenName: s.given_name,
        familyName: s.family_name,
        dateOfBirth: s.date_of_birth,
        bsnGiven: s.bsn_given,
      },
      matched: { persons: row.matched_persons, cases: row.matched_cases },
      originalDueAt: rightsDueDate(row.received_at),
      extension:
        row.extension_months !== null && row.extended_at
          ? {
              months: row.extension_months,
              reason: row.extension_reason ?? '',
              extendedAt: row.extended_at.toISOString(),
              extendedBy: row.extended_by_name ?? '',
            }
          : null,
      fannedOutAt: row.fanned_out_at?.toISOString() ?? null,
      outcome: row.outcome,
      closedAt: row.closed_at?.toISOString() ?? null,
      createdBy: row.created_by_name,
      tasks: tasks.map((t) => ({
        id: t.id,
        organisation: { id: t.organisation_id, name: t.organisation_name, partnerType: t.partner_type },
        status: t.status,
        caseCount: t.case_count,
        itemCount: t.item_count,
        answeredAt: t.answered_at?.toISOString() ?? null,
        answeredBy: t.answered_by,
        note: t.note,
      })),
      version: row.version,
      can: {
        fanOut: row.status === 'ONTVANGEN',
        extend: open && row.extension_months === null && this.clock.today() <= row.due_at,
        close: row.status === 'IN_BEHANDELING' && row.tasks_open === 0,
        reject: open,
      },
    };
  }

  private summary(row: RequestRow): RightsRequestSummaryDto {
    return {
      id: row.id,
      number: row.number,
      type: row.type,
      status: row.status,
      receivedAt: row.received_at,
      dueAt: row.due_at,
      extended: row.extension_months !== null,
      overdue: OPEN_STATUSES.includes(row.status) && this.clock.today() > row.due_at,
      taskCounts: { total: row.tasks_total, open: row.tasks_open },
    };
  }
}
