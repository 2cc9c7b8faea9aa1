import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode, queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, ConflictError, NotFoundError } from '@casustafel/api/platform';
import type {
  CreateOrganisationRequest,
  OrganisationDto,
  UpdateOrganisationRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { adminScope } from '../admin-scope';

interface OrganisationRow {
  id: string;
  name: string;
  partner_type: OrganisationDto['partnerType'];
  legal_regimes: OrganisationDto['legalRegimes'];
  active: boolean;
  version: number;
}

const COLUMNS = 'id, name, partner_type, legal_regimes, active, version';

@Injectable()
export class OrganisationsAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  list(actor: Actor): Promise<OrganisationDto[]> {
    return this.tx.run(async (em) => {
      const rows: OrganisationRow[] = await em.query(
        `select ${COLUMNS} from organisation where region_id = $1 order by name`,
        [adminScope(actor).regionId],
      );
      return rows.map(toDto);
    });
  }

  create(actor: Actor, input: CreateOrganisationRequest): Promise<OrganisationDto> {
    return this.tx.run(async (em) => {
      const rows: OrganisationRow[] = await uniqueName(() =>
        em.query(
          `insert into organisation (region_id, name, partner_type, legal_regimes) values ($1, $2, $3, $4) returning ${COLUMNS}`,
          [adminScope(actor).regionId, input.name.trim(), input.partnerType, input.legalRegimes],
        ),
      );
      await this.audit.record(em, {
        action: 'admin.organisation.create',
        objectType: 'organisation',
        objectId: rows[0].id,
        details: { partnerType: input.partnerType },
      });
      return toDto(rows[0]);
    });
  }

  update(actor: Actor, id: string, input: UpdateOrganisationRequest): Promise<OrganisationDto> {
    return this.tx.run(async (em) => {
      const rows = await uniqueName(() =>
        queryRows<OrganisationRow>(
          em,
          `update organisation set name = $3, partner_type = $4, legal_regimes = $5, active = $6, version = version + 1,
             updated_at = now()
           where id = $1 and region_id = $2 and version = $7 returning ${COLUMNS}`,
          [
            id,
            adminScope(actor).regionId,
            input.name.trim(),
            input.partnerType,
            input.legalRegimes,
            input.active,
            input.version,
          ],
        ),
      );
      if (rows.length === 0) {
        await this.explainMiss(em, actor, id);
      }
      await this.audit.record(em, {
        action: 'admin.organisation.update',
        objectType: 'organisation',
        objectId: id,
        details: { active: input.active, partnerType: input.partnerType },
      });
      return toDto(rows[0]);
    });
  }

  private async explainMiss(em: EntityManager, actor: Actor, id: string): Promise<never> {
    const exists: unknown[] = await em.query('select 1 from organisation where id = $1 and region_id = $2', [
      id,
      adminScope(actor).regionId,
    ]);
    if (exists.length === 0) {
      throw new NotFoundError('No such organisation.');
    }
    throw new ConflictError('The organisation was changed by someone else; reload and try again.');
  }
}

function toDto(row: OrganisationRow): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    partnerType: row.partner_type,
    legalRegimes: row.legal_regimes,
    active: row.active,
    version: row.version,
  };
}

async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) {
      throw new ConflictError(
        'An organisation with this name already exists in the region.',
        'organisation.name_taken',
      );
    }
    throw error;
  }
}
