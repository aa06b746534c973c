import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { RunningSim } from '@resonance/sim';
import { createTestDatabase, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { SyncRunner } from '../src/sync/sync-runner';
import { compareWithTruth, storedMessages, testSim } from './pipeline-support';
import { clearInstagramFaults, connectDemoInstagram, generateInstagram, instagramFault, instagramTaggedMedia, instagramTruth } from './instagram-support';

/**
 * The ground-truth test for Instagram through polling: the sim's Instagram (Instagram Login) with
 * Meta's throttling codes, 5xx and permission errors; every generated comment, reply, mention
 * and Direct message is in the database exactly once, in the right thread, with the right author.
 */
describe('Instagram against the sim by polling: every item exactly once, with faults on', () => {
  let db: TestDatabase;
  let sim: RunningSim;
  let config: Config;
  let runner: SyncRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await testSim();
    config = testConfig({ SIM_URL: sim.url, DEMO_MODE: 'true', SYNC_LEASE_MS: '5000', RATE_LIMIT_MAX_DELAY_MS: '0' });
    const registry = createConnectorRegistry(config);
    const access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry);
    runner = new SyncRunner(db.dataSource, new IngestStore(db.dataSource), access, registry, config);
  });
  afterAll(async () => {
    await sim?.close();
    await db?.drop();
  });

  const check = async (channelId: string) => {
    const truth = await instagramTruth(sim);
    const tagged = await instagramTaggedMedia(sim);
    const all = await storedMessages(db.dataSource, channelId);
    const taggedIds = new Set(tagged.map((t) => t.externalId));
    const stored = all.filter((m) => !taggedIds.has(m.external_id));
    expect(compareWithTruth(truth, stored).slice(0, 20)).toEqual([]);
    expect(stored.length).toBe(truth.filter((t) => t.kind !== 'post').length);
    // Media that tag the account: each once, in its own mention thread, with its caption, no contact.
    expect(tagged.length).toBeGreaterThan(0);
    const storedTagged = all.filter((m) => taggedIds.has(m.external_id)).map((m) => [m.external_id, m.thread_key, m.text, m.author_external_id]);
    expect(storedTagged.sort()).toEqual(tagged.map((t) => [t.externalId, t.threadExternalId, t.text, null]).sort());
    return { truth, stored };
  };

  it('backfills without faults: every comment, reply, mention and DM once, in its thread', async () => {
    const channel = await connectDemoInstagram(db.dataSource, config);
    await generateInstagram(sim, 400);
    const r = await runner.run(channel.id);
    expect(r.error).toBeUndefined();
    expect((await runner.run(channel.id)).error).toBeUndefined();
    await check(channel.id);
  });

  it('keeps up through throttling (codes 4, 17, 80002), 5xx and new traffic: nothing twice, nothing missing', async () => {
    const channel = await connectDemoInstagram(db.dataSource, config);
    expect((await runner.run(channel.id)).error).toBeUndefined();
    await instagramFault(sim, { kind: 'rate_limit', probability: 0.1, options: { code: 4 } });
    await instagramFault(sim, { kind: 'server_error', probability: 0.1, options: { status: 503 } });
    const outcomes: string[] = [];
    try {
      for (let i = 0; i < 24; i++) {
        if (i === 8) await instagramFault(sim, { kind: 'rate_limit', probability: 0.1, options: { code: 80002 } });
        if (i === 16) await instagramFault(sim, { kind: 'rate_limit', probability: 0.1, options: { code: 17 } });
        if (i % 4 === 0) await generateInstagram(sim, 60);
        const r = await runner.run(channel.id);
        outcomes.push(r.error ? r.error.split(':')[0] : (r.skipped ?? 'ok'));
      }
    } finally {
      await clearInstagramFaults(sim);
    }
    expect(outcomes).toContain('RATE_LIMITED');
    expect(outcomes).toContain('TRANSIENT');
    for (let i = 0; i < 3; i++) expect((await runner.run(channel.id)).error).toBeUndefined();
    const { truth, stored } = await check(channel.id);
    // What the test covers: replies, mentions, DMs both ways.
    expect(truth.some((t) => t.kind === 'comment' && t.parentExternalId !== null)).toBe(true);
    expect(stored.some((m) => m.thread_key.startsWith('mention:'))).toBe(true);
    expect(truth.some((t) => t.kind === 'message' && t.fromAccount)).toBe(true);
    expect(truth.some((t) => t.kind === 'message' && !t.fromAccount)).toBe(true);
    await generateInstagram(sim, 80);
    expect((await runner.run(channel.id)).messagesInserted).toBeGreaterThan(0);
    expect((await runner.run(channel.id)).messagesInserted).toBe(0);
    await check(channel.id);
  });
});
