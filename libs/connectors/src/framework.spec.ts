import { NETWORKS } from '@resonance/contracts';
import { loadConfig } from '@resonance/config';
import { DEMO_FACEBOOK_APP } from '@resonance/sim';
import { ConnectorError } from './errors';
import { decideOutcome, AUTH_FAILURES_BEFORE_REAUTH } from './policy';
import { ConnectorRegistry, ConnectorRegistryError, createConnectors } from './registry';
import { notYetAvailableConnector } from './not-available';
import { parsePayload, ParseInputError } from './parse';
import { DEMO_FACEBOOK_APP_DEFAULTS, facebookSettings } from './facebook/settings';

const config = loadConfig({ NODE_ENV: 'test' });
const err = (code: ConnectorError['code'], retryAfterMs?: number) => new ConnectorError({ network: 'facebook', code, message: 'x', retryAfterMs });

describe('connector registry', () => {
  it('has a connector for each of the five networks; those not built yet say so', () => {
    const registry = new ConnectorRegistry(createConnectors(config));
    expect(registry.all().map((c) => c.network)).toEqual([...NETWORKS]);
    expect(registry.get('facebook').available).toBe(true);
    expect(registry.get('xing').available).toBe(true);
    expect(registry.get('linkedin').available).toBe(true);
    expect(registry.get('youtube').available).toBe(true);
    // A network whose connector has not landed answers every call with that, plainly.
    const pending = notYetAvailableConnector('x');
    expect(pending.available).toBe(false);
    expect(() => pending.parse('posts', {})).toThrow('x is not yet available in Resonance');
  });

  it('fails at startup when a network has no connector at all', () => {
    const withoutXing = createConnectors(config).filter((c) => c.network !== 'xing');
    expect(() => new ConnectorRegistry(withoutXing)).toThrow(ConnectorRegistryError);
    expect(() => new ConnectorRegistry(withoutXing)).toThrow('no connector registered for: xing');
    expect(() => new ConnectorRegistry([...createConnectors(config), notYetAvailableConnector('x')])).toThrow('two connectors');
  });

  it('a not-yet-available connector refuses to sync and to reply, loudly', async () => {
    const x = notYetAvailableConnector('x');
    const pages = x.sync.pages({ ctx: {} as never, state: {}, backfillSince: new Date(), now: new Date() });
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toThrow('x is not yet available');
    expect(x.reply.refusal({ channel: 'comment', threadKey: 't', parentExternalId: 'p' }, new Date())).toMatch(/not yet available/);
  });
});

describe('error → outcome policy', () => {
  it('delays rate limits by what the network said, and quota by default an hour', () => {
    expect(decideOutcome({ error: err('RATE_LIMITED', 5_000), consecutiveAuthFailures: 0 })).toMatchObject({ action: 'delay', delayMs: 5_000 });
    expect(decideOutcome({ error: err('RATE_LIMITED'), consecutiveAuthFailures: 0 })).toMatchObject({ action: 'delay', delayMs: 60_000 });
    expect(decideOutcome({ error: err('QUOTA_EXCEEDED'), consecutiveAuthFailures: 0 })).toMatchObject({ action: 'delay', delayMs: 3_600_000 });
  });
  it('retries transient and unknown failures with backoff; gives up on requests that cannot succeed', () => {
    expect(decideOutcome({ error: err('TRANSIENT'), consecutiveAuthFailures: 0 }).action).toBe('retry');
    expect(decideOutcome({ error: err('UNKNOWN'), consecutiveAuthFailures: 0 }).action).toBe('retry');
    for (const code of ['PERMISSION_DENIED', 'NOT_FOUND', 'INVALID_REQUEST'] as const) {
      expect(decideOutcome({ error: err(code), consecutiveAuthFailures: 0 })).toMatchObject({ action: 'give_up' });
    }
  });
  it('puts a channel to needs_reauth after repeated expired tokens, or at once when revoked', () => {
    for (let n = 1; n < AUTH_FAILURES_BEFORE_REAUTH; n++) {
      expect(decideOutcome({ error: err('AUTH_EXPIRED'), consecutiveAuthFailures: n })).toMatchObject({ action: 'retry' });
    }
    expect(decideOutcome({ error: err('AUTH_EXPIRED'), consecutiveAuthFailures: AUTH_FAILURES_BEFORE_REAUTH })).toMatchObject({
      action: 'give_up',
      channelStatus: 'needs_reauth',
    });
    expect(decideOutcome({ error: err('AUTH_REVOKED'), consecutiveAuthFailures: 1 })).toMatchObject({ action: 'give_up', channelStatus: 'needs_reauth' });
  });
});

describe('parsePayload input checks', () => {
  it('names the problem: unknown network, unknown endpoint, network not yet supported', () => {
    expect(() => parsePayload({ network: 'myspace', endpoint: 'posts', body: {} })).toThrow(ParseInputError);
    expect(() => parsePayload({ network: 'facebook', endpoint: 'likes', body: {} })).toThrow(
      'unknown facebook endpoint "likes" (one of: posts, comments, comment, conversations, messages, message, webhook)',
    );
  });
});

describe('Facebook settings', () => {
  it('default to the sim and, in demo mode only, to the sim’s demo app', () => {
    expect(DEMO_FACEBOOK_APP_DEFAULTS).toEqual({
      appId: DEMO_FACEBOOK_APP.appId,
      appSecret: DEMO_FACEBOOK_APP.appSecret,
      verifyToken: DEMO_FACEBOOK_APP.verifyToken,
    });
    const demo = facebookSettings(loadConfig({ NODE_ENV: 'development', SIM_URL: 'http://127.0.0.1:4555' }));
    expect(demo).toMatchObject({ graphUrl: 'http://127.0.0.1:4555/facebook', version: 'v24.0', appSecret: DEMO_FACEBOOK_APP.appSecret });
    const prod = facebookSettings(
      loadConfig({
        NODE_ENV: 'production',
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        SESSION_SECRET: 'x'.repeat(40),
        FACEBOOK_GRAPH_URL: 'https://graph.facebook.com',
      }),
    );
    expect(prod.appSecret).toBeUndefined();
    expect(prod.dialogUrl).toBe('https://www.facebook.com/v24.0/dialog/oauth');
  });
});
