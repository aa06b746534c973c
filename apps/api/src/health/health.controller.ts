import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthProbes } from './health.probes';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HealthProbes) private readonly probes: HealthProbes,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      "Database and queue reachability (200 when both are up, 503 otherwise); with DATABASE_READ_URL also the read replica's state and lag (never 503 for it: reads then go to the primary)",
  })
  check() {
    return this.health.check([
      () => this.probes.database(this.indicators),
      () => this.probes.queue(this.indicators),
      ...(this.probes.hasReadReplica ? [() => this.probes.readReplica(this.indicators)] : []),
    ]);
  }
}
