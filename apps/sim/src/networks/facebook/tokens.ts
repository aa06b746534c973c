import { randomBytes } from 'node:crypto';
import type { SimRequest } from '../../core/http';
import { multipartOf } from './upload';

/**
 * Access tokens and authorization codes the simulated Graph API knows. Lifetimes follow
 * Facebook's: short-lived user tokens ~1-2 h, long-lived user tokens 60 days, page tokens from a
 * long-lived user token do not expire; codes are single-use and live 10 minutes.
 */
export interface FbToken {
  token: string;
  kind: 'user' | 'page';
  userId: string;
  pageId: string | null;
  appId: string;
  scopes: string[];
  expiresAt: number | null;
  revoked: boolean;
}

export interface FbCode {
  code: string;
  redirectUri: string;
  appId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export const SHORT_LIVED_MS = 2 * 3600_000;
export const LONG_LIVED_S = 5_183_944; // the value in Facebook's documentation sample (~60 days)
const CODE_LIFETIME_MS = 10 * 60_000;

export const DEFAULT_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_read_user_content',
  'pages_manage_engagement',
  'pages_messaging',
  'pages_manage_metadata',
  'pages_manage_posts',
];

export class TokenRegistry {
  private readonly tokens = new Map<string, FbToken>();
  private readonly codes = new Map<string, FbCode>();

  register(token: Omit<FbToken, 'revoked'>): FbToken {
    const t = { ...token, revoked: false };
    this.tokens.set(t.token, t);
    return t;
  }

  get(token: string): FbToken | undefined {
    return this.tokens.get(token);
  }

  list(): FbToken[] {
    return [...this.tokens.values()];
  }

  issue(init: Omit<FbToken, 'revoked' | 'token'>): FbToken {
    // Facebook tokens start with "EAA" followed by the app's encoded id and random material.
    return this.register({ ...init, token: `EAA${randomBytes(60).toString('base64url').replace(/[-_]/g, 'Z')}` });
  }

  issueCode(init: Omit<FbCode, 'code' | 'used' | 'expiresAt'>, now: number): FbCode {
    const code: FbCode = { ...init, code: `AQ${randomBytes(90).toString('base64url')}`, used: false, expiresAt: now + CODE_LIFETIME_MS };
    this.codes.set(code.code, code);
    return code;
  }

  code(code: string): FbCode | undefined {
    return this.codes.get(code);
  }

  /** Revokes every token of a user (DELETE /{user-id}/permissions, or the user removing the app). */
  revokeUser(userId: string): number {
    let n = 0;
    for (const t of this.tokens.values()) {
      if (t.userId === userId && !t.revoked) {
        t.revoked = true;
        n += 1;
      }
    }
    return n;
  }
}

/** The access token of a request: ?access_token=, a form/JSON body field, or Authorization: Bearer/OAuth. */
export function requestToken(req: SimRequest): string | undefined {
  const fromQuery = req.query.get('access_token');
  if (fromQuery) return fromQuery;
  const fromBody = req.body.access_token;
  if (typeof fromBody === 'string' && fromBody) return fromBody;
  // A file upload (multipart/form-data) sends the token as one of its text parts.
  const part = multipartOf(req)?.find((p) => p.name === 'access_token' && p.filename === undefined);
  if (part) return part.data.toString('utf8');
  const header = req.headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match ? match[1].trim() : undefined;
}
