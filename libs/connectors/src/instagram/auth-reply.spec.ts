import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@resonance/config';
import type { Credentials } from '../interfaces';
import { loginCredentials, MIN_TOKEN_AGE_FOR_REFRESH_MS, mayRefresh, instagramAuth, setupOf } from './auth';
import { directWindow, HUMAN_AGENT_WINDOW_MS, INSTAGRAM_WINDOW_MS, instagramReply } from './reply';
import { instagramSettings } from './settings';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const settings = instagramSettings(loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'true', SIM_URL: 'http://127.0.0.1:4000' }));

describe('Instagram Login tokens', () => {
  it('the long-lived token answer → credentials that expire in 60 days and refresh themselves', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const creds = loginCredentials(fixture('token-ig-exchange-long-lived.json'), now, undefined);
    expect(creds).toEqual({
      setup: 'instagram_login',
      accessToken: 'x*141',
      refreshToken: 'x*141',
      issuedAt: '2026-12-07T10:00:00.000Z',
      expiresAt: '2027-02-05T10:00:00.000Z',
    });
    expect(setupOf(creds)).toBe('instagram_login');
  });

  it('a refreshed token keeps what the channel stored beside it (ids, setup)', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const before: Credentials = { accessToken: 'x*141', setup: 'instagram_login', igUserId: '17841430541631416', appScopedId: '34831588833123223' };
    const creds = loginCredentials(fixture('token-ig-refresh.json'), now, before);
    expect(creds).toMatchObject({ accessToken: 'x*144', igUserId: '17841430541631416', appScopedId: '34831588833123223' });
    expect(Date.parse(String(creds.expiresAt)) - now).toBe(5183828 * 1000);
  });

  it('refresh only once the token is at least 24 hours old', () => {
    const issued = Date.parse('2026-12-07T10:00:00Z');
    const creds: Credentials = { accessToken: 't', issuedAt: new Date(issued).toISOString() };
    expect(mayRefresh(creds, issued + MIN_TOKEN_AGE_FOR_REFRESH_MS - 1)).toBe(false);
    expect(mayRefresh(creds, issued + MIN_TOKEN_AGE_FOR_REFRESH_MS)).toBe(true);
    // Unknown age (credentials from before issuedAt was kept): Instagram decides.
    expect(mayRefresh({ accessToken: 't' }, issued)).toBe(true);
  });

  it('a token younger than 24 hours is returned as it is, without calling Instagram', async () => {
    const creds: Credentials = { accessToken: 'young', setup: 'instagram_login', issuedAt: new Date(Date.now() - 3600_000).toISOString() };
    await expect(instagramAuth(settings).refresh(creds)).resolves.toBe(creds);
  });

  it('the consent page asks for the Instagram Login permissions with the state', () => {
    const url = new URL(instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'http://localhost/cb' }));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/instagram/oauth/authorize');
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_messages');
    expect(url.searchParams.get('state')).toBe('s1');
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('production hosts: graph.instagram.com, the consent page on www.instagram.com, the code exchange on api.instagram.com', () => {
    const real = instagramSettings(
      loadConfig({ NODE_ENV: 'test', INSTAGRAM_API_URL: 'https://graph.instagram.com', FACEBOOK_GRAPH_URL: 'https://graph.facebook.com' }),
    );
    expect(real).toMatchObject({
      graphUrl: 'https://graph.instagram.com',
      facebookGraphUrl: 'https://graph.facebook.com',
      dialogUrl: 'https://www.instagram.com/oauth/authorize',
      tokenUrl: 'https://api.instagram.com/oauth/access_token',
      appId: undefined,
    });
  });
});

describe('Instagram direct messages: the messaging window', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const target = (hoursAgo: number | null, humanAgentApproved?: boolean) => ({
    channel: 'direct' as const,
    threadKey: 'dm:848067418322071',
    recipientExternalId: '848067418322071',
    lastInboundAt: hoursAgo === null ? null : new Date(now.getTime() - hoursAgo * 3600_000),
    ...(humanAgentApproved !== undefined ? { humanAgentApproved } : {}),
  });
  const reply = instagramReply(settings);

  it('within 24 hours: allowed, untagged', () => {
    expect(directWindow(target(23), now)).toEqual({ refusal: null, tagged: false });
    expect(reply.refusal(target(INSTAGRAM_WINDOW_MS / 3600_000), now)).toBeNull();
  });

  it('after 24 hours: refused with the reason, unless the workspace has Meta’s HUMAN_AGENT approval (then tagged, up to 7 days)', () => {
    expect(reply.refusal(target(25), now)).toMatch(/^outside Instagram's 24-hour window: the customer last wrote at 2026-12-06T11:00:00.000Z/);
    expect(directWindow(target(25, true), now)).toEqual({ refusal: null, tagged: true });
    expect(directWindow(target(HUMAN_AGENT_WINDOW_MS / 3600_000 + 1, true), now).refusal).toMatch(/^outside Instagram's 7-day human agent window/);
  });

  it('no message from the customer: nothing may be sent; comments are never refused by the window', () => {
    expect(reply.refusal(target(null), now)).toMatch(/only after the customer has written/);
    expect(reply.refusal({ channel: 'comment', threadKey: '1', parentExternalId: '1' }, now)).toBeNull();
  });
});
