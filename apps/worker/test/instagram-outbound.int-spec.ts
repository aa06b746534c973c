import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccount, Workspace } from '@resonance/db';
import type { ReceivedItem, RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { ModerationRunner } from '../src/outbound/moderation-runner';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';
import {
  clearInstagramFaults,
  connectDemoInstagram,
  demoInstagram,
  generateInstagram,
  instagramFault,
  instagramTaggedMedia,
  instagramTruth,
} from './instagram-support';

/**
 * Instagram outbound against the sim: a reply to a comment, a Direct message within the 24-hour
 * window, hide, unhide and delete each reach the sim exactly once — through a 5xx, a second job
 * for the same row, and a crash that lost the network's answer — and a sync reads them back once.
 */
describe('Instagram outbound against the sim: each action exactly once', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;
  let sender: OutboundSender;
  let moderation: ModerationRunner;
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
    moderation = new ModerationRunner(db.dataSource, access, registry, config);
    channel = await connectDemoInstagram(db.dataSource, config);
    await generateInstagram(sim, 150);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const received = async (filter: (r: ReceivedItem) => boolean) =>
    (await simJson<{ items: ReceivedItem[] }>(sim, '/_sim/received?network=instagram')).items.filter(filter);
  const queueReply = async (threadId: string, parent: string | null, text: string, agoMs = 0): Promise<string> =>
    (
      await db.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, parent_external_id, author_user_id, text, created_at, delivery)
         VALUES ($1, $2, $3, 'outbound', true, $4, $5, $6, now() - $7 * interval '1 millisecond', 'queued') RETURNING id::text`,
        [channel.workspaceId, channel.id, threadId, parent, userId, text, agoMs],
      )
    )[0].id;
  const thread = async (where: string): Promise<{ id: string; thread_key: string }> => {
    const [t] = await db.dataSource.query<Array<{ id: string; thread_key: string }>>(
      `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND ${where} ORDER BY last_inbound_at DESC NULLS LAST LIMIT 1`,
      [channel.id],
    );
    expect(t).toBeDefined();
    return t;
  };

  it('a reply to a comment: once through a 5xx and a second job; a crash that lost the answer is found, not resent', async () => {
    const t = await thread(`channel = 'comment' AND thread_key NOT LIKE 'mention:%' AND last_inbound_at IS NOT NULL`);
    const text = `Danke, wir kümmern uns ${Date.now()}`;
    const id = await queueReply(t.id, t.thread_key, text);
    await instagramFault(sim, { kind: 'server_error', count: 1 });
    try {
      expect(await sender.send(id)).toMatchObject({ status: 'failed', outcome: { action: 'retry' } });
    } finally {
      await clearInstagramFaults(sim);
    }
    const sent = await sender.send(id);
    expect(sent).toMatchObject({ status: 'sent' });
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    expect((await received((r) => r.text === text)).map((r) => [r.kind, r.targetId])).toEqual([['comment_reply', t.thread_key]]);

    // Sent, but the answer was lost (crash): the retry finds the reply on Instagram and sends nothing.
    const other = await thread(`channel = 'comment' AND thread_key NOT LIKE 'mention:%' AND last_inbound_at IS NOT NULL AND id <> ${Number(t.id)}`);
    const lost = `Vor dem Absturz gesendet ${Date.now()}`;
    const lostId = await queueReply(other.id, other.thread_key, lost, 2_000);
    const res = await fetch(`${sim.url}/instagram/v24.0/${other.thread_key}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ message: lost, access_token: demoInstagram.credentials.accessToken }),
    });
    const onNetwork = (await res.json()) as { id: string };
    expect(res.status).toBe(200);
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [lostId]);
    expect(await sender.send(lostId)).toMatchObject({ status: 'sent', externalId: onNetwork.id, reconciled: true });
    expect(await received((r) => r.text === lost)).toHaveLength(1);
  });

  it('a Direct message within the window: once through a 5xx', async () => {
    const t = await thread(`channel = 'direct' AND last_inbound_at > now() - interval '20 hours'`);
    const text = `Gern geschehen! ${Date.now()}`;
    const id = await queueReply(t.id, null, text);
    await instagramFault(sim, { kind: 'server_error', count: 1 });
    try {
      const first = await sender.send(id);
      if (first.status !== 'sent') expect(first).toMatchObject({ status: 'failed', outcome: { action: 'retry' } });
      if (first.status !== 'sent') expect(await sender.send(id)).toMatchObject({ status: 'sent' });
    } finally {
      await clearInstagramFaults(sim);
    }
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    expect((await received((r) => r.text === text)).map((r) => r.kind)).toEqual(['private_message']);
  });

  it('hide, unhide and delete: each once at the sim', async () => {
    const [m] = await db.dataSource.query<Array<{ id: string; externalId: string }>>(
      `SELECT m.id::text, m.external_id AS "externalId" FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND t.channel = 'comment' AND t.thread_key NOT LIKE 'mention:%' AND NOT m.is_from_account
          AND m.parent_external_id IS NULL AND NOT m.deleted ORDER BY m.id LIMIT 1`,
      [channel.id],
    );
    const act = async (action: string) => {
      const [{ id }] = await db.dataSource.query<Array<{ id: string }>>(
        `INSERT INTO message_action (workspace_id, message_id, action) VALUES ($1, $2, $3) RETURNING id::text`,
        [channel.workspaceId, m.id, action],
      );
      const result = await moderation.run(id);
      expect(result).toMatchObject({ status: 'done' });
      await moderation.run(id);
      const [row] = await db.dataSource.query<Array<{ state: string }>>(`SELECT state FROM message_action WHERE id = $1`, [id]);
      expect(row.state).toBe('done');
    };
    await act('hide');
    await act('unhide');
    await act('delete');
    const calls = (await received((r) => r.targetId === m.externalId)).map((r) => r.kind);
    expect(calls).toEqual(['comment_hide', 'comment_unhide', 'comment_delete']);

    // A sync afterwards: the generated items and the account's replies, each once.
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const tagged = new Set((await instagramTaggedMedia(sim)).map((t) => t.externalId));
    const stored = (await storedMessages(db.dataSource, channel.id)).filter((s) => !tagged.has(s.external_id));
    const truth = await instagramTruth(sim);
    const deleted = new Set([m.externalId]);
    expect(
      compareWithTruth(
        truth.filter((t) => t.source === 'generator' && !deleted.has(t.externalId)),
        stored.filter((s) => !deleted.has(s.external_id)),
      ),
    ).toEqual([]);
    for (const reply of truth.filter((t) => t.source === 'api'))
      expect(stored.filter((s) => s.external_id === reply.externalId).map((s) => [s.delivery, s.is_from_account])).toEqual([['sent', true]]);
  });
});
