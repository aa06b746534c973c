import type { ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Config } from '@resonance/config';
import { serveMetrics } from '@resonance/runtime';
import type { HttpRequest } from '../common/http';
import { ApiMetrics } from './api-metrics';
import { httpMetricsMiddleware } from './http-metrics';

export { MetricsModule } from './metrics.module';
export { ApiMetrics } from './api-metrics';

export const METRICS_PATH = '/metrics';

/**
 * Times every request (first middleware, so guards' refusals and 404s count too) and serves
 * GET /metrics behind METRICS_TOKEN. /metrics sits outside /api, where Prometheus looks by default.
 */
export function mountMetrics(app: INestApplication, config: Pick<Config, 'METRICS_TOKEN'>): void {
  const metrics = app.get(ApiMetrics);
  app.use(httpMetricsMiddleware(metrics.httpDuration));
  app.use(METRICS_PATH, (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    serveMetrics(req, res, metrics.registry, config.METRICS_TOKEN).catch(next);
  });
}
