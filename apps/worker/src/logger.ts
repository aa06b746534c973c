import type { Params } from 'nestjs-pino';
import type { Config } from '@resonance/config';

/** Paths pino replaces with [Redacted]: credentials must never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.token',
  '*.secret',
  '*.credentials',
];

export function loggerOptions(config: Config, name: string): Params {
  return {
    pinoHttp: {
      name,
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      autoLogging: false,
    },
  };
}
