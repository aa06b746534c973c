import type { SimResponse } from '../../core/http';
import type { ReceivedItem } from '../../core/world';
import { errors } from './errors';
import { recordWrite } from './moderation-routes';
import type { Call } from './routes';
import { ACL_ROLES, ACL_STATES, type LiAcl, type LinkedInState } from './state';

/**
 * organizationAcls writes (learn.microsoft.com/linkedin, Organization Access Control by Role:
 * "methods: PUT, roleAssignee FINDER, organization FINDER" — PUT is the one documented write; Rest.li
 * BATCH_CREATE, PARTIAL_UPDATE and DELETE are not listed, so the sim answers them 405 as before).
 * An approved ADMINISTRATOR of the page, with rw_organization_admin, sets a role assignment:
 *   PUT /rest/organizationAcls/(organization:…,role:…,roleAssignee:…)
 *       {roleAssignee, role, organization, state} → 204
 * The key is compound (URN values encoded, as Rest.li 2.0 and linkedin-api-client send them); the
 * body's key fields, when given, must match it, and `state` (APPROVED, REQUESTED, REJECTED,
 * REVOKED) is required. PUT replaces the entry or adds it: an administrator adds a role
 * (APPROVED), approves or rejects a request, or revokes a role (the entry stays, REVOKED, as the
 * finders' state filter lists it). Anyone else 403; a role or state outside LinkedIn's lists 400;
 * a member the sim does not know 404. The page keeps at least one approved administrator (LinkedIn
 * does not leave a page without one): revoking the last is refused (400). Accepted writes are
 * recorded in /_sim/received (org_role_add, org_role_edit).
 */

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

/** Whether the token may write the page's roles: an approved administrator with rw_organization_admin. */
function refused(state: LinkedInState, { req, token }: Call): SimResponse | null {
  if (!state.isAdmin(token.memberUrn)) return errors.accessDenied(`organizationAcls.UPDATE.${state.version(req) ?? ''}`);
  if (!token.scopes.includes('rw_organization_admin')) return errors.accessDenied('organizationAcls.UPDATE (scope rw_organization_admin)');
  return null;
}

function record(state: LinkedInState, call: Call, kind: ReceivedItem['kind'], acl: LiAcl): void {
  recordWrite(state, call, kind, {
    targetId: state.orgUrn,
    externalId: encodeKey({ organization: state.orgUrn, role: acl.role, roleAssignee: acl.roleAssignee }),
    text: `${acl.role} ${acl.state}`,
    body: { roleAssignee: acl.roleAssignee, role: acl.role, state: acl.state },
  });
}

/** PUT /rest/organizationAcls/{key} (and /v2): sets the entry `rawKey` names; undefined for other methods. */
export function putOrganizationAcl(state: LinkedInState, call: Call, rawKey: string): SimResponse | undefined {
  const { req } = call;
  if (req.method !== 'PUT') return undefined;
  const no = refused(state, call);
  if (no) return no;
  const key = parseAclKey(rawKey);
  if (!key) return errors.badParam('The key must be (organization:…,role:…,roleAssignee:…)');
  if (req.badBody || !isObject(req.body)) return errors.badParam('The request body must be the organizationAcl: {roleAssignee, role, organization, state}');
  const body = req.body;
  for (const field of ['organization', 'role', 'roleAssignee'] as const)
    if (body[field] !== undefined && body[field] !== key[field]) return errors.badParam(`Field '${field}' must match the key`);
  if (!ACL_ROLES.includes(key.role)) return errors.badParam(`Invalid value for field 'role': ${key.role}`);
  const next = body.state;
  if (typeof next !== 'string' || !ACL_STATES.includes(next)) return errors.badParam(`Invalid value for field 'state': ${String(next)}`);
  if (key.organization !== state.orgUrn) return errors.accessDenied(`organizationAcls.UPDATE.${state.version(req) ?? ''}`);
  const person = key.roleAssignee.startsWith('urn:li:person:') ? state.store.people.get(key.roleAssignee) : undefined;
  if (!person) return errors.notFound(`Member ${key.roleAssignee} does not exist`);
  const existing = state.acls.find((a) => a.role === key.role && a.roleAssignee === key.roleAssignee);
  if (existing) {
    const lastAdmin =
      existing.role === 'ADMINISTRATOR' &&
      existing.state === 'APPROVED' &&
      next !== 'APPROVED' &&
      !state.acls.some((a) => a !== existing && a.role === 'ADMINISTRATOR' && a.state === 'APPROVED');
    if (lastAdmin) return errors.badParam('The organization must keep at least one approved ADMINISTRATOR');
    existing.state = next as LiAcl['state'];
    record(state, call, 'org_role_edit', existing);
  } else {
    const acl: LiAcl = { roleAssignee: key.roleAssignee, role: key.role, state: next as LiAcl['state'] };
    state.acls.push(acl);
    record(state, call, 'org_role_add', acl);
  }
  return { status: 204, raw: { contentType: 'application/json', data: '' } };
}
