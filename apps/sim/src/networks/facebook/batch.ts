import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { requestToken } from './tokens';

/**
 * Graph batch requests (POST / with `batch`, developers.facebook.com/docs/graph-api/batch-requests):
 * up to 50 calls, each run as a request of its own (own authentication, own errors, counted
 * against the rate limits like any call) and answered in order as {code, headers, body} with the
 * body as a JSON string. The outer access token applies to calls that carry none.
 *
 * Dependencies: a call with a `name` can be referenced by a later one as `{result=name:$.path}` in
 * its relative_url or body (JSONPath with `.key`, `.0` and `.*`; several values join with commas),
 * or named in its `depends_on`. A referenced call's answer is left out (null) when it succeeds,
 * unless it says `omit_response_on_success: false`. A call whose parent failed is not run; the sim
 * answers it with a (#100) error naming the parent (Meta documents no shape for this case).
 */

const MAX_CALLS = 50;
const VERSION = /^v\d+\.\d+$/;

interface BatchCall {
  method: string;
  relative_url: string;
  body?: string;
  name?: string;
  depends_on?: string;
  omit_response_on_success?: boolean;
}

const REFERENCE = /\{result=([^:{}]+):(\$[^{}]*)\}/g;

/** The names a call refers to: its depends_on and every {result=name:…} in its url and body. */
function parentsOf(call: BatchCall): string[] {
  const names = new Set<string>();
  if (call.depends_on) names.add(call.depends_on);
  const [path, query = ''] = splitUrl(call.relative_url);
  const texts = [path, ...new URLSearchParams(query).values(), ...new URLSearchParams(call.body ?? '').values()];
  for (const text of texts) for (const m of text.matchAll(REFERENCE)) names.add(m[1]);
  return [...names];
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** Values of a JSONPath of dots (`$.data.*.id`, `$.data.0.name`, `$.id`) in a parsed answer. */
export function jsonPathValues(root: unknown, path: string): unknown[] {
  if (!path.startsWith('$')) return [];
  let nodes: unknown[] = [root];
  for (const key of path.slice(1).split('.').filter(Boolean)) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (node === null || typeof node !== 'object') continue;
      const children: Record<string, unknown> = { ...node };
      if (key === '*') next.push(...Object.values(children));
      else if (key in children) next.push(children[key]);
    }
    nodes = next;
  }
  return nodes.filter((v) => v !== undefined && v !== null);
}

/** `text` with each {result=name:path} replaced by the values it finds, joined by commas. */
function resolve(text: string, results: Map<string, unknown>): string {
  return text.replace(REFERENCE, (_all, name: string, path: string) =>
    jsonPathValues(results.get(name), path)
      .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
      .join(','),
  );
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
    const optional = {
      ...(typeof entry.body === 'string' ? { body: entry.body } : {}),
      ...(typeof entry.name === 'string' && entry.name !== '' ? { name: entry.name } : {}),
      ...(typeof entry.depends_on === 'string' && entry.depends_on !== '' ? { depends_on: entry.depends_on } : {}),
      ...(entry.omit_response_on_success === false || entry.omit_response_on_success === 'false' ? { omit_response_on_success: false } : {}),
    };
    calls.push({ method, relative_url: entry.relative_url, ...optional });
  }
  // A call may only wait for one named before it (the batch runs in order).
  const seen = new Set<string>();
  for (const call of calls) {
    const unknown = parentsOf(call).find((n) => !seen.has(n));
    if (unknown !== undefined) return `Batch call depends on "${unknown}", which is not the name of an earlier call in the batch`;
    if (call.name !== undefined) {
      if (seen.has(call.name)) return `Batch call name "${call.name}" is used twice`;
      seen.add(call.name);
    }
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
  const answerOf = (res: SimResponse) => {
    const headers = Object.entries({ 'Content-Type': 'application/json; charset=UTF-8', ...res.headers }).map(([name, value]) => ({ name, value }));
    return { code: res.status, ...(withHeaders ? { headers } : {}), body: res.raw ? String(res.raw.data) : JSON.stringify(res.body ?? null) };
  };
  const referenced = new Set(calls.flatMap(parentsOf));
  const results = new Map<string, unknown>();
  const failed = new Set<string>();
  const answers = calls.map((call) => {
    const parentFailed = parentsOf(call).find((n) => failed.has(n));
    if (parentFailed !== undefined) {
      if (call.name) failed.add(call.name);
      return answerOf(errors.invalidParam(`The batch call "${parentFailed}" this call depends on failed`));
    }
    // References are resolved in the decoded query and body values (clients percent-encode them).
    const [rawPath, rawQuery] = splitUrl(call.relative_url);
    const url = new URL(resolve(rawPath, results).replace(/^\/+/, ''), 'http://batch/');
    for (const [key, value] of new URLSearchParams(rawQuery ?? '')) url.searchParams.append(key, resolve(value, results));
    const segments = url.pathname.split('/').filter(Boolean);
    const path = `/${VERSION.test(segments[0] ?? '') ? '' : `${version}/`}${segments.join('/')}`;
    const body: Record<string, unknown> = Object.fromEntries([...new URLSearchParams(call.body ?? '')].map(([key, value]) => [key, resolve(value, results)]));
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
    const ok = res.status >= 200 && res.status < 300;
    if (call.name) {
      if (ok) results.set(call.name, res.raw ? null : (res.body ?? null));
      else failed.add(call.name);
    }
    if (ok && call.name && referenced.has(call.name) && call.omit_response_on_success !== false) return null;
    return answerOf(res);
  });
  return json(200, answers);
}
