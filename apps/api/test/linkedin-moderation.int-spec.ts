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

const demoLi = DEMO_ACCOUNTS.find((a) => a.network === 'linkedin')!;

/**
 * Moderation on LinkedIn (docs/moderation.md), ground truth at the sim: the organization reacts
 * (LIKE) to members' comments and takes the reaction back, deletes comments on its posts and its
 * own comments; there is no hide. Each call reaches the sim once; a retry after a crash asks first.
 */
describe('moderation on LinkedIn (API → outbound queue → worker → sim)', () => {
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
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 11, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(200, 'linkedin');
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
      network: 'linkedin',
      externalId: demoLi.externalId,
      displayName: demoLi.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoLi.credentials),
    });
    // The account's conversations as a sync stores them (the sim's ids; threads as the sim places them).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment' && t.author !== null)
      .map((t) => ({
        kind: 'message',
        network: 'linkedin',
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
    ((await (await fetch(`${sim.url}/_sim/received?network=linkedin`)).json()) as { items: ReceivedItem[] }).items;
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
  const liGet = (path: string) =>
    fetch(`${sim.url}/linkedin${path}`, {
      headers: { authorization: `Bearer ${demoLi.credentials.accessToken}`, 'linkedin-version': config.LINKEDIN_VERSION, 'x-restli-protocol-version': '2.0.0' },
    });

  it("offers what LinkedIn allows now: members' comments like and delete, the organization's own delete; no hide", async () => {
    expect(await item(replies[0])).toMatchObject({ actions: ['like', 'delete'], moderationUnavailable: false });
    expect(await item(own)).toMatchObject({ actions: ['delete'] });
  });

  it('like (a LIKE reaction as the organization) and unlike: once each at LinkedIn, readable there, liked and handled here', async () => {
    const r = replies[0];
    await act(r.id, 'like').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'like', state: 'done', error: null });
    const key = `/rest/reactions/(actor:${encodeURIComponent(demoLi.externalId)},entity:${encodeURIComponent(r.externalId)})`;
    expect((await liGet(key)).status).toBe(200);
    expect(await item(r)).toMatchObject({ liked: true, handledAction: 'like', actions: ['unlike', 'delete'] });
    await act(r.id, 'unlike').expect(202);
    expect(await settled(r.id)).toMatchObject({ action: 'unlike', state: 'done' });
    expect((await liGet(key)).status).toBe(404);
    expect(await receivedFor(r.externalId)).toEqual(['comment_like', 'comment_unlike']);
  });

  it("delete of a member's comment on the organization's post and of its own comment: once each, gone from LinkedIn's reads", async () => {
    for (const m of [replies[1], own]) {
      await act(m.id, 'delete').expect(202);
      expect(await settled(m.id)).toMatchObject({ action: 'delete', state: 'done' });
      expect(await receivedFor(m.externalId)).toEqual(['comment_delete']);
      const [, object, id] = /^urn:li:comment:\((.+),([^,)]+)\)$/.exec(m.externalId)!;
      expect((await liGet(`/rest/socialActions/${encodeURIComponent(object)}/comments/${id}`)).status).toBe(404);
      expect(await item(m)).toMatchObject({ deleted: true, actions: [] });
    }
  });

  it('hide is refused with a clear reason (LinkedIn has none); nothing reaches LinkedIn', async () => {
    const before = (await received()).length;
    expect((await act(replies[2].id, 'hide').expect(409)).body).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      message: expect.stringMatching(/^linkedin does not allow hide/),
    });
    expect((await received()).length).toBe(before);
  });
});
