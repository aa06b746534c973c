import type { UnifiedRecord } from '@resonance/contracts';
import type { EntityManager } from 'typeorm';
import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore, type IngestResult } from '../src/ingest/ingest-store';
import { RecentlyStored } from '../src/sync/recently-stored';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim, truthOf } from './pipeline-support';

/** The real store, counting the batches a sync run hands it (each one a transaction). */
class CountingStore extends IngestStore {
  batches = 0;
  override ingest(
    channelAccountId: string,
    received: UnifiedRecord[],
    options?: { inTransaction?: (tx: EntityManager) => Promise<void> },
  ): Promise<IngestResult> {
    this.batches += 1;
    return super.ingest(channelAccountId, received, options);
  }
}

/**
 * Most runs of a fleet find nothing new (bench --fleet), yet each read the whole feed with its
 * counts and the conversations behind the watermark's overlap again and stored them, unchanged:
 * a transaction and a classification per run. A quiet run now stores nothing, and nothing new is
 * missed for it.
 */
describe('a sync run with nothing new stores nothing (Facebook against the sim)', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let store: CountingStore;
  const runner = (recent?: RecentlyStored) => {
    const registry = createConnectorRegistry(config);
    return new SyncRunner(db.dataSource, store, new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config, recent);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    store = new CountingStore(db.dataSource);
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
    await db?.drop();
  });

  const postsUpdatedAt = async (channelId: string) =>
    (await db.dataSource.query<Array<{ max: Date }>>(`SELECT max(updated_at) AS max FROM post WHERE channel_account_id = $1`, [channelId]))[0].max;

  it('stores no batch when nothing changed, then stores what is new, every item once', async () => {
    const sync = runner();
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 120, network: 'facebook' } });
    expect((await sync.run(channel.id)).error).toBeUndefined();
    const posted = await postsUpdatedAt(channel.id);
    expect(posted).not.toBeNull();

    store.batches = 0;
    const quiet = await sync.run(channel.id);
    expect(quiet).toMatchObject({ messagesInserted: 0 });
    expect(quiet.error).toBeUndefined();
    // Without leaving out what is stored unchanged: the feed's posts (and the overlap's conversations) were stored again.
    expect(store.batches).toBe(0);
    expect(await postsUpdatedAt(channel.id)).toEqual(posted);

    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 40, network: 'facebook' } });
    const busy = await sync.run(channel.id);
    expect(busy.messagesInserted).toBeGreaterThan(0);
    expect(store.batches).toBeGreaterThan(0);
    const truth = await truthOf(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);

    store.batches = 0;
    expect((await sync.run(channel.id)).messagesInserted).toBe(0);
    expect(store.batches).toBe(0);
  });

  it('stores everything again once the bound has passed (here at once), and on a channel whose first run it is', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 30, network: 'facebook' } });
    const unbounded = runner(new RecentlyStored(0));
    await unbounded.run(channel.id);
    store.batches = 0;
    await unbounded.run(channel.id);
    expect(store.batches).toBeGreaterThan(0);

    // The same worker's memory does not carry over to a channel that has never synced (its data may have been removed).
    const recent = new RecentlyStored();
    const sync = runner(recent);
    await sync.run(channel.id);
    await db.dataSource.query(`UPDATE channel_account SET last_synced_at = NULL WHERE id = $1`, [channel.id]);
    store.batches = 0;
    await sync.run(channel.id);
    expect(store.batches).toBeGreaterThan(0);
  });
});
