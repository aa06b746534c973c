import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { ChannelAccess } from '../src/channels/channel-access';
import { replyDelivery } from '../src/health/worker-metrics';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { connectDemoPage, demoFacebook, simJson, testSim } from './pipeline-support';

describe('Facebook replies (OutboundSender against the sim)', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let sender: OutboundSender;
  let channel: ChannelAccount;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    sender = new OutboundSender(db.dataSource, access, registry, config);
    channel = await connectDemoPage(db.dataSource, config);
    userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'facebook' } });
    expect((await runner.run(channel.id)).error).toBeUndefined();
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  /** The outbound row the API writes before it enqueues send-<id>. */
  const queueReply = async (threadId: string, text: string, agoMs = 0): Promise<string> => {
    const [row] = await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, now() - $6 * interval '1 millisecond', 'queued') RETURNING id::text`,
      [channel.workspaceId, channel.id, threadId, userId, text, agoMs],
    );
    return row.id;
  };
  const thread = async (channelKind: 'comment' | 'direct') =>
    (
      await db.dataSource.query(
        `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND channel = $2 AND last_inbound_at IS NOT NULL ORDER BY last_message_at DESC LIMIT 1`,
        [channel.id, channelKind],
      )
    )[0] as { id: string; thread_key: string };
  const received = async (text: string) =>
    (await simJson<{ items: Array<{ text: string; externalId: string; kind: string }> }>(sim, '/_sim/received?network=facebook')).items.filter(
      (r) => r.text === text,
    );
  const message = async (id: string) => (await db.dataSource.query(`SELECT delivery, delivery_error, external_id FROM message WHERE id = $1`, [id]))[0];
  /** The page replying natively (or Resonance before a crash that lost the answer). */
  const replyOnNetwork = (commentId: string, text: string) =>
    fetch(`${sim.url}/facebook/v24.0/${commentId}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demoFacebook.credentials.pageAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: text }),
    }).then((r) => r.json() as Promise<{ id: string }>);

  it('sends a comment reply under the top-level comment, once; a second job for it sends nothing', async () => {
    const t = await thread('comment');
    const text = `Happy to help ${Date.now()}`;
    const id = await queueReply(t.id, text);
    const first = await sender.send(id);
    expect(first).toMatchObject({ status: 'sent', reconciled: false });
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    const got = await received(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'comment_reply' });
    expect(await message(id)).toEqual({ delivery: 'sent', delivery_error: null, external_id: got[0].externalId });
  });

  it("times each delivered reply from the agent's send to the network's acceptance (resonance_reply_delivery_seconds)", async () => {
    const observed = async () => {
      const values = (await replyDelivery.get()).values.filter((v) => v.labels.network === 'facebook');
      const pick = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0;
      return { count: pick('resonance_reply_delivery_seconds_count'), sum: pick('resonance_reply_delivery_seconds_sum') };
    };
    const before = await observed();
    const id = await queueReply((await thread('comment')).id, `Timed reply ${Date.now()}`, 5_000);
    expect(await sender.send(id)).toMatchObject({ status: 'sent' });
    const after = await observed();
    expect(after.count - before.count).toBe(1);
    // The row was written 5 s ago (the agent's send): the delivery took at least that long.
    expect(after.sum - before.sum).toBeGreaterThanOrEqual(5);
    expect(after.sum - before.sum).toBeLessThan(60);
    // A second job for the same reply sends nothing and times nothing.
    await sender.send(id);
    expect((await observed()).count).toBe(after.count);
  });

  it('after a crash that lost the network’s answer, finds the reply already there and does not send it again', async () => {
    const t = await thread('comment');
    const text = `Sent before the crash ${Date.now()}`;
    const id = await queueReply(t.id, text, 2_000);
    const { id: onNetwork } = await replyOnNetwork(t.thread_key, text);
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [id]);
    expect(await sender.send(id)).toEqual({ status: 'sent', externalId: onNetwork, reconciled: true });
    expect(await received(text)).toHaveLength(1);
  });

  it('merges the copy a sync stored before the reply’s id was known: one row, ours, sent', async () => {
    const t = await thread('comment');
    const text = `Seen by sync first ${Date.now()}`;
    const id = await queueReply(t.id, text, 2_000);
    const { id: onNetwork } = await replyOnNetwork(t.thread_key, text);
    await db.dataSource.query(`UPDATE channel_account SET sync_state = sync_state - 'streams' WHERE id = $1`, [channel.id]);
    await runner.run(channel.id);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE channel_account_id = $1 AND text = $2`, [channel.id, text])).toEqual([
      { n: 2 },
    ]);
    expect(await sender.send(id)).toMatchObject({ status: 'sent', externalId: onNetwork, reconciled: true });
    expect(await db.dataSource.query(`SELECT id::text, delivery FROM message WHERE channel_account_id = $1 AND text = $2`, [channel.id, text])).toEqual([
      { id, delivery: 'sent' },
    ]);
    const [timers] = await db.dataSource.query(`SELECT message_count FROM thread WHERE id = $1`, [t.id]);
    const [counted] = await db.dataSource.query(`SELECT count(*)::int AS n FROM message WHERE thread_id = $1`, [t.id]);
    expect(timers.message_count).toBe(counted.n);
  });

  it('after a crash, finds a Messenger reply already sent even when 25 newer conversations came after it (conversations?user_id=)', async () => {
    const t = await thread('direct');
    const text = `Sent before the crash ${Date.now()}`;
    const id = await queueReply(t.id, text, 2_000);
    const psid = t.thread_key.replace(/^dm:/, '');
    const token = demoFacebook.credentials.pageAccessToken;
    const send = (recipient: string, body: string) =>
      fetch(`${sim.url}/facebook/v24.0/me/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: { id: recipient }, message: { text: body }, messaging_type: 'RESPONSE' }),
      }).then((r) => r.json() as Promise<{ message_id?: string }>);
    const { message_id: onNetwork } = await send(psid, text);
    // The page answers 25 other people afterwards: the conversation is no longer among the newest 25.
    const list = await simJson<{ data: Array<{ participants: { data: Array<{ id: string }> } }> }>(
      sim,
      `/facebook/v24.0/me/conversations?platform=messenger&limit=100&fields=participants&access_token=${encodeURIComponent(token)}`,
    );
    const others = list.data.map((c) => c.participants.data.find((p) => p.id !== channel.externalId)!.id).filter((p) => p !== psid);
    expect(others.length).toBeGreaterThanOrEqual(25);
    for (const other of others.slice(0, 25)) await send(other, `Later answer ${Date.now()}`);
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [id]);
    expect(await sender.send(id)).toEqual({ status: 'sent', externalId: onNetwork, reconciled: true });
    expect(await received(text)).toHaveLength(1);
  });

  it('answers Messenger inside the 24-hour window, and refuses outside it with the reason', async () => {
    const t = await thread('direct');
    const text = `We can ship tomorrow ${Date.now()}`;
    const ok = await queueReply(t.id, text);
    expect(await sender.send(ok)).toMatchObject({ status: 'sent', reconciled: false });
    expect(await received(text)).toEqual([expect.objectContaining({ kind: 'private_message' })]);

    await db.dataSource.query(`UPDATE thread SET last_inbound_at = now() - interval '25 hours' WHERE id = $1`, [t.id]);
    const late = `Too late ${Date.now()}`;
    const refused = await queueReply(t.id, late);
    expect(await sender.send(refused)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/outside Messenger's 24-hour window/) });
    expect(await message(refused)).toMatchObject({ delivery: 'failed', delivery_error: expect.stringMatching(/24-hour window/), external_id: null });
    expect(await received(late)).toEqual([]);
  });

  it('a rate limit met by a reply pauses the channel no longer than RATE_LIMIT_MAX_DELAY_MS (0 here): the next sync and send go ahead', async () => {
    const t = await thread('comment');
    const text = `After the storm ${Date.now()}`;
    const id = await queueReply(t.id, text);
    // Graph's page-level limit, its usage header announcing ten minutes until access returns.
    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'rate_limit', count: 1, options: { code: 32 } } });
    try {
      const first = await sender.send(id);
      expect(first).toMatchObject({ status: 'failed', outcome: { action: 'delay', delayMs: 0 } });
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook' } });
    }
    const [{ paused_until }] = await db.dataSource.query(
      `SELECT (rate_budget->'state'->>'pausedUntil')::bigint AS paused_until FROM channel_account WHERE id = $1`,
      [channel.id],
    );
    expect(Number(paused_until ?? 0)).toBeLessThanOrEqual(Date.now());
    expect((await runner.run(channel.id)).skipped).toBeUndefined();
    expect(await sender.send(id)).toMatchObject({ status: 'sent' });
    expect(await received(text)).toHaveLength(1);
  });
});
