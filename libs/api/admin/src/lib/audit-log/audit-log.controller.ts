import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam } from '@casustafel/api/platform';
import type {
  AuditPersonEventsResponse,
  AuditPersonHitDto,
  AuditUserDto,
  AuditUserEventsResponse,
} from '@casustafel/shared/contracts';
import type { FastifyReply } from 'fastify';
import { toCsv, toLdv } from './audit-log-export';
import {
  AuditEventQueryDto,
  AuditPeriodQueryDto,
  AuditPersonSearchQueryDto,
  AuditUserSearchQueryDto,
} from './audit-log.dto';
import { AuditLogService } from './audit-log.service';

/**
 * The FG's views of the audit log of their own region (NEN 7513 overview per person and per user,
 * Logboek Dataverwerkingen export). Anything outside the region is "not found".
 */
@ApiTags('audit')
@Controller('audit')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get('persons')
  @Authenticated({ permission: 'audit.read' })
  searchPersons(@Query() query: AuditPersonSearchQueryDto): Promise<AuditPersonHitDto[]> {
    return this.auditLog.searchPersons(query);
  }

  /** Who had access to this person's data ("wie heeft dit dossier ingezien"), newest first. */
  @Get('persons/:id/events')
  @Authenticated({ permission: 'audit.read' })
  personEvents(
    @IdParam() id: string,
    @Query() query: AuditEventQueryDto,
  ): Promise<AuditPersonEventsResponse> {
    return this.auditLog.personEvents(id, query);
  }

  @Get('persons/:id/events/export/csv')
  @Authenticated({ permission: 'audit.read' })
  async exportCsv(
    @IdParam() id: string,
    @Query() query: AuditPeriodQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { items } = await this.auditLog.exportPersonEvents(id, query, 'CSV');
    await download(reply, 'text/csv; charset=utf-8', `logboek-${fileStamp(query)}.csv`, toCsv(items));
  }

  /** The same records as Logboek Dataverwerkingen log records (JSON array). */
  @Get('persons/:id/events/export/ldv')
  @Authenticated({ permission: 'audit.read' })
  async exportLdv(
    @IdParam() id: string,
    @Query() query: AuditPeriodQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { items } = await this.auditLog.exportPersonEvents(id, query, 'LDV');
    await download(
      reply,
      'application/json; charset=utf-8',
      `logboek-dataverwerkingen-${fileStamp(query)}.json`,
      JSON.stringify(items.map(toLdv), null, 2),
    );
  }

  @Get('users')
  @Authenticated({ permission: 'audit.read' })
  users(@Query() query: AuditUserSearchQueryDto): Promise<AuditUserDto[]> {
    return this.auditLog.users(query.name);
  }

  /** What this user did ("wat heeft deze gebruiker gedaan"), newest first. */
  @Get('users/:id/events')
  @Authenticated({ permission: 'audit.read' })
  userEvents(@IdParam() id: string, @Query() query: AuditEventQueryDto): Promise<AuditUserEventsResponse> {
    return this.auditLog.userEvents(id, query);
  }
}

/** No name in the file name: it lands in download folders and browser histories. */
function fileStamp(query: AuditPeriodQueryDto): string {
  return [query.from, query.to].filter(Boolean).join('_tot_') || 'alles';
}

async function download(reply: FastifyReply, type: string, fileName: string, body: string): Promise<void> {
  await reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
