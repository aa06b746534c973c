import type { INestApplication } from '@nestjs/common';
import type request from 'supertest';
import type { Config } from '@resonance/config';
import type { Credentials } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, startSim, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { startWorker } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const PUBLIC_URL = 'http://resonance.test:8080';

/**
 * The dashboard's connect flow for LinkedIn against the sim: LinkedIn's OAuth 2.0 consent, the
 * pages the member administers (organizationAcls) in the picker, the channel connected with
 * encrypted 60-day credentials, and the first sync backfilling the page's existing comments.
 */
describe('LinkedIn connect flow against the sim', () => {
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
    history = sim.traffic.generate(60, 'linkedin');
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

  it('authorizes, lists the administered page, connects it, and the first sync backfills its comments', async () => {
    const start = record(await admin.agent.post('/api/channels/connect/linkedin').set('x-csrf-token', admin.csrf).send({}).expect(200));
    const authorizationUrl = new URL(start.body.authorizationUrl as string);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${sim.url}/linkedin/oauth/v2/authorization`);
    expect(authorizationUrl.searchParams.get('client_id')).toBe(DEMO_LINKEDIN_APP.clientId);
    expect(authorizationUrl.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/oauth/callback/linkedin`);
    expect(authorizationUrl.searchParams.get('scope')).toContain('w_organization_social');
    const consent = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') as string);
    const done = new URL(record(await admin.agent.get(`${back.pathname}${back.search}`).expect(302)).headers.location);
    const pendingId = done.searchParams.get('connect') as string;
    expect(pendingId).toMatch(/^[0-9a-f-]{36}$/);

    const pending = record(await admin.agent.get(`/api/channels/connect/pending/${pendingId}`).expect(200));
    expect(pending.body).toMatchObject({ network: 'linkedin' });
    expect(pending.body.accounts).toEqual([
      { externalId: DEMO_LINKEDIN_ORG.urn, displayName: DEMO_LINKEDIN_ORG.name, handle: DEMO_LINKEDIN_ORG.vanityName, channelId: null, channelStatus: null },
    ]);
    const connected = record(
      await admin.agent
        .post(`/api/channels/connect/pending/${pendingId}`)
        .set('x-csrf-token', admin.csrf)
        .send({ externalIds: [DEMO_LINKEDIN_ORG.urn] })
        .expect(201),
    );
    const channel = connected.body.channels[0];
    expect(channel).toMatchObject({ network: 'linkedin', externalId: DEMO_LINKEDIN_ORG.urn, status: 'connected' });
    // LinkedIn access tokens live 60 days.
    expect(Math.round((Date.parse(channel.credentialsExpireAt) - Date.now()) / 86_400_000)).toBe(60);
    const [row] = await db.dataSource.query(`SELECT credentials_encrypted FROM channel_account WHERE id = $1`, [channel.id]);
    const credentials = new CredentialsCipher(config.ENCRYPTION_KEY).decrypt<Credentials>(row.credentials_encrypted);
    expect(credentials.refreshToken).toBeTruthy();
    for (const s of seen) {
      expect(s).not.toContain(credentials.accessToken);
      expect(s).not.toContain(String(credentials.refreshToken));
    }

    const comments = history.filter((t) => t.kind === 'comment').map((t) => t.externalId);
    expect(comments.length).toBeGreaterThan(0);
    const worker = await startWorker(config, db.url);
    try {
      const stored = await waitFor(async () => {
        const rows = await db.dataSource.query<unknown[]>(`SELECT external_id FROM message WHERE channel_account_id = $1 AND external_id = ANY($2::text[])`, [
          channel.id,
          comments,
        ]);
        return rows.length === comments.length ? rows : undefined;
      }, 20_000);
      expect(stored).toHaveLength(comments.length);
    } finally {
      await worker.close();
    }
  }, 40_000);
});
