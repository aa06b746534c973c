import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, simJson, storedMessages, testSim } from './pipeline-support';
import { connectDemoX, demoX, generateX, xTruth } from './x-support';

describe('X sync against the sim', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  it('backfills, then picks up what is new: mentions, conversation replies, the account’s own replies and DMs, each once, in the right thread', async () => {
    const channel = await connectDemoX(db.dataSource, config);
    await generateX(sim, 400);
    const first = await runner.run(channel.id);
    expect(first.error).toBeUndefined();
    expect(compareWithTruth(await xTruth(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);

    await generateX(sim, 300);
    const second = await runner.run(channel.id);
    expect(second.error).toBeUndefined();
    expect(second.messagesInserted).toBeGreaterThan(0);
    const again = await runner.run(channel.id);
    expect(again.messagesInserted).toBe(0);
    const truth = await xTruth(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
    // The account's posts are posts; its replies in a thread are responses.
    const [posts] = await db.dataSource.query(`SELECT count(*)::int AS n FROM post WHERE channel_account_id = $1`, [channel.id]);
    expect(posts.n).toBe(truth.filter((t) => t.kind === 'post').length);
    // The account's own replies in a conversation count as responses (outbound, from the account) in the customer's thread.
    const [responses] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM message m JOIN thread t ON t.id = m.thread_id
        WHERE m.channel_account_id = $1 AND t.channel <> 'direct' AND m.is_from_account AND m.direction = 'outbound'`,
      [channel.id],
    );
    expect(responses.n).toBe(truth.filter((t) => t.kind === 'comment' && t.fromAccount).length);
    expect(responses.n).toBeGreaterThan(0);
    // The month's reads are counted and shown with the channel.
    const [budget] = await db.dataSource.query(`SELECT rate_budget FROM channel_account WHERE id = $1`, [channel.id]);
    expect(budget.rate_budget.state.monthly).toMatchObject({ limit: 15_000, read: expect.any(Number) });
    expect(budget.rate_budget.state.monthly.read).toBeGreaterThanOrEqual(stored.length);
    expect(Object.keys(budget.rate_budget.state.windows)).toEqual(
      expect.arrayContaining(['GET /2/users/:id/tweets', 'GET /2/users/:id/mentions', 'GET /2/tweets/search/recent', 'GET /2/dm_events']),
    );
  });
  it('an edited mention, self-thread reply or post updates what is stored under the original id instead of adding a second item', async () => {
    const channel = await connectDemoX(db.dataSource, config);
    const customer = (await xTruth(sim)).find((t) => t.kind === 'comment' && !t.fromAccount)!.author!.externalId;
    const asCustomer = (body: Record<string, unknown>) =>
      simJson<{ id: string }>(sim, '/_sim/x/tweets', { method: 'POST', body: { user_id: customer, ...body } });
    const api = async (body: Record<string, unknown>) => {
      const res = await fetch(`${sim.url}/x/2/tweets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demoX.credentials.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return ((await res.json()) as { data: { id: string } }).data;
    };
    const mention = await asCustomer({ text: `@${demoX.handle} Meine Bestellung 4711 ist nicht da` });
    const selfReply = await asCustomer({ text: 'Nachtrag: bestellt am Montag', in_reply_to_tweet_id: mention.id });
    const post = await api({ text: 'Heute 20 % auf alles' });
    expect((await runner.run(channel.id)).error).toBeUndefined();
    const before = await storedMessages(db.dataSource, channel.id);

    const mentionEdit = await asCustomer({ text: `@${demoX.handle} Meine Bestellung 4712 ist nicht da`, previous_post_id: mention.id });
    await asCustomer({ text: 'Nachtrag: bestellt am Dienstag', previous_post_id: selfReply.id });
    await api({ text: 'Heute 25 % auf alles', edit_options: { previous_post_id: post.id } });
    expect(mentionEdit.id).not.toBe(mention.id);
    const run = await runner.run(channel.id);
    expect(run.error).toBeUndefined();
    expect(run.messagesInserted).toBe(0);
    const after = await storedMessages(db.dataSource, channel.id);
    expect(after.length).toBe(before.length);
    const byId = new Map(after.map((m) => [m.external_id, m]));
    expect(byId.get(mention.id)?.text).toBe(`@${demoX.handle} Meine Bestellung 4712 ist nicht da`);
    expect(byId.get(selfReply.id)).toMatchObject({ text: `@${demoX.handle} Nachtrag: bestellt am Dienstag`, thread_key: mention.id });
    expect(byId.has(mentionEdit.id)).toBe(false);
    const [stored] = await db.dataSource.query(`SELECT text FROM post WHERE channel_account_id = $1 AND external_id = $2`, [channel.id, post.id]);
    expect(stored.text).toBe('Heute 25 % auf alles');
    expect(compareWithTruth(await xTruth(sim), after)).toEqual([]);
  });
});
