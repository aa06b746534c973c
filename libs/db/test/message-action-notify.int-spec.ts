import type { Notification, PoolClient } from 'pg';
import { createTestDatabase, makeChannel, makeWorkspace, type TestDatabase } from '@resonance/testing';

/**
 * message_action's NOTIFY (migration 1734000000000-rule-run-audit): a queued, done or failed
 * action and a recorded error reach the dashboards' live streams; the attempted_at the worker
 * commits before each network call does not (nothing shows it, and every NOTIFY takes the global
 * notify-queue lock at commit).
 */
describe('message_action NOTIFY', () => {
  let db: TestDatabase;
  let listener: PoolClient;
  let release: () => Promise<void>;
  const heard: Array<{ kind: string; ids: string[] }> = [];
  let messageId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const workspace = await makeWorkspace(db.dataSource);
    const channel = await makeChannel(db.dataSource, workspace);
    const [thread] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO thread (workspace_id, channel_account_id, network, thread_key, channel, last_message_at)
       VALUES ($1, $2, 'facebook', 'c:notify', 'comment', now()) RETURNING id::text`,
      [workspace.id, channel.id],
    );
    const [message] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message (workspace_id, channel_account_id, thread_id, external_id, direction, is_from_account, text, created_at)
       VALUES ($1, $2, $3, 'c_notify', 'inbound', false, 'Hallo', now()) RETURNING id::text`,
      [workspace.id, channel.id, thread.id],
    );
    messageId = message.id;
    const runner = db.dataSource.createQueryRunner();
    listener = (await runner.connect()) as PoolClient;
    release = () => runner.release();
    listener.on('notification', (n: Notification) => {
      const payload = JSON.parse(n.payload ?? '{}') as { kind: string; ids?: string[] };
      if (payload.kind === 'messages.updated') heard.push({ kind: payload.kind, ids: payload.ids ?? [] });
    });
    await listener.query('LISTEN resonance_db_events');
  });
  afterAll(async () => {
    await release?.();
    await db?.drop();
  });

  /** What the listener heard after `write` committed (a NOTIFY is delivered at commit; a round trip later it has arrived). */
  const heardAfter = async (write: () => Promise<unknown>): Promise<number> => {
    heard.length = 0;
    await write();
    await listener.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await listener.query('SELECT 1');
    return heard.filter((h) => h.ids.includes(messageId)).length;
  };

  it('notifies a queued action, an error and its end, but not the attempt stamp', async () => {
    let actionId = '';
    expect(
      await heardAfter(async () => {
        const [row] = await db.dataSource.query<Array<{ id: string }>>(
          `INSERT INTO message_action (workspace_id, message_id, action) SELECT workspace_id, id, 'hide' FROM message WHERE id = $1 RETURNING id::text`,
          [messageId],
        );
        actionId = row.id;
      }),
    ).toBe(1);
    expect(await heardAfter(() => db.dataSource.query(`UPDATE message_action SET attempted_at = now() WHERE id = $1`, [actionId]))).toBe(0);
    expect(await heardAfter(() => db.dataSource.query(`UPDATE message_action SET error = 'RATE_LIMITED: later' WHERE id = $1`, [actionId]))).toBe(1);
    // An attempt stamp together with another change is heard (the other change is what counts).
    expect(
      await heardAfter(() =>
        db.dataSource.query(`UPDATE message_action SET attempted_at = now(), state = 'done', finished_at = now() WHERE id = $1`, [actionId]),
      ),
    ).toBe(1);
  });
});
