import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@casustafel/api/auth';
import type { HealthResponse, LivenessResponse } from '@casustafel/shared/contracts';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness and database readiness; 503 while the database is unreachable. Public by design. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'The server and its database are up.' })
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable; the body says which check failed.',
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    void reply.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    void reply.header('cache-control', 'no-store');
    return result;
  }

  /**
   * Liveness only: the process serves HTTP. No database check, so an orchestrator does not restart
   * the app during a database outage (readiness is `GET /api/health`).
   */
  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is up.' })
  live(@Res({ passthrough: true }) reply: FastifyReply): LivenessResponse {
    void reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  }
}
