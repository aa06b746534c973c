import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Config } from '@resonance/config';
import type { MessageRecord } from '@resonance/contracts';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { DEMO_ACCOUNTS, DEMO_XING_CONSUMER, startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const demoXing = DEMO_ACCOUNTS.find((a) => a.network === 'xing')!;

/**
 * Moderation on XING (docs/moderation.md): the partner API lets the company delete its own comments
 * and nothing else on comments. Its own comment is deleted once at the sim; members' comments offer
 * nothing, the message says XING allows no moderation of them, and every request is refused.
 */
describe('moderation on XING (API → outbound queue → worker → sim)', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let config: Config;
  let app: INestApplication;
  let worker: WorkerHandle;
  let queue: Queue;
  let workspace: Workspace;
  let channel: ChannelAccount;
  let agent: Session;
  let replies: Array<{ id: string; externalId: string; threadId: string }>;
  let own: { id: string; externalId: string; threadId: string };

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 13, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(120, 'xing');
    db = await createTestDatabase();
    config = testConfig({
      SIM_URL: sim.url,
      RATE_LIMIT_MAX_DELAY_MS: '0',
      XING_CONSUMER_KEY: DEMO_XING_CONSUMER.consumerKey,
      XING_CONSUMER_SECRET: DEMO_XING_CONSUMER.consumerSecret,
      XING_CALLS_PER_MINUTE: '100000',
    });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    app = await createApi(config, db.url);
    await app.init();
    worker = await startWorker(config, db.url);
    workspace = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, workspace, {
      network: 'xing',
      externalId: demoXing.externalId,
      displayName: demoXing.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoXing.credentials),
    });
    // The account's conversations as a sync stores them (the sim's ids; threads as the sim places them).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment' && t.author !== null)
      .map((t) => ({
        kind: 'message',
        network: 'xing',
        externalId: t.externalId,
        threadKey: t.threadExternalId!,
        channel: 'comment',
        parentExternalId: t.parentExternalId,
        postExternalId: t.postExternalId,
        author: { externalId: t.author?.externalId, name: t.author?.name },
        isFromAccount: t.fromAccount,
        text: t.text,
        createdAt: t.createdAt,
      }));
    await new IngestStore(db.dataSource).ingest(channel.id, records);
    const pick = (where: string, limit: number) =>
      db.dataSource.query<Array<{ id: string; externalId: string; threadId: string }>>(
        `SELECT m.id::text, m.external_id AS "externalId", m.thread_id::text AS "threadId"
           FROM message m JOIN thread t ON t.id = m.thread_id
          WHERE m.channel_account_id = $1 AND ${where} ORDER BY m.id LIMIT ${limit}`,
        [channel.id],
      );
    replies = await pick(`NOT m.is_from_account`, 3);
    [own] = await pick(`m.is_from_account`, 1);
    expect(replies).toHaveLength(3);
    expect(own).toBeDefined();
    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await app?.close();
    await db?.drop();
    await sim?.close();
  });

  const act = (id: string, action: string) => agent.agent.post(`/api/messages/${id}/actions`).set('x-csrf-token', agent.csrf).send({ action });
  const received = async (): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=xing`)).json()) as { items: ReceivedItem[] }).items;
  const receivedFor = async (externalId: string) =>
    (await received()).filter((r) => r.targetId === externalId && r.kind !== 'comment_reply').map((r) => r.kind);
  const item = async (m: { id: string; threadId: string }) =>
    (await agent.agent.get(`/api/threads/${m.threadId}/messages?limit=200`).expect(200)).body.items.find((i: { id: string }) => i.id === m.id) as {
      actions: string[];
      hidden: boolean;
      liked: boolean;
      deleted: boolean;
      handledAction: string | null;
      moderationUnavailable: boolean;
    };
  const settled = (id: string) =>
    waitFor(async () => {
      const res = await agent.agent.get(`/api/messages/${id}/actions`).expect(200);
      const [newest] = res.body.items as Array<{ id: string; action: string; state: string; error: string | null }>;
      return newest && newest.state !== 'queued' ? newest : undefined;
    }, 15_000);

  it("offers the company's own comment delete only; members' comments nothing, with the plain word that XING allows none", async () => {
    expect(await item(own)).toMatchObject({ actions: ['delete'], moderationUnavailable: true });
    expect(await item(replies[0])).toMatchObject({ actions: [], moderationUnavailable: true });
  });

  it("deletes the company's own comment once at XING; shown deleted here, nothing offered any more", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done', error: null });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
  });

  it("refuses every action on a member's comment with a clear reason; nothing reaches XING", async () => {
    const before = (await received()).length;
    for (const action of ['like', 'hide', 'delete']) {
      expect((await act(replies[0].id, action).expect(409)).body).toMatchObject({
        code: 'ACTION_NOT_ALLOWED',
        message: expect.stringMatching(/^xing does not allow/),
      });
    }
    expect((await received()).length).toBe(before);
  });
});
