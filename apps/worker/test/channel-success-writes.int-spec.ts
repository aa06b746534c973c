import { ConnectorError, createConnectorRegistry } from '@resonance/connectors';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess, SUCCESS_WRITE_WINDOW_MS } from '../src/channels/channel-access';

/**
 * ChannelAccess.succeeded writes the channel row once per channel and second (docs/benchmarks.md,
 * Stop 36): the first success at once, later ones' budget state together when the second ends;
 * a failure in between is never overwritten by a success held from before it, and the success
 * after a failure clears the shown error at once.
 */
describe('ChannelAccess.succeeded: one channel-row write per channel and second', () => {
  let db: TestDatabase;
  let access: ChannelAccess;
  let channelId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig();
    access = new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, createConnectorRegistry(config));
    channelId = (await makeChannel(db.dataSource, await makeWorkspace(db.dataSource))).id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const row = async () =>
    (
      await db.dataSource.query<Array<{ used: number | null; last_error: string | null }>>(
        `SELECT (rate_budget->'state'->>'usedPercent')::float AS used, last_error FROM channel_account WHERE id = $1`,
        [channelId],
      )
    )[0];
  const budget = (usedPercent: number) => ({ usedPercent, readAt: Date.now() });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('writes the first success at once and the later ones of the same second together at its end', async () => {
    await access.succeeded(channelId, budget(10));
    expect(await row()).toEqual({ used: 10, last_error: null });
    await access.succeeded(channelId, budget(11));
    await access.succeeded(channelId, budget(12));
    expect((await row()).used).toBe(10);
    await sleep(SUCCESS_WRITE_WINDOW_MS + 300);
    expect((await row()).used).toBe(12);
  });

  it('a failure drops the success held before it; the next success clears the error at once', async () => {
    await sleep(SUCCESS_WRITE_WINDOW_MS + 100);
    await access.succeeded(channelId, budget(20));
    await access.succeeded(channelId, budget(21));
    await access.failed(channelId, new ConnectorError({ network: 'facebook', code: 'TRANSIENT', message: 'down' }), budget(22));
    expect(await row()).toEqual({ used: 22, last_error: 'TRANSIENT: down' });
    await sleep(SUCCESS_WRITE_WINDOW_MS + 300);
    // The held success (21) came before the failure: not written over it.
    expect(await row()).toEqual({ used: 22, last_error: 'TRANSIENT: down' });
    await access.succeeded(channelId, budget(23));
    expect(await row()).toEqual({ used: 23, last_error: null });
  });

  it('writes a pause the network announced at once, also within the second', async () => {
    await sleep(SUCCESS_WRITE_WINDOW_MS + 100);
    await access.succeeded(channelId, budget(30));
    await access.succeeded(channelId, { ...budget(31), pausedUntil: Date.now() + 60_000 });
    expect((await row()).used).toBe(31);
  });
});
