import { Client } from 'pg';
import type { Config } from '@resonance/config';
import { createConnectorRegistry } from '@resonance/connectors';
import type { Workspace } from '@resonance/db';
import { createTestDatabase, makeUser, testConfig, type TestDatabase } from '@resonance/testing';
import { ChannelAccess } from '../src/channels/channel-access';
import { IngestStore } from '../src/ingest/ingest-store';
import { ModerationRunner } from '../src/outbound/moderation-runner';
import { connectDemoPage } from './pipeline-support';

/**
 * A double-clicked hide: the api's second request locks the message (FOR UPDATE OF m) and then
 * inserts into the unique index of queued actions, where it meets the first request's action while
 * the worker marks that action done. The worker must take the locks in the api's order; in the
 * other order the two deadlocked, PostgreSQL aborted the worker's transaction and the job's retry
 * called the network a second time.
 */
describe('marking a moderation action done while the same action is requested again', () => {
  let db: TestDatabase;
  let config: Config;
  let runner: ModerationRunner;
  let api: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig();
    const registry = createConnectorRegistry(config);
    runner = new ModerationRunner(db.dataSource, new ChannelAccess(db.dataSource, config.ENCRYPTION_KEY, registry), registry, config);
    api = new Client({ connectionString: db.url });
    await api.connect();
  });
  afterAll(async () => {
    await api?.end();
    await db?.drop();
  });

  it('takes the message lock first, so the second request finds the action queued and nothing deadlocks', async () => {
    const channel = await connectDemoPage(db.dataSource, config);
    const userId = (await makeUser(db.dataSource, { id: channel.workspaceId } as Workspace)).id;
    await new IngestStore(db.dataSource).ingest(channel.id, [
      {
        kind: 'message',
        network: 'facebook',
        externalId: 'c-1',
        threadKey: 'c-1',
        channel: 'comment',
        postExternalId: 'p-1',
        author: { externalId: 'fan-1', name: 'Fan' },
        text: 'Spam',
        createdAt: new Date(Date.now() - 60_000).toISOString(),
      },
    ]);
    // Hidden on the network already: the runner marks the action done without calling it.
    await db.dataSource.query(`UPDATE message SET hidden = true WHERE external_id = 'c-1'`);
    const [message] = await db.dataSource.query<Array<{ id: string }>>(`SELECT id::text FROM message WHERE external_id = 'c-1'`);
    const [action] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES ($1, $2, 'hide', $3) RETURNING id::text`,
      [channel.workspaceId, message.id, userId],
    );

    // The second request, as the api runs it: the message locked first ...
    await api.query('BEGIN');
    await api.query(`SELECT 1 FROM message WHERE id = $1 FOR UPDATE`, [message.id]);
    const marking = runner.run(action.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // ... then the queued action met in the unique index.
    const again = api.query(
      `INSERT INTO message_action (workspace_id, message_id, action, requested_by) VALUES ($1, $2, 'hide', $3)
       ON CONFLICT (message_id, action) WHERE state = 'queued' DO NOTHING RETURNING id::text`,
      [channel.workspaceId, message.id, userId],
    );
    const inserted = await again.then(
      (r) => r.rows,
      async (error: unknown) => {
        await api.query('ROLLBACK');
        throw error;
      },
    );
    await api.query('COMMIT');
    expect(inserted).toEqual([]); // the double click joins the queued action
    await expect(marking).resolves.toEqual({ status: 'done', called: false });
    expect(await db.dataSource.query(`SELECT state FROM message_action WHERE message_id = $1`, [message.id])).toEqual([{ state: 'done' }]);
  }, 30_000);
});
