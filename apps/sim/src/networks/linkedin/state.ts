import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG } from '../../demo-accounts';
import type { SimContext } from '../../core/network-module';
import type { SimRequest, SimResponse } from '../../core/http';
import { errors } from './errors';
import { DailyCounter } from './limits';
import { LinkedInStore, type LiPerson } from './store';
import { LinkedInImages } from './image-store';
import { LinkedInMedia } from './media-store';
import { LinkedInTokens, type LiToken } from './tokens';
import { must } from '../../core/must';

export const DEFAULT_SCOPES = [
  'r_organization_social',
  'w_organization_social',
  'r_organization_social_feed',
  'w_organization_social_feed',
  'rw_organization_admin',
];

/** One organizationAcls entry: a member's role on the organization's page and its state. */
export interface LiAcl {
  roleAssignee: string;
  role: string;
  state: 'APPROVED' | 'REQUESTED' | 'REJECTED' | 'REVOKED';
}

/** Organization Access Control by Role: LinkedIn's roles and role states. */
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

/**
 * The page's other role holders (Organization Access Control: ADMINISTRATOR, CONTENT_ADMINISTRATOR,
 * ANALYST, CURATOR, DIRECT_SPONSORED_CONTENT_POSTER, RECRUITING_POSTER, LEAD_GEN_FORMS_MANAGER), so
 * the finders' role and state filters have something to tell apart. None of them holds a token in
 * the sim (the consent page approves as the administrator), so only the administrator writes.
 */
const STAFF: Array<{ id: string; firstName: string; lastName: string; role: string; state: LiAcl['state'] }> = [
  { id: 'rStaffJonas7', firstName: 'Jonas', lastName: 'Becker', role: 'CONTENT_ADMINISTRATOR', state: 'APPROVED' },
  { id: 'rStaffMira31', firstName: 'Mira', lastName: 'Schulz', role: 'ANALYST', state: 'APPROVED' },
  { id: 'rStaffLena58', firstName: 'Lena', lastName: 'Hoffmann', role: 'CURATOR', state: 'REQUESTED' },
];

/** How long LinkedIn supports a version: about a year after its release month. */
const VERSION_LIFETIME_MONTHS = 12;

/** Everything the LinkedIn routes share: the page's world, tokens, daily limits and the sim core. */
export class LinkedInState {
  readonly store: LinkedInStore;
  readonly tokens = new LinkedInTokens();
  readonly limits = new DailyCounter();
  /** Images uploaded through the Images API (initializeUpload, then the bytes). */
  readonly images = new LinkedInImages();
  /** Videos and documents uploaded through the Videos and Documents APIs. */
  readonly media = new LinkedInMedia();
  readonly app = DEMO_LINKEDIN_APP;
  readonly org = DEMO_LINKEDIN_ORG;
  readonly orgUrn = DEMO_LINKEDIN_ORG.urn;
  readonly admin: LiPerson = {
    urn: DEMO_LINKEDIN_ORG.adminUrn,
    id: must(DEMO_LINKEDIN_ORG.adminUrn.split(':').pop(), 'id of the admin URN'),
    firstName: DEMO_LINKEDIN_ORG.adminFirstName,
    lastName: DEMO_LINKEDIN_ORG.adminLastName,
    hidden: false,
  };
  /** Who holds which role on the page: the administrator first. */
  readonly acls: LiAcl[];

  constructor(readonly ctx: SimContext) {
    this.store = new LinkedInStore(this.orgUrn);
    this.store.people.set(this.admin.urn, this.admin);
    this.acls = [{ roleAssignee: this.admin.urn, role: 'ADMINISTRATOR', state: 'APPROVED' }];
    for (const m of STAFF) {
      const urn = `urn:li:person:${m.id}`;
      this.store.people.set(urn, { urn, id: m.id, firstName: m.firstName, lastName: m.lastName, hidden: false });
      this.acls.push({ roleAssignee: urn, role: m.role, state: m.state });
    }
    // The demo token never expires, so `npm start` keeps working (faults can still break it).
    this.tokens.register({ token: DEMO_LINKEDIN_ORG.accessToken, memberUrn: this.admin.urn, scopes: DEFAULT_SCOPES, expiresAt: null, revoked: false });
    this.tokens.registerRefresh({
      token: DEMO_LINKEDIN_ORG.refreshToken,
      memberUrn: this.admin.urn,
      scopes: DEFAULT_SCOPES,
      expiresAt: Number.MAX_SAFE_INTEGER,
    });
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** An approved ADMINISTRATOR of the page (the roles that may write as it). */
  isAdmin(memberUrn: string): boolean {
    return this.acls.some((a) => a.roleAssignee === memberUrn && a.role === 'ADMINISTRATOR' && a.state === 'APPROVED');
  }

  person(id: string): LiPerson | undefined {
    return this.store.people.get(`urn:li:person:${id}`);
  }

  version(req: SimRequest): string | undefined {
    const v = req.headers['linkedin-version'];
    return Array.isArray(v) ? v[0] : v;
  }

  /** Linkedin-Version (YYYYMM, or YYYYMM.RR) must name a version that is live today, by the sim clock. */
  checkVersion(req: SimRequest): SimResponse | undefined {
    const v = this.version(req);
    if (!v) return errors.versionMissing();
    const m = /^(\d{4})(\d{2})(\.\d{2})?$/.exec(v);
    if (!m) return errors.versionRetired(v);
    const asked = Number(m[1]) * 12 + Number(m[2]) - 1;
    const d = new Date(this.now());
    const current = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (Number(m[2]) < 1 || Number(m[2]) > 12 || asked > current || asked < current - VERSION_LIFETIME_MONTHS) return errors.versionRetired(v);
    const restli = req.headers['x-restli-protocol-version'];
    if (restli !== '2.0.0') return errors.restliMissing();
    return undefined;
  }

  /** The request's bearer token, or LinkedIn's 401 for it. Faults can make every token read as expired or revoked. */
  authenticate(req: SimRequest): { token: LiToken } | { error: SimResponse } {
    const header = req.headers.authorization ?? '';
    const value = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? req.query.get('oauth2_access_token') ?? '';
    if (!value) return { error: errors.tokenMissing() };
    const token = this.tokens.get(value);
    if (!token) return { error: errors.tokenInvalid() };
    if (token.revoked || this.ctx.faults.hit('linkedin', 'token_revoked')) return { error: errors.tokenRevoked() };
    if (this.ctx.faults.hit('linkedin', 'token_expired')) return { error: errors.tokenExpired() };
    if (token.expiresAt !== null && token.expiresAt <= this.now()) return { error: errors.tokenExpired() };
    return { token };
  }
}
