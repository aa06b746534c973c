import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { SessionService } from '../auth/session.service';
import { securityHeadersMiddleware } from './security-headers';
import { WriteRateLimit, writeRateLimitMiddleware } from './write-rate-limit';

export { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers';
export { WRITE_WINDOW_MS } from './write-rate-limit';

/** Security headers on every response and the shared write rate limit; before any route is mounted. */
export function applySecurity(app: INestApplication, config: Config): void {
  app.use(securityHeadersMiddleware(config));
  const sessions = app.get(SessionService);
  app.use(writeRateLimitMiddleware(new WriteRateLimit(app.get(DataSource), (token) => sessions.sessionIdOf(token)), config.API_WRITE_LIMIT_PER_MINUTE));
}
