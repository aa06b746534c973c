import { loadConfig } from '@resonance/config';
import { DEMO_YOUTUBE_CLIENT } from '@resonance/sim';
import { youtubeAuth } from './auth';
import { DEMO_YOUTUBE_CLIENT_DEFAULTS, youtubeSettings } from './settings';

describe('YouTube settings', () => {
  it("uses the sim's demo client only in demo mode, and the same values as the sim", () => {
    expect(DEMO_YOUTUBE_CLIENT_DEFAULTS).toEqual(DEMO_YOUTUBE_CLIENT);
    expect(youtubeSettings(loadConfig({ NODE_ENV: 'test', DEMO_MODE: 'true' })).clientId).toBe(DEMO_YOUTUBE_CLIENT.clientId);
    const prod = loadConfig({
      NODE_ENV: 'production',
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      SESSION_SECRET: 'x'.repeat(40),
      YOUTUBE_API_URL: 'https://www.googleapis.com',
    });
    expect(youtubeSettings(prod).clientId).toBeUndefined();
    expect(youtubeSettings(prod).clientSecret).toBeUndefined();
  });

  it("points at the sim by default, and at Google's own hosts for www.googleapis.com", () => {
    const sim = youtubeSettings(loadConfig({ NODE_ENV: 'test', SIM_URL: 'http://127.0.0.1:4000' }));
    expect(sim).toMatchObject({
      apiUrl: 'http://127.0.0.1:4000/youtube',
      authUrl: 'http://127.0.0.1:4000/youtube/o/oauth2/v2/auth',
      tokenUrl: 'http://127.0.0.1:4000/youtube/token',
    });
    const real = youtubeSettings(
      loadConfig({ NODE_ENV: 'test', YOUTUBE_API_URL: 'https://www.googleapis.com', YOUTUBE_CLIENT_ID: 'c', YOUTUBE_CLIENT_SECRET: 's' }),
    );
    expect(real).toMatchObject({
      authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      revokeUrl: 'https://oauth2.googleapis.com/revoke',
    });
    const url = new URL(youtubeAuth(real).authorizationUrl({ state: 'st', redirectUri: 'https://app.example/cb' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'c',
      redirect_uri: 'https://app.example/cb',
      response_type: 'code',
      scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state: 'st',
    });
  });
});
