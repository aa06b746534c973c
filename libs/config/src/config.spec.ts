import { ConfigError, configVariableNames, loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('applies defaults and picks the PostgreSQL queue backend without REDIS_URL', () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3000);
    // Development and demo run with public secrets: this machine only unless API_HOST says otherwise.
    expect(config.API_HOST).toBe('127.0.0.1');
    expect(config.API_DOCS).toBe('public');
    expect(config.START_SIM).toBe(true);
    expect(config.queueBackend).toBe('postgres');
    expect(config.DEMO_MODE).toBe(true);
    expect(Buffer.from(config.ENCRYPTION_KEY, 'base64')).toHaveLength(32);
  });

  it('picks Redis when REDIS_URL is set', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).queueBackend).toBe('redis');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['REDIS_URL', 'not a url'],
    ['API_PORT', 'eighty'],
    ['API_PORT', '70000'],
    ['ENCRYPTION_KEY', 'c2hvcnQ='],
    ['LOG_LEVEL', 'loud'],
  ])('rejects a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it.each([
    [undefined, false],
    ['off', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 2001:db8::/32, 192.0.2.7', ['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']],
  ])('reads API_TRUST_PROXY %s as %j (the form Express takes)', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { API_TRUST_PROXY: value }).API_TRUST_PROXY).toEqual(expected);
  });

  it.each([
    ['true', /must not trust every proxy/],
    ['11', /at most 10 proxy hops/],
    ['10.0.0.0/33', /"10.0.0.0\/33" has a prefix length outside 0-32/],
    ['loopback,proxy.example', /"proxy.example" is not an IP address/],
    ['loopback,,10.0.0.1', /empty entry/],
    ['10.0.0.1/8/2', /is not an IP address/],
  ])('refuses API_TRUST_PROXY=%s with a message that says why', (value, message) => {
    expect(() => loadConfig({ API_TRUST_PROXY: value })).toThrow(/^Invalid configuration: API_TRUST_PROXY /);
    expect(() => loadConfig({ API_TRUST_PROXY: value })).toThrow(message);
  });

  it('requires real secrets in production and refuses demo mode there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEY is required.*SESSION_SECRET is required/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        SESSION_SECRET: 'x'.repeat(32),
        DEMO_MODE: 'true',
      }),
    ).toThrow(/DEMO_MODE must not be true/);
  });

  it('an external classifier is off by default; an OpenAI-compatible one needs its model', () => {
    expect(loadConfig({}).CLASSIFIER_URL).toBeUndefined();
    expect(() => loadConfig({ CLASSIFIER_URL: 'http://127.0.0.1:9/v1', CLASSIFIER_API: 'openai' })).toThrow(/CLASSIFIER_MODEL is required/);
    expect(() => loadConfig({ CLASSIFIER_URL: 'ftp://x' })).toThrow(/CLASSIFIER_URL must be a URL/);
    const config = loadConfig({ CLASSIFIER_URL: 'http://127.0.0.1:9/v1', CLASSIFIER_API: 'openai', CLASSIFIER_MODEL: 'mistral-small' });
    expect([config.CLASSIFIER_TIMEOUT_MS, config.CLASSIFIER_BATCH]).toEqual([3_000, 50]);
  });

  it('in production keeps the API documentation for admins and the sim off unless asked', () => {
    const production = { NODE_ENV: 'production', ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), SESSION_SECRET: 'x'.repeat(32) };
    const config = loadConfig(production);
    expect(config.API_DOCS).toBe('admins');
    expect(config.START_SIM).toBe(false);
    expect(config.API_HOST).toBe('127.0.0.1');
    expect(loadConfig({ ...production, API_DOCS: 'off', API_HOST: '0.0.0.0', START_SIM: 'yes' })).toMatchObject({
      API_DOCS: 'off',
      API_HOST: '0.0.0.0',
      START_SIM: true,
    });
    expect(() => loadConfig({ API_DOCS: 'everyone' })).toThrow(/^Invalid configuration: API_DOCS /);
  });

  it('accepts the crash-after-commit test seam only in tests', () => {
    expect(loadConfig({ NODE_ENV: 'test', TEST_CRASH_AFTER_COMMIT: 'reply' }).TEST_CRASH_AFTER_COMMIT).toBe('reply');
    expect(() => loadConfig({ NODE_ENV: 'development', TEST_CRASH_AFTER_COMMIT: 'reply' })).toThrow(
      /TEST_CRASH_AFTER_COMMIT is allowed only with NODE_ENV=test/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', TEST_CRASH_AFTER_COMMIT: 'sync' })).toThrow(/^Invalid configuration: TEST_CRASH_AFTER_COMMIT /);
  });

  it('redacts passwords in URLs for the log', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl(undefined)).toBe('(unset)');
  });

  it('reads REDIS_CLUSTER_NODES as a list of redis URLs, queues on Redis, and refuses it beside REDIS_URL', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000, redis://10.0.0.2:7001' });
    expect(config.REDIS_CLUSTER_NODES).toEqual(['redis://10.0.0.1:7000', 'redis://10.0.0.2:7001']);
    expect(config.queueBackend).toBe('redis');
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis://a:1,http://b:2' })).toThrow(
      /REDIS_CLUSTER_NODES must be a comma list of redis:\/\/host:port URLs \(not one: http:\/\/b:2\)/,
    );
    expect(() => loadConfig({ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'redis://b:7000' })).toThrow(/REDIS_URL and REDIS_CLUSTER_NODES are both set/);
  });

  it('bounds the read replica settings', () => {
    expect(loadConfig({}).DATABASE_READ_MAX_LAG_MS).toBe(5_000);
    expect(() => loadConfig({ DATABASE_READ_MAX_LAG_MS: '10' })).toThrow(/DATABASE_READ_MAX_LAG_MS/);
  });

  it('lists every variable so .env.example can be checked against it', () => {
    expect(configVariableNames()).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'ENCRYPTION_KEY']));
  });
});
