import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, connectDemoPage, simJson, storedMessages, testSim, truthOf } from './pipeline-support';

describe('Facebook sync against the sim', () => {
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

  it('backfills, then picks up what is new: every comment and message once, in the right thread', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 300, network: 'facebook' } });
    const first = await runner.run(channel.id);
    expect(first.error).toBeUndefined();
    expect(compareWithTruth(await truthOf(sim), await storedMessages(db.dataSource, channel.id))).toEqual([]);

    await simJson(sim, '/_sim/generate', { method: 'POST', body: { count: 200, network: 'facebook' } });
    const second = await runner.run(channel.id);
    expect(second.messagesInserted).toBeGreaterThan(0);
    const again = await runner.run(channel.id);
    expect(again.messagesInserted).toBe(0);
    const truth = await truthOf(sim);
    const stored = await storedMessages(db.dataSource, channel.id);
    expect(compareWithTruth(truth, stored)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
  });
});
