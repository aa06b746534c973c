import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { securityHeadersMiddleware } from './security-headers';
import { writeRateLimitMiddleware } from './write-rate-limit';

export { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers';
export { WRITE_WINDOW_MS } from './write-rate-limit';

/** Security headers on every response and the shared write rate limit; before any route is mounted. */
export function applySecurity(app: INestApplication, config: Config): void {
  app.use(securityHeadersMiddleware(config));
  app.use(writeRateLimitMiddleware(app.get(DataSource), config.API_WRITE_LIMIT_PER_MINUTE));
}
