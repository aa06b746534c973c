import { loadConfig, simNetworkUrls } from '@resonance/config';
import { facebookSettings } from './facebook/settings';
import { instagramSettings } from './instagram/settings';
import { linkedinSettings } from './linkedin/settings';
import { xSettings } from './x/settings';
import { xingSettings } from './xing/settings';
import { youtubeSettings } from './youtube/settings';

/**
 * `resonance start` points every *_API_URL the operator left unset at the sim's own origin of
 * that network (simNetworkUrls). The connectors must still know it for the sim: demo credentials
 * in demo mode, and the sim's own consent and token endpoints instead of the real hosts'.
 */
describe("connectors pointed at the sim's own origins", () => {
  const base = { NODE_ENV: 'development', DEMO_MODE: 'true', SIM_HOST: '127.0.0.1' };

  it("simNetworkUrls: one origin per network from SIM_*_PORT, https with SIM_TLS, none for an operator's URL or a port chosen at start (0)", () => {
    expect(simNetworkUrls(loadConfig(base))).toEqual({
      FACEBOOK_GRAPH_URL: 'http://127.0.0.1:4001',
      X_API_URL: 'http://127.0.0.1:4002',
      LINKEDIN_API_URL: 'http://127.0.0.1:4003',
      YOUTUBE_API_URL: 'http://127.0.0.1:4004',
      XING_API_URL: 'http://127.0.0.1:4005',
      INSTAGRAM_API_URL: 'http://127.0.0.1:4006',
    });
    const custom = simNetworkUrls(
      loadConfig({ ...base, SIM_TLS: 'true', SIM_HOST: '0.0.0.0', SIM_X_PORT: '9443', SIM_XING_PORT: '0', FACEBOOK_GRAPH_URL: 'https://graph.facebook.com' }),
    );
    expect(custom).toEqual({
      X_API_URL: 'https://127.0.0.1:9443',
      LINKEDIN_API_URL: 'https://127.0.0.1:4003',
      YOUTUBE_API_URL: 'https://127.0.0.1:4004',
      INSTAGRAM_API_URL: 'https://127.0.0.1:4006',
    });
  });

  it("keep the demo credentials and the sim's OAuth endpoints there", () => {
    const config = loadConfig({ ...base, ...simNetworkUrls(loadConfig(base)) });
    expect(facebookSettings(config)).toMatchObject({
      graphUrl: 'http://127.0.0.1:4001',
      dialogUrl: 'http://127.0.0.1:4001/v24.0/dialog/oauth',
      appId: expect.any(String),
    });
    expect(xSettings(config)).toMatchObject({
      apiUrl: 'http://127.0.0.1:4002',
      authorizeUrl: 'http://127.0.0.1:4002/i/oauth2/authorize',
      clientId: expect.any(String),
    });
    expect(linkedinSettings(config)).toMatchObject({ apiUrl: 'http://127.0.0.1:4003', oauthUrl: 'http://127.0.0.1:4003', clientId: expect.any(String) });
    expect(youtubeSettings(config)).toMatchObject({ apiUrl: 'http://127.0.0.1:4004', tokenUrl: 'http://127.0.0.1:4004/token', clientId: expect.any(String) });
    expect(xingSettings(config)).toMatchObject({ apiUrl: 'http://127.0.0.1:4005', consumerKey: expect.any(String) });
    // Instagram: both setups' paths, the consent page and the token exchange on the sim's Instagram origin.
    expect(instagramSettings(config)).toMatchObject({
      graphUrl: 'http://127.0.0.1:4006',
      facebookGraphUrl: 'http://127.0.0.1:4006',
      dialogUrl: 'http://127.0.0.1:4006/oauth/authorize',
      tokenUrl: 'http://127.0.0.1:4006/oauth/access_token',
      appId: expect.any(String),
    });
    // XING itself without a partner consumer: no demo consumer (connecting shows the partner notice).
    expect(xingSettings(loadConfig({ ...base, XING_API_URL: 'https://api.xing.com' })).consumerKey).toBeUndefined();
  });
});
