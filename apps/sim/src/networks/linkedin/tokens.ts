import { randomBytes } from 'node:crypto';

/** LinkedIn's 3-legged tokens: access tokens live 60 days, refresh tokens 365 days (not extended by use). */
export const ACCESS_TOKEN_TTL_S = 60 * 86_400;
export const REFRESH_TOKEN_TTL_S = 365 * 86_400;
const CODE_TTL_MS = 30 * 60_000;

export interface LiToken {
  token: string;
  memberUrn: string;
  scopes: string[];
  /** Epoch ms; null never expires (the demo token). */
  expiresAt: number | null;
  revoked: boolean;
}

export interface LiRefreshToken {
  token: string;
  memberUrn: string;
  scopes: string[];
  expiresAt: number;
}

interface LiCode {
  code: string;
  redirectUri: string;
  memberUrn: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

const opaque = (prefix: string) => `${prefix}${randomBytes(36).toString('base64url')}`;

export class LinkedInTokens {
  private readonly access = new Map<string, LiToken>();
  private readonly refresh = new Map<string, LiRefreshToken>();
  private readonly codes = new Map<string, LiCode>();

  register(token: LiToken): void {
    this.access.set(token.token, token);
  }

  registerRefresh(token: LiRefreshToken): void {
    this.refresh.set(token.token, token);
  }

  get(token: string): LiToken | undefined {
    return this.access.get(token);
  }

  getRefresh(token: string): LiRefreshToken | undefined {
    return this.refresh.get(token);
  }

  list(): LiToken[] {
    return [...this.access.values()];
  }

  issueCode(input: Omit<LiCode, 'code' | 'expiresAt' | 'used'>, now: number): LiCode {
    const code: LiCode = { ...input, code: opaque('AQT'), expiresAt: now + CODE_TTL_MS, used: false };
    this.codes.set(code.code, code);
    return code;
  }

  code(code: string): LiCode | undefined {
    return this.codes.get(code);
  }

  issue(memberUrn: string, scopes: string[], now: number): LiToken {
    const token: LiToken = { token: opaque('AQV'), memberUrn, scopes, expiresAt: now + ACCESS_TOKEN_TTL_S * 1000, revoked: false };
    this.access.set(token.token, token);
    return token;
  }

  issueRefresh(memberUrn: string, scopes: string[], now: number): LiRefreshToken {
    const token: LiRefreshToken = { token: opaque('AQX'), memberUrn, scopes, expiresAt: now + REFRESH_TOKEN_TTL_S * 1000 };
    this.refresh.set(token.token, token);
    return token;
  }

  revokeAll(memberUrn: string): void {
    for (const t of this.access.values()) if (t.memberUrn === memberUrn) t.revoked = true;
    for (const [k, t] of this.refresh) if (t.memberUrn === memberUrn) this.refresh.delete(k);
  }
}
