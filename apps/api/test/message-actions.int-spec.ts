import type { INestApplication } from '@nestjs/common';
import type { Config } from '@resonance/config';
import type { MessageRecord } from '@resonance/contracts';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { DEMO_ACCOUNTS, startSim, type ReceivedItem, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore, Rollups, startWorker, type WorkerHandle } from '@resonance/worker';
import { createApi } from '../src';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

const demoFacebook = DEMO_ACCOUNTS.find((a) => a.network === 'facebook')!;

/**
 * Like, hide and delete a customer's comment (POST /api/messages/:id/actions): the API queues it,
 * the worker (in-process, real queue) performs it once against the sim's Graph API, the message
 * shows the effect and counts as handled without a reply in the reports.
 */
describe('message actions: like, hide, delete a comment (API → outbound queue → worker → sim)', () => {
  let sim: RunningSim;
  let db: TestDatabase;
  let config: Config;
  let app: INestApplication;
  let worker: WorkerHandle;
  let workspace: Workspace;
  let channel: ChannelAccount;
  let agent: Session;
  let analyst: Session;
  let outsider: Session;
  /** Inbound top-level comments of threads the page has not answered, by their message id. */
  let targets: Array<{ id: string; externalId: string; threadId: string }>;

  beforeAll(async () => {
    sim = await startSim({ SIM_HOST: '127.0.0.1', SIM_PORT: 0, SIM_SEED: 5, SIM_TRAFFIC_PER_MINUTE: 0, SIM_WEBHOOK_URL: 'off' });
    const truth: TruthItem[] = sim.traffic.generate(150, 'facebook');
    db = await createTestDatabase();
    config = testConfig({ SIM_URL: sim.url, RATE_LIMIT_MAX_DELAY_MS: '0' });
    const backend = createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX });
    await prepareQueueBackend(backend);
    app = await createApi(config, db.url);
    await app.init();
    worker = await startWorker(config, db.url);

    workspace = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, workspace, {
      network: 'facebook',
      externalId: demoFacebook.externalId,
      displayName: demoFacebook.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoFacebook.credentials),
    });
    // The page's comments as a sync would store them (same ids as on the sim).
    const records: MessageRecord[] = truth
      .filter((t) => t.kind === 'comment')
      .map((t) => ({
        kind: 'message',
        network: 'facebook',
        externalId: t.externalId,
        threadKey: t.threadExternalId!,
        channel: 'comment',
        parentExternalId: t.parentExternalId,
        postExternalId: t.postExternalId,
        author: { externalId: t.author?.externalId, name: t.author?.name },
        text: t.text,
        createdAt: t.createdAt,
      }));
    await new IngestStore(db.dataSource).ingest(channel.id, records);
    targets = await db.dataSource.query<typeof targets>(
      `SELECT m.id::text, m.external_id AS "externalId", m.thread_id::text AS "threadId"
         FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND m.external_id = t.thread_key AND NOT m.is_from_account
          AND NOT EXISTS (SELECT 1 FROM message r WHERE r.thread_id = t.id AND r.is_from_account)
        ORDER BY m.id LIMIT 7`,
      [channel.id],
    );
    expect(targets).toHaveLength(7);

    agent = await login(app, (await makeLoginUser(db.dataSource, workspace, 'agent')).email);
    analyst = await login(app, (await makeLoginUser(db.dataSource, workspace, 'analyst')).email);
    outsider = await login(app, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'admin')).email);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await db?.drop();
    await sim?.close();
  });

  const act = (s: Session, id: string, action: unknown) => s.agent.post(`/api/messages/${id}/actions`).set('x-csrf-token', s.csrf).send({ action });
  const received = async (): Promise<ReceivedItem[]> =>
    ((await (await fetch(`${sim.url}/_sim/received?network=facebook`)).json()) as { items: ReceivedItem[] }).items;
  const receivedFor = async (externalId: string) => (await received()).filter((r) => r.targetId === externalId).map((r) => r.kind);
  const row = async (id: string) =>
    (
      await db.dataSource.query<
        Array<{
          liked: boolean;
          hidden: boolean;
          deleted: boolean;
          handled: boolean;
          handled_by: string | null;
          handled_action: string | null;
        }>
      >(`SELECT liked, hidden, deleted, handled_at IS NOT NULL AS handled, handled_by::text, handled_action FROM message WHERE id = $1`, [id])
    )[0];
  /** Waits until the message's newest action is no longer queued; returns it. */
  const settled = (s: Session, id: string) =>
    waitFor(async () => {
      const res = await s.agent.get(`/api/messages/${id}/actions`).expect(200);
      const [newest] = res.body.items as Array<{ id: string; action: string; state: string; error: string | null }>;
      return newest && newest.state !== 'queued' ? newest : undefined;
    }, 15_000);

  const handledCount = async (): Promise<number> => {
    await new Rollups(db.dataSource).drainAll();
    const from = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await analyst.agent.get(`/api/reports/response-times?period=${from}..${to}`).expect(200);
    // No response events at all: no rows.
    return (res.body.rows[0]?.handled.count ?? 0) as number;
  };

  it('nothing is handled before any action', async () => {
    expect(await handledCount()).toBe(0);
  });

  it('like: 202 queued, reaches the sim once, the message is liked and handled by the agent; a repeat calls nothing', async () => {
    const t = targets[0];
    const res = await act(agent, t.id, 'like').expect(202);
    expect(res.body.action).toMatchObject({ action: 'like', state: 'queued', error: null, requestedBy: { id: agent.user.id } });
    expect(res.body.message).toMatchObject({ id: t.id, liked: false, lastAction: { id: res.body.action.id, action: 'like', state: 'queued' } });
    expect(await settled(agent, t.id)).toMatchObject({ id: res.body.action.id, state: 'done', error: null });
    expect(await receivedFor(t.externalId)).toEqual(['comment_like']);
    expect(await row(t.id)).toEqual({ liked: true, hidden: false, deleted: false, handled: true, handled_by: agent.user.id, handled_action: 'like' });

    const again = await act(agent, t.id, 'like').expect(202);
    expect(again.body.action.id).not.toBe(res.body.action.id);
    expect(await settled(agent, t.id)).toMatchObject({ id: again.body.action.id, state: 'done' });
    expect(await receivedFor(t.externalId)).toEqual(['comment_like']);
    const thread = await agent.agent.get(`/api/threads/${t.threadId}/messages`).expect(200);
    expect(thread.body.items.find((m: { id: string }) => m.id === t.id)).toMatchObject({ liked: true, handledAction: 'like', lastAction: { state: 'done' } });
  });

  it('hide: once on the sim (is_hidden there), hidden and handled here; a double click queues one action', async () => {
    const t = targets[1];
    const [a, b] = await Promise.all([act(agent, t.id, 'hide'), act(agent, t.id, 'hide')]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.action.id).toBe(b.body.action.id);
    expect(await settled(agent, t.id)).toMatchObject({ action: 'hide', state: 'done' });
    expect(await receivedFor(t.externalId)).toEqual(['comment_hide']);
    const onSim = await fetch(`${sim.url}/facebook/v24.0/${t.externalId}?fields=is_hidden`, {
      headers: { authorization: `Bearer ${demoFacebook.credentials.pageAccessToken}` },
    });
    expect(await onSim.json()).toMatchObject({ is_hidden: true });
    expect(await row(t.id)).toEqual({ liked: false, hidden: true, deleted: false, handled: true, handled_by: agent.user.id, handled_action: 'hide' });
    const audit = await db.dataSource.query<unknown[]>(`SELECT action, actor_user_id::text FROM audit_event WHERE target_id = $1 AND action LIKE 'message.%'`, [
      t.threadId,
    ]);
    expect(audit).toEqual([{ action: 'message.hide', actor_user_id: agent.user.id }]);
  });

  it('delete: once on the sim (gone from its reads), deleted and handled here; further actions refused', async () => {
    const t = targets[2];
    await act(agent, t.id, 'delete').expect(202);
    expect(await settled(agent, t.id)).toMatchObject({ action: 'delete', state: 'done' });
    expect(await receivedFor(t.externalId)).toEqual(['comment_delete']);
    const onSim = await fetch(`${sim.url}/facebook/v24.0/${t.externalId}`, {
      headers: { authorization: `Bearer ${demoFacebook.credentials.pageAccessToken}` },
    });
    expect(((await onSim.json()) as { error: { code: number } }).error.code).toBe(100);
    expect(await row(t.id)).toEqual({ liked: false, hidden: false, deleted: true, handled: true, handled_by: agent.user.id, handled_action: 'delete' });
    const refused = await act(agent, t.id, 'hide').expect(409);
    expect(refused.body.message).toMatch(/deleted/);
  });

  it('unhide takes back the handled stamp of a hide: hidden again false, not handled, both calls on the sim', async () => {
    const t = targets[3];
    await act(agent, t.id, 'hide').expect(202);
    await settled(agent, t.id);
    await act(agent, t.id, 'unhide').expect(202);
    expect(await settled(agent, t.id)).toMatchObject({ action: 'unhide', state: 'done' });
    expect(await receivedFor(t.externalId)).toEqual(['comment_hide', 'comment_unhide']);
    expect(await row(t.id)).toEqual({ liked: false, hidden: false, deleted: false, handled: false, handled_by: null, handled_action: null });
  });

  it("block: the comment's author is blocked from the page once (Graph's blocked edge); the comment stays as it was, not handled", async () => {
    const t = targets[6];
    const thread = await agent.agent.get(`/api/threads/${t.threadId}/messages`).expect(200);
    expect(thread.body.items.find((m: { id: string }) => m.id === t.id)).toMatchObject({ actions: ['like', 'hide', 'delete', 'block'] });
    const [{ author }] = await db.dataSource.query<Array<{ author: string }>>(
      `SELECT c.external_id AS author FROM message m JOIN contact c ON c.id = m.author_contact_id WHERE m.id = $1`,
      [t.id],
    );
    await act(agent, t.id, 'block').expect(202);
    expect(await settled(agent, t.id)).toMatchObject({ action: 'block', state: 'done', error: null });
    expect((await received()).filter((r) => r.kind === 'user_block').map((r) => r.targetId)).toEqual([author]);
    const onSim = await fetch(`${sim.url}/facebook/v24.0/${demoFacebook.externalId}/blocked?user=${author}`, {
      headers: { authorization: `Bearer ${demoFacebook.credentials.pageAccessToken}` },
    });
    expect(((await onSim.json()) as { data: Array<{ id: string }> }).data.map((u) => u.id)).toEqual([author]);
    expect(await row(t.id)).toEqual({ liked: false, hidden: false, deleted: false, handled: false, handled_by: null, handled_action: null });
    // Blocked now: not offered again.
    const after = await agent.agent.get(`/api/threads/${t.threadId}/messages`).expect(200);
    expect(after.body.items.find((m: { id: string }) => m.id === t.id)).toMatchObject({ actions: ['like', 'hide', 'delete'] });
  });

  it('the report counts like, hide and delete as handled without reply (and not the undone hide)', async () => {
    expect(await handledCount()).toBe(3);
  });

  it('a comment gone from the network: the action fails with the reason, the message is unchanged', async () => {
    await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 'gone-1', externalId: '122000000000001_999999', text: 'Weg' })]);
    const [gone] = await db.dataSource.query<Array<{ id: string }>>(
      `SELECT id::text FROM message WHERE channel_account_id = $1 AND external_id = '122000000000001_999999'`,
      [channel.id],
    );
    await act(agent, gone.id, 'hide').expect(202);
    const failed = await settled(agent, gone.id);
    expect(failed).toMatchObject({ action: 'hide', state: 'failed' });
    expect(failed.error).toMatch(/NOT_FOUND/);
    expect(failed).toMatchObject({ errorCode: 'NOT_FOUND' });
    expect(await row(gone.id)).toMatchObject({ hidden: false, handled: false });
  });

  it('boundaries: analyst 403, another workspace 404, bad action 400, nothing queued or sent', async () => {
    const t = targets[4];
    const before = (await received()).length;
    await act(analyst, t.id, 'like').expect(403);
    await act(outsider, t.id, 'like').expect(404);
    await outsider.agent.get(`/api/messages/${t.id}/actions`).expect(404);
    const bad = await act(agent, t.id, 'retweet').expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/like, unlike, hide, unhide, delete/);
    await act(agent, '999999999', 'like').expect(404);
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM message_action WHERE message_id = $1`, [t.id]))[0].n).toBe(0);
    expect((await received()).length).toBe(before);
  });

  it("refuses the account's own messages and networks that do not allow moderation, clearly (409)", async () => {
    // The page's reply to a thread (outbound from Resonance).
    const t = targets[5];
    const [own] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, 'Danke!', now(), 'queued') RETURNING id::text`,
      [workspace.id, channel.id, t.threadId, agent.user.id],
    );
    // Not sent yet (no network id): nothing to act on now.
    expect((await act(agent, own.id, 'like').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_NOW', message: expect.stringMatching(/no network id/) });
    // Sent: Facebook lets the page like, hide or delete customers' comments, not its own.
    await db.dataSource.query(`UPDATE message SET external_id = '122000000000001_777777', delivery = 'sent' WHERE id = $1`, [own.id]);
    expect((await act(agent, own.id, 'like').expect(409)).body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: expect.stringMatching(/account's own/) });
    const ownItem = (await agent.agent.get(`/api/threads/${t.threadId}/messages`).expect(200)).body.items.find((m: { id: string }) => m.id === own.id);
    expect(ownItem).toMatchObject({ actions: [], moderationUnavailable: false });

    const x = await makeChannel(db.dataSource, workspace, { network: 'x', externalId: 'x-account-1' });
    await new IngestStore(db.dataSource).ingest(x.id, [
      comment({ network: 'x', threadKey: 'tweet-1', externalId: 'tweet-1', postExternalId: null, text: 'Hallo @shop' }),
    ]);
    const [tweet] = await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM message WHERE channel_account_id = $1`, [x.id]);
    // A mention in someone else's conversation: X lets the account like it, not hide it.
    const refused = await act(agent, tweet.id, 'hide').expect(409);
    expect(refused.body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: expect.stringMatching(/^x .*not under one of its posts/) });

    const xing = await makeChannel(db.dataSource, workspace, { network: 'xing', externalId: 'xing-company-1' });
    await new IngestStore(db.dataSource).ingest(xing.id, [comment({ network: 'xing', threadKey: 'xing-1', externalId: 'xing-1', text: 'Hallo' })]);
    const [xingComment] = await db.dataSource.query<Array<{ id: string; thread_id: string }>>(
      `SELECT id::text, thread_id::text FROM message WHERE channel_account_id = $1`,
      [xing.id],
    );
    const xingRefused = await act(agent, xingComment.id, 'like').expect(409);
    expect(xingRefused.body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: expect.stringMatching(/^xing does not allow like .*it allows: delete/) });
    const xingItem = (await agent.agent.get(`/api/threads/${xingComment.thread_id}/messages`).expect(200)).body.items[0];
    expect(xingItem).toMatchObject({ actions: [], moderationUnavailable: true });
    expect(
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM message_action WHERE message_id = ANY($1::bigint[])`, [[own.id, tweet.id, xingComment.id]]))[0]
        .n,
    ).toBe(0);
  });
});
