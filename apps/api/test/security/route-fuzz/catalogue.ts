import type { INestApplication } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA, SSE_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

/**
 * The API's routes as the running application serves them, with what each one takes: read from
 * Nest's controller metadata (handler, roles, pipes, DTO classes) and class-validator's metadata
 * (each DTO field and its rules), cross-checked against Express's router so that a route mounted
 * outside a controller (Swagger's) is listed too. Built inside the api's process and sent to the
 * test as JSON, so everything here is serialisable.
 */

/** One class-validator rule of a field, e.g. {rule: 'isIn', args: [['open', 'closed']]}; RegExps as {regex, flags}. */
export interface FieldRule {
  rule: string;
  args: unknown[];
  each: boolean;
}

export interface FieldSpec {
  name: string;
  /** IsOptional / ValidateIf: the field may be left out. */
  optional: boolean;
  rules: FieldRule[];
}

/** What the handler reads from the query string or the body. */
export interface InputSpec {
  fields: FieldSpec[];
  /** Read without a DTO (a Record or the raw request): any name may matter. */
  open: boolean;
}

export interface PathParamSpec {
  name: string;
  /** The pipe that checks it (BigintIdPipe, UuidPipe) or null. */
  pipe: string | null;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express pattern, e.g. /api/threads/:id */
  path: string;
  /** Controller.method, or 'express' for a route mounted outside Nest's controllers. */
  handler: string;
  /** Roles allowed; null when no session is needed. */
  roles: string[] | null;
  sse: boolean;
  params: PathParamSpec[];
  query: InputSpec | null;
  body: InputSpec | null;
}

const METHODS: Record<number, RouteSpec['method'] | undefined> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};
const ROLES_KEY = 'resonance:roles';
// RouteParamtypes of @nestjs/common (not exported as values from its public entry).
const BODY = 3;
const QUERY = 4;
const PARAM = 5;
const REQUEST = 0;

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}
type Constructor = abstract new (...args: never[]) => unknown;

const serialisable = (value: unknown): unknown => {
  if (value instanceof RegExp) return { regex: value.source, flags: value.flags };
  if (typeof value === 'function') return undefined;
  if (Array.isArray(value)) return value.map(serialisable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialisable(v)]));
  return value;
};

/** The fields of a DTO class and their rules, inherited ones included. */
export function dtoFields(dto: Constructor): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const field = byName.get(m.propertyName) ?? { name: m.propertyName, optional: false, rules: [] };
    byName.set(m.propertyName, field);
    if (m.type === 'conditionalValidation') field.optional = true;
    else if (m.name) field.rules.push({ rule: m.name, args: (m.constraints ?? []).map(serialisable), each: m.each });
    else field.rules.push({ rule: m.type, args: [], each: m.each });
  }
  return [...byName.values()];
}

const pipeName = (pipe: unknown): string | null => {
  if (typeof pipe === 'function') return pipe.name;
  if (pipe && typeof pipe === 'object') return pipe.constructor.name;
  return null;
};

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

function controllerRoutes(app: INestApplication, prefix: string): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Constructor | null;
      if (!controller) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        if (paths === undefined || !method) continue;
        const guarded = [...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []), ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? [])].length > 0;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? null) as string[] | null;
        const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Constructor[];
        const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>).map(([key, arg]) => ({
          type: Number(key.split(':')[0]),
          ...arg,
        }));
        const params: PathParamSpec[] = args
          .filter((a) => a.type === PARAM && typeof a.data === 'string')
          .map((a) => ({ name: a.data as string, pipe: pipeName(a.pipes?.[0]) }));
        const input = (type: number): InputSpec | null => {
          const found = args.filter((a) => a.type === type);
          if (!found.length) return null;
          const fields: FieldSpec[] = [];
          let open = false;
          for (const a of found) {
            if (typeof a.data === 'string') fields.push({ name: a.data, optional: true, rules: [] });
            else if (types[a.index] && types[a.index] !== Object) fields.push(...dtoFields(types[a.index]));
            else open = true;
          }
          return { fields, open };
        };
        // A handler that reads the raw request (webhooks: the signed raw body) takes any body.
        const readsRequest = args.some((a) => a.type === REQUEST);
        for (const path of ([] as string[]).concat(paths)) {
          for (const b of base) {
            routes.push({
              method,
              path: joinPath(prefix, b, path),
              handler: `${controller.name}.${name}`,
              roles: guarded ? roles : null,
              sse: Reflect.getMetadata(SSE_METADATA, handler) === true,
              params,
              query: input(QUERY) ?? (readsRequest ? { fields: [], open: true } : null),
              body: input(BODY) ?? (readsRequest && method !== 'GET' ? { fields: [], open: true } : null),
            });
          }
        }
      }
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Method and path of every route Express serves under /api (Express 5: app.router.stack). */
export function expressRoutes(app: INestApplication): Array<{ method: string; path: string }> {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  return stack
    .flatMap((layer) =>
      layer.route
        ? ([] as string[]).concat(layer.route.path).flatMap((path) =>
            Object.keys(layer.route!.methods)
              .filter((m) => m !== '_all')
              .map((m) => ({ method: m.toUpperCase(), path })),
          )
        : [],
    )
    .filter((r) => r.path.startsWith('/api'));
}

/** Every /api route: the controllers' with their inputs, plus any Express route no controller declares. */
export function routeCatalogue(app: INestApplication, prefix = 'api'): RouteSpec[] {
  const routes = controllerRoutes(app, prefix);
  const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
  for (const { method, path } of expressRoutes(app)) {
    if (known.has(`${method} ${path}`) || !Object.values(METHODS).includes(method as RouteSpec['method'])) continue;
    known.add(`${method} ${path}`);
    routes.push({
      method: method as RouteSpec['method'],
      path,
      handler: 'express',
      roles: null,
      sse: false,
      params: [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], pipe: null })),
      query: { fields: [], open: true },
      body: method === 'GET' ? null : { fields: [], open: true },
    });
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
