import { randomBytes } from 'node:crypto';
import type { SimRequest } from '../../core/http';
import { must } from '../../core/must';

/**
 * Google OAuth 2.0 as the sim plays it: authorization codes (single use, 10 minutes), access
 * tokens (one hour, "ya29." …), refresh tokens ("1//" …, issued with access_type=offline; they
 * last until revoked), all bound to the OAuth client that asked for them.
 */
export interface YtToken {
  token: string;
  /** The consent this token came from: revoking any token of a grant ends all of them. */
  grant: string;
  clientId: string;
  channelId: string;
  scopes: string[];
  expiresAt: number | null;
  revoked: boolean;
}

export interface YtRefreshToken {
  token: string;
  grant: string;
  clientId: string;
  channelId: string;
  scopes: string[];
  revoked: boolean;
}

export interface YtCode {
  code: string;
  clientId: string;
  redirectUri: string;
  channelId: string;
  scopes: string[];
  offline: boolean;
  expiresAt: number;
  used: boolean;
}

export const ACCESS_TOKEN_S = 3599;
const CODE_LIFETIME_MS = 10 * 60_000;
export const FORCE_SSL_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';
/** Scopes that may read comments; only force-ssl (and the full youtube scope) may write them. */
export const READ_SCOPES = [FORCE_SSL_SCOPE, 'https://www.googleapis.com/auth/youtube', 'https://www.googleapis.com/auth/youtube.readonly'];
export const WRITE_SCOPES = [FORCE_SSL_SCOPE, 'https://www.googleapis.com/auth/youtube'];
/** videos.insert also takes the upload-only scope. */
export const UPLOAD_SCOPES = [...WRITE_SCOPES, 'https://www.googleapis.com/auth/youtube.upload'];

export class YoutubeTokens {
  private readonly access = new Map<string, YtToken>();
  private readonly refresh = new Map<string, YtRefreshToken>();
  private readonly codes = new Map<string, YtCode>();

  registerAccess(t: Omit<YtToken, 'revoked'>): YtToken {
    const token = { ...t, revoked: false };
    this.access.set(token.token, token);
    return token;
  }

  registerRefresh(t: Omit<YtRefreshToken, 'revoked'>): YtRefreshToken {
    const token = { ...t, revoked: false };
    this.refresh.set(token.token, token);
    return token;
  }

  issueAccess(init: Omit<YtToken, 'revoked' | 'token' | 'expiresAt'>, now: number): YtToken {
    return this.registerAccess({ ...init, token: `ya29.${randomBytes(90).toString('base64url')}`, expiresAt: now + ACCESS_TOKEN_S * 1000 });
  }

  issueRefresh(init: Omit<YtRefreshToken, 'revoked' | 'token'>): YtRefreshToken {
    return this.registerRefresh({ ...init, token: `1//0${randomBytes(70).toString('base64url')}` });
  }

  issueCode(init: Omit<YtCode, 'code' | 'used' | 'expiresAt'>, now: number): YtCode {
    const code: YtCode = { ...init, code: `4/0${randomBytes(40).toString('base64url')}`, used: false, expiresAt: now + CODE_LIFETIME_MS };
    this.codes.set(code.code, code);
    return code;
  }

  getAccess(token: string): YtToken | undefined {
    return this.access.get(token);
  }

  getRefresh(token: string): YtRefreshToken | undefined {
    return this.refresh.get(token);
  }

  code(code: string): YtCode | undefined {
    return this.codes.get(code);
  }

  listAccess(): YtToken[] {
    return [...this.access.values()];
  }

  /** Revoking a refresh token ends every access token of that grant, as Google does. */
  revoke(value: string): boolean {
    const r = this.refresh.get(value);
    const a = this.access.get(value);
    if (!r && !a) return false;
    const grant = must(r ?? a, 'grant');
    if (r) r.revoked = true;
    if (a) a.revoked = true;
    for (const t of this.access.values()) if (t.grant === grant.grant) t.revoked = true;
    for (const t of this.refresh.values()) if (t.grant === grant.grant) t.revoked = true;
    return true;
  }
}

/** The bearer token of a request: Authorization: Bearer, or ?access_token= (Google still accepts it). */
export function requestToken(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  if (match) return match[1].trim();
  return req.query.get('access_token') ?? undefined;
}
