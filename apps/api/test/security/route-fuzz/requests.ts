import fc from 'fast-check';
import { NETWORKS } from '@resonance/contracts';
import type { FieldSpec, InputSpec, RouteSpec } from './catalogue';
import type { FuzzRequest } from './target';
import { COMMON_NAMES, deepBody, fieldValue, foreignValue, hostileString, hostileValue, oddBody, type Pools } from './values';
import type { SeededWorkspace } from './workspaces';

/** Requests for one route: its path filled with ids of both workspaces or garbage, its query and body from its DTOs. */

const garbageId = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', '99999999999999999999', '9223372036854775808', 'abc', 'null', 'undefined', '%00', '..', ' 1', 'ä', '\uD800'),
  fc.uuid(),
  fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String),
  hostileString,
);

/** Ids for the path parameter after `segment` (threads/:id → thread ids), from both workspaces. */
function idsAfter(segment: string, a: SeededWorkspace, b: SeededWorkspace): string[] {
  const both = [a, b];
  const pick = (f: (w: SeededWorkspace) => string[]) => both.flatMap(f);
  switch (segment) {
    case 'threads':
      return pick((w) => w.threadIds);
    case 'messages':
      return pick((w) => w.messageIds);
    case 'notes':
      return pick((w) => w.noteIds);
    case 'contacts':
      return pick((w) => w.contactIds);
    case 'posts':
      return pick((w) => [...w.postIds, ...w.postExternalIds]);
    case 'users':
      return pick((w) => Object.values(w.users).map((u) => u.id));
    case 'channels':
      return pick((w) => w.channelIds);
    case 'canned-responses':
      return pick((w) => w.cannedIds);
    case 'pending':
      return pick((w) => w.pendingConnectIds);
    default:
      return [];
  }
}

/** Longest path parameter sent: Node refuses request heads over 16 KB (431) before the api sees them. */
const MAX_PARAM = 2_000;

function paramValue(route: RouteSpec, name: string, a: SeededWorkspace, b: SeededWorkspace, p: Pools): fc.Arbitrary<string> {
  return anyParamValue(route, name, a, b, p).map((v) => v.slice(0, MAX_PARAM));
}

function anyParamValue(route: RouteSpec, name: string, a: SeededWorkspace, b: SeededWorkspace, p: Pools): fc.Arbitrary<string> {
  if (name === 'network') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NETWORKS) }, { weight: 1, arbitrary: garbageId });
  if (name === 'tag') return fc.oneof(fc.constantFrom(...a.tags, ...b.tags), hostileString);
  const segments = route.path.split('/');
  const before = segments[segments.indexOf(`:${name}`) - 1] ?? '';
  const own = idsAfter(before, a, b);
  const all = fc.constantFrom(...p.bigintIds, ...p.uuids);
  return own.length
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: all }, { weight: 2, arbitrary: garbageId })
    : fc.oneof(all, garbageId);
}

/** Text a URL can carry: lone surrogates cannot be percent-encoded. */
const urlSafe = (s: string) => s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
const enc = (s: string) => encodeURIComponent(urlSafe(s));

function queryPairs(name: string, value: unknown): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v) => queryPairs(name, v));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => queryPairs(`${name}[${k}]`, typeof v === 'object' && v !== null ? JSON.stringify(v) : v));
  return [[name, String(value)]];
}

/** Some of the fields (required ones mostly kept), plus now and then one the DTO does not know. */
function fieldsObject(input: InputSpec, p: Pools): fc.Arbitrary<Record<string, unknown>> {
  const fields: FieldSpec[] = [...input.fields, ...(input.open ? COMMON_NAMES.map((name) => ({ name, optional: true, rules: [] })) : [])];
  const entries = fields.map((f) =>
    fc.oneof(
      { weight: f.optional ? 1 : 12, arbitrary: fieldValue(f, p).map((v) => [f.name, v] as const) },
      { weight: f.optional ? 2 : 1, arbitrary: fc.constant(null) },
    ),
  );
  const unknownField = fc.tuple(
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'workspaceId', 'workspace_id', 'id', 'role')),
    hostileValue,
  );
  const extra = fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: unknownField });
  return fc.tuple(fc.tuple(...entries), extra).map(([kv, more]) => {
    const out: Record<string, unknown> = {};
    for (const e of kv) if (e) out[e[0]] = e[1];
    if (more) out[more[0]] = more[1];
    return out;
  });
}

function bodyOf(input: InputSpec, p: Pools): fc.Arbitrary<FuzzRequest['body']> {
  const json = fc.oneof(
    { weight: 12, arbitrary: fieldsObject(input, p).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.array(fieldsObject(input, p), { maxLength: 2 }).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: oddBody },
    { weight: 1, arbitrary: deepBody },
  );
  return fc.oneof(
    { weight: 12, arbitrary: json.map((text) => ({ contentType: 'application/json', text })) },
    {
      weight: 1,
      arbitrary: fieldsObject(input, p).map((o) => ({
        contentType: 'application/x-www-form-urlencoded',
        text: Object.entries(o)
          .flatMap(([k, v]) => queryPairs(k, v))
          .map(([k, v]) => `${enc(k)}=${enc(v)}`)
          .join('&'),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('text/plain', 'application/json; charset=latin1', null, 'multipart/form-data; boundary=x'), hostileString)
        .map(([contentType, text]) => ({ contentType, text })),
    },
  );
}

const CALLERS = ['admin', 'agent', 'analyst'] as const;
const MAX_QUERY = 8_000;

/** Every request the fuzzer may send to one route. */
export function requestsFor(route: RouteSpec, a: SeededWorkspace, b: SeededWorkspace, p: Pools): fc.Arbitrary<FuzzRequest> {
  // Mostly a role the route admits (to reach the handler), sometimes one it refuses, or nobody.
  const admitted = CALLERS.filter((c) => !route.roles || route.roles.includes(c));
  const refused = CALLERS.filter((c) => !admitted.includes(c));
  const caller = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...admitted) },
    { weight: refused.length ? 1 : 0, arbitrary: fc.constantFrom(...(refused.length ? refused : admitted)) },
    { weight: 1, arbitrary: fc.constant('anonymous' as const) },
  );
  const path = route.path.includes('{/*splat}')
    ? fc
        .array(fc.oneof(fc.constantFrom('threads', 'THREADS', 'users', 'reports', 'x', '..', '%2e%2e', 'docs', ''), fc.string({ maxLength: 10 }).map(enc)), {
          minLength: 1,
          maxLength: 4,
        })
        .map((segs) => route.path.replace('{/*splat}', `/zz-${segs.join('/')}`))
    : fc
        .tuple(...route.params.map((param) => paramValue(route, param.name, a, b, p).map((v) => [param.name, v] as const)))
        .map((values) => values.reduce((acc, [name, v]) => acc.replace(`:${name}`, enc(v)), route.path));
  const query = route.query
    ? fc
        .oneof(
          { weight: 6, arbitrary: fieldsObject(route.query, p) },
          { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), foreignValue(p), { maxKeys: 2 }) },
        )
        .map((o) => Object.entries(o).flatMap(([k, v]) => queryPairs(k, v)))
    : fc.oneof(
        { weight: 8, arbitrary: fc.constant([] as Array<[string, string]>) },
        { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), hostileString).map((kv) => [kv]) },
      );
  const body: fc.Arbitrary<FuzzRequest['body']> =
    route.method === 'GET'
      ? fc.constant(undefined)
      : route.body
        ? bodyOf(route.body, p)
        : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: bodyOf({ fields: [], open: true }, p) });
  return fc.record({ caller, path, query, body }).map(({ caller: c, path: url, query: q, body: b2 }) => {
    const search = q.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    // Node refuses request heads over 16 KB before the api sees them (431): cut to what reaches the api.
    return {
      caller: c,
      method: route.method,
      url: search ? `${url}?${search.slice(0, MAX_QUERY).replace(/%[0-9A-F]?$/, '')}` : url,
      ...(b2 ? { body: b2 } : {}),
    };
  });
}
