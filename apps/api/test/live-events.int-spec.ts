import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, makeChannel, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import type { ChannelAccount } from '@resonance/db';
import { IngestStore } from '@resonance/worker';
import { createQueueBackend, prepareQueueBackend } from '@resonance/queue';
import { createApi } from '../src';
import { subscribe } from './event-stream';
import { comment, login, makeLoginUser, waitFor, type Session } from './support';

describe.each(['redis', 'postgres'] as const)('live events across two api copies (%s)', (transport) => {
  let db: TestDatabase;
  let a: INestApplication;
  let b: INestApplication;
  let urlB: string;
  let channel: ChannelAccount;
  let agentA: Session;
  let agentB: Session;
  let outsider: Session;
  let threadId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(transport === 'redis' ? {} : { REDIS_URL: '' });
    expect(config.queueBackend).toBe(transport);
    await prepareQueueBackend(createQueueBackend({ redisUrl: config.REDIS_URL, databaseUrl: db.url, prefix: config.QUEUE_PREFIX }));
    a = await createApi(config, db.url);
    b = await createApi(config, db.url);
    await a.listen(0, '127.0.0.1');
    await b.listen(0, '127.0.0.1');
    urlB = `http://127.0.0.1:${(b.getHttpServer().address() as AddressInfo).port}`;
    const ws = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, ws);
    await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 'live', externalId: 'l-1', text: 'Hallo?' })]);
    [{ id: threadId }] = await db.dataSource.query(`SELECT id::text FROM thread WHERE thread_key = 'live'`);
    agentA = await login(a, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
    agentB = await login(b, (await makeLoginUser(db.dataSource, ws, 'agent')).email);
    outsider = await login(b, (await makeLoginUser(db.dataSource, await makeWorkspace(db.dataSource), 'agent')).email);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('brings status changes, presence, new inbound messages and delivery results to a dashboard on the other copy within a second', async () => {
    const stream = await subscribe(urlB, agentB.cookie);
    const other = await subscribe(urlB, outsider.cookie);
    try {
      expect(stream.status).toBe(200);
      await waitFor(() => stream.events.find((e) => e.event === 'ready'));
      const since = (type: string, t0: number) => waitFor(() => stream.events.find((e) => e.event === type && e.at >= t0), 1_000);

      let t0 = Date.now();
      await agentA.agent.patch(`/api/threads/${threadId}`).set('X-CSRF-Token', agentA.csrf).send({ status: 'pending' }).expect(200);
      const updated = await since('thread.updated', t0);
      expect(updated.data).toMatchObject({ type: 'thread.updated', threadId, thread: { id: threadId, status: 'pending' } });
      expect(updated.at - t0).toBeLessThan(1_000);

      t0 = Date.now();
      await agentA.agent.post(`/api/threads/${threadId}/presence`).set('X-CSRF-Token', agentA.csrf).send({ state: 'typing' }).expect(204);
      const presence = await since('presence', t0);
      expect(presence.data).toMatchObject({ threadId, state: 'typing', user: { id: agentA.user.id } });
      const snapshot = await agentB.agent.get('/api/presence').expect(200);
      expect(snapshot.body).toEqual([expect.objectContaining({ threadId, state: 'typing' })]);

      t0 = Date.now();
      await new IngestStore(db.dataSource).ingest(channel.id, [comment({ threadKey: 'live', externalId: 'l-2', text: 'Jemand da?' })]);
      const created = await since('message.created', t0);
      expect(created.data).toMatchObject({ threadId, message: { externalId: 'l-2', text: 'Jemand da?', direction: 'inbound' } });
      await since('thread.updated', t0);

      const reply = await agentA.agent.post(`/api/threads/${threadId}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: 'Ja!' }).expect(202);
      t0 = Date.now();
      // What the outbound worker does when the network accepted the reply.
      await db.dataSource.query(`UPDATE message SET delivery = 'sent', external_id = 'l-3' WHERE id = $1`, [reply.body.message.id]);
      const delivered = await since('message.updated', t0);
      expect(delivered.data).toMatchObject({ threadId, message: { id: reply.body.message.id, delivery: 'sent', externalId: 'l-3' } });

      await new Promise((r) => setTimeout(r, 200));
      expect(other.events.map((e) => e.event)).toEqual(['ready']); // another workspace hears nothing
    } finally {
      stream.close();
      other.close();
    }
  });

  it("hands one message's quick changes to the dashboard in the order they were made, its last state last", async () => {
    const stream = await subscribe(urlB, agentB.cookie);
    try {
      await waitFor(() => stream.events.find((e) => e.event === 'ready'));
      const reply = await agentA.agent.post(`/api/threads/${threadId}/replies`).set('X-CSRF-Token', agentA.csrf).send({ text: 'Moment…' }).expect(202);
      const id: string = reply.body.message.id;
      // As a retried reply goes failed → queued → sending → sent within milliseconds: one statement (and one
      // notification) per step. Each load reads the row as it is when it runs; loaded side by side on the
      // pool they could finish out of order and leave the dashboard on an older state (replies e2e, stop 22).
      const steps = 40;
      for (let step = 1; step <= steps; step++) await db.dataSource.query(`UPDATE message SET delivery_error = $2 WHERE id = $1`, [id, `step ${step}`]);
      const seen = () =>
        stream.events
          .filter((e) => e.event === 'message.updated' && (e.data.message as { id: string }).id === id)
          .map((e) => Number(/step (\d+)/.exec(String((e.data.message as { deliveryError: string | null }).deliveryError))?.[1] ?? 0));
      await waitFor(() => (seen().includes(steps) ? true : undefined), 10_000);
      await new Promise((r) => setTimeout(r, 300));
      const order = seen();
      expect(order[order.length - 1]).toBe(steps);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    } finally {
      stream.close();
    }
  });
});
