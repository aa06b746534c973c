import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Config } from '@resonance/config';
import type { MessageRecord } from '@resonance/contracts';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { createQueueBackend, ensureOutboundJob, prepareQueueBackend, QueueName } from '@resonance/queue';
import { DEMO_ACCOUNTS, startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, startWorker, type WorkerHandle } from '@resonance/worker';
import { createApi } from '../src';
import { login, makeLoginUser, waitFor, type Session } from './support';

const demoX = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/**
 * Moderation on X (docs/moderation.md), ground truth at the sim: the API offers per tweet what X
 * allows now (hide/unhide only replies in the account's own conversations, like/unlike any tweet,
 * delete only the account's own), each action reaches the sim exactly once, a retry after a crash
 * that had already reached X asks X instead of calling again, and X's refusals arrive as the
 * action's failure reason.
 */
describe('moderation on X (API → outbound queue → worker → sim)', () => {
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
  let mention: { id: string; externalId: string; threadId: string };
  let own: { id: string; externalId: string; threadId: string };

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 7, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(200, 'x');
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
      network: 'x',
      externalId: demoX.externalId,
      displayName: demoX.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoX.credentials),
    });
    // The account's conversations as a sync stores them (the sim's ids; threads as the sim places them).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment')
      .map((t) => ({
        kind: 'message',
        network: 'x',
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
    replies = await pick(`NOT m.is_from_account AND t.post_external_id IS NOT NULL`, 3);
    [mention] = await pick(`NOT m.is_from_account AND t.post_external_id IS NULL`, 1);
    [own] = await pick(`m.is_from_account`, 1);
    expect(replies).toHaveLength(3);
    expect(mention).toBeDefined();
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
  const received = async (): Promise<ReceivedItem[]> => ((await (await fetch(`${sim.url}/_sim/received?network=x`)).json()) as { items: ReceivedItem[] }).items;
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
  const xApi = (path: string, init: { method: string; body?: unknown }) =>
    fetch(`${sim.url}/x/2/${path}`, {
      method: init.method,
      headers: { authorization: `Bearer ${demoX.credentials.accessToken}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('offers per tweet what X allows now: a reply in its own conversation like+hide, a mention like only, its own tweet delete', async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['like', 'hide'], moderationUnavailable: false });
    expect(await item(mention)).toMatchObject({ actions: ['like'] });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('hide: once at X, hidden and handled here, the wait ends; then unhide is offered, and unhide reaches X once', async () => {
    const r = replies[0];
    await db.dataSource.query(`UPDATE thread SET waiting_since = now() - interval '5 minutes' WHERE id = $1`, [r.threadId]);
    await act(r.id, 'hide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'hide', state: 'done', error: null });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide']);
    expect(await item(r)).toMatchObject({ hidden: true, handledAction: 'hide', actions: ['like', 'unhide'] });
    const [thread] = await db.dataSource.query<Array<{ waiting: boolean }>>(`SELECT waiting_since IS NOT NULL AS waiting FROM thread WHERE id = $1`, [
      r.threadId,
    ]);
    expect(thread.waiting).toBe(false);
    await act(r.id, 'unhide').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unhide', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    expect(await item(r)).toMatchObject({ hidden: false, handledAction: null, actions: ['like', 'hide'] });
  });

  it('like and unlike a mention: once each at X, shown in its liked_tweets', async () => {
    await act(mention.id, 'like').expect(202);
    expect(await settled(mention.id)).toMatchObject({ action: 'like', state: 'done' });
    const liked = (await (await xApi(`users/${demoX.externalId}/liked_tweets`, { method: 'GET' })).json()) as { data?: Array<{ id: string }> };
    expect(liked.data?.map((t) => t.id)).toContain(mention.externalId);
    expect(await item(mention)).toMatchObject({ liked: true, handledAction: 'like', actions: ['unlike'] });
    await act(mention.id, 'unlike').expect(202);
    expect(await settled(mention.id)).toMatchObject({ action: 'unlike', state: 'done' });
    expect(await receivedFor(mention.externalId)).toEqual(['comment_like', 'comment_unlike']);
  });

  it("delete of the account's own tweet: once at X, gone from its reads, deleted here, nothing offered any more", async () => {
    await act(own.id, 'delete').expect(202);
    expect(await settled(own.id)).toMatchObject({ action: 'delete', state: 'done' });
    expect(await receivedFor(own.externalId)).toEqual(['comment_delete']);
    const lookup = (await (await xApi(`tweets/${own.externalId}`, { method: 'GET' })).json()) as { data?: unknown; errors?: unknown[] };
    expect(lookup.data).toBeUndefined();
    expect(lookup.errors).toHaveLength(1);
    expect(await item(own)).toMatchObject({ deleted: true, actions: [] });
  });

  it("refused with a clear reason where X does not allow it: hiding a mention, deleting a customer's tweet (nothing reaches X)", async () => {
    const before = (await received()).length;
    expect((await act(mention.id, 'hide').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await act(replies[1].id, 'delete').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED' });
    expect((await act(replies[1].id, 'ban').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^x does not allow ban/),
    });
    expect((await received()).length).toBe(before);
  });

  it('a retry after a crash that had reached X (attempted, not recorded) asks X and does not like again', async () => {
    const r = replies[2];
    // The earlier attempt's call reached X; its worker died before recording the answer.
    expect((await xApi(`users/${demoX.externalId}/likes`, { method: 'POST', body: { tweet_id: r.externalId } })).status).toBe(200);
    const [{ id: actionId }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message_action (workspace_id, message_id, action, requested_by, attempted_at) VALUES ($1, $2, 'like', $3, now()) RETURNING id::text`,
      [workspace.id, r.id, agent.user.id],
    );
    await ensureOutboundJob(queue, { kind: 'moderation', actionId }, () => false);
    expect(await settled(r.id)).toMatchObject({ id: actionId, action: 'like', state: 'done' });
    expect(await receivedFor(r.externalId)).toEqual(['comment_like']);
    expect(await item(r)).toMatchObject({ liked: true, handledAction: 'like' });
  });
});
