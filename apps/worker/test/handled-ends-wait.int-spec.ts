import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { MessageRecord } from '@resonance/contracts';
import type { ChannelAccount } from '@resonance/db';
import { createTestDatabase, makeChannel, makeUser, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { ModerationRunner } from '../src/outbound/moderation-runner';
import { Rollups } from '../src/rollup/rollups';

/**
 * A like, hide or delete of an inbound comment "handles" its thread: the reports count a handled
 * event and the inbox stops showing the customer waiting (waiting_since and the SLA due time go),
 * by one rule (resonance_thread_waiting_since = the reports' runs in drain.sql). The runner's own
 * path: the effect is already on the network, so it marks the action done without calling it.
 */
describe('a like/hide/delete that handles a thread ends its wait as the reports count it', () => {
  let db: TestDatabase;
  let config: Config;
  let runner: ModerationRunner;
  let channel: ChannelAccount;
  let userId: string;
  const store = () => new IngestStore(db.dataSource);
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const comment = (id: string, thread: string, minutesAgo: number): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: id,
    threadKey: thread,
    channel: 'comment',
    postExternalId: 'p-1',
    author: { externalId: `fan-${thread}`, name: 'Fan' },
    text: `comment ${id}`,
    createdAt: at(minutesAgo),
  });
  const thread = async (key: string) =>
    (
      await db.dataSource.query<Array<{ waiting: string | null; due: string | null }>>(
        `SELECT waiting_since::text AS waiting, sla_due_at::text AS due FROM thread WHERE thread_key = $1`,
        [key],
      )
    )[0];
  const act = async (externalId: string, action: 'like' | 'unlike' | 'hide', effect: string) => {
    const [message] = await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM message WHERE external_id = $1`, [externalId]);
    await db.dataSource.query(`UPDATE message SET ${effect} WHERE id = $1`, [message.id]);
    const [row] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [channel.workspaceId, message.id, action, userId],
    );
    expect(await runner.run(row.id)).toEqual({ status: 'done', called: false });
  };
  const handledEvents = async (key: string) =>
    await db.dataSource.query<Array<{ kind: string; action: string | null }>>(
      `SELECT e.kind, e.action FROM report_response_event e JOIN thread t ON t.id = e.thread_id WHERE t.thread_key = $1 ORDER BY e.closed_at, e.kind`,
      [key],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig();
    const registry = createConnectorRegistry(config);
    runner = new ModerationRunner(db.dataSource, new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
    const workspace = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, workspace, { network: 'facebook' });
    userId = (await makeUser(db.dataSource, workspace, { role: 'agent' })).id;
    await db.dataSource.query(`INSERT INTO sla_policy (workspace_id, default_minutes) VALUES ($1, 30)`, [workspace.id]);
  });
  afterAll(() => db?.drop());

  it('a like clears waiting and the due time; the reports count it handled; unlike brings the wait back', async () => {
    await store().ingest(channel.id, [comment('l-1', 'L', 20), comment('l-2', 'L', 10)]);
    const before = await thread('L');
    expect(before.waiting).not.toBeNull();
    // due = the oldest waiting comment + 30 minutes (calendar)
    expect(new Date(before.due!).getTime() - new Date(before.waiting!).getTime()).toBe(30 * 60_000);

    await act('l-2', 'like', 'liked = true');
    expect(await thread('L')).toEqual({ waiting: null, due: null });
    await new Rollups(db.dataSource).drainAll();
    expect(await handledEvents('L')).toEqual([{ kind: 'handled', action: 'like' }]);

    // A new comment after the like waits again, from its own time.
    await store().ingest(channel.id, [comment('l-3', 'L', 1)]);
    const again = await thread('L');
    expect(again.waiting).not.toBeNull();
    expect(new Date(again.waiting!).getTime()).toBeGreaterThan(new Date(before.waiting!).getTime());

    await act('l-2', 'unlike', 'liked = false');
    const undone = await thread('L');
    expect(undone.waiting).toBe(before.waiting);
    await new Rollups(db.dataSource).drainAll();
    expect(await handledEvents('L')).toEqual([]);
  });

  it('a hide handles the run before it; the ingest recompute keeps that rule for a late comment', async () => {
    await store().ingest(channel.id, [comment('h-1', 'H', 30)]);
    await act('h-1', 'hide', 'hidden = true');
    expect((await thread('H')).waiting).toBeNull();
    // A comment that arrives late (older than the thread's last message) makes the ingest recompute the thread.
    await store().ingest(channel.id, [comment('h-0', 'H', 40)]);
    expect((await thread('H')).waiting).toBeNull();
    await new Rollups(db.dataSource).drainAll();
    expect(await handledEvents('H')).toEqual([{ kind: 'handled', action: 'hide' }]);
  });
});
