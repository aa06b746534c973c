import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { ChannelAccount } from '@resonance/db';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import { createApi } from '../src';
import { subscribe } from './event-stream';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

/**
 * An ingest flood (bench --agents: 2,000 comments/s, 200 open streams): the database notifications
 * that queue up while one loads are loaded together, and their messages reach the streams as one
 * inbox.changed (up to the newest message) instead of a message.created and a thread.updated each,
 * which at that rate was 800,000 events a second and left the streams minutes behind. A single
 * change on a quiet inbox still comes as its own message.created.
 */
describe('live events during an ingest flood', () => {
  let db: TestDatabase;
  let api: INestApplication;
  let url: string;
  let channel: ChannelAccount;
  let agent: Session;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig();
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    api = await createApi(config, db.url);
    await api.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const ws = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, ws);
    agent = await login(api, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('sends a few inbox.changed covering every stored message, not an event per message and thread', async () => {
    const stream = await subscribe<{ type: string; lastMessageId?: string; message?: { id: string } }>(url, agent.cookie);
    try {
      await waitFor(() => stream.events.find((e) => e.event === 'ready'));
      const store = new IngestStore(db.dataSource);
      // 40 statements of 30 comments each, on 30 threads, as fast as the pool takes them: 1,200 messages.
      await Promise.all(
        Array.from({ length: 40 }, (_, batch) =>
          store.ingest(
            channel.id,
            Array.from({ length: 30 }, (_, i) => comment({ threadKey: `flood-${i}`, externalId: `f-${batch}-${i}`, text: `Flut ${batch}/${i}` })),
          ),
        ),
      );
      const [{ last }]: Array<{ last: string }> = await db.dataSource.query(`SELECT max(id)::text AS last FROM message`);
      const covered = () =>
        stream.events.some(
          (e) =>
            (e.event === 'inbox.changed' && BigInt(e.data.lastMessageId ?? '0') >= BigInt(last)) ||
            (e.event === 'message.created' && e.data.message?.id === last),
        );
      await waitFor(() => (covered() ? true : undefined), 10_000);
      const changes = stream.events.filter((e) => ['message.created', 'thread.updated', 'inbox.changed'].includes(e.event));
      // One by one this was 1,200 message.created and 1,200 thread.updated; now at most 200 messages a
      // second go one by one (with their threads' updates), the rest as inbox.changed.
      expect(changes.length).toBeLessThan(1_200);
      expect(stream.events.some((e) => e.event === 'inbox.changed' && e.data.lastMessageId)).toBe(true);

      // Quiet again: one comment is its own message.created.
      await new Promise((r) => setTimeout(r, 500));
      const t0 = Date.now();
      await store.ingest(channel.id, [comment({ threadKey: 'flood-0', externalId: 'f-after', text: 'Noch da?' })]);
      const created = await waitFor(() => stream.events.find((e) => e.event === 'message.created' && e.at >= t0), 2_000);
      expect(created.data.type).toBe('message.created');
    } finally {
      stream.close();
    }
  });
});
