import type { INestApplication } from '@nestjs/common';
import type request from 'supertest';
import type { Config } from '@resonance/config';
import type { Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_ACCOUNTS, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const PUBLIC_URL = 'http://resonance.test:8080';
const demoX = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/**
 * The dashboard's connect flow for X against the sim: OAuth 2.0 with PKCE (S256 challenge in the
 * authorize URL, the verifier kept server-side for the code exchange), the authorizing user as the
 * one account in the picker, a 2-hour token with a refresh token stored encrypted, and the first
 * sync backfilling the account's mentions, conversation replies and DMs.
 */
describe('X connect flow against the sim', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let admin: Session;
  let history: TruthItem[];
  const seen: string[] = [];
  const record = (res: request.Response) => {
    seen.push(JSON.stringify(res.body ?? {}), res.headers.location ?? '');
    return res;
  };

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    history = sim.traffic.generate(80, 'x');
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

  it('authorizes with PKCE, offers the authorizing account, connects it, and the first sync backfills', async () => {
    const start = record(await admin.agent.post('/api/channels/connect/x').set('x-csrf-token', admin.csrf).send({}).expect(200));
    const authorizationUrl = new URL(start.body.authorizationUrl as string);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/x/i/oauth2/authorize`);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorizationUrl.searchParams.get('scope')).toContain('offline.access');
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/oauth/callback/x`);
    const consent = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') as string);
    const done = new URL(record(await admin.agent.get(`${back.pathname}${back.search}`).expect(302)).headers.location);
    const pendingId = done.searchParams.get('connect') as string;
    expect(pendingId).toMatch(/^[0-9a-f-]{36}$/);

    const pending = record(await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200));
    expect(pending.body).toMatchObject({ network: 'x' });
    expect(pending.body.accounts).toEqual([
      { externalId: demoX.externalId, displayName: demoX.displayName, handle: demoX.handle, channelId: null, channelStatus: null },
    ]);
    const connected = record(
      await admin.agent
        .post(`/api/channels/connect/pending/${pendingId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ externalIds: [demoX.externalId] })
        .expect(201),
    );
    const channel = connected.body.channels[0];
    expect(channel).toMatchObject({ network: 'x', externalId: demoX.externalId, status: 'connected' });
    // X user tokens live two hours; the refresh token (offline.access) renews them.
    expect(Math.round((Date.parse(channel.credentialsExpireAt) - Date.now()) / 60_000)).toBe(120);
    const [row] = await db.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channel.id]);
    const credentials = new CredentialsCipher(config.ENCRYPTION_KEY).decrypt<Credentials>(row.credentials_encrypted);
    expect(credentials.refreshToken).toBeTruthy();
    for (const s of seen) {
      expect(s).not.toContain(credentials.accessToken);
      expect(s).not.toContain(String(credentials.refreshToken));
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
});
