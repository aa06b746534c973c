import type { Config } from '@resonance/config';
import { createConnectorRegistry, messengerThreadKey } from '@resonance/connectors';
import { deliveryErrorCodeOf, type MessageRecord } from '@resonance/contracts';
import type { RunningSim, TruthItem } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { ChannelAccess } from '../src/channels/channel-access';
import { ContactNames } from '../src/ingest/contact-names';
import { IngestProcessor } from '../src/ingest/ingest.processor';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { connectDemoPage, demoFacebook, simJson, testSim } from './pipeline-support';

/**
 * Replies you can trust (issue 24) against the sim's Graph API: a reply that failed because the
 * page's permission was revoked is sent exactly once after the channel is reconnected and the
 * agent retries; a reply goes to the comment the agent chose; a Messenger sender who arrives by
 * webhook only is named by the very ingest job that stores the first message.
 */
describe('replies you can trust (worker against the sim)', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let store: IngestStore;
  let access: ChannelAccess;
  let sender: OutboundSender;
  let channel: ChannelAccount;
  let userId: string;
  let truth: TruthItem[];

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    store = new IngestStore(db.dataSource);
    sender = new OutboundSender(db.dataSource, access, registry, config);
    channel = await connectDemoPage(db.dataSource, config);
    userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    truth = (await simJson<{ items: TruthItem[] }>(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'facebook' } })).items;
    const runner = new SyncRunner(db.dataSource, store, access, registry, config);
    expect((await runner.run(channel.id)).error).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await sim?.close();
    await db?.drop();
  });

  const queueReply = async (threadId: string, text: string, parentExternalId: string | null = null): Promise<string> => {
    const [row] = await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, parent_external_id, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, $6, now(), 'queued') RETURNING id::text`,
      [channel.workspaceId, channel.id, threadId, userId, text, parentExternalId],
    );
    return row.id;
  };
  const received = async (text: string) =>
    (
      await simJson<{ items: Array<{ text: string; externalId: string; kind: string; targetId: string; path: string }> }>(
        sim,
        '/_sim/received?network=facebook',
      )
    ).items.filter((r) => r.text === text);
  const message = async (id: string) => (await db.dataSource.query(`SELECT delivery, delivery_error, external_id FROM message WHERE id = $1`, [id]))[0];
  const channelRow = async () => (await db.dataSource.query(`SELECT status, consecutive_auth_failures FROM channel_account WHERE id = $1`, [channel.id]))[0];

  it('a reply refused for a revoked permission fails with AUTH_REVOKED; reconnected and retried, it reaches the network exactly once', async () => {
    const [thread] = await db.dataSource.query(
      `SELECT id::text FROM thread WHERE channel_account_id = $1 AND channel = 'comment' ORDER BY last_message_at DESC LIMIT 1`,
      [channel.id],
    );
    const text = `Thanks for waiting ${Date.now()}`;
    const id = await queueReply(thread.id, text);

    await simJson(sim, '/_sim/faults', { method: 'POST', body: { network: 'facebook', kind: 'token_revoked' } });
    try {
      expect(await sender.send(id)).toMatchObject({ status: 'failed', outcome: { action: 'give_up', channelStatus: 'needs_reauth' } });
    } finally {
      await simJson(sim, '/_sim/faults', { method: 'DELETE', body: { network: 'facebook' } });
    }
    const failed = await message(id);
    expect(failed).toMatchObject({ delivery: 'failed', external_id: null });
    expect(deliveryErrorCodeOf(failed.delivery_error)).toBe('AUTH_REVOKED');
    expect((await channelRow()).status).toBe('needs_reauth');
    expect(await received(text)).toEqual([]);

    // Before the reconnect a retry fails at once, without calling the network, and says why.
    await db.dataSource.query(`UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = $1`, [id]);
    expect(await sender.send(id)).toMatchObject({ status: 'failed' });
    expect(deliveryErrorCodeOf((await message(id)).delivery_error)).toBe('CHANNEL_DISCONNECTED');
    expect(await received(text)).toEqual([]);

    // The admin reconnects (what POST /api/connect/... does to the row: new credentials, connected, no failures).
    await db.dataSource.query(`UPDATE channel_account SET status = 'connected', consecutive_auth_failures = 0, last_error = NULL WHERE id = $1`, [channel.id]);
    // The agent's retry (RepliesService.retry: the failed row queued again), then the job.
    await db.dataSource.query(`UPDATE message SET delivery = 'queued', delivery_error = NULL WHERE id = $1 AND delivery = 'failed'`, [id]);
    const sent = await sender.send(id);
    expect(sent).toMatchObject({ status: 'sent', reconciled: false });
    // A second job for the same reply (a double click, a stalled job taken up again) sends nothing.
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    const got = await received(text);
    expect(got).toHaveLength(1);
    expect(await message(id)).toEqual({ delivery: 'sent', delivery_error: null, external_id: got[0].externalId });
  });

  it('answers the comment the agent chose, not the thread’s newest one', async () => {
    // A top-level comment with at least two customer replies under it: answer the older reply.
    const replies = truth.filter((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId !== null);
    const byThread = new Map<string, TruthItem[]>();
    for (const r of replies) byThread.set(r.threadExternalId!, [...(byThread.get(r.threadExternalId!) ?? []), r]);
    const [threadKey, under] = [...byThread.entries()].find(([, list]) => list.length >= 2)!;
    const chosen = under[0];
    const [thread] = await db.dataSource.query(`SELECT id::text FROM thread WHERE channel_account_id = $1 AND thread_key = $2`, [channel.id, threadKey]);
    expect(thread).toBeDefined();
    const text = `@${chosen.author!.name} here is your answer ${Date.now()}`;
    const id = await queueReply(thread.id, text, chosen.externalId);
    expect(await sender.send(id)).toMatchObject({ status: 'sent' });
    const got = await received(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'comment_reply', targetId: chosen.externalId, path: `/${chosen.externalId}/comments` });
    // Facebook files it under the top-level comment, where findExisting looks after a crash.
    const listed = await simJson<{ data: Array<{ id: string }> }>(
      sim,
      `/facebook/v24.0/${threadKey}/comments?limit=100&access_token=${encodeURIComponent(demoFacebook.credentials.pageAccessToken)}`,
    );
    expect(listed.data.map((c) => c.id)).toContain(got[0].externalId);
  });

  it('names a Messenger sender who arrives by webhook only, in the ingest job that stores the first message', async () => {
    // A customer who wrote to the page, not synced yet: only the webhook's PSID is known.
    const stored = new Set<string>(
      (await db.dataSource.query(`SELECT external_id FROM contact WHERE channel_account_id = $1`, [channel.id])).map(
        (r: { external_id: string }) => r.external_id,
      ),
    );
    const customerMessage = truth.find((t) => t.kind === 'message' && !t.fromAccount && t.author && !stored.has(t.author.externalId));
    const person = customerMessage?.author ?? truth.find((t) => t.kind === 'message' && !t.fromAccount && t.author)!.author!;
    await db.dataSource.query(`UPDATE contact SET name = NULL WHERE channel_account_id = $1 AND external_id = $2`, [channel.id, person.externalId]);
    const record: MessageRecord = {
      kind: 'message',
      network: 'facebook',
      externalId: `m_webhook_${Date.now()}`,
      threadKey: messengerThreadKey(person.externalId),
      channel: 'direct',
      parentExternalId: null,
      postExternalId: null,
      author: { externalId: person.externalId },
      text: 'Hallo, ist meine Bestellung unterwegs?',
      createdAt: new Date().toISOString(),
      isFromAccount: false,
    };
    const registry = createConnectorRegistry(config);
    const processor = new IngestProcessor(db.dataSource, store, new ContactNames(db.dataSource, access, registry), config);
    await processor.process({ id: 'ingest-test', data: { channelAccountId: channel.id, source: 'webhook:test', records: [record] } } as never);
    const [contact] = await db.dataSource.query(
      `SELECT c.name FROM contact c JOIN thread t ON t.contact_id = c.id WHERE t.channel_account_id = $1 AND t.thread_key = $2`,
      [channel.id, record.threadKey],
    );
    expect(contact).toEqual({ name: person.name });
  });
});
