import type { SimRequest, SimResponse } from '../../core/http';
import { errors } from './errors';

/**
 * Rest.li field projections and LinkedIn's response decoration
 * (learn.microsoft.com/linkedin/shared/api-guide/concepts/projections and …/decoration):
 *   ?fields=id,commentary,content:(media:(id))        the Rest.li 1.0 form linkedin-api-client sends
 *                                                     (`fieldsProjection`); it narrows each entity:
 *                                                     the body, each of a finder's `elements`, each of
 *                                                     a BATCH_GET's `results`
 *   ?projection=(id,commentary,content(media(id)))    the v2 form over the whole body, with
 *                                                     `elements*(…)` for a collection's items and `*`
 *                                                     for every field
 *   ?projection=(elements*(*,roleAssignee~(localizedFirstName)))
 *                                                     decoration: `field~` adds `field~`, the entity
 *                                                     the URN in `field` names (a member or the
 *                                                     organization), itself projected
 * Only the projected fields are answered (a field the entity lacks is left out, as LinkedIn does);
 * paging, `statuses` and `errors` are metadata and stay.
 */

interface Spec {
  sub?: Projection;
  /** `field~`: decorate the URN in the field, with its own projection when given. */
  decorate?: { sub?: Projection };
}

interface Projection {
  all: boolean;
  fields: Map<string, Spec>;
}

const METADATA = ['paging', 'statuses', 'errors'];

/** Parses `a,b:(c),d*(e),f~(g),*` (inside its outer parentheses for the v2 form), or throws with what is wrong. */
function parse(text: string): Projection {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`Invalid projection at ${at}: ${why}`);
  };
  const list = (): Projection => {
    const out: Projection = { all: false, fields: new Map() };
    for (;;) {
      while (text[at] === ' ') at += 1;
      if (text[at] === '*') {
        at += 1;
        out.all = true;
      } else {
        const name = /^[A-Za-z0-9_$.]+/.exec(text.slice(at))?.[0] ?? fail('a field name was expected');
        at += name.length;
        const spec: Spec = out.fields.get(name) ?? {};
        if (text[at] === '*') at += 1; // `elements*(…)`: the items of an array
        const decorate = text[at] === '~';
        if (decorate) at += 1;
        if (text[at] === ':') at += 1;
        let sub: Projection | undefined;
        if (text[at] === '(') {
          at += 1;
          sub = list();
          if (text[at] !== ')') fail("')' was expected");
          at += 1;
        }
        if (decorate) spec.decorate = { sub };
        else spec.sub = sub;
        out.fields.set(name, spec);
      }
      while (text[at] === ' ') at += 1;
      if (text[at] !== ',') return out;
      at += 1;
    }
  };
  const result = list();
  if (at !== text.length && text[at] !== ')') fail('unexpected character');
  return result;
}

type Resolve = (urn: string) => Record<string, unknown> | undefined;

function apply(value: unknown, p: Projection, resolve: Resolve): unknown {
  if (Array.isArray(value)) return value.map((v) => apply(v, p, resolve));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = p.all ? { ...source } : {};
  for (const [name, spec] of p.fields) {
    if (!(name in source)) continue;
    const v = source[name];
    out[name] = spec.sub ? apply(v, spec.sub, resolve) : v;
    if (spec.decorate && typeof v === 'string') {
      const found = resolve(v);
      if (found) out[`${name}~`] = spec.decorate.sub ? apply(found, spec.decorate.sub, resolve) : found;
    }
  }
  return out;
}

/** The projection a GET asks for (`fields` or `projection`), or LinkedIn's 400 for a malformed one; null for none. */
function requested(req: SimRequest): { p: Projection; perEntity: boolean } | SimResponse | null {
  const fields = req.query.get('fields');
  const projection = req.query.get('projection');
  try {
    if (fields !== null) return { p: parse(fields.trim()), perEntity: true };
    if (projection !== null) {
      const t = projection.trim();
      if (!t.startsWith('(') || !t.endsWith(')')) return errors.badParam(`Invalid projection '${projection}': expected (field,…)`);
      return { p: parse(t.slice(1, -1)), perEntity: false };
    }
  } catch (e) {
    return errors.badParam((e as Error).message);
  }
  return null;
}

/** A successful JSON answer to a GET, narrowed to what the request projects (unchanged without a projection). */
export function project(req: SimRequest, res: SimResponse, resolve: Resolve): SimResponse {
  if (req.method !== 'GET' || res.status !== 200 || res.raw || typeof res.body !== 'object' || res.body === null) return res;
  const asked = requested(req);
  if (!asked) return res;
  if ('status' in asked) return asked;
  const body = res.body as Record<string, unknown>;
  if (asked.perEntity) {
    if (Array.isArray(body.elements)) return { ...res, body: { ...body, elements: apply(body.elements, asked.p, resolve) } };
    if (typeof body.results === 'object' && body.results !== null && 'statuses' in body) {
      const results = Object.fromEntries(Object.entries(body.results).map(([k, v]) => [k, apply(v, asked.p, resolve)]));
      return { ...res, body: { ...body, results } };
    }
    return { ...res, body: apply(body, asked.p, resolve) };
  }
  const out = apply(body, asked.p, resolve) as Record<string, unknown>;
  for (const k of METADATA) if (k in body && !(k in out)) out[k] = body[k];
  return { ...res, body: out };
}
