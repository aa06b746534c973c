import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { requestToken } from './tokens';

/**
 * Graph batch requests (POST / with `batch`, developers.facebook.com/docs/graph-api/batch-requests):
 * up to 50 calls, each run as a request of its own (own authentication, own errors, counted
 * against the rate limits like any call) and answered in order as {code, headers, body} with the
 * body as a JSON string. The outer access token applies to calls that carry none. Dependent calls
 * (`name` / JSONPath references) are not modelled.
 */

const MAX_CALLS = 50;
const VERSION = /^v\d+\.\d+$/;

interface BatchCall {
  method: string;
  relative_url: string;
  body?: string;
}

function callsOf(raw: unknown): BatchCall[] | string {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return 'The parameter batch must be a JSON array';
    }
  }
  if (!Array.isArray(value)) return 'The parameter batch must be a JSON array';
  if (value.length === 0) return 'The parameter batch is required';
  if (value.length > MAX_CALLS) return `Too many requests in batch message. Maximum batch size is ${MAX_CALLS}`;
  const calls: BatchCall[] = [];
  for (const item of value as unknown[]) {
    const entry = (item ?? {}) as Record<string, unknown>;
    if (typeof entry.relative_url !== 'string' || entry.relative_url.replace(/^\/+/, '') === '') return 'Each batch call must have a relative_url';
    const method = typeof entry.method === 'string' ? entry.method.toUpperCase() : 'GET';
    if (!['GET', 'POST', 'DELETE'].includes(method)) return `Unsupported method in batch call: ${method}`;
    calls.push({ method, relative_url: entry.relative_url, ...(typeof entry.body === 'string' ? { body: entry.body } : {}) });
  }
  return calls;
}

export const isBatch = (req: SimRequest): boolean => req.method === 'POST' && (req.body.batch !== undefined || req.query.get('batch') !== null);

/** Runs the batch through `handle` (the module's own entry point) and answers the calls' results in order. */
export function runBatch(req: SimRequest, version: string, handle: (sub: SimRequest) => SimResponse): SimResponse {
  const calls = callsOf(req.body.batch ?? req.query.get('batch'));
  if (typeof calls === 'string') return errors.invalidParam(calls);
  const outerToken = requestToken(req);
  const include = req.body.include_headers ?? req.query.get('include_headers');
  const withHeaders = include !== false && include !== 'false';
  const answers = calls.map((call) => {
    const url = new URL(call.relative_url.replace(/^\/+/, ''), 'http://batch/');
    const segments = url.pathname.split('/').filter(Boolean);
    const path = `/${VERSION.test(segments[0] ?? '') ? '' : `${version}/`}${segments.join('/')}`;
    const body: Record<string, unknown> = call.body ? Object.fromEntries(new URLSearchParams(call.body)) : {};
    if (outerToken && !url.searchParams.has('access_token') && body.access_token === undefined) url.searchParams.set('access_token', outerToken);
    const sub: SimRequest = {
      method: call.method,
      path: decodeURIComponent(path),
      query: url.searchParams,
      headers: {},
      rawBody: Buffer.alloc(0),
      body,
      badBody: false,
      origin: req.origin,
      mount: req.mount,
    };
    const res = handle(sub);
    const headers = Object.entries({ 'Content-Type': 'application/json; charset=UTF-8', ...res.headers }).map(([name, value]) => ({ name, value }));
    return { code: res.status, ...(withHeaders ? { headers } : {}), body: res.raw ? String(res.raw.data) : JSON.stringify(res.body ?? null) };
  });
  return json(200, answers);
}
