import { json, type SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors } from './errors';
import { restliList } from './restli';
import type { Call } from './routes';
import type { LiAcl, LinkedInState } from './state';

/**
 * organizationAcls writes (learn.microsoft.com/linkedin, Organization Access Control by Role): an
 * approved ADMINISTRATOR of the page, with rw_organization_admin, adds, changes and removes the
 * page's role assignments. An entry's key is the compound `(organization,role,roleAssignee)`;
 * only its `state` changes.
 *   POST   /rest/organizationAcls   X-RestLi-Method: BATCH_CREATE {elements: [{roleAssignee, role, organization[, state]}]}
 *          → 200 {elements: [{status: 201, id: "(organization:…,role:…,roleAssignee:…)"} | {status, error}]}
 *   POST   /rest/organizationAcls/(organization:…,role:…,roleAssignee:…)   X-RestLi-Method: PARTIAL_UPDATE
 *          {patch: {$set: {state}}} → 204
 *   POST   /rest/organizationAcls?ids=List((…))   X-RestLi-Method: BATCH_PARTIAL_UPDATE
 *          {entities: {"(…)": {patch: {$set: {state}}}}} → 200 {results: {"(…)": {status: 204}}, errors}
 *   DELETE /rest/organizationAcls/(…) → 204;  DELETE …?ids=List((…)) (BATCH_DELETE) → 200 {results, errors}
 * Anyone else: 403. A role or state outside LinkedIn's lists, or a member the sim does not know,
 * fails that entry (400/404); an existing key 409, a missing one 404. The page keeps at least one
 * approved administrator (LinkedIn refuses to leave a page without one): a change that would
 * remove the last is refused (400). Accepted writes are recorded in /_sim/received
 * (org_role_add, org_role_edit, org_role_remove).
 */

export const ACL_ROLES = [
  'ADMINISTRATOR',
  'CONTENT_ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
  'LEAD_GEN_FORMS_MANAGER',
  'ANALYST',
  'CURATOR',
];
export const ACL_STATES = ['APPROVED', 'REQUESTED', 'REJECTED', 'REVOKED'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface AclKey {
  organization: string;
  role: string;
  roleAssignee: string;
}

/** Rest.li's encoded form of the key, as BATCH_CREATE and the batch answers name it. */
const encodeKey = (k: AclKey): string =>
  `(organization:${encodeURIComponent(k.organization)},role:${encodeURIComponent(k.role)},roleAssignee:${encodeURIComponent(k.roleAssignee)})`;

/** `(organization:…,role:…,roleAssignee:…)`, its values encoded or not; undefined when malformed. */
export function parseAclKey(raw: string): AclKey | undefined {
  const inner = /^\((.*)\)$/.exec(raw.trim())?.[1];
  if (inner === undefined) return undefined;
  const fields: Record<string, string> = {};
  for (const part of inner.split(',')) {
    const at = part.indexOf(':');
    if (at < 0) return undefined;
    try {
      fields[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
    } catch {
      return undefined;
    }
  }
  const { organization, role, roleAssignee } = fields;
  if (!organization || !role || !roleAssignee || Object.keys(fields).length !== 3) return undefined;
  return { organization, role, roleAssignee };
}

type Failure = { status: number; message: string; code: string };
const fail = (status: number, message: string, code = status === 404 ? 'RESOURCE_NOT_FOUND' : 'ILLEGAL_ARGUMENT'): Failure => ({ status, message, code });
const isFailure = (v: unknown): v is Failure => isObject(v) && typeof v.status === 'number' && typeof v.message === 'string';

/** Whether the token may write the page's roles: an approved administrator with rw_organization_admin. */
function refused(state: LinkedInState, { req, token }: Call, method: string): SimResponse | null {
  if (!state.isAdmin(token.memberUrn)) return errors.accessDenied(`organizationAcls.${method}.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('rw_organization_admin')) return errors.accessDenied(`organizationAcls.${method} (scope rw_organization_admin)`);
  return null;
}

function record(state: LinkedInState, call: Call, kind: ReceivedItem['kind'], acl: LiAcl): void {
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind,
    method: call.req.method,
    path: call.req.path,
    targetId: state.orgUrn,
    externalId: encodeKey({ organization: state.orgUrn, role: acl.role, roleAssignee: acl.roleAssignee }),
    text: `${acl.role} ${acl.state}`,
    body: { roleAssignee: acl.roleAssignee, role: acl.role, state: acl.state },
  });
}

/** The entry a key names, or why not (the key's organization must be the sim's page). */
function find(state: LinkedInState, key: AclKey | undefined): LiAcl | Failure {
  if (!key) return fail(400, 'The key must be (organization:…,role:…,roleAssignee:…)');
  const acl = state.acls.find((a) => a.role === key.role && a.roleAssignee === key.roleAssignee);
  if (!acl || key.organization !== state.orgUrn) return fail(404, `organizationAcl ${encodeKey(key)} does not exist`);
  return acl;
}

/** Whether the page would still have an approved administrator without `acl` approved. */
function lastAdmin(state: LinkedInState, acl: LiAcl): boolean {
  if (acl.role !== 'ADMINISTRATOR' || acl.state !== 'APPROVED') return false;
  return !state.acls.some((a) => a !== acl && a.role === 'ADMINISTRATOR' && a.state === 'APPROVED');
}

function create(state: LinkedInState, call: Call, el: unknown): { status: 201; id: string } | Failure {
  if (!isObject(el)) return fail(400, 'Each element must be an object');
  const { roleAssignee, role, organization } = el;
  const aclState = el.state ?? 'APPROVED';
  if (typeof organization !== 'string' || typeof role !== 'string' || typeof roleAssignee !== 'string')
    return fail(400, "Fields 'organization', 'role' and 'roleAssignee' are required");
  if (!ACL_ROLES.includes(role)) return fail(400, `Invalid value for field 'role': ${role}`);
  if (typeof aclState !== 'string' || !ACL_STATES.includes(aclState)) return fail(400, `Invalid value for field 'state': ${String(aclState)}`);
  if (organization !== state.orgUrn) return fail(403, `Not enough permissions to access: organizationAcls.BATCH_CREATE (${organization})`, 'ACCESS_DENIED');
  const person = roleAssignee.startsWith('urn:li:person:') ? state.store.people.get(roleAssignee) : undefined;
  if (!person) return fail(404, `Member ${roleAssignee} does not exist`);
  if (state.acls.some((a) => a.role === role && a.roleAssignee === roleAssignee))
    return fail(409, `${roleAssignee} already has the role ${role}`, 'DUPLICATE_RESOURCE');
  const acl: LiAcl = { roleAssignee, role, state: aclState as LiAcl['state'] };
  state.acls.push(acl);
  record(state, call, 'org_role_add', acl);
  return { status: 201, id: encodeKey({ organization, role, roleAssignee }) };
}

/** `{patch: {$set: {state}}}` (or `{patch: {state: {$set: …}}}`) applied to the entry `raw` names. */
function update(state: LinkedInState, call: Call, raw: string, body: unknown): { status: 204 } | Failure {
  const acl = find(state, parseAclKey(raw));
  if (isFailure(acl)) return acl;
  const patch = isObject(body) ? body.patch : undefined;
  if (!isObject(patch)) return fail(400, 'The request body must be a Rest.li patch: {"patch": {"$set": {"state": …}}}');
  const set = isObject(patch.$set) ? patch.$set : {};
  const other = Object.keys(patch).filter((k) => k !== '$set');
  if (other.length || Object.keys(set).some((k) => k !== 'state'))
    return fail(400, "Only 'state' of an organizationAcl can be updated: organization, role and roleAssignee are its key");
  const next = set.state;
  if (typeof next !== 'string' || !ACL_STATES.includes(next)) return fail(400, `Invalid value for field 'state': ${String(next)}`);
  if (next !== 'APPROVED' && lastAdmin(state, acl)) return fail(400, 'The organization must keep at least one approved ADMINISTRATOR');
  acl.state = next as LiAcl['state'];
  record(state, call, 'org_role_edit', acl);
  return { status: 204 };
}

function remove(state: LinkedInState, call: Call, raw: string): { status: 204 } | Failure {
  const acl = find(state, parseAclKey(raw));
  if (isFailure(acl)) return acl;
  if (lastAdmin(state, acl)) return fail(400, 'The organization must keep at least one approved ADMINISTRATOR');
  state.acls.splice(state.acls.indexOf(acl), 1);
  record(state, call, 'org_role_remove', acl);
  return { status: 204 };
}

const single = (r: { status: number } | Failure): SimResponse =>
  isFailure(r)
    ? json(r.status, { status: r.status, code: r.code, message: r.message })
    : { status: r.status, raw: { contentType: 'application/json', data: '' } };

/** Batch answers: `results` keyed by the encoded key, failures in `errors`. */
function batch(keys: string[], one: (key: string) => { status: number } | Failure): SimResponse {
  const results: Record<string, unknown> = {};
  const failures: Record<string, unknown> = {};
  for (const raw of keys) {
    const parsed = parseAclKey(raw);
    const name = parsed ? encodeKey(parsed) : raw;
    const r = one(raw);
    if (isFailure(r)) failures[name] = { status: r.status, code: r.code, message: r.message };
    else results[name] = { status: r.status };
  }
  return json(200, { results, errors: failures });
}

/** Writes to /rest/organizationAcls (and /v2), `key` the compound key in the path if any; undefined for other methods. */
export function writeOrganizationAcls(state: LinkedInState, call: Call, key: string | undefined): SimResponse | undefined {
  const { req } = call;
  const method = String(req.headers['x-restli-method'] ?? '').toUpperCase();
  if (req.method === 'POST' && key === undefined && method === 'BATCH_CREATE') {
    const no = refused(state, call, 'BATCH_CREATE');
    if (no) return no;
    if (req.badBody || !Array.isArray(req.body.elements) || !req.body.elements.length)
      return errors.badParam('The request body must be {"elements": [{"roleAssignee", "role", "organization"}, …]}');
    const elements = (req.body.elements as unknown[]).map((el) => {
      const r = create(state, call, el);
      return isFailure(r) ? { status: r.status, error: { status: r.status, code: r.code, message: r.message } } : r;
    });
    return json(200, { elements });
  }
  if (req.method === 'POST' && key !== undefined && method === 'PARTIAL_UPDATE') {
    const no = refused(state, call, 'PARTIAL_UPDATE');
    if (no) return no;
    if (req.badBody) return errors.badParam('The request body must be a Rest.li patch');
    return single(update(state, call, key, req.body));
  }
  if (req.method === 'POST' && key === undefined && method === 'BATCH_PARTIAL_UPDATE') {
    const no = refused(state, call, 'BATCH_PARTIAL_UPDATE');
    if (no) return no;
    const ids = restliList(req.query.get('ids') ?? '');
    const entities = req.badBody ? undefined : req.body.entities;
    if (!ids.length || !isObject(entities)) return errors.badParam('BATCH_PARTIAL_UPDATE needs ids=List(…) and {"entities": {key: {patch}}}');
    // The body's keys are encoded as the ids are; match them by the key they name.
    const byKey = new Map(Object.entries(entities).map(([k, v]) => [parseAclKey(k) && encodeKey(parseAclKey(k) as AclKey), v]));
    return batch(ids, (raw) => {
      const parsed = parseAclKey(raw);
      const patch = parsed ? byKey.get(encodeKey(parsed)) : undefined;
      return patch === undefined ? fail(400, `No patch for ${raw} in 'entities'`) : update(state, call, raw, patch);
    });
  }
  if (req.method === 'DELETE') {
    const no = refused(state, call, key === undefined ? 'BATCH_DELETE' : 'DELETE');
    if (no) return no;
    if (key !== undefined) return single(remove(state, call, key));
    const ids = restliList(req.query.get('ids') ?? '');
    if (!ids.length) return errors.badParam("Invalid value for param 'ids': expected List(...)");
    return batch(ids, (raw) => remove(state, call, raw));
  }
  return undefined;
}
