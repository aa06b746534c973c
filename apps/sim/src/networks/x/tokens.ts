import { createHash, randomBytes } from 'node:crypto';
import type { SimRequest } from '../../core/http';

/** OAuth 2.0 user tokens of the sim's X app: 2-hour access tokens, rotating refresh tokens. */
export const ACCESS_TOKEN_TTL_S = 7200;

export interface XToken {
  token: string;
  userId: string;
  scopes: string[];
  /** Epoch ms; null = never (the demo token). */
  expiresAt: number | null;
  revoked: boolean;
}

export interface XAuthCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string;
  method: 'S256' | 'plain';
  expiresAt: number;
}

export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export class XTokenRegistry {
  private readonly access = new Map<string, XToken>();
  /** refresh token → the user and scopes it renews; a used one is gone (X rotates them). */
  private readonly refresh = new Map<string, { userId: string; scopes: string[]; permanent: boolean }>();
  private readonly codes = new Map<string, XAuthCode>();

  registerAccess(token: XToken): void {
    this.access.set(token.token, token);
  }

  registerRefresh(token: string, userId: string, scopes: string[], permanent = false): void {
    this.refresh.set(token, { userId, scopes, permanent });
  }

  get(token: string): XToken | undefined {
    return this.access.get(token);
  }

  list(): XToken[] {
    return [...this.access.values()];
  }

  issueCode(input: Omit<XAuthCode, 'code'>): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...input, code });
    return code;
  }

  /** A code is single-use: taken here whether or not the exchange then succeeds. */
  takeCode(code: string): XAuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found;
  }

  /** Issues an access token (and a refresh token with offline.access). */
  issue(userId: string, scopes: string[], now: number): { access: XToken; refreshToken?: string } {
    const access: XToken = { token: randomBytes(30).toString('base64url'), userId, scopes, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000, revoked: false };
    this.access.set(access.token, access);
    if (!scopes.includes('offline.access')) return { access };
    const refreshToken = randomBytes(30).toString('base64url');
    this.refresh.set(refreshToken, { userId, scopes, permanent: false });
    return { access, refreshToken };
  }

  useRefresh(token: string): { userId: string; scopes: string[] } | undefined {
    const found = this.refresh.get(token);
    if (found && !found.permanent) this.refresh.delete(token);
    return found;
  }

  /** /2/oauth2/revoke: an access token is revoked; a refresh token is forgotten with the user's access tokens. */
  revoke(token: string): void {
    const access = this.access.get(token);
    if (access) access.revoked = true;
    const refresh = this.refresh.get(token);
    if (refresh && !refresh.permanent) {
      this.refresh.delete(token);
      for (const t of this.access.values()) if (t.userId === refresh.userId && t.expiresAt !== null) t.revoked = true;
    }
  }
}

export function bearer(req: SimRequest): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
}
