import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry of one process with Node's own metrics (CPU, memory, event-loop lag, GC), labelled with the process. */
export function processRegistry(processName: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry, prefix: 'resonance_' });
  return registry;
}

/** Whether an Authorization header carries the bearer token, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The answer to GET /metrics: 404 when no METRICS_TOKEN is set (metrics are off, and nothing says
 * they exist), 401 without the right bearer token, otherwise the registry in Prometheus's text format.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, registry: Registry, token: string | undefined): Promise<void> {
  if (!token) {
    res.statusCode = 404;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ statusCode: 404, message: 'metrics are off: set METRICS_TOKEN to turn them on', error: 'Not Found' }));
    return;
  }
  if (!bearerMatches(req.headers.authorization, token)) {
    res.statusCode = 401;
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ statusCode: 401, message: 'send the METRICS_TOKEN as "Authorization: Bearer <token>"', error: 'Unauthorized' }));
    return;
  }
  const body = await registry.metrics();
  res.statusCode = 200;
  res.setHeader('content-type', registry.contentType);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}
