import { randomBytes } from 'node:crypto';

/**
 * Instagram User access tokens (Instagram API with Instagram Login) and the codes of its consent
 * page. Lifetimes follow Instagram's: the code exchange gives a 1-hour token, ig_exchange_token a
 * 60-day one (expires_in 5184000), and ig_refresh_token renews a token that is at least 24 hours
 * old and not expired for another 60 days. Codes are single-use and live 10 minutes.
 */
export interface IgToken {
  token: string;
  /** The app-scoped Instagram user id (what /me answers with). */
  userId: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number | null;
  longLived: boolean;
  revoked: boolean;
}

export interface IgCode {
  code: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export const SHORT_LIVED_S = 3600;
export const LONG_LIVED_S = 5_184_000;
export const REFRESH_MIN_AGE_MS = 24 * 3600_000;
const CODE_LIFETIME_MS = 10 * 60_000;

export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_manage_comments',
  'instagram_business_manage_messages',
  'instagram_business_content_publish',
] as const;
export type InstagramScope = (typeof INSTAGRAM_SCOPES)[number];

export class IgTokenRegistry {
  private readonly tokens = new Map<string, IgToken>();
  private readonly codes = new Map<string, IgCode>();

  register(token: Omit<IgToken, 'revoked'>): IgToken {
    const t = { ...token, revoked: false };
    this.tokens.set(t.token, t);
    return t;
  }

  get(token: string): IgToken | undefined {
    return this.tokens.get(token);
  }

  list(): IgToken[] {
    return [...this.tokens.values()];
  }

  /** Instagram User tokens start with "IGAA". */
  issue(init: Omit<IgToken, 'revoked' | 'token'>): IgToken {
    return this.register({ ...init, token: `IGAA${randomBytes(96).toString('base64url').replace(/[-_]/g, 'Z')}` });
  }

  issueCode(init: Omit<IgCode, 'code' | 'used' | 'expiresAt'>, now: number): IgCode {
    // Instagram's codes end in "#_" on the redirect; the code itself is the part before.
    const code: IgCode = { ...init, code: `AQ${randomBytes(96).toString('base64url')}`, used: false, expiresAt: now + CODE_LIFETIME_MS };
    this.codes.set(code.code, code);
    return code;
  }

  code(code: string): IgCode | undefined {
    return this.codes.get(code);
  }
}
