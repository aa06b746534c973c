import { Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { MetricsRepository } from './metrics.repository';

/** The api's Prometheus registry (served at /metrics by mountMetrics, outside the /api prefix). */
@Module({ providers: [MetricsRepository, ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule {}
