import { randomBytes } from 'node:crypto';
import { form, json, redirect, type SimRequest, type SimResponse } from '../../core/http';
import { checkOAuth1, type OAuthFailure } from '../../core/oauth1';
import { must } from '../../core/must';
import { errors } from './errors';

/**
 * OAuth 1.0a user context (docs.x.com, "OAuth 1.0a" and "Obtaining access tokens using 3-legged
 * OAuth flow"), with the app's consumer key and secret:
 *   POST /oauth/request_token   signed by the consumer alone, oauth_callback (a URL or "oob")
 *        → oauth_token, oauth_token_secret, oauth_callback_confirmed=true (form-encoded)
 *   GET  /oauth/authorize (or /oauth/authenticate) ?oauth_token=…  → the demo user approves at once
 *        (there is no one to click): a redirect to the callback with oauth_token and oauth_verifier
 *   POST /oauth/access_token    signed with the request token, oauth_verifier
 *        → oauth_token ("<user id>-…"), oauth_token_secret, user_id, screen_name
 * Every API call may then be signed instead of carrying a bearer token: HMAC-SHA1 over the URI the
 * client signed — X's own (api.x.com, api.twitter.com, and the upload hosts for /1.1/media) or the
 * sim's URL, since a client pointed at the sim by a host rewrite signs before it rewrites — with the
 * consumer secret and the token secret; the timestamp within 5 minutes, each nonce once. Refused
 * as X refuses: 401 code 32 "Could not authenticate you." (135 for the timestamp) in v1.1's body,
 * and the v2 problem "Unauthorized" on /2/ routes. The token stands for the demo user with every
 * permission of the app (read, write and Direct Messages).
 */
export const X_HOSTS = ['https://api.x.com', 'https://api.twitter.com'];
const UPLOAD_HOSTS = ['https://upload.x.com', 'https://upload.twitter.com'];
const WINDOW_S = 300;

interface OAuth1Token {
  token: string;
  secret: string;
  userId: string;
  kind: 'request' | 'access';
  callback?: string;
  verifier?: string;
}

interface Consumer {
  consumerKey: string;
  consumerSecret: string;
}

const v1Refusal = (failure: OAuthFailure): SimResponse =>
  failure.kind === 'timestamp'
    ? json(401, { errors: [{ code: 135, message: 'Timestamp out of bounds.' }] })
    : json(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });

export class XOAuth1 {
  private readonly tokens = new Map<string, OAuth1Token>();
  private readonly nonces = new Map<string, number>();

  constructor(
    private readonly app: Consumer,
    private readonly users: { id: string; username: string },
  ) {}

  /** The demo user's standing access token (DEMO_X_ACCOUNT.oauth1Token). */
  registerAccess(token: string, secret: string, userId: string): void {
    this.tokens.set(token, { token, secret, userId, kind: 'access' });
  }

  isSigned(req: SimRequest): boolean {
    return /^OAuth\s/i.test(req.headers.authorization ?? '');
  }

  /** A signed API call: the user it acts for, or X's refusal. `revoked` says the sim's token faults hit. */
  verify(req: SimRequest, now: number, revoked: () => boolean): { userId: string } | { error: SimResponse } {
    const path = req.path;
    const hosts = path.startsWith('/1.1/media/') ? [...UPLOAD_HOSTS, ...X_HOSTS] : X_HOSTS;
    const result = this.check(req, now, 'access', [...hosts.map((h) => `${h}${path}`), `${req.origin}${req.mount}${path}`]);
    if ('failure' in result) return { error: path.startsWith('/2/') ? errors.unauthorized() : v1Refusal(result.failure) };
    if (revoked()) return { error: path.startsWith('/2/') ? errors.unauthorized() : v1Refusal({ kind: 'token' }) };
    return { userId: must(result.record, 'OAuth 1.0a token').userId };
  }

  /** /oauth/request_token, /oauth/authorize, /oauth/authenticate, /oauth/access_token; undefined for other paths. */
  route(req: SimRequest, path: string, now: number): SimResponse | undefined {
    const uris = (p: string) => [...X_HOSTS.map((h) => `${h}${p}`), `${req.origin}${req.mount}${p}`];
    if (path === '/oauth/request_token' && req.method === 'POST') {
      const result = this.check(req, now, 'none', uris(path));
      if ('failure' in result) return v1Refusal(result.failure);
      const callback = result.params.oauth_callback;
      if (!callback) return json(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });
      const t: OAuth1Token = {
        token: randomBytes(16).toString('base64url'),
        secret: randomBytes(24).toString('base64url'),
        userId: this.users.id,
        kind: 'request',
        callback,
      };
      this.tokens.set(t.token, t);
      return form(200, { oauth_token: t.token, oauth_token_secret: t.secret, oauth_callback_confirmed: 'true' });
    }
    if ((path === '/oauth/authorize' || path === '/oauth/authenticate') && req.method === 'GET') {
      const t = this.tokens.get(req.query.get('oauth_token') ?? '');
      if (t?.kind !== 'request') return json(401, { errors: [{ code: 89, message: 'Invalid or expired token.' }] });
      t.verifier = randomBytes(16).toString('base64url');
      if (!t.callback || t.callback === 'oob') return form(200, { oauth_token: t.token, oauth_verifier: t.verifier });
      let back: URL;
      try {
        back = new URL(t.callback);
      } catch {
        return json(400, { errors: [{ code: 415, message: 'Callback URL not approved for this client application.' }] });
      }
      back.searchParams.set('oauth_token', t.token);
      back.searchParams.set('oauth_verifier', t.verifier);
      return redirect(back.toString());
    }
    if (path === '/oauth/access_token' && req.method === 'POST') {
      const result = this.check(req, now, 'request', uris(path));
      if ('failure' in result) return v1Refusal(result.failure);
      const request = must(result.record, 'OAuth 1.0a request token');
      const verifier =
        result.params.oauth_verifier ?? (typeof req.body.oauth_verifier === 'string' ? req.body.oauth_verifier : req.query.get('oauth_verifier'));
      if (!request.verifier || verifier !== request.verifier) return json(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });
      this.tokens.delete(request.token);
      const t: OAuth1Token = {
        token: `${request.userId}-${randomBytes(20).toString('base64url')}`,
        secret: randomBytes(24).toString('base64url'),
        userId: request.userId,
        kind: 'access',
      };
      this.tokens.set(t.token, t);
      return form(200, { oauth_token: t.token, oauth_token_secret: t.secret, user_id: t.userId, screen_name: this.users.username });
    }
    return undefined;
  }

  private check(req: SimRequest, now: number, kind: 'none' | 'request' | 'access', baseUris: string[]) {
    return checkOAuth1<OAuth1Token>(req, {
      consumerSecret: (key) => (key === this.app.consumerKey ? this.app.consumerSecret : undefined),
      token:
        kind === 'none'
          ? null
          : (value) => {
              const t = this.tokens.get(value);
              return t?.kind === kind ? { record: t, secret: t.secret } : undefined;
            },
      baseUris,
      nonces: this.nonces,
      nowS: Math.floor(now / 1000),
      windowS: WINDOW_S,
    });
  }
}
