import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '@resonance/worker';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { primaryPool, type ChannelAccount } from '@resonance/db';
import { createApi } from '../src';
import { subscribe } from './event-stream';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

/**
 * An ingest flood (bench --agents: 2,000 comments/s, 200 open streams): the database notifications
 * that queue up while one loads are loaded together, and their messages reach the streams as one
 * inbox.changed (up to the newest message) instead of a message.created and a thread.updated each,
 * which at that rate was 800,000 events a second and left the streams minutes behind. (A single
 * change on a quiet inbox still comes as its own message.created: live-events.int-spec.ts.)
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

  it('sends one inbox.changed for the notifications that queued up, not an event per message and thread', async () => {
    const store = new IngestStore(db.dataSource);
    // 1,200 messages stored before any stream is open (the api loads nothing then).
    for (let batch = 0; batch < 40; batch++)
      await store.ingest(
        channel.id,
        Array.from({ length: 30 }, (_, i) => comment({ threadKey: `flood-${i}`, externalId: `f-${batch}-${i}`, text: `Flut ${batch}/${i}` })),
      );
    const rows: Array<{ id: string }> = await db.dataSource.query(`SELECT m.id::text AS id FROM message m WHERE m.channel_account_id = $1 ORDER BY m.id`, [
      channel.id,
    ]);
    expect(rows).toHaveLength(1_200);
    const stream = await subscribe<{ type: string; lastMessageId?: string; count?: number }>(url, agent.cookie);
    try {
      await waitFor(() => stream.events.find((e) => e.event === 'ready'));
      // What the triggers of 40 stored pages send, delivered together (one transaction): what queues
      // up behind a load is loaded with the next.
      const runner = db.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      for (let page = 0; page < 40; page++) {
        const payload = { kind: 'messages.inserted', workspaceId: channel.workspaceId, from: rows[page * 30].id, to: rows[page * 30 + 29].id, count: 30 };
        await runner.query(`SELECT pg_notify('resonance_db_events', $1)`, [JSON.stringify(payload)]);
      }
      await runner.commitTransaction();
      await runner.release();
      const last = rows[rows.length - 1].id;
      const covering = await waitFor(() => stream.events.find((e) => e.event === 'inbox.changed' && e.data.lastMessageId === last), 10_000);
      expect(covering.data.count).toBeGreaterThan(200);
      await new Promise((r) => setTimeout(r, 300));
      const changes = stream.events.filter((e) => ['message.created', 'thread.updated', 'inbox.changed'].includes(e.event));
      // One by one this was 1,200 message.created and 1,200 thread.updated. Now the first pages go one
      // by one (at most 200 messages a second), the rest as inbox.changed.
      expect(changes.filter((e) => e.event === 'message.created').length).toBeLessThan(600);
      expect(changes.length).toBeLessThan(1_000);
    } finally {
      stream.close();
    }
  });

  it("sends a new message's events while every connection of the api's pool is taken by requests", async () => {
    // As under 200 dashboards: ~100 requests waited for the pool, and a live event's loads behind
    // them (bench --agents live p95 8.5 s). The loads have connections of their own now.
    const pool = primaryPool(api.get(DataSource));
    const held: PoolClient[] = [];
    const stream = await subscribe<{ type: string; message?: { text?: string } }>(url, agent.cookie);
    try {
      await waitFor(() => stream.events.find((e) => e.event === 'ready'));
      while (pool.totalCount < (pool.options.max ?? 10) || pool.idleCount > 0) held.push(await pool.connect());
      const waiting = pool.query('SELECT 1');
      const t0 = Date.now();
      await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 'busy-pool', externalId: 'busy-1', text: 'Volles Becken' })]);
      const created = await waitFor(() => stream.events.find((e) => e.event === 'message.created' && e.data.message?.text === 'Volles Becken'), 3_000);
      expect(created.at - t0).toBeLessThan(3_000);
      expect(pool.waitingCount).toBeGreaterThan(0);
      for (const c of held.splice(0)) c.release();
      await waiting;
    } finally {
      for (const c of held) c.release();
      stream.close();
    }
  });
});
