import { loadConfig } from '@resonance/config';
import { isConnectorError } from '../errors';
import { INSTAGRAM_FACEBOOK_SCOPES, instagramAuth } from './auth';
import { instagramSettings } from './settings';

/** The consent of Instagram's Facebook-Login setup (the connect flow's `setup: 'facebook_login'`). */
describe('Instagram API with Facebook Login: the consent page', () => {
  it("against the sim: Facebook's dialog on the Facebook-Login host with the demo Facebook app and the Instagram permissions", () => {
    const settings = instagramSettings(loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'true', SIM_URL: 'http://127.0.0.1:4000' }));
    const url = new URL(instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'http://localhost/cb', setup: 'facebook_login' }));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/instagram/v24.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: settings.facebookAppId,
      redirect_uri: 'http://localhost/cb',
      response_type: 'code',
      scope: INSTAGRAM_FACEBOOK_SCOPES.join(','),
      state: 's1',
    });
    // No setup: Instagram Login, as before.
    expect(new URL(instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'http://localhost/cb' })).pathname).toBe('/instagram/oauth/authorize');
  });

  it("production: www.facebook.com's dialog with FACEBOOK_APP_ID", () => {
    const settings = instagramSettings(
      loadConfig({ NODE_ENV: 'test', INSTAGRAM_API_URL: 'https://graph.instagram.com', FACEBOOK_APP_ID: '42', FACEBOOK_APP_SECRET: 'secret' }),
    );
    const url = new URL(instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'https://r.example/cb', setup: 'facebook_login' }));
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v24.0/dialog/oauth');
    expect(url.searchParams.get('client_id')).toBe('42');
  });

  it('without the Facebook app configured: INVALID_REQUEST naming the variables (the connect flow says 503 NETWORK_NOT_CONFIGURED)', () => {
    const settings = instagramSettings(
      loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'false', INSTAGRAM_API_URL: 'https://graph.instagram.com', INSTAGRAM_APP_ID: '1', INSTAGRAM_APP_SECRET: 's' }),
    );
    let thrown: unknown;
    try {
      instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'https://r.example/cb', setup: 'facebook_login' });
    } catch (error) {
      thrown = error;
    }
    expect(isConnectorError(thrown) && thrown.code).toBe('INVALID_REQUEST');
    expect((thrown as Error).message).toMatch(/FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured/);
    // The Instagram-Login setup of the same server still works.
    expect(() => instagramAuth(settings).authorizationUrl({ state: 's1', redirectUri: 'https://r.example/cb' })).not.toThrow();
  });
});
