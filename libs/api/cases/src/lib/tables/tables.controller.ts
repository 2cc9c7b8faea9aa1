import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type {
  CaseTableDto,
  TableOrganisation,
  VisibilityMatrixDto,
  VisibilityMatrixHistoryEntry,
} from '@casustafel/shared/contracts';
import { PutVisibilityMatrixDto } from '../dto/cases.dto';
import { TablesService } from './tables.service';

@ApiTags('tables')
@Controller('tables')
export class TablesController {
  constructor(
    private readonly tables: TablesService,
    private readonly context: RequestContext,
  ) {}

  /** The tables where I work with cases, with their signal lists and my roles. */
  @Get()
  @Authenticated({ permission: 'cases.read' })
  myTables(): Promise<CaseTableDto[]> {
    return this.tables.myTables(this.context.actor);
  }

  /** Organisations with a covenant status at the table (choices in forms). */
  @Get(':id/organisations')
  @Authenticated({ permission: 'cases.read' })
  organisations(@IdParam() id: string): Promise<TableOrganisation[]> {
    return this.tables.organisations(this.context.actor, id);
  }

  @Get(':id/visibility')
  @Authenticated({ permission: 'tables.configure' })
  matrix(@IdParam() id: string): Promise<VisibilityMatrixDto> {
    return this.tables.matrix(this.context.actor, id);
  }

  @Get(':id/visibility/history')
  @Authenticated({ permission: 'tables.configure' })
  history(@IdParam() id: string): Promise<VisibilityMatrixHistoryEntry[]> {
    return this.tables.history(this.context.actor, id);
  }

  @Put(':id/visibility')
  @Authenticated({ permission: 'tables.configure' })
  putMatrix(@IdParam() id: string, @Body() body: PutVisibilityMatrixDto): Promise<VisibilityMatrixDto> {
    return this.tables.putMatrix(this.context.actor, id, body);
  }
}
