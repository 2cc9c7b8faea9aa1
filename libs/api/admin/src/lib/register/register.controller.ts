import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@casustafel/api/auth';
import { IdParam, RequestContext } from '@casustafel/api/platform';
import type { ProcessingActivityDto } from '@casustafel/shared/contracts';
import { CreateProcessingActivityDto, NewProcessingActivityVersionDto } from './register.dto';
import { RegisterService } from './register.service';

/** The register of processing activities of the own region (verwerkingsregister). */
@ApiTags('register')
@Controller('register/processing-activities')
export class RegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @Authenticated({ permission: 'register.read' })
  list(): Promise<ProcessingActivityDto[]> {
    return this.register.list(this.context.actor);
  }

  @Post()
  @Authenticated({ permission: 'tables.configure' })
  create(@Body() body: CreateProcessingActivityDto): Promise<ProcessingActivityDto> {
    return this.register.create(this.context.actor, body);
  }

  /** Registers the next version of an activity (a new identifier); the version in force ends now. */
  @Post(':key/versions')
  @Authenticated({ permission: 'tables.configure' })
  newVersion(
    @IdParam('key') key: string,
    @Body() body: NewProcessingActivityVersionDto,
  ): Promise<ProcessingActivityDto> {
    return this.register.newVersion(this.context.actor, key, body);
  }
}
