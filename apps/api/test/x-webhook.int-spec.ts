import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Config } from '@resonance/config';
import { DEMO_ACCOUNTS, startSim, type RunningSim } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';
import { HANDSHAKE_LIMIT } from '../src/webhooks/handshake-rate-limit';

const ACCOUNT = DEMO_ACCOUNTS.find((a) => a.network === 'x')!.externalId;
const PAUSED_ACCOUNT = '990000000000000001';
const SECRET = 'resonance-demo-x-consumer-secret';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('base64')}`;
const delivery = JSON.stringify({
  for_user_id: ACCOUNT,
  tweet_create_events: [{ id_str: '1860000000000000777', text: '@resonance_demo Hallo', user: { id_str: '42', name: 'Jörg', screen_name: 'joerg' } }],
  direct_message_events: [
    {
      type: 'message_create',
      id: '1870000000000000777',
      created_timestamp: '1795000000123',
      message_create: { target: { recipient_id: ACCOUNT }, sender_id: '42', message_data: { text: 'Wo ist mein Paket?' } },
    },
  ],
  users: { '42': { id: '42', name: 'Jörg', screen_name: 'joerg' } },
});

describe('/api/webhooks/x (Account Activity)', () => {
  let db: TestDatabase;
  let app: INestApplication;
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
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'x', externalId: ACCOUNT })).id;
    pausedChannelId = (await makeChannel(db.dataSource, workspace, { network: 'x', externalId: PAUSED_ACCOUNT, status: 'paused' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const queue = <T>(name: string) => new backend.Queue<T>(name, { connection: backend.connection as never, prefix: backend.prefix });

  it('answers the CRC check with the HMAC of the token, as X expects', async () => {
    const token = 'Zm9vYmFyLWNyYy10b2tlbi0x+/=';
    const res = await request(app.getHttpServer()).get('/api/webhooks/x').query({ crc_token: token }).expect(200);
    expect(res.body).toEqual({ response_token: `sha256=${createHmac('sha256', SECRET).update(token).digest('base64')}` });
    await request(app.getHttpServer()).get('/api/webhooks/x').expect(400);
    // The sim performs the check the way X does, against the running API.
    const sim: RunningSim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 3, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    try {
      const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/webhooks/x`;
      const crc = await (
        await fetch(`${sim.url}/_sim/x/crc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) })
      ).json();
      expect(crc).toMatchObject({ status: 200, valid: true });
    } finally {
      await sim.close();
    }
  });

  it('does not sign a delivery through the CRC route: JSON-shaped tokens are refused, token-shaped bodies too', async () => {
    const server = app.getHttpServer();
    // The attack: have the CRC route sign a DM "from" the company account, then post it as a delivery.
    const forged = JSON.stringify({
      for_user_id: ACCOUNT,
      direct_message_events: [
        {
          type: 'message_create',
          id: '1870000000000000666',
          created_timestamp: '1795000000000',
          message_create: { target: { recipient_id: '42' }, sender_id: ACCOUNT, message_data: { text: 'Ihr Konto wird gesperrt: https://evil.example' } },
        },
      ],
    });
    const crc = await request(server).get('/api/webhooks/x').query({ crc_token: forged });
    expect(crc.status).toBe(400);
    expect(crc.body.message).toMatch(/crc_token must be one opaque base64 token/);
    const post = (body: string, signature: string) =>
      request(server).post('/api/webhooks/x').set('content-type', 'application/json').set('x-twitter-webhooks-signature', signature).send(body);
    expect((await post(forged, String(crc.body.response_token))).status).toBe(401);
    for (const bodyLike of ['{"for_user_id":"1"}', 'abc def ghi', 'a'.repeat(129)]) {
      expect((await request(server).get('/api/webhooks/x').query({ crc_token: bodyLike })).status).toBe(400);
    }
    // A body the CRC route does sign is still no delivery (sent form-encoded, so the body parser keeps its raw bytes).
    const tokenShaped = 'Zm9yX3VzZXJfaWQ9MQ==';
    const signed = await request(server).get('/api/webhooks/x').query({ crc_token: tokenShaped }).expect(200);
    const replayed = await request(server)
      .post('/api/webhooks/x')
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-twitter-webhooks-signature', signed.body.response_token)
      .send(tokenShaped);
    expect(replayed.status).toBe(401);
    expect(await queue<IngestJob>(QueueName.Ingest).getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
  });

  it('refuses deliveries without a valid x-twitter-webhooks-signature', async () => {
    await request(app.getHttpServer()).post('/api/webhooks/x').set('content-type', 'application/json').send(delivery).expect(401);
    await request(app.getHttpServer())
      .post('/api/webhooks/x')
      .set('content-type', 'application/json')
      .set('x-twitter-webhooks-signature', sign(delivery, 'wrong'))
      .send(delivery)
      .expect(401);
    // The right digest with junk after it: Node's lenient base64 decoding once let this through.
    await request(app.getHttpServer())
      .post('/api/webhooks/x')
      .set('content-type', 'application/json')
      .set('x-twitter-webhooks-signature', `${sign(delivery)}junk`)
      .send(delivery)
      .expect(401);
    expect(await queue<IngestJob>(QueueName.Ingest).getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
  });

  it('queues the DMs for ingest and a hinted sync for the tweets; a replayed delivery queues nothing', async () => {
    const post = () =>
      request(app.getHttpServer())
        .post('/api/webhooks/x')
        .set('content-type', 'application/json')
        .set('x-twitter-webhooks-signature', sign(delivery))
        .send(delivery)
        .expect(200);
    expect((await post()).body).toEqual({ channels: 1, records: 1, hints: 1 });
    const jobs = await queue<IngestJob>(QueueName.Ingest).getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toMatchObject({ channelAccountId: channelId });
    expect(jobs[0].data.records).toEqual([
      expect.objectContaining({
        kind: 'message',
        externalId: '1870000000000000777',
        threadKey: 'dm:42',
        channel: 'direct',
        author: { externalId: '42', name: 'Jörg', handle: 'joerg' },
        createdAt: '2026-11-18T11:06:40.000Z',
        isFromAccount: false,
      }),
    ]);
    const syncs = await queue<SyncJob>(QueueName.Sync).getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(syncs.map((j) => j.data)).toEqual([{ channelAccountId: channelId, reason: 'hint' }]);
    expect((await post()).body).toEqual({ channels: 0, records: 0, hints: 0, duplicate: true });
    expect(await queue<IngestJob>(QueueName.Ingest).getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(1);
  });

  it('answers a delivery for a paused account with 200 and queues nothing for it', async () => {
    const ingest = queue<IngestJob>(QueueName.Ingest);
    const sync = queue<SyncJob>(QueueName.Sync);
    const before = (await ingest.getJobs(['waiting', 'active', 'completed', 'delayed'])).length;
    const paused = delivery.replaceAll(ACCOUNT, PAUSED_ACCOUNT);
    const res = await request(app.getHttpServer())
      .post('/api/webhooks/x')
      .set('content-type', 'application/json')
      .set('x-twitter-webhooks-signature', sign(paused))
      .send(paused)
      .expect(200);
    expect(res.body).toEqual({ channels: 0, records: 0, hints: 0 });
    expect(await ingest.getJobs(['waiting', 'active', 'completed', 'delayed'])).toHaveLength(before);
    expect((await sync.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.data.channelAccountId)).not.toContain(pausedChannelId);
  });

  // Last: it uses up this client's handshakes for the minute.
  it('answers a client that asks for CRC checks too often with 429 and Retry-After', async () => {
    const server = app.getHttpServer();
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i <= HANDSHAKE_LIMIT; i++) {
      const res = await request(server)
        .get('/api/webhooks/x')
        .query({ crc_token: `dG9rZW4tbnVtYmVy${i}` });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    // Earlier tests in this file used some of the minute's handshakes: answers turn to 429 and stay there.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(0);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Counted per receiver: LinkedIn's validation from the same client still answers.
    await request(server).get('/api/webhooks/linkedin').query({ challengeCode: 'f7c4b5a0-1c1e' }).expect(200);
  });
});
