import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_INSTAGRAM_APP_DEFAULTS } from '@resonance/connectors';
import { createQueueBackend, prepareQueueBackend, QueueName, type IngestJob, type QueueBackend, type SyncJob } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { createApi } from '../src';

/** The professional account of the recorded comments delivery (libs/connectors/src/instagram/fixtures/raw). */
const ACCOUNT = '17841430541631416';
const PAUSED_ACCOUNT = '17841400000000001';
const RAW_COMMENT = readFileSync(join(__dirname, '../../../libs/connectors/src/instagram/fixtures/raw/webhook-comments-ig-login.body.txt'), 'utf8');
const sign = (body: string, secret: string = DEMO_INSTAGRAM_APP_DEFAULTS.appSecret) =>
  `sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`;

/** A comment delivery for `account`, in the recorded body's own byte layout. */
const commentDelivery = (account: string, commentId: string, text: string, fromId = '848067418322071') =>
  RAW_COMMENT.replace(ACCOUNT, account)
    .replace('17867301270523379', commentId)
    .replace('"LINK"', JSON.stringify(text))
    .replace('"848067418322071"', `"${fromId}"`);

describe('POST /api/webhooks/instagram', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let backend: QueueBackend;
  let channelId: string;
  let pausedChannelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig({ DEMO_MODE: 'true' });
    backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.init();
    const workspace = await makeWorkspace(db.dataSource);
    channelId = (await makeChannel(db.dataSource, workspace, { network: 'instagram', externalId: ACCOUNT })).id;
    pausedChannelId = (await makeChannel(db.dataSource, workspace, { network: 'instagram', externalId: PAUSED_ACCOUNT, status: 'paused' })).id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const queue = <T>(name: string) => new backend.Queue<T>(name, { connection: backend.connection as never, prefix: backend.prefix });
  const post = (body: string, signature?: string) => {
    const req = request(app.getHttpServer()).post('/api/webhooks/instagram').set('content-type', 'application/json');
    return (signature ? req.set('x-hub-signature-256', signature) : req).send(body);
  };

  it('answers the subscription handshake with the challenge, and refuses a wrong verify token', async () => {
    const ok = await request(app.getHttpServer())
      .get('/api/webhooks/instagram')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': DEMO_INSTAGRAM_APP_DEFAULTS.verifyToken, 'hub.challenge': '424242' })
      .expect(200);
    expect(ok.text).toBe('424242');
    await request(app.getHttpServer())
      .get('/api/webhooks/instagram')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' })
      .expect(403);
  });

  it('refuses a delivery not signed over its raw bytes with the Instagram app secret, and queues nothing', async () => {
    const body = commentDelivery(ACCOUNT, '17900000000000100', 'Preis?');
    await post(body).expect(401);
    await post(body, sign(body, 'wrong')).expect(401);
    await post(body, sign(JSON.stringify(JSON.parse(body)))).expect(401);
    const ingest = queue<IngestJob>(QueueName.Ingest);
    expect(await ingest.getJobCountByTypes('waiting', 'active', 'completed', 'delayed')).toBe(0);
    await ingest.close();
  });

  it('queues a signed comment once however often it arrives; the account’s own reply is marked as its own', async () => {
    const body = commentDelivery(ACCOUNT, '17900000000000101', 'Gibt es das in Größe 44?');
    for (let i = 0; i < 3; i++) {
      const res = await post(body, sign(body)).expect(200);
      expect(res.body).toEqual(i === 0 ? { channels: 1, records: 1, hints: 0 } : { channels: 0, records: 0, hints: 0, duplicate: true });
    }
    const own = commentDelivery(ACCOUNT, '17900000000000102', '@m_waqarsikandar gern!', ACCOUNT);
    await post(own, sign(own)).expect(200);
    const ingest = queue<IngestJob>(QueueName.Ingest);
    const records = (await ingest.getJobs(['waiting', 'active', 'completed', 'delayed'])).flatMap((j) => j.data.records);
    // One ingest job per delivery (the repeats queued nothing), in whatever order the queue lists them.
    expect(records).toHaveLength(2);
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ externalId: '17900000000000101', text: 'Gibt es das in Größe 44?', isFromAccount: false }),
        expect.objectContaining({ externalId: '17900000000000102', isFromAccount: true }),
      ]),
    );
    await ingest.close();
  });

  it('a mention (ids only) becomes a sync of the channel; a paused account gets nothing', async () => {
    const mention = JSON.stringify({
      object: 'instagram',
      entry: [{ id: ACCOUNT, time: 1776339600, changes: [{ field: 'mentions', value: { comment_id: '17887498072083521', media_id: '17887498072083520' } }] }],
    });
    expect((await post(mention, sign(mention)).expect(200)).body).toEqual({ channels: 1, records: 0, hints: 1 });
    const sync = queue<SyncJob>(QueueName.Sync);
    expect((await sync.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.data)).toContainEqual({
      channelAccountId: channelId,
      reason: 'hint',
    });
    const paused = commentDelivery(PAUSED_ACCOUNT, '17900000000000103', 'Hallo?');
    expect((await post(paused, sign(paused)).expect(200)).body).toEqual({ channels: 0, records: 0, hints: 0 });
    const ingest = queue<IngestJob>(QueueName.Ingest);
    const queuedFor = (await ingest.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.data.channelAccountId);
    expect(queuedFor).not.toContain(pausedChannelId);
    await ingest.close();
    await sync.close();
  });
});
