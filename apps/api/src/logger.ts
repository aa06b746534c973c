import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Config } from '@resonance/config';
import { logRedaction } from '@resonance/runtime';

/** OAuth callbacks carry the authorization code and the state in their query: logged without it. */
export const loggableUrl = (url: string): string => (url.startsWith('/api/oauth/') && url.includes('?') ? `${url.slice(0, url.indexOf('?'))}?[Redacted]` : url);

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function apiLoggerOptions(config: Config): Params {
  return {
    pinoHttp: {
      name: 'api',
      level: config.LOG_LEVEL,
      redact: logRedaction(),
      // Each request gets an id (the caller's X-Request-Id when it is well-formed), echoed back.
      genReqId: (req: IncomingMessage, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: () => ({}),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
      },
    },
  };
}
