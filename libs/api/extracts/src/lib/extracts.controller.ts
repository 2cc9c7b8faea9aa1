import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { ExtractCandidatesDto, ExtractDto, ReceivedExtractDto } from '@casustafel/shared/contracts';
import {
  CreateExtractDto,
  ExtractCandidatesQueryDto,
  ExtractDecisionDto,
  RecallExtractDto,
} from './extracts.dto';
import { ExtractsService } from './extracts.service';

/**
 * Need-to-know extracts (issue 7, ADR 0024): composed, approved and recalled by the managers of a
 * case's table; read and downloaded by the recipient organisation. Which case and which extract is
 * the service's decision; anything not one's own looks like "not found".
 */
@ApiTags('extracts')
@Controller()
export class ExtractsController {
  constructor(
    private readonly extracts: ExtractsService,
    private readonly context: RequestContext,
  ) {}

  @Get('cases/:id/extracts')
  @Authenticated({ permission: 'extracts.compose' })
  list(@IdParam() caseId: string): Promise<ExtractDto[]> {
    return this.extracts.list(this.context.actor, caseId);
  }

  @Get('cases/:id/extracts/candidates')
  @Authenticated({ permission: 'extracts.compose' })
  candidates(
    @IdParam() caseId: string,
    @Query() query: ExtractCandidatesQueryDto,
  ): Promise<ExtractCandidatesDto> {
    return this.extracts.candidates(this.context.actor, caseId, query.recipientOrganisationId);
  }

  @Post('cases/:id/extracts')
  @Authenticated({ permission: 'extracts.compose' })
  create(@IdParam() caseId: string, @Body() body: CreateExtractDto): Promise<ExtractDto> {
    return this.extracts.create(this.context.actor, caseId, body);
  }

  @Get('extracts/:id')
  @Authenticated({ permission: 'extracts.compose' })
  get(@IdParam() id: string): Promise<ExtractDto> {
    return this.extracts.get(this.context.actor, id);
  }

  @Post('extracts/:id/decision')
  @Authenticated({ permission: 'extracts.compose' })
  @HttpCode(HttpStatus.OK)
  decide(@IdParam() id: string, @Body() body: ExtractDecisionDto): Promise<ExtractDto> {
    return this.extracts.decide(this.context.actor, id, body);
  }

  @Post('extracts/:id/recall')
  @Authenticated({ permission: 'extracts.compose' })
  @HttpCode(HttpStatus.OK)
  recall(@IdParam() id: string, @Body() body: RecallExtractDto): Promise<ExtractDto> {
    return this.extracts.recall(this.context.actor, id, body);
  }

  @Get('extracts/:id/document.pdf')
  @Authenticated({ permission: 'extracts.receive' })
  pdf(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(id, 'pdf', reply);
  }

  @Get('extracts/:id/document.json')
  @Authenticated({ permission: 'extracts.receive' })
  json(@IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.send(id, 'json', reply);
  }

  @Get('received-extracts')
  @Authenticated({ permission: 'extracts.receive' })
  received(): Promise<ReceivedExtractDto[]> {
    return this.extracts.received(this.context.actor);
  }

  @Get('received-extracts/:id')
  @Authenticated({ permission: 'extracts.receive' })
  receivedOne(@IdParam() id: string): Promise<ReceivedExtractDto> {
    return this.extracts.receivedOne(this.context.actor, id);
  }

  private async send(id: string, format: 'pdf' | 'json', reply: FastifyReply): Promise<void> {
    const file = await this.extracts.download(this.context.actor, id, format);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.content);
  }
}
