import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Config } from '@resonance/config';
import type { MessageRecord } from '@resonance/contracts';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend, QueueName } from '@resonance/queue';
import { DEMO_ACCOUNTS, startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const demoYt = DEMO_ACCOUNTS.find((a) => a.network === 'youtube')!;

/**
 * Moderation on YouTube (docs/moderation.md), ground truth at the sim: others' comments can be
 * hidden (setModerationStatus rejected), shown again (published) or hidden with their author
 * banned; the channel's own comments deleted; no like (the API has none). Each reaches the sim once.
 */
describe('moderation on YouTube (API → outbound queue → worker → sim)', () => {
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
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 9, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(200, 'youtube');
    db = await createTestDatabase();
    config = testConfig({ SIM_URL: sim.url, RATE_LIMIT_MAX_DELAY_MS: '0' });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    queue = new backend.Queue(QueueName.Outbound, { connection: backend.connection as never, prefix: backend.prefix });
    app = await createApi(config, db.url);
    await app.init();
    worker = await startWorker(config, db.url);
    workspace = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, workspace, {
      network: 'youtube',
      externalId: demoYt.externalId,
      displayName: demoYt.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoYt.credentials),
    });
    // The account's conversations as a sync stores them (the sim's ids; threads as the sim places them).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment')
      .map((t) => ({
        kind: 'message',
        network: 'youtube',
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
    ((await (await fetch(`${sim.url}/_sim/received?network=youtube`)).json()) as { items: ReceivedItem[] }).items;
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
  const ytList = async (id: string) =>
    (await (
      await fetch(`${sim.url}/youtube/youtube/v3/comments?part=snippet&id=${id}`, {
        headers: { authorization: `Bearer ${demoYt.credentials.accessToken}` },
      })
    ).json()) as { items: unknown[] };

  it("offers what YouTube allows now: others' comments hide and ban, the channel's own delete; no like", async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['hide', 'ban'], moderationUnavailable: false });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('hide (rejected) and unhide (published): once each at YouTube, hidden and handled, then shown again', async () => {
    const r = replies[0];
    await act(r.id, 'hide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'hide', state: 'done', error: null });
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide', actions: ['unhide', 'ban'] });
    await act(r.id, 'unhide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unhide', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    const calls = (await received()).filter((i) => i.targetId === r.externalId).map((i) => i.body);
    expect(calls).toEqual([expect.objectContaining({ moderationStatus: 'rejected' }), expect.objectContaining({ moderationStatus: 'published' })]);
    expect(await item(r)).toMatchObject({ hidden: false, handledAction: null });
  });

  it('ban: rejected with banAuthor once at YouTube; hidden and handled as a hide', async () => {
    const r = replies[1];
    await act(r.id, 'ban').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'ban', state: 'done' });
    const calls = (await received()).filter((i) => i.targetId === r.externalId);
    expect(calls.map((i) => i.kind)).toEqual(['comment_ban']);
    expect(calls[0].body).toMatchObject({ moderationStatus: 'rejected', banAuthor: 'true' });
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide' });
  });

  it("delete of the channel's own comment: once at YouTube, gone from its reads; a like is refused (nothing reaches YouTube)", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done' });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    expect((await ytList(own.externalId)).items).toEqual([]);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
    const before = (await received()).length;
    expect((await act(replies[2].id, 'like').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^youtube does not allow like/),
    });
    expect((await act(replies[2].id, 'delete').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await received()).length).toBe(before);
  });
});
