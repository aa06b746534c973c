import type { Config } from '@resonance/config';
import { createConnectorRegistry, LINKEDIN_NO_MESSAGES } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import type { ChannelAccount, Workspace } from '@resonance/db';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { OutboundSender } from '../src/outbound/outbound-sender';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareLinkedIn, connectDemoLinkedIn, demoLinkedIn, linkedinTruth } from './linkedin-support';
import { simJson, storedMessages, testSim } from './pipeline-support';

describe('LinkedIn replies as the organization (OutboundSender against the sim)', () => {
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
    channel = await connectDemoLinkedIn(db.dataSource, config);
    userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'linkedin' } });
    expect((await runner.run(channel.id)).error).toBeUndefined();
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const queueReply = async (threadId: string, text: string, agoMs = 0): Promise<string> => {
    const [row] = await db.dataSource.query(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, direction, is_from_account, author_user_id, text, created_at, delivery)
       VALUES ($1, $2, $3, 'outbound', true, $4, $5, now() - $6 * interval '1 millisecond', 'queued') RETURNING id::text`,
      [channel.workspaceId, channel.id, threadId, userId, text, agoMs],
    );
    return row.id;
  };
  const thread = async (offset = 0) =>
    (
      await db.dataSource.query(
        `SELECT id::text, thread_key FROM thread WHERE channel_account_id = $1 AND channel = 'comment' AND last_inbound_at IS NOT NULL ORDER BY last_message_at DESC LIMIT 1 OFFSET $2`,
        [channel.id, offset],
      )
    )[0] as { id: string; thread_key: string };
  const received = async (text: string) =>
    (
      await simJson<{ items: Array<{ text: string; externalId: string; targetId: string; body: Record<string, unknown> }> }>(
        sim,
        '/_sim/received?network=linkedin',
      )
    ).items.filter((r) => r.text === text);
  const message = async (id: string) => (await db.dataSource.query(`SELECT delivery, delivery_error, external_id FROM message WHERE id = $1`, [id]))[0];

  it('replies under the thread’s top-level comment as the organization, once; a second job sends nothing; sync keeps one row', async () => {
    const t = await thread();
    const text = `Danke, wir melden uns! ${Date.now()}`;
    const id = await queueReply(t.id, text);
    expect(await sender.send(id)).toMatchObject({ status: 'sent', reconciled: false });
    expect(await sender.send(id)).toEqual({ status: 'skipped', reason: 'already sent' });
    const got = await received(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ targetId: t.thread_key, body: { actor: demoLinkedIn.externalId, parentComment: t.thread_key } });
    expect(await message(id)).toEqual({ delivery: 'sent', delivery_error: null, external_id: got[0].externalId });
    // The next sync reads the reply back from LinkedIn: the same row, still ours; the database matches the truth.
    await db.dataSource.query(`UPDATE channel_account SET sync_state = sync_state - 'streams' WHERE id = $1`, [channel.id]);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    expect(await db.dataSource.query(`SELECT id::text, delivery FROM message WHERE channel_account_id = $1 AND text = $2`, [channel.id, text])).toEqual([
      { id, delivery: 'sent' },
    ]);
    expect(compareLinkedIn(await linkedinTruth(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);
  });

  it('after a crash that lost LinkedIn’s answer, finds the reply already there and does not send it again', async () => {
    const t = await thread(1);
    const text = `Vor dem Absturz gesendet ${Date.now()}`;
    const id = await queueReply(t.id, text, 2_000);
    const object = /^urn:li:comment:\((urn:li:activity:\d+),/.exec(t.thread_key)![1];
    const res = await fetch(`${sim.url}/linkedin/rest/socialActions/${encodeURIComponent(t.thread_key)}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${demoLinkedIn.credentials.accessToken}`,
        'linkedin-version': '202610',
        'x-restli-protocol-version': '2.0.0',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ actor: demoLinkedIn.externalId, object, parentComment: t.thread_key, message: { text } }),
    });
    const onNetwork = ((await res.json()) as { commentUrn: string }).commentUrn;
    await db.dataSource.query(`UPDATE message SET delivery = 'sending', delivery_attempts = 1 WHERE id = $1`, [id]);
    expect(await sender.send(id)).toEqual({ status: 'sent', externalId: onNetwork, reconciled: true });
    expect(await received(text)).toHaveLength(1);
  });

  it('has no private messages to answer: LinkedIn offers no API for page messages, and the connector says so', () => {
    const connector = createConnectorRegistry(config).get('linkedin');
    expect(connector.sync.streams).toEqual(['posts', 'comments']);
    expect(connector.reply.refusal({ channel: 'direct', threadKey: 'x', recipientExternalId: 'y', lastInboundAt: new Date() }, new Date())).toBe(
      LINKEDIN_NO_MESSAGES,
    );
    expect(LINKEDIN_NO_MESSAGES).toMatch(/no API for company page messages/);
  });
});
