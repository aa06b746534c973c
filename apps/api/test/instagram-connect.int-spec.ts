import type { INestApplication } from '@nestjs/common';
import type request from 'supertest';
import type { Config } from '@resonance/config';
import { INSTAGRAM_FACEBOOK_SCOPES, INSTAGRAM_LOGIN_SCOPES, type Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, DEMO_INSTAGRAM_ACCOUNT, DEMO_INSTAGRAM_APP, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const PUBLIC_URL = 'http://resonance.test:8080';

/**
 * The dashboard's connect flow for Instagram against the sim, through both setups Meta offers:
 * Instagram Login (the account signs in itself) and Facebook Login (a Facebook user signs in, the
 * Page's linked professional account is picked). Either way the channel is the professional
 * account (`1784…`) with the other id kept in its credentials; a second connect through the other
 * setup reconnects the same channel. The browser's part is played by supertest agents and fetch.
 */
describe('Instagram connect flow against the sim: Instagram Login and Facebook Login', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let admin: Session;
  let history: TruthItem[];
  let channelId: string;
  const seen: string[] = [];
  const record = (res: request.Response) => {
    seen.push(JSON.stringify(res.body ?? {}), res.headers.location ?? '', JSON.stringify(res.headers));
    return res;
  };
  const cipher = () => new CredentialsCipher(config.ENCRYPTION_KEY);

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    history = sim.traffic.generate(40, 'instagram');
    db = await createTestDatabase();
    config = testConfig({ DEMO_MODE: 'true', SIM_URL: sim.url, PUBLIC_URL });
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    app = await createApi(config, db.url);
    await app.init();
    const workspace = await makeWorkspace(db.dataSource);
    admin = await login(app, (await makeLoginUser(db.dataSource, workspace, 'admin')).email);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await sim?.close();
  });

  /** Start → the sim's consent (approves at once) → the callback → the picker's flow id. */
  async function consent(body: Record<string, unknown>): Promise<{ authorizationUrl: URL; pendingId: string; flowId: string }> {
    const start = record(await admin.agent.post('/api/channels/connect/instagram').set('x-csrf-token', admin.csrf).send(body).expect(200));
    const authorizationUrl = new URL(start.body.authorizationUrl as string);
    const dialog = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(dialog.status).toBe(302);
    const back = new URL(dialog.headers.get('location') as string);
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/oauth/callback/instagram`);
    const flowId = (back.searchParams.get('state') as string).split('.')[0];
    const done = record(await admin.agent.get(`${back.pathname}${back.search}`).expect(302));
    const to = new URL(done.headers.location);
    expect(to.searchParams.get('connect_error')).toBeNull();
    return { authorizationUrl, pendingId: to.searchParams.get('connect') as string, flowId };
  }

  async function pick(pendingId: string): Promise<{ id: string; externalId: string; status: string }> {
    const pending = record(await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200));
    expect(pending.body.accounts).toEqual([
      expect.objectContaining({ externalId: DEMO_INSTAGRAM_ACCOUNT.id, displayName: DEMO_INSTAGRAM_ACCOUNT.name, handle: DEMO_INSTAGRAM_ACCOUNT.username }),
    ]);
    const connected = record(
      await admin.agent
        .post(`/api/channels/connect/pending/${pendingId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ externalIds: [DEMO_INSTAGRAM_ACCOUNT.id] })
        .expect(201),
    );
    expect(connected.body.channels).toHaveLength(1);
    return connected.body.channels[0];
  }

  async function storedCredentials(id: string): Promise<Credentials> {
    const [row] = await db.dataSource.query<Array<{ credentials_encrypted: string }>>(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [id]);
    return cipher().decrypt<Credentials>(row.credentials_encrypted);
  }

  it('Instagram Login (the default): the consent on Instagram, the account picked, both ids stored', async () => {
    const { authorizationUrl, pendingId } = await consent({});
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/instagram/oauth/authorize`);
    expect(authorizationUrl.searchParams.get('client_id')).toBe(DEMO_INSTAGRAM_APP.appId);
    expect(authorizationUrl.searchParams.get('scope')).toBe(INSTAGRAM_LOGIN_SCOPES.join(','));
    const channel = await pick(pendingId);
    expect(channel).toMatchObject({ network: 'instagram', externalId: DEMO_INSTAGRAM_ACCOUNT.id, status: 'connected' });
    channelId = channel.id;
    expect(await storedCredentials(channel.id)).toMatchObject({
      setup: 'instagram_login',
      igUserId: DEMO_INSTAGRAM_ACCOUNT.id,
      appScopedId: DEMO_INSTAGRAM_ACCOUNT.appScopedId,
    });
  });

  it("Facebook Login: Facebook's consent with the Facebook app, the Page's linked account picked, Page and account ids stored; it reconnects the same channel", async () => {
    const { authorizationUrl, pendingId, flowId } = await consent({ setup: 'facebook_login' });
    // Facebook Login's dialog (the sim's Instagram origin hands it to its Facebook module), with the Facebook app.
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/instagram/${config.INSTAGRAM_GRAPH_VERSION}/dialog/oauth`);
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      client_id: DEMO_FACEBOOK_APP.appId,
      redirect_uri: `${PUBLIC_URL}/api/oauth/callback/instagram`,
      response_type: 'code',
      scope: INSTAGRAM_FACEBOOK_SCOPES.join(','),
    });
    const [flow] = await db.dataSource.query<Array<{ status: string; code_verifier_encrypted: string | null }>>(
      `SELECT status, code_verifier_encrypted FROM oauth_connect WHERE id = $1`,
      [flowId],
    );
    // The verifier is gone once the code is exchanged; the setup rode with it, never in the URL's state.
    expect(flow).toEqual({ status: 'picking', code_verifier_encrypted: null });

    const channel = await pick(pendingId);
    expect(channel).toMatchObject({ id: channelId, network: 'instagram', externalId: DEMO_INSTAGRAM_ACCOUNT.id, status: 'connected' });
    expect(channel.externalId).toBe(DEMO_INSTAGRAM_ACCOUNT.id);
    const credentials = await storedCredentials(channel.id);
    expect(credentials).toMatchObject({ setup: 'facebook_login', pageId: DEMO_FACEBOOK_PAGE.id, igUserId: DEMO_INSTAGRAM_ACCOUNT.id });
    expect(typeof credentials.userAccessToken).toBe('string');
    expect(credentials.accessToken).not.toBe(credentials.userAccessToken);
    expect(Date.parse(String(credentials.expiresAt))).toBeGreaterThan(Date.now() + 30 * 86_400_000);

    // The Page token reads the account's media on the Facebook-Login host.
    const viaPage = await fetch(`${sim.url}/instagram/${config.INSTAGRAM_GRAPH_VERSION}/${DEMO_INSTAGRAM_ACCOUNT.id}/media?fields=id`, {
      headers: { authorization: `Bearer ${credentials.accessToken}` },
    });
    expect(viaPage.status).toBe(200);
    const audit = await db.dataSource.query<Array<{ action: string }>>(`SELECT action FROM audit_event WHERE target_id = $1::text ORDER BY created_at`, [
      channel.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['channel.connect', 'channel.reconnect']);

    // No token the flows handled is in any response, header or redirect.
    for (const secret of [credentials.accessToken, credentials.userAccessToken as string]) for (const text of seen) expect(text).not.toContain(secret);
  });

  it("the first sync through the Page token backfills the account's comments and direct messages (worker in-process)", async () => {
    const inbound = history.filter((t) => t.kind !== 'post' && !t.fromAccount).map((t) => t.externalId);
    expect(inbound.length).toBeGreaterThan(0);
    const worker = await startWorker(config, db.url);
    try {
      const stored = await waitFor(async () => {
        const rows = await db.dataSource.query<Array<{ external_id: string }>>(
          `SELECT external_id FROM message WHERE channel_account_id = $1 AND external_id = ANY($2::text[])`,
          [channelId, inbound],
        );
        return rows.length === inbound.length ? rows : undefined;
      }, 60_000);
      expect(stored).toHaveLength(inbound.length);
      const [row] = await db.dataSource.query<Array<{ status: string }>>(`SELECT status FROM channel_account WHERE id = $1`, [channelId]);
      expect(row.status).toBe('connected');
    } finally {
      await worker.close();
    }
  }, 90_000);

  it('refuses a setup the network does not offer, with a clear 400, and starts no flow', async () => {
    const before = await db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM oauth_connect`);
    const bogus = await admin.agent.post('/api/channels/connect/instagram').set('x-csrf-token', admin.csrf).send({ setup: 'myspace_login' }).expect(400);
    expect(JSON.stringify(bogus.body)).toContain('setup');
    const elsewhere = await admin.agent.post('/api/channels/connect/facebook').set('x-csrf-token', admin.csrf).send({ setup: 'facebook_login' }).expect(400);
    expect(elsewhere.body.message).toContain('facebook has one way to connect');
    await admin.agent.post('/api/channels/connect/instagram').set('x-csrf-token', admin.csrf).send({ setup: null }).expect(400);
    const after = await db.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM oauth_connect`);
    expect(after).toEqual(before);
  });
});
