import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Config } from '@resonance/config';
import { DEMO_ACCOUNTS, startSim, type RunningSim } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';

const ACCOUNT = DEMO_ACCOUNTS.find((a) => a.network === 'x')!.externalId;
const SECRET = 'resonance-demo-x-consumer-secret';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('base64')}`;
const delivery = JSON.stringify({
  for_user_id: ACCOUNT,
  tweet_create_events: [{ id_str: '1860000000000000777', text: '@resonance_demo Hallo', user: { id_str: '42', name: 'Jörg', screen_name: 'joerg' } }],
  direct_message_events: [
    { type: 'message_create', id: '1870000000000000777', created_timestamp: '1795000000123', message_create: { target: { recipient_id: ACCOUNT }, sender_id: '42', message_data: { text: 'Wo ist mein Paket?' } } },
  ],
  users: { '42': { id: '42', name: 'Jörg', screen_name: 'joerg' } },
});

describe('/api/webhooks/x (Account Activity)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: Config;
  let backend: QueueBackend;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig({ DEMO_MODE: 'true' });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.listen(0, '127.0.0.1');
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'x', externalId: ACCOUNT })).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const queue = <T>(name: string) => new backend.Queue<T>(name, { connection: backend.connection as never, prefix: backend.prefix });

  it('answers the CRC check with the HMAC of the token, as X expects', async () => {
    const res = await request(app.getHttpServer()).get('/api/webhooks/x').query({ crc_token: 'abc123' }).expect(200);
    expect(res.body).toEqual({ response_token: `sha256=${createHmac('sha256', SECRET).update('abc123').digest('base64')}` });
    await request(app.getHttpServer()).get('/api/webhooks/x').expect(400);
    // The sim performs the check the way X does, against the running API.
    const sim: RunningSim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 3, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    try {
      const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/webhooks/x`;
      const crc = await (await fetch(`${sim.url}/_sim/x/crc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) })).json();
      expect(crc).toMatchObject({ status: 200, valid: true });
    } finally {
      await sim.close();
    }
  });

  it('refuses deliveries without a valid x-twitter-webhooks-signature', async () => {
    await request(app.getHttpServer()).post('/api/webhooks/x').set('content-type', 'application/json').send(delivery).expect(401);
    await request(app.getHttpServer()).post('/api/webhooks/x').set('content-type', 'application/json').set('x-twitter-webhooks-signature', sign(delivery, 'wrong')).send(delivery).expect(401);
    expect(await queue<IngestJob>(QueueName.Ingest).getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
  });

  it('queues the DMs for ingest and a hinted sync for the tweets; a replayed delivery queues nothing', async () => {
    const post = () => request(app.getHttpServer()).post('/api/webhooks/x').set('content-type', 'application/json').set('x-twitter-webhooks-signature', sign(delivery)).send(delivery).expect(200);
    expect((await post()).body).toEqual({ channels: 1, records: 1, hints: 1 });
    const jobs = await queue<IngestJob>(QueueName.Ingest).getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toMatchObject({ channelAccountId: channelId });
    expect(jobs[0].data.records).toEqual([
      expect.objectContaining({ kind: 'message', externalId: '1870000000000000777', threadKey: 'dm:42', channel: 'direct', author: { externalId: '42', name: 'Jörg', handle: 'joerg' }, createdAt: '2026-11-18T11:06:40.000Z', isFromAccount: false }),
    ]);
    const syncs = await queue<SyncJob>(QueueName.Sync).getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(syncs.map((j) => j.data)).toEqual([{ channelAccountId: channelId, reason: 'hint' }]);
    expect((await post()).body).toEqual({ channels: 0, records: 0, hints: 0, duplicate: true });
    expect(await queue<IngestJob>(QueueName.Ingest).getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(1);
  });
});
