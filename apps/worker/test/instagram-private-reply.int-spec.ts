import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccount, Workspace } from '@resonance/db';
import type { ReceivedItem, RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { simJson, testSim } from './pipeline-support';
import { clearInstagramFaults, connectDemoInstagram, demoInstagram, generateInstagram, instagramFault } from './instagram-support';

/**
 * Private replies against the sim (docs/instagram.md): the outbound worker sends one through a 5xx
 * and a second job for the same row exactly once; a worker that died after Instagram accepted one
 * (the answer lost) finds it in the conversation with the comment's author instead of sending it
 * again; the database keeps one per comment; and a sync afterwards reads it back into the same
 * direct thread, once.
 */
describe('Instagram private replies: the outbound worker against the sim', () => {
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
    config = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
    sender = new OutboundSender(db.dataSource, access, registry, config);
    channel = await connectDemoInstagram(db.dataSource, config);
    await generateInstagram(sim, 150);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
  }, 90_000);
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const received = async (filter: (r: ReceivedItem) => boolean) =>
    (await simJson<{ items: ReceivedItem[] }>(sim, '/_sim/received?network=instagram')).items.filter(filter);
  /** Customers' top-level comments under the account's media, with a known author, from the last days. */
  const comments = (limit: number) =>
    db.dataSource.query<Array<{ id: string; externalId: string; author: string }>>(
      `SELECT m.id::text, m.external_id AS "externalId", c.external_id AS author
         FROM message m JOIN thread t ON t.id = m.thread_id JOIN contact c ON c.id = m.author_contact_id
        WHERE m.channel_account_id = $1 AND t.channel = 'comment' AND t.thread_key = m.external_id AND NOT m.is_from_account
          AND t.thread_key NOT LIKE 'mention:%' AND m.created_at > now() - interval '5 days'
        ORDER BY m.id LIMIT ${limit}`,
      [channel.id],
    );
  /** What POST /api/messages/:id/private-reply stores: the direct thread with the author, the queued message. */
  const queuePrivateReply = async (comment: { id: string; externalId: string; author: string }, text: string, agoMs = 0): Promise<string> => {
    const [{ id: threadId }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, contact_id, last_message_at)
       VALUES ($1, $2, 'instagram', $3, 'direct', (SELECT id FROM contact WHERE channel_account_id = $2 AND external_id = $4), now())
       ON CONFLICT (channel_account_id, thread_key) DO UPDATE SET thread_key = excluded.thread_key RETURNING id::text`,
      [channel.workspaceId, channel.id, `dm:${comment.author}`, comment.author],
    );
    const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, parent_external_id, author_user_id, text,
                            created_at, delivery, private_reply_to)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, $6, now() - $7 * interval '1 millisecond', 'queued', $8) RETURNING id::text`,
      [channel.workspaceId, channel.id, threadId, comment.externalId, userId, text, agoMs, comment.id],
    );
    return id;
  };

  it('once through a 5xx and a second job; a second one for the same comment is refused by the database', async () => {
    const [c] = await comments(1);
    expect(c).toBeDefined();
    const text = `Wir melden uns per Direktnachricht ${Date.now()}`;
    const id = await queuePrivateReply(c, text);
    await instagramFault(sim, { kind: 'server_error', count: 1 });
    try {
      const first = await sender.send(id);
      if (first.status !== 'sent') expect(first).toMatchObject({ status: 'failed', outcome: { action: 'retry' } });
      if (first.status !== 'sent') expect(await sender.send(id)).toMatchObject({ status: 'sent' });
    } finally {
      await clearInstagramFaults(sim);
    }
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    expect((await received((r) => r.text === text)).map((r) => [r.kind, r.targetId])).toEqual([['private_message', c.externalId]]);
    await expect(queuePrivateReply(c, 'ein zweites Mal')).rejects.toThrow(/message_private_reply_to_key/);

    // A sync reads the conversation with the author: the private reply is stored once, in the same thread, as sent.
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const stored = await db.dataSource.query<Array<{ id: string; thread_key: string; delivery: string }>>(
      `SELECT m.id::text, t.thread_key, m.delivery FROM message m JOIN thread t ON t.id = m.thread_id WHERE m.channel_account_id = $1 AND m.text = $2`,
      [channel.id, text],
    );
    expect(stored).toEqual([{ id, thread_key: `dm:${c.author}`, delivery: 'sent' }]);
  });

  it('a worker that died after Instagram accepted it: the retry finds it in the conversation and sends nothing', async () => {
    const [, c] = await comments(2);
    expect(c).toBeDefined();
    const text = `Vor dem Absturz privat gesendet ${Date.now()}`;
    const id = await queuePrivateReply(c, text, 2_000);
    // The worker's call reached Instagram, then it died before storing the answer.
    const res = await fetch(`${sim.url}/instagram/v24.0/${demoInstagram.externalId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        recipient: JSON.stringify({ comment_id: c.externalId }),
        message: JSON.stringify({ text }),
        access_token: demoInstagram.credentials.accessToken,
      }),
    });
    expect(res.status).toBe(200);
    const onNetwork = (await res.json()) as { message_id: string };
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [id]);
    expect(await sender.send(id)).toMatchObject({ status: 'sent', externalId: onNetwork.message_id, reconciled: true });
    expect(await received((r) => r.text === text)).toHaveLength(1);
  });

  it('Instagram refuses a private reply to a comment answered privately already: the message fails with the reason, nothing is resent', async () => {
    const [, , c] = await comments(3);
    expect(c).toBeDefined();
    // Answered privately on Instagram itself (outside Resonance), days ago for the reconciliation window.
    const native = await fetch(`${sim.url}/instagram/v24.0/${demoInstagram.externalId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        recipient: JSON.stringify({ comment_id: c.externalId }),
        message: JSON.stringify({ text: 'nativ beantwortet' }),
        access_token: demoInstagram.credentials.accessToken,
      }),
    });
    expect(native.status).toBe(200);
    const text = `Unsere Antwort ${Date.now()}`;
    const id = await queuePrivateReply(c, text);
    const result = await sender.send(id);
    expect(result).toMatchObject({ status: 'failed', outcome: { action: 'give_up' } });
    const [row] = await db.dataSource.query<Array<{ delivery: string; delivery_error: string }>>(`SELECT delivery, delivery_error FROM message WHERE id = $1`, [
      id,
    ]);
    expect(row.delivery).toBe('failed');
    expect(row.delivery_error).toMatch(/^[A-Z_]+: /);
    expect(await received((r) => r.text === text)).toEqual([]);
  });
});
