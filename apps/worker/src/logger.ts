import type { Params } from 'nestjs-pino';
import type { Config } from '@resonance/config';
import { logRedaction } from '@resonance/runtime';

export function loggerOptions(config: Config, name: string): Params {
  return {
    pinoHttp: {
      name,
      level: config.LOG_LEVEL,
      redact: logRedaction(),
      autoLogging: false,
    },
  };
}
