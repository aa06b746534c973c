import { createHmac } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Config } from '@resonance/config';
import { DEMO_FACEBOOK_APP, facebookEscape } from '@resonance/sim';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';

const PAGE = '104857600123456';
const PAUSED_PAGE = '104857600999999';
const sign = (body: string, secret: string = DEMO_FACEBOOK_APP.appSecret) =>
  `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`;

// Facebook escapes non-ASCII and "/" in its JSON: the signature is over exactly those bytes.
const delivery = (commentId: string, message: string, page = PAGE) =>
  facebookEscape(
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: page,
          time: 1_795_000_000,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: commentId,
                post_id: `${page}_1`,
                parent_id: `${page}_1`,
                from: { id: '42', name: 'Jörg' },
                created_time: 1_795_000_000,
                message,
              },
            },
          ],
        },
        { id: page, time: 1_795_000_001, messaging: [{ sender: { id: '77' }, recipient: { id: page }, timestamp: 1_795_000_001_000, read: { watermark: 1 } }] },
      ],
    }),
  );

describe('POST /api/webhooks/facebook', () => {
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
    await app.init();
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'facebook', externalId: PAGE })).id;
    pausedChannelId = (await makeChannel(db.dataSource, workspace, { network: 'facebook', externalId: PAUSED_PAGE, status: 'paused' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const queue = <T>(name: string) => new backend.Queue<T>(name, { connection: backend.connection as never, prefix: backend.prefix });

  it('answers the subscription handshake with the challenge, and refuses a wrong verify token', async () => {
    const ok = await request(app.getHttpServer())
      .get('/api/webhooks/facebook')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': DEMO_FACEBOOK_APP.verifyToken, 'hub.challenge': '1158201444' })
      .expect(200);
    expect(ok.text).toBe('1158201444');
    await request(app.getHttpServer())
      .get('/api/webhooks/facebook')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' })
      .expect(403);
  });

  it('rejects a delivery whose signature does not match the raw body, and queues nothing', async () => {
    const body = delivery(`${PAGE}_1_900`, 'prix?');
    const server = app.getHttpServer();
    await request(server).post('/api/webhooks/facebook').set('content-type', 'application/json').send(body).expect(401);
    await request(server)
      .post('/api/webhooks/facebook')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body, 'wrong'))
      .send(body)
      .expect(401);
    // Signed over a re-serialised body (unescaped), not the bytes sent: refused.
    await request(server)
      .post('/api/webhooks/facebook')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(JSON.stringify(JSON.parse(body))))
      .send(body)
      .expect(401);
    // The right digest with junk or an extra digit after it: Node's hex decoding once let both through.
    for (const lenient of [`${sign(body)}junk`, `${sign(body)}0`]) {
      await request(server).post('/api/webhooks/facebook').set('content-type', 'application/json').set('x-hub-signature-256', lenient).send(body).expect(401);
    }
    const ingest = queue<IngestJob>(QueueName.Ingest);
    expect(await ingest.getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
    await ingest.close();
  });

  it('queues the records of a signed delivery once, however often it arrives, and a sync for its hints', async () => {
    const body = delivery(`1_901`, 'Gibt es das in Größe 44? / Danke');
    for (let i = 0; i < 3; i++) {
      const res = await request(app.getHttpServer())
        .post('/api/webhooks/facebook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', sign(body))
        .send(body)
        .expect(200);
      // Replays of the same signed bytes are remembered (apps/api/test/security.int-spec.ts): nothing queued again.
      expect(res.body).toEqual(i === 0 ? { channels: 1, records: 1, hints: 1 } : { channels: 0, records: 0, hints: 0, duplicate: true });
    }
    const ingest = queue<IngestJob>(QueueName.Ingest);
    const jobs = await ingest.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data.channelAccountId).toBe(channelId);
    expect(jobs[0].data.records).toEqual([
      expect.objectContaining({
        kind: 'message',
        externalId: '1_901',
        threadKey: '1_901',
        text: 'Gibt es das in Größe 44? / Danke',
        author: { externalId: '42', name: 'Jörg' },
        isFromAccount: false,
      }),
    ]);
    const sync = queue<SyncJob>(QueueName.Sync);
    const syncs = await sync.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(syncs.map((j) => j.data)).toContainEqual({ channelAccountId: channelId, reason: 'hint' });
    await ingest.close();
    await sync.close();
  });

  it('answers a delivery for a paused page with 200 and stores or queues nothing for it', async () => {
    const ingest = queue<IngestJob>(QueueName.Ingest);
    const sync = queue<SyncJob>(QueueName.Sync);
    const body = delivery('1_902', 'Hallo, ist jemand da?', PAUSED_PAGE);
    const res = await request(app.getHttpServer())
      .post('/api/webhooks/facebook')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(body))
      .send(body)
      .expect(200);
    expect(res.body).toEqual({ channels: 0, records: 0, hints: 0 });
    const queuedFor = async () =>
      [...(await ingest.getJobs(['waiting', 'active', 'completed', 'delayed'])), ...(await sync.getJobs(['waiting', 'active', 'completed', 'delayed']))].map(
        (j) => j.data.channelAccountId,
      );
    expect(await queuedFor()).not.toContain(pausedChannelId);
    // One delivery for both pages: the connected page gets its records, the paused one nothing.
    const both = facebookEscape(
      JSON.stringify({ object: 'page', entry: [...JSON.parse(delivery('1_903', 'a', PAUSED_PAGE)).entry, ...JSON.parse(delivery('1_904', 'b')).entry] }),
    );
    const mixed = await request(app.getHttpServer())
      .post('/api/webhooks/facebook')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', sign(both))
      .send(both)
      .expect(200);
    expect(mixed.body).toEqual({ channels: 1, records: 1, hints: 1 });
    expect(await queuedFor()).toContain(channelId);
    expect(await queuedFor()).not.toContain(pausedChannelId);
    await ingest.close();
    await sync.close();
  });
});
