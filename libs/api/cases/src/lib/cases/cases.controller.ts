import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext, RequestValidationError } from '@casustafel/api/platform';
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentDto,
  type CaseDetailDto,
  type CaseListResponse,
} from '@casustafel/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AddParticipantDto,
  CaseTransitionDto,
  CreateCaseItemDto,
  CreateDisclosureDto,
  CreateInformationRequestDto,
  DeclineInformationRequestDto,
  ListCasesQueryDto,
  PutB8Dto,
  PutExploitationDto,
  PutShelterDto,
  RevokeDisclosureDto,
  UpdateCaseDto,
  UpdateCaseItemDto,
} from '../dto/cases.dto';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { ItemsService } from '../items/items.service';
import { InformationRequestsService } from '../requests/information-requests.service';
import { CasesService } from './cases.service';

/** Cases and everything inside them. Every read and change is decided by the access policy and audited. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly items: ItemsService,
    private readonly disclosures: DisclosuresService,
    private readonly requests: InformationRequestsService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'cases.read' })
  list(@Query() query: ListCasesQueryDto): Promise<CaseListResponse> {
    return this.cases.list(this.context.actor, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'cases.read' })
  one(@IdParam() id: string): Promise<CaseDetailDto> {
    return this.cases.get(this.context.actor, id);
  }

  @Put(':id')
  @Authenticated({ permission: 'cases.manage' })
  update(@IdParam() id: string, @Body() body: UpdateCaseDto): Promise<CaseDetailDto> {
    return this.cases.update(this.context.actor, id, body);
  }

  @Post(':id/transitions')
  @Authenticated({ permission: 'cases.manage' })
  @HttpCode(HttpStatus.OK)
  transition(@IdParam() id: string, @Body() body: CaseTransitionDto): Promise<CaseDetailDto> {
    return this.cases.transition(this.context.actor, id, body);
  }

  @Post(':id/participants')
  @Authenticated({ permission: 'cases.manage' })
  addParticipant(@IdParam() id: string, @Body() body: AddParticipantDto): Promise<CaseDetailDto> {
    return this.cases.addParticipant(this.context.actor, id, body);
  }

  @Put(':id/mensenhandel/exploitation')
  @Authenticated({ permission: 'cases.write' })
  exploitation(@IdParam() id: string, @Body() body: PutExploitationDto): Promise<CaseDetailDto> {
    return this.cases.putExploitation(this.context.actor, id, body);
  }

  @Put(':id/mensenhandel/b8')
  @Authenticated({ permission: 'cases.write' })
  b8(@IdParam() id: string, @Body() body: PutB8Dto): Promise<CaseDetailDto> {
    return this.cases.putB8(this.context.actor, id, body);
  }

  @Put(':id/mensenhandel/shelter')
  @Authenticated({ permission: 'cases.write' })
  shelter(@IdParam() id: string, @Body() body: PutShelterDto): Promise<CaseDetailDto> {
    return this.cases.putShelter(this.context.actor, id, body);
  }

  @Post(':id/items')
  @Authenticated({ permission: 'cases.write' })
  addItem(@IdParam() id: string, @Body() body: CreateCaseItemDto): Promise<{ id: string }> {
    return this.items.create(this.context.actor, id, body);
  }

  @Put(':id/items/:itemId')
  @Authenticated({ permission: 'cases.write' })
  updateItem(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() body: UpdateCaseItemDto,
  ): Promise<{ id: string; version: number }> {
    return this.items.update(this.context.actor, id, itemId, body);
  }

  /** multipart/form-data with one field `file`; type and size are checked before anything is stored. */
  @Post(':id/items/:itemId/attachments')
  @Authenticated({ permission: 'cases.write' })
  @ApiConsumes('multipart/form-data')
  async attach(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentDto> {
    if (!request.isMultipart()) {
      throw new RequestValidationError([
        { field: 'file', code: 'multipartRequired', message: 'send the file as multipart/form-data' },
      ]);
    }
    const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    if (!part) {
      throw new RequestValidationError([{ field: 'file', code: 'fileRequired', message: 'add a file' }]);
    }
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch {
      throw new RequestValidationError([
        { field: 'file', code: 'fileTooLarge', message: 'a file must be at most 10 MB' },
      ]);
    }
    return this.items.attach(this.context.actor, id, itemId, {
      fileName: part.filename,
      contentType: part.mimetype,
      content,
    });
  }

  @Get(':id/items/:itemId/attachments/:attachmentId')
  @Authenticated({ permission: 'cases.read' })
  async download(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.items.download(this.context.actor, id, itemId, attachmentId);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .send(file.content);
  }

  @Post(':id/disclosures')
  @Authenticated({ permission: 'cases.write' })
  propose(@IdParam() id: string, @Body() body: CreateDisclosureDto): Promise<{ id: string }> {
    return this.disclosures.propose(this.context.actor, id, body);
  }

  @Post(':id/disclosures/:disclosureId/approve')
  @Authenticated({ permission: 'disclosures.approve' })
  @HttpCode(HttpStatus.NO_CONTENT)
  approve(@IdParam() id: string, @IdParam('disclosureId') disclosureId: string): Promise<void> {
    return this.disclosures.decide(this.context.actor, id, disclosureId, true);
  }

  @Post(':id/disclosures/:disclosureId/reject')
  @Authenticated({ permission: 'disclosures.approve' })
  @HttpCode(HttpStatus.NO_CONTENT)
  reject(@IdParam() id: string, @IdParam('disclosureId') disclosureId: string): Promise<void> {
    return this.disclosures.decide(this.context.actor, id, disclosureId, false);
  }

  @Post(':id/disclosures/:disclosureId/revoke')
  @Authenticated({ permission: 'cases.write' })
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(
    @IdParam() id: string,
    @IdParam('disclosureId') disclosureId: string,
    @Body() body: RevokeDisclosureDto,
  ): Promise<void> {
    return this.disclosures.revoke(this.context.actor, id, disclosureId, body.reason);
  }

  @Post(':id/information-requests')
  @Authenticated({ permission: 'cases.manage' })
  request(@IdParam() id: string, @Body() body: CreateInformationRequestDto): Promise<{ id: string }> {
    return this.requests.create(this.context.actor, id, body);
  }

  @Post(':id/information-requests/:requestId/decline')
  @Authenticated({ permission: 'cases.write' })
  @HttpCode(HttpStatus.NO_CONTENT)
  decline(
    @IdParam() id: string,
    @IdParam('requestId') requestId: string,
    @Body() body: DeclineInformationRequestDto,
  ): Promise<void> {
    return this.requests.decline(this.context.actor, id, requestId, body.reason);
  }
}
