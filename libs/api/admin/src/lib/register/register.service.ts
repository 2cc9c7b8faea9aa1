import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { TransactionRunner } from '@casustafel/api/database';
import {
  Actor,
  Clock,
  ConflictError,
  NotFoundError,
  RequestValidationError,
  tablesWithRole,
} from '@casustafel/api/platform';
import type {
  CreateProcessingActivityRequest,
  NewProcessingActivityVersionRequest,
  ProcessingActivityDto,
  ProcessingActivityRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';

interface ActivityRow {
  id: string;
  activity_key: string;
  version: number;
  table_id: string | null;
  table_name: string | null;
  name: string;
  purpose: string;
  legal_grounds: ProcessingActivityDto['legalGrounds'];
  controllers: string;
  data_categories: ProcessingActivityDto['dataCategories'];
  subject_categories: ProcessingActivityDto['subjectCategories'];
  retention: string;
  valid_from: Date;
  valid_until: Date | null;
}

const SELECT = `select a.id, a.activity_key, a.version, a.table_id, t.name as table_name, a.name, a.purpose,
  a.legal_grounds, a.controllers, a.data_categories, a.subject_categories, a.retention, a.valid_from, a.valid_until
  from processing_activity a left join case_table t on t.id = a.table_id`;

/**
 * The register of processing activities of the own region (verwerkingsregister). Versions are
 * immutable: a change registers the next version under a new identifier and moves the table to it,
 * so that every audit record keeps pointing at the version that was in force (ADR 0018).
 * The beheerder of a table changes its activity; the FG and beheerders read the whole register.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  /** Every version, the versions in force first, then per activity newest first. */
  list(actor: Actor): Promise<ProcessingActivityDto[]> {
    return this.tx.run(async (em) => {
      const rows: ActivityRow[] = await em.query(
        `${SELECT} where a.region_id = $1 or a.region_id is null
         order by (a.valid_until is null) desc, a.name, a.activity_key, a.version desc`,
        [actor.regionId],
      );
      await this.audit.record(em, {
        action: 'register.list',
        objectType: 'processing_activity',
        details: { returned: rows.length },
      });
      return rows.map(toDto);
    });
  }

  create(actor: Actor, input: CreateProcessingActivityRequest): Promise<ProcessingActivityDto> {
    return this.tx.run(async (em) => {
      if (input.tableId) {
        await this.assertTableOfBeheerder(em, actor, input.tableId, 'tableId');
      }
      const key = randomUUID();
      const id = versionId(key, 1);
      // A table has one activity in force: a new activity for it ends the one it replaces.
      const replaced: Array<{ id: string }> = input.tableId
        ? await em.query(
            `update processing_activity set valid_until = $2 where table_id = $1 and valid_until is null returning id`,
            [input.tableId, this.clock.now()],
          )
        : [];
      await this.insert(em, actor, id, key, 1, input.tableId ?? null, input);
      if (input.tableId) {
        await em.query('update case_table set processing_activity_id = $2 where id = $1', [input.tableId, id]);
      }
      await this.audit.record(em, {
        action: 'register.create',
        objectType: 'processing_activity',
        objectId: id,
        processingActivityId: id,
        details: { replaced: replaced.map((r) => r.id) },
      });
      return this.one(em, id);
    });
  }

  newVersion(
    actor: Actor,
    activityKey: string,
    input: NewProcessingActivityVersionRequest,
  ): Promise<ProcessingActivityDto> {
    return this.tx.run(async (em) => {
      const rows: Array<{ id: string; version: number; table_id: string | null; system: boolean }> =
        await em.query(
        `select id, version, table_id, system from processing_activity
         where activity_key = $1 and region_id = $2 and valid_until is null for update`,
        [activityKey, actor.regionId],
      );
      const current = rows[0];
      if (!current || (current.table_id && !this.isBeheerderAt(actor, current.table_id))) {
        throw new NotFoundError('No such processing activity.');
      }
      if (!current.table_id && tablesWithRole(actor, 'BEHEERDER').length === 0) {
        throw new NotFoundError('No such processing activity.');
      }
      if (current.id !== input.basedOn) {
        throw new ConflictError(
          'The processing activity has a newer version than the one you changed; reload and try again.',
        );
      }
      const now = this.clock.now();
      const id = versionId(activityKey, current.version + 1);
      await em.query('update processing_activity set valid_until = $2 where id = $1', [current.id, now]);
      await this.insert(em, actor, id, activityKey, current.version + 1, current.table_id, input, current.system);
      const moved: Array<{ id: string }> = await em.query(
        'update case_table set processing_activity_id = $2 where processing_activity_id = $1 returning id',
        [current.id, id],
      );
      await this.audit.record(em, {
        action: 'register.version',
        objectType: 'processing_activity',
        objectId: id,
        processingActivityId: id,
        details: { previous: current.id, version: current.version + 1, tables: moved.length },
      });
      return this.one(em, id);
    });
  }

  private async insert(
    em: EntityManager,
    actor: Actor,
    id: string,
    key: string,
    version: number,
    tableId: string | null,
    input: ProcessingActivityRequest,
    system = false,
  ): Promise<void> {
    await em.query(
      `insert into processing_activity (id, activity_key, version, region_id, table_id, name, purpose, legal_grounds,
         controllers, data_categories, subject_categories, retention, valid_from, created_by, system)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        key,
        version,
        actor.regionId,
        tableId,
        input.name.trim(),
        input.purpose.trim(),
        input.legalGrounds,
        input.controllers.trim(),
        input.dataCategories,
        input.subjectCategories,
        input.retention.trim(),
        this.clock.now(),
        actor.userId,
        system,
      ],
    );
  }

  private async assertTableOfBeheerder(
    em: EntityManager,
    actor: Actor,
    tableId: string,
    field: string,
  ): Promise<void> {
    const rows: unknown[] = await em.query('select 1 from case_table where id = $1 and region_id = $2', [
      tableId,
      actor.regionId,
    ]);
    if (rows.length === 0 || !this.isBeheerderAt(actor, tableId)) {
      throw new RequestValidationError([
        { field, code: 'unknownTable', message: 'is not a table you administer' },
      ]);
    }
  }

  private isBeheerderAt(actor: Actor, tableId: string): boolean {
    return tablesWithRole(actor, 'BEHEERDER').includes(tableId);
  }

  private async one(em: EntityManager, id: string): Promise<ProcessingActivityDto> {
    const rows: ActivityRow[] = await em.query(`${SELECT} where a.id = $1`, [id]);
    return toDto(rows[0]);
  }
}

/** The identifier of a version: stable, readable, and new for every version. */
function versionId(key: string, version: number): string {
  return `urn:casustafel:verwerking:${key}:v${version}`;
}

function toDto(r: ActivityRow): ProcessingActivityDto {
  return {
    id: r.id,
    activityKey: r.activity_key,
    version: r.version,
    table: r.table_id ? { id: r.table_id, name: r.table_name ?? '' } : null,
    name: r.name,
    purpose: r.purpose,
    legalGrounds: r.legal_grounds,
    controllers: r.controllers,
    dataCategories: r.data_categories,
    subjectCategories: r.subject_categories,
    retention: r.retention,
    validFrom: new Date(r.valid_from).toISOString(),
    validUntil: r.valid_until ? new Date(r.valid_until).toISOString() : null,
  };
}
