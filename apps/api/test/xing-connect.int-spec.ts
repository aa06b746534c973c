import type { INestApplication } from '@nestjs/common';
import type request from 'supertest';
import type { Config } from '@resonance/config';
import type { Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_XING_COMPANY, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const PUBLIC_URL = 'http://resonance.test:8080';

/**
 * The dashboard's connect flow for XING against the sim: OAuth 1.0a three-legged (a signed request
 * token first, its secret kept server-side; the sim's authorize page sends the browser back with
 * oauth_token and oauth_verifier; the access token signed with the request token), the companies
 * the user acts for in the picker, the token and secret stored encrypted, the first sync
 * backfilling. And without a partner consumer (not demo mode against the sim), the honest notice.
 */
describe('XING connect flow (OAuth 1.0a) against the sim', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let admin: Session;
  let history: TruthItem[];
  const seen: string[] = [];
  const record = (res: request.Response) => {
    seen.push(JSON.stringify(res.body ?? {}), res.headers.location ?? '', JSON.stringify(res.headers));
    return res;
  };

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    history = sim.traffic.generate(40, 'xing');
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

  async function authorize(s: Session) {
    const start = record(await s.agent.post('/api/channels/connect/xing').set('x-csrf-token', s.csrf).send({}).expect(200));
    expect(Object.keys(start.body)).toEqual(['authorizationUrl']);
    const authorizationUrl = new URL(start.body.authorizationUrl as string);
    const consent = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') as string);
    return { authorizationUrl, back, path: `${back.pathname}${back.search}` };
  }

  it('requests a token, authorizes, offers the company, connects it encrypted, and the first sync backfills', async () => {
    const { authorizationUrl, back, path } = await authorize(admin);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/xing/v1/authorize`);
    // Only the request token goes to the browser; its secret stays in the flow's row (encrypted).
    expect([...authorizationUrl.searchParams.keys()]).toEqual(['oauth_token']);
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/oauth/callback/xing`);
    expect(back.searchParams.get('oauth_token')).toBe(authorizationUrl.searchParams.get('oauth_token'));
    expect(back.searchParams.get('oauth_verifier')).toBeTruthy();
    const [flow] = await db.dataSource.query(`SELECT code_verifier_encrypted FROM oauth_connect ORDER BY expires_at DESC LIMIT 1`);
    const kept = new CredentialsCipher(config.ENCRYPTION_KEY).decrypt<{ requestToken: string; requestTokenSecret: string }>(flow.code_verifier_encrypted);
    expect(kept.requestToken).toBe(authorizationUrl.searchParams.get('oauth_token'));
    for (const s of seen) expect(s).not.toContain(kept.requestTokenSecret);

    const done = new URL(record(await admin.agent.get(path).expect(302)).headers.location);
    const pendingId = done.searchParams.get('connect') as string;
    expect(pendingId).toMatch(/^[0-9a-f-]{36}$/);
    // Single use: the same callback again is refused.
    const again = new URL(record(await admin.agent.get(path).expect(302)).headers.location);
    expect(again.searchParams.get('connect_error')).toBe('state_used');

    const pending = record(await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200));
    expect(pending.body).toMatchObject({ network: 'xing' });
    expect(pending.body.accounts).toEqual([
      { externalId: DEMO_XING_COMPANY.id, displayName: DEMO_XING_COMPANY.name, handle: DEMO_XING_COMPANY.slug, channelId: null, channelStatus: null },
    ]);
    const connected = record(
      await admin.agent
        .post(`/api/channels/connect/pending/${pendingId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ externalIds: [DEMO_XING_COMPANY.id] })
        .expect(201),
    );
    const channel = connected.body.channels[0];
    expect(channel).toMatchObject({ network: 'xing', externalId: DEMO_XING_COMPANY.id, status: 'connected' });
    const [row] = await db.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.credentials_encrypted).not.toContain('acc-');
    const credentials = new CredentialsCipher(config.ENCRYPTION_KEY).decrypt<Credentials>(row.credentials_encrypted);
    expect(credentials).toMatchObject({ userId: DEMO_XING_COMPANY.userId });
    expect(credentials.accessToken).toMatch(/^acc-/);
    // A fresh token from this flow, not the sim's seeded one.
    expect(credentials.accessToken).not.toBe(DEMO_XING_COMPANY.accessToken);
    for (const s of seen) {
      expect(s).not.toContain(credentials.accessToken);
      expect(s).not.toContain(String(credentials.accessTokenSecret));
      expect(s).not.toContain(kept.requestTokenSecret);
    }

    const items = history.filter((t) => t.kind !== 'post').map((t) => t.externalId);
    expect(items.length).toBeGreaterThan(0);
    const worker = await startWorker(config, db.url);
    try {
      const stored = await waitFor(async () => {
        const rows = await db.dataSource.query<unknown[]>(`SELECT external_id FROM message WHERE channel_account_id = $1 AND external_id = ANY($2::text[])`, [
          channel.id,
          items,
        ]);
        return rows.length === items.length ? rows : undefined;
      }, 20_000);
      expect(stored).toHaveLength(items.length);
    } finally {
      await worker.close();
    }
  }, 40_000);

  it("refuses a callback from another session, and one whose oauth_token is not the flow's", async () => {
    const other = await login(app, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email);
    const { path } = await authorize(admin);
    expect(new URL(record(await other.agent.get(path).expect(302)).headers.location).searchParams.get('connect_error')).toBe('other_session');
    const { back } = await authorize(admin);
    back.searchParams.set('oauth_token', 'req-not-this-flow');
    const swapped = new URL(record(await admin.agent.get(`${back.pathname}${back.search}`).expect(302)).headers.location);
    expect(swapped.searchParams.get('connect_error')).toBe('invalid_state');
  });

  it('answers with the partner-access notice where no XING consumer is configured (not demo mode against the sim)', async () => {
    const partnerless = await createApi(testConfig({ DEMO_MODE: 'true', SIM_URL: sim.url, PUBLIC_URL, XING_API_URL: 'https://api.xing.com' }), db.url);
    await partnerless.init();
    try {
      const s = await login(partnerless, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email);
      const res = await s.agent.post('/api/channels/connect/xing').set('x-csrf-token', s.csrf).send({}).expect(503);
      expect(res.body.message).toMatch(/cannot be connected on this server: .*XING API partners only.*ask XING for partner access and a consumer key\/secret/);
    } finally {
      await partnerless.close();
    }
  });
});
