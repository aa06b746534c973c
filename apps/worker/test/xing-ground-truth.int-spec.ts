import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import { CredentialsCipher, type ChannelAccount, type Workspace } from '@resonance/db';
import { DEMO_ACCOUNTS, DEMO_XING_CONSUMER, type RunningSim, type TruthItem } from '@resonance/sim';
import { createTestDatabase, makeChannel, makeUser, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';

const demoXing = DEMO_ACCOUNTS.find((a) => a.network === 'xing')!;

/**
 * The ground-truth test for XING (as issue 4's for Facebook): the sim's XING module — modelled on
 * the former public API — with rate-limit storms (403 RATE_LIMIT_EXCEEDED), 5xx and a refused token;
 * every generated comment and message is in the database exactly once, in the right thread, with
 * the right author and time; every reply reaches the sim exactly once.
 */
describe('XING against the sim: exactly once in, exactly once out, with faults on', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let sender: OutboundSender;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({
      SIM_URL: sim.url,
      SYNC_LEASE_MS: '5000',
      RATE_LIMIT_MAX_DELAY_MS: '0',
      XING_CONSUMER_KEY: DEMO_XING_CONSUMER.consumerKey,
      XING_CONSUMER_SECRET: DEMO_XING_CONSUMER.consumerSecret,
      // The connector's own per-minute budget is tested in the connector's specs; here it stays out of the way.
      XING_CALLS_PER_MINUTE: '100000',
    });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    sender = new OutboundSender(db.dataSource, access, registry, config);
    // All channels here share the demo token; the sim's own per-token limit is exercised by the storms instead.
    await simJson(sim, '/_sim/xing/limits', { method: 'POST', body: { callsPerMinute: 1_000_000 } });
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const connect = async (): Promise<ChannelAccount> => {
    const workspace = await makeWorkspace(db.dataSource);
    return makeChannel(db.dataSource, workspace, {
      network: 'xing',
      externalId: demoXing.externalId,
      displayName: demoXing.displayName,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demoXing.credentials),
    });
  };
  const truth = async (): Promise<TruthItem[]> => (await simJson<{ items: TruthItem[] }>(sim, '/_sim/truth?network=xing&limit=100000')).items;
  const fault = (body: Record<string, unknown>) => simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'xing', ...body } });
  const clearFaults = () => simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'xing' } });

  it('syncs every comment and message exactly once through 403 RATE_LIMIT_EXCEEDED storms and 5xx, and catches up after', async () => {
    const channel = await connect();
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 400, network: 'xing' } });
    await fault({ kind: 'rate_limit', probability: 0.15 });
    await fault({ kind: 'server_error', probability: 0.15, options: { status: 503 } });
    const outcomes: string[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        const r = await runner.run(channel.id);
        outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      }
    } finally {
      await clearFaults();
    }
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    const [row] = await db.dataSource.query(`SELECT status FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('connected');
    for (let i = 0; i < 3; i++) await runner.run(channel.id);
    const items = await truth();
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(items, stored)).toEqual([]);
    expect(stored.length).toBe(items.filter((t) => t.kind !== 'post').length);
    expect(items.filter((t) => t.kind === 'comment').length).toBeGreaterThan(50);
    expect(items.filter((t) => t.kind === 'message').length).toBeGreaterThan(20);

    // More traffic: only the new items come in, nothing twice.
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'xing' } });
    expect((await runner.run(channel.id)).messagesInserted).toBeGreaterThan(0);
    expect((await runner.run(channel.id)).messagesInserted).toBe(0);
    const after = await truth();
    const all = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(after, all)).toEqual([]);
    expect(all.length).toBe(after.filter((t) => t.kind !== 'post').length);
  });

  it('a token XING refuses puts the channel to needs_reauth at once, with the reason, and it stops calling; reconnected, it catches up', async () => {
    const channel = await connect();
    await fault({ kind: 'token_expired' });
    try {
      const first = await runner.run(channel.id);
      expect(first.error).toMatch(/^AUTH_REVOKED: INVALID_OAUTH_TOKEN/);
      expect((await runner.run(channel.id)).skipped).toBe('not_connected');
      const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
      expect(row.status).toBe('needs_reauth');
      expect(row.last_error).toMatch(/INVALID_OAUTH_TOKEN/);
      expect(row.last_error).not.toContain(demoXing.credentials.accessTokenSecret);
    } finally {
      await clearFaults();
    }
    await db.dataSource.query(`UPDATE channel_account SET status = 'connected', consecutive_auth_failures = 0 WHERE id = $1`, [channel.id]);
    for (let i = 0; i < 2; i++) expect((await runner.run(channel.id)).error).toBeUndefined();
    expect(compareWithTruth(await truth(), await storedMessages(db.dataSource, channel.id))).toEqual([]);
  });

  it('without a partner consumer configured, a XING channel is never shown as connected: needs_reauth with the partner-access reason', async () => {
    const bare = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'false' });
    const registry = createConnectorRegistry(bare);
    const bareRunner = new SyncRunner(
      db.dataSource,
      new IngestStore(db.dataSource),
      new ChannelAccess(db.dataSource, bare.ENCRYPTION_KEY, registry),
      registry,
      bare,
    );
    const channel = await connect();
    expect((await bareRunner.run(channel.id)).error).toMatch(/^AUTH_REVOKED: XING_CONSUMER_KEY and XING_CONSUMER_SECRET are not configured/);
    const [row] = await db.dataSource.query(`SELECT status, last_error FROM channel_account WHERE id = $1`, [channel.id]);
    expect(row.status).toBe('needs_reauth');
    expect(row.last_error).toMatch(/XING API partners only.*ask XING for partner access/);
  });

  it('sends each reply exactly once (comment and message), through a 5xx, a second job, and a crash that lost the answer', async () => {
    const channel = await connect();
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 100, network: 'xing' } });
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
    const thread = async (kind: 'comment' | 'direct') =>
      (
        await db.dataSource.query(
          `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND channel = $2 AND last_inbound_at IS NOT NULL ORDER BY last_message_at DESC LIMIT 1`,
          [channel.id, kind],
        )
      )[0] as { id: string; thread_key: string };
    const received = async (text: string) =>
      (await simJson<{ items: Array<{ text: string; externalId: string; kind: string }> }>(sim, '/_sim/received?network=xing')).items.filter(
        (r) => r.text === text,
      );

    for (const kind of ['comment', 'direct'] as const) {
      const t = await thread(kind);
      expect(t).toBeDefined();
      const text = `Danke, wir kümmern uns (${kind} ${Date.now()})`;
      const id = await queueReply(t.id, text);
      await fault({ kind: 'server_error', count: 1 });
      expect(await sender.send(id)).toMatchObject({ status: 'failed', outcome: { action: 'retry' } });
      const sent = await sender.send(id);
      expect(sent).toMatchObject({ status: 'sent' });
      expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
      const got = await received(text);
      expect(got).toHaveLength(1);
      expect(got[0].kind).toBe(kind === 'comment' ? 'comment_reply' : 'private_message');
      expect((sent as { externalId: string }).externalId).toBe(got[0].externalId);
    }

    // The reply went out, but the answer was lost (crash): the next attempt finds it and sends nothing.
    const t = await thread('comment');
    const text = `Vor dem Absturz gesendet ${Date.now()}`;
    const id = await queueReply(t.id, text, 2_000);
    const { XingClient, xingSettings } = await import('@resonance/connectors');
    const client = new XingClient({ settings: xingSettings(config), credentials: demoXing.credentials as never });
    const onNetwork = await client.post<{ comment: { id: string } }>(`companies/updates/${t.thread_key}/comments`, { content: text });
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [id]);
    expect(await sender.send(id)).toEqual({ status: 'sent', externalId: onNetwork.comment.id, reconciled: true });
    expect(await received(text)).toHaveLength(1);

    // A sync reads the replies back: every item still exactly once. The replies keep the time the
    // agent wrote them (the outbound row's), so their times are not compared with the network's.
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const stored = await storedMessages(db.dataSource, channel.id);
    const all = await truth();
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
