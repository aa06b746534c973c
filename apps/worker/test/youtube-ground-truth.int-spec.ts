import type { Config } from '@resonance/config';
import { createConnectorRegistry, YoutubeClient, youtubeSettings } from '@resonance/connectors';
import type { Workspace } from '@resonance/db';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';
import { clearYoutubeFaults, connectDemoChannel, demoYoutube, youtubeFault, youtubeTestEnv, youtubeTruth } from './youtube-support';

/**
 * The ground-truth test for YouTube (as issue 4's for Facebook): the sim's YouTube with Google's
 * rate-limit storms (403 rateLimitExceeded, 429), 5xx backendError and expired access tokens;
 * every generated comment (threads on videos and on the channel, replies beyond the five a thread
 * embeds) is in the database exactly once, in the right thread, with the right author and time;
 * every video is a post with its counters; every reply reaches the sim exactly once.
 */
describe('YouTube against the sim: exactly once in, exactly once out, with faults on', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let sender: OutboundSender;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    // Every run walks the whole window (new replies under older threads are found at once).
    config = testConfig({ ...youtubeTestEnv(sim), SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0', YOUTUBE_RECONCILE_EVERY_MS: '0' });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    sender = new OutboundSender(db.dataSource, access, registry, config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const generate = (count: number) => simJson(sim, '/_sim/generate', { method: 'POST', body: { count, network: 'youtube' } });
  const check = async (channelId: string) => {
    const truth = await youtubeTruth(sim);
    const stored = await storedMessages(db.dataSource, channelId);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
    return { truth, stored };
  };

  it('backfills and keeps up through rate-limit storms (403 and 429), 5xx and an expired token: every comment once, in its thread', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    await generate(800);
    // The channel answers one thread natively (on YouTube itself) more often than a thread embeds
    // replies (5): those beyond come only from comments.list?parentId.
    const busy = (await youtubeTruth(sim)).find((t) => t.kind === 'comment' && t.parentExternalId === null && t.postExternalId !== null)!;
    const native = new YoutubeClient({ settings: youtubeSettings(config), accessToken: demoYoutube.credentials.accessToken });
    for (let i = 0; i < 7; i++)
      await native.insert('comments', { part: 'snippet' }, { snippet: { parentId: busy.externalId, textOriginal: `Native answer ${i}` } });
    await youtubeFault(sim, { kind: 'rate_limit', probability: 0.12 });
    await youtubeFault(sim, { kind: 'server_error', probability: 0.12, options: { status: 503 } });
    await youtubeFault(sim, { kind: 'token_expired', count: 1 });
    const outcomes: string[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        if (i === 10) await youtubeFault(sim, { kind: 'rate_limit', probability: 0.12, options: { code: 429 } });
        if (i % 5 === 0) await generate(60);
        const r = await runner.run(channel.id);
        outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      }
    } finally {
      await clearYoutubeFaults(sim);
    }
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    expect(outcomes).toContain('AUTH_EXPIRED');
    const [row] = await db.dataSource.query(`SELECT status, credentials_expire_at FROM channel_account WHERE id = $1`, [channel.id]);
    // The expired token was refreshed with the refresh token (a new one-hour token), the channel stayed connected.
    expect(row.status).toBe('connected');
    expect(row.credentials_expire_at).not.toBeNull();
    for (let i = 0; i < 3; i++) expect((await runner.run(channel.id)).error).toBeUndefined();
    const { truth, stored } = await check(channel.id);

    // What the test covers: channel-level threads, threads with more replies than embedded, native channel replies.
    const comments = truth.filter((t) => t.kind === 'comment');
    expect(comments.filter((t) => t.parentExternalId === null && t.postExternalId === null).length).toBeGreaterThan(3);
    const replies = new Map<string, number>();
    for (const t of comments) if (t.parentExternalId) replies.set(t.parentExternalId, (replies.get(t.parentExternalId) ?? 0) + 1);
    expect([...replies.values()].some((n) => n > 5)).toBe(true);
    expect(stored.some((m) => m.is_from_account)).toBe(true);
    // Channel-level threads belong to no post; video threads to their video, which is a post with counters.
    const threads = await db.dataSource.query<Array<{ thread_key: string; post: string | null }>>(
      `SELECT t.thread_key, p.external_id AS post FROM thread t LEFT JOIN post p ON p.id = t.post_id WHERE t.channel_account_id = $1`,
      [channel.id],
    );
    for (const t of comments.filter((c) => c.parentExternalId === null)) {
      expect(threads.find((x) => x.thread_key === t.externalId)?.post ?? null).toBe(t.postExternalId);
    }
    const posts = await db.dataSource.query<Array<{ external_id: string; views: string | null; comments: number; counts_read_at: Date | null }>>(
      `SELECT external_id, views_count AS views, comments_count AS comments, counts_read_at FROM post WHERE channel_account_id = $1`,
      [channel.id],
    );
    expect(new Set(posts.map((p) => p.external_id))).toEqual(new Set(truth.filter((t) => t.kind === 'post').map((t) => t.externalId)));
    expect(posts.some((p) => Number(p.views) > 0 && p.comments > 0)).toBe(true);
    expect(posts.every((p) => p.counts_read_at !== null)).toBe(true);

    // More traffic: only the new items come in, nothing twice.
    await generate(150);
    expect((await runner.run(channel.id)).messagesInserted).toBeGreaterThan(0);
    expect((await runner.run(channel.id)).messagesInserted).toBe(0);
    await check(channel.id);
  });

  it('puts the channel to needs_reauth after repeated 401s although refreshing works, saying why, and stops calling', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    await youtubeFault(sim, { kind: 'token_expired' });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await runner.run(channel.id));
      expect(results.slice(0, 3).map((r) => r.error?.split(':')[0])).toEqual(['AUTH_EXPIRED', 'AUTH_EXPIRED', 'AUTH_EXPIRED']);
      expect(results[3].skipped).toBe('not_connected');
      const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
      expect(row.status).toBe('needs_reauth');
      expect(row.last_error).toMatch(/^AUTH_EXPIRED: Request had invalid authentication credentials/);
      expect(row.last_error).not.toContain(demoYoutube.credentials.refreshToken);
    } finally {
      await clearYoutubeFaults(sim);
    }
  });

  it('a revoked grant (Google refuses the refresh token: invalid_grant) puts the channel to needs_reauth on the second run', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    await youtubeFault(sim, { kind: 'token_revoked' });
    try {
      expect((await runner.run(channel.id)).error).toMatch(/^AUTH_EXPIRED/);
      expect((await runner.run(channel.id)).error).toBe('AUTH_REVOKED: Google OAuth: Token has been expired or revoked.');
      expect((await runner.run(channel.id)).skipped).toBe('not_connected');
      const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
      expect(row).toEqual({ status: 'needs_reauth', last_error: 'AUTH_REVOKED: Google OAuth: Token has been expired or revoked.' });
    } finally {
      await clearYoutubeFaults(sim);
    }
  });

  it('sends each reply exactly once through a 5xx, a second job, and a crash that lost the answer', async () => {
    const channel = await connectDemoChannel(db.dataSource, config);
    await generate(100);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    const queueReply = async (threadId: string, text: string, agoMs = 0): Promise<string> =>
      (
        await db.dataSource.query(
          `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
           VALUES ($1, $2, $3, 'outbound', true, $4, $5, now() - $6 * interval '1 millisecond', 'queued') RETURNING id::text`,
          [channel.workspaceId, channel.id, threadId, userId, text, agoMs],
        )
      )[0].id;
    const threads = await db.dataSource.query<Array<{ id: string; thread_key: string }>>(
      `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND last_inbound_at IS NOT NULL ORDER BY last_message_at DESC LIMIT 2`,
      [channel.id],
    );
    const received = async (text: string) =>
      (await simJson<{ items: Array<{ text: string; externalId: string; targetId: string }> }>(sim, '/_sim/received?network=youtube')).items.filter(
        (r) => r.text === text,
      );

    const text = `Danke, wir kümmern uns ${Date.now()}`;
    const id = await queueReply(threads[0].id, text);
    await youtubeFault(sim, { kind: 'server_error', count: 1 });
    // The 5xx hits findExisting's read; the insert is not attempted, and the job retries.
    expect(await sender.send(id)).toMatchObject({ status: 'failed', outcome: { action: 'retry' } });
    const sent = await sender.send(id);
    expect(sent).toMatchObject({ status: 'sent', reconciled: false });
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    const got = await received(text);
    expect(got).toEqual([expect.objectContaining({ targetId: threads[0].thread_key, externalId: (sent as { externalId: string }).externalId })]);

    // The reply went out, but the answer was lost (crash): the next attempt finds it and inserts nothing.
    const lost = `Vor dem Absturz gesendet ${Date.now()}`;
    const lostId = await queueReply(threads[1].id, lost, 2_000);
    const client = new YoutubeClient({ settings: youtubeSettings(config), accessToken: demoYoutube.credentials.accessToken });
    const onNetwork = await client.insert<{ id: string }>(
      'comments',
      { part: 'snippet' },
      { snippet: { parentId: threads[1].thread_key, textOriginal: lost } },
    );
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [lostId]);
    expect(await sender.send(lostId)).toEqual({ status: 'sent', externalId: onNetwork.id, reconciled: true });
    expect(await received(lost)).toHaveLength(1);

    // A sync reads the replies back: every item still exactly once; the replies are the account's, sent.
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const stored = await storedMessages(db.dataSource, channel.id);
    const all = await youtubeTruth(sim);
    expect(
      compareWithTruth(
        all.filter((t) => t.source === 'generator'),
        stored,
      ),
    ).toEqual([]);
    for (const reply of all.filter((t) => t.source === 'api')) {
      expect(stored.filter((m) => m.external_id === reply.externalId).map((m) => [m.delivery, m.is_from_account])).toEqual([['sent', true]]);
    }
  });
});
