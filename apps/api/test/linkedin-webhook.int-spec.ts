import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Config } from '@resonance/config';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, startSim, type RunningSim } from '@resonance/sim';
import { linkedinSignature } from '@resonance/connectors';
import { createQueueBackend, prepareQueueBackend, QueueName, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';
import { waitFor } from './support';

/**
 * LinkedIn's Organization Social Action Notifications at the API, with the sim as the sender:
 * endpoint validation (challengeCode → HMAC), X-LI-Signature over the raw body, one hinted sync of
 * the page per delivery, replays queue nothing.
 */
const PAUSED_ORG = 'urn:li:organization:990001';

describe('/api/webhooks/linkedin', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sim: RunningSim;
  let config: Config;
  let backend: QueueBackend;
  let channelId: string;
  let pausedChannelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig({ DEMO_MODE: 'true' });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.listen(0, '127.0.0.1');
    sim = await startSim({
      SIM_HOST: '127.0.0.1',
      SIM_PORT: 0,
      SIM_SEED: 3,
      SIM_TRAFFIC_PER_MINUTE: 0,
      SIM_WEBHOOK_URL: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/webhooks`,
      SIM_WEBHOOK_RETRY_DELAYS_MS: '200',
    });
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'linkedin', externalId: DEMO_LINKEDIN_ORG.urn })).id;
    pausedChannelId = (await makeChannel(db.dataSource, workspace, { network: 'linkedin', externalId: PAUSED_ORG, status: 'paused' })).id;
  });
  afterAll(async () => {
    await sim?.close();
    await app?.close();
    await db?.drop();
  });

  const syncJobs = async () => {
    const q = new backend.Queue<SyncJob>(QueueName.Sync, { connection: backend.connection as never, prefix: backend.prefix });
    const jobs = await q.getJobs(['waiting', 'active', 'completed', 'delayed']);
    await q.close();
    return jobs.map((j) => j.data);
  };

  it('passes LinkedIn’s endpoint validation (the sim checks the challengeResponse)', async () => {
    const res = await fetch(`${sim.url}/_sim/linkedin/validate-webhook`, { method: 'POST' });
    expect(await res.json()).toMatchObject({ status: 200, validated: true });
    await request(app.getHttpServer()).get('/api/webhooks/linkedin').expect(400);
  });

  it('refuses deliveries without a valid X-LI-Signature, and queues nothing', async () => {
    const body = JSON.stringify({
      type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
      notifications: [{ notificationId: 1, organizationalEntity: DEMO_LINKEDIN_ORG.urn, action: 'COMMENT', sourcePost: 'urn:li:share:1' }],
    });
    const server = app.getHttpServer();
    await request(server).post('/api/webhooks/linkedin').set('content-type', 'application/json').send(body).expect(401);
    await request(server)
      .post('/api/webhooks/linkedin')
      .set('content-type', 'application/json')
      .set('x-li-signature', linkedinSignature(body, 'wrong'))
      .send(body)
      .expect(401);
    await request(server)
      .post('/api/webhooks/linkedin')
      .set('content-type', 'application/json')
      .set('x-li-signature', `${linkedinSignature(body, DEMO_LINKEDIN_APP.clientSecret)}junk`)
      .send(body)
      .expect(401);
    expect(await syncJobs()).toEqual([]);
    // Signed right: one hinted sync; the same bytes again: nothing more.
    for (let i = 0; i < 2; i++) {
      const res = await request(server)
        .post('/api/webhooks/linkedin')
        .set('content-type', 'application/json')
        .set('x-li-signature', linkedinSignature(body, DEMO_LINKEDIN_APP.clientSecret))
        .send(body)
        .expect(200);
      expect(res.body).toEqual(i === 0 ? { channels: 1, hints: 1 } : { channels: 0, hints: 0, duplicate: true });
    }
    expect(await syncJobs()).toContainEqual({ channelAccountId: channelId, reason: 'hint' });
  });

  it('answers a notification for a paused page with 200 and queues no sync for it', async () => {
    const body = JSON.stringify({
      type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
      notifications: [{ notificationId: 9, organizationalEntity: PAUSED_ORG, action: 'COMMENT', sourcePost: 'urn:li:share:9' }],
    });
    const res = await request(app.getHttpServer())
      .post('/api/webhooks/linkedin')
      .set('content-type', 'application/json')
      .set('x-li-signature', linkedinSignature(body, DEMO_LINKEDIN_APP.clientSecret))
      .send(body)
      .expect(200);
    expect(res.body).toEqual({ channels: 0, hints: 0 });
    expect((await syncJobs()).map((j) => j.channelAccountId)).not.toContain(pausedChannelId);
  });

  it('accepts the sim’s signed notifications for new comments and queues a hinted sync of the page', async () => {
    sim.traffic.generate(40, 'linkedin');
    const deliveries = await waitFor(async () => {
      const got = (await (await fetch(`${sim.url}/_sim/webhooks?network=linkedin`)).json()) as {
        deliveries: Array<{ state: string; attempts: Array<{ status: number }> }>;
      };
      return got.deliveries.length > 0 && got.deliveries.every((d) => d.state === 'delivered') ? got.deliveries : undefined;
    }, 10_000);
    expect(deliveries.every((d) => d.attempts[0].status === 200)).toBe(true);
  });
});
