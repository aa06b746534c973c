import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import type { Call } from './routes';
import type { LinkedInState } from './state';

/**
 * What the Images, Videos and Documents APIs share: who may upload as an owner, the upload URLs on
 * the sim's LinkedIn origin (www.linkedin.com/dms-uploads on LinkedIn), and BATCH_GET by
 * `ids=List(…)`.
 */

export const UPLOAD_URL_TTL_MS = 24 * 3600_000;
export const DOWNLOAD_URL_TTL_MS = 60 * 24 * 3600_000;

/** Where an upload URL points: back at this origin (and mount), as paging links do. */
export const uploadBase = (req: SimRequest): string => `${req.origin}${req.mount}`;

/**
 * The owner named in `initializeUploadRequest`, or LinkedIn's refusal: only the organization the
 * token administers, with w_organization_social, uploads here (members' own uploads are not modelled).
 */
export function uploadOwner(state: LinkedInState, { req, token }: Call, resource: 'images' | 'videos' | 'documents'): { owner: string; request: Record<string, unknown> } | SimResponse {
  if (req.badBody) return errors.badParam('Unable to parse the request body as JSON');
  const request = req.body.initializeUploadRequest;
  const input = typeof request === 'object' && request !== null && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
  const owner = input.owner;
  if (typeof owner !== 'string') return errors.unprocessable("Field 'initializeUploadRequest.owner' is required");
  if (owner !== state.orgUrn || !state.isAdmin(token.memberUrn)) return errors.accessDenied(`${resource}.ACTION.initializeUpload.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('w_organization_social')) return errors.accessDenied(`${resource}.ACTION.initializeUpload (scope w_organization_social)`);
  return { owner, request: input };
}

/** The items of a Rest.li 2.0 `List(a,b)`, split at top-level commas (URNs hold commas in parentheses). */
export function restliList(raw: string): string[] {
  const inner = /^List\((.*)\)$/.exec(raw)?.[1] ?? '';
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    current += ch;
  }
  if (current) items.push(current);
  return items.map((i) => decodeURIComponent(i));
}

/** BATCH_GET: `results`, `statuses` and `errors` keyed by id, each id read by `one` (undefined: 404). */
export function batchGet(req: SimRequest, one: (id: string) => Record<string, unknown> | undefined, what: string): SimResponse {
  const ids = restliList(req.query.get('ids') ?? '');
  if (!ids.length) return errors.badParam("Invalid value for param 'ids': expected List(...)");
  const results: Record<string, unknown> = {};
  const statuses: Record<string, number> = {};
  const failures: Record<string, unknown> = {};
  for (const id of ids) {
    const found = one(id);
    if (found) {
      results[id] = found;
      statuses[id] = 200;
    } else {
      statuses[id] = 404;
      failures[id] = { status: 404, message: `${what} ${id} does not exist`, code: 'RESOURCE_NOT_FOUND' };
    }
  }
  return json(200, { results, statuses, errors: failures });
}
