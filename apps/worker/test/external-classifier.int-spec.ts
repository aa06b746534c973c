import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageRecord } from '@resonance/contracts';
import { Message, sqlClient, type ChannelAccount, type Workspace } from '@resonance/db';
import { createTestDatabase, makeChannel, makeUser, makeWorkspace, testConfig, type TestDatabase } from '@resonance/testing';
import { IngestStore } from '../src';
import { ExternalClassifier } from '../src/classify/external-classifier';
import { relabelNewMessages, SETTLE_MS } from '../src/classify/relabel';
import { cursorState } from '../src/classify/relabel.queries';

/**
 * The external classifier (issue 23): a real HTTP endpoint on this machine in each of the two
 * forms, against a real database. Ingest stores the built-in labels; the relabelling replaces them
 * with the endpoint's, keeps them where the endpoint is slow, down or talks nonsense, and never
 * touches what an agent reviewed.
 */
type Handler = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;

async function endpoint(
  handler: Handler,
): Promise<{ url: string; server: Server; requests: Array<{ body: Record<string, unknown>; authorization?: string; path?: string }> }> {
  const requests: Array<{ body: Record<string, unknown>; authorization?: string; path?: string }> = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(data) as Record<string, unknown>;
      requests.push({ body, authorization: req.headers.authorization, path: req.url });
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The plain form: every text a complaint with sentiment −0.8 (the built-in model would not say so for these). */
const complaintsOf = (body: Record<string, unknown>) => ({
  labels: (body.texts as Array<{ id: string }>).map((t) => ({ id: t.id, intent: 'complaint_support', sentiment: -0.8 })),
});

describe('the external classifier', () => {
  let db: TestDatabase;
  let store: IngestStore;
  let workspace: Workspace;
  let channel: ChannelAccount;
  let seq = 0;

  const comment = (text: string): MessageRecord => ({
    kind: 'message',
    network: 'facebook',
    externalId: `c${++seq}`,
    threadKey: `t${seq}`,
    channel: 'comment',
    postExternalId: 'post-1',
    author: { externalId: `customer-${seq}`, name: 'Lena' },
    text,
    createdAt: new Date().toISOString(),
  });
  /** Stores comments as ingest does and makes them old enough for the relabelling to read (SETTLE_MS). */
  const ingest = async (...texts: string[]) => {
    const records = texts.map(comment);
    await store.ingest(channel.id, records);
    await db.dataSource.query(`UPDATE message SET ingested_at = now() - interval '1 second' * $1 WHERE external_id = ANY($2)`, [
      (SETTLE_MS + 1_000) / 1000,
      records.map((r) => r.externalId),
    ]);
    return Promise.all(records.map((r) => db.dataSource.getRepository(Message).findOneByOrFail({ externalId: r.externalId })));
  };
  const reload = (m: Message) => db.dataSource.getRepository(Message).findOneByOrFail({ id: m.id });
  const settings = (url: string, values: Record<string, string> = {}) => {
    const config = testConfig({ CLASSIFIER_URL: url, CLASSIFIER_TIMEOUT_MS: '400', ...values });
    return new ExternalClassifier({ ...config, CLASSIFIER_URL: url });
  };
  const options = { batch: 50, maxLagMs: 600_000 };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new IngestStore(db.dataSource);
    workspace = await makeWorkspace(db.dataSource);
    channel = await makeChannel(db.dataSource, workspace);
    // Turned on after some history: what was stored before keeps its labels.
    await ingest('Tolle Jacke!');
    await relabelNewMessages(db.dataSource, settings('http://127.0.0.1:9'), options);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('plain form: the endpoint labels new inbound messages, the reports follow, history and agent reviews stay', async () => {
    const { url, server, requests } = await endpoint((body, _req, res) => json(res, 200, complaintsOf(body)));
    try {
      const [history] = await db.dataSource.getRepository(Message).findBy({ text: 'Tolle Jacke!' });
      const [a, b, reviewed] = await ingest('Where is my parcel? Ordered two weeks ago', 'Wo bleibt meine Bestellung?', 'Gibt es noch Rabatt auf die Jacke?');
      expect(a.labelSource).toBeNull();
      const agent = await makeUser(db.dataSource, workspace);
      await db.dataSource.query(
        `INSERT INTO intent_correction (workspace_id, message_id, user_id, previous_intent, intent) VALUES ($1, $2, $3, $4, 'discount_request')`,
        [reviewed.workspaceId, reviewed.id, agent.id, reviewed.intent],
      );
      await db.dataSource.query(`DELETE FROM rollup_dirty_thread`);

      const result = await relabelNewMessages(db.dataSource, settings(url, { CLASSIFIER_API_KEY: 'sk-test-secret-1234' }), options);

      expect(result).toEqual({ relabelled: 2, keptBuiltin: 1, failedBatches: 0 });
      expect(requests).toHaveLength(1);
      expect(requests[0].authorization).toBe('Bearer sk-test-secret-1234');
      const sent = requests[0].body.texts as Array<{ id: string; text: string; language: string }>;
      expect(sent.map((t) => t.text)).toEqual([
        'Where is my parcel? Ordered two weeks ago',
        'Wo bleibt meine Bestellung?',
        'Gibt es noch Rabatt auf die Jacke?',
      ]);
      expect(sent.map((t) => t.language)).toEqual(['en', 'de', 'de']);
      for (const m of [a, b]) expect(await reload(m)).toMatchObject({ intent: 'complaint_support', labelSource: 'external' });
      expect((await reload(a)).sentiment).toBeCloseTo(-0.8);
      expect(await reload(reviewed)).toMatchObject({ intent: reviewed.intent, labelSource: null });
      expect((await reload(history)).labelSource).toBeNull();
      // The message trigger marked the relabelled threads for the rollups: the reports follow.
      const dirty = await db.dataSource.query<Array<{ thread_id: string }>>(`SELECT thread_id::text FROM rollup_dirty_thread`);
      expect(dirty.map((d) => d.thread_id).sort()).toEqual([a.threadId, b.threadId].map(String).sort());
      // Nothing new: no request.
      expect(await relabelNewMessages(db.dataSource, settings(url), options)).toEqual({ relabelled: 0, keptBuiltin: 0, failedBatches: 0 });
      expect(requests).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('openai form: asks /chat/completions with the model and reads the JSON the model wrote (also inside a code fence)', async () => {
    const { url, server, requests } = await endpoint((body, _req, res) => {
      const asked = JSON.parse((body.messages as Array<{ content: string }>)[1].content) as Record<string, unknown>;
      json(res, 200, { choices: [{ message: { role: 'assistant', content: '```json\n' + JSON.stringify(complaintsOf(asked)) + '\n```' } }] });
    });
    try {
      const [m] = await ingest('Got the wrong size, how do I exchange it?');
      const result = await relabelNewMessages(db.dataSource, settings(`${url}/v1/`, { CLASSIFIER_API: 'openai', CLASSIFIER_MODEL: 'mistral-small' }), options);
      expect(result.relabelled).toBe(1);
      expect(requests[0].path).toBe('/v1/chat/completions');
      expect(requests[0].body).toMatchObject({ model: 'mistral-small', temperature: 0, response_format: { type: 'json_object' } });
      expect(await reload(m)).toMatchObject({ intent: 'complaint_support', labelSource: 'external' });
    } finally {
      server.close();
    }
  });

  it.each([
    [
      'does not answer in time',
      (_b: Record<string, unknown>, _q: IncomingMessage, res: ServerResponse) => setTimeout(() => json(res, 200, { labels: [] }), 1_500),
      /no answer within 400 ms/,
    ],
    ['answers 503', (_b: Record<string, unknown>, _q: IncomingMessage, res: ServerResponse) => json(res, 503, { error: 'overloaded' }), /HTTP 503/],
    ['answers something else than JSON', (_b: Record<string, unknown>, _q: IncomingMessage, res: ServerResponse) => res.end('<html>'), /not JSON/],
  ])('an endpoint that %s: the batch keeps the built-in labels, and the cursor moves on', async (_case, handler, reason) => {
    const { url, server } = await endpoint(handler);
    try {
      const [m] = await ingest('Still waiting 26 days for my refund');
      const started = Date.now();
      const result = await relabelNewMessages(db.dataSource, settings(url), options);
      expect(Date.now() - started).toBeLessThan(1_400);
      expect(result).toMatchObject({ relabelled: 0, keptBuiltin: 1, failedBatches: 1 });
      expect(result.lastFailure).toMatch(reason);
      const after = await reload(m);
      expect(after).toMatchObject({ intent: m.intent, labelSource: null });
      // Passed, not retried for ever: the next run has nothing to do.
      expect(await relabelNewMessages(db.dataSource, settings(url), options)).toEqual({ relabelled: 0, keptBuiltin: 0, failedBatches: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('drops labels it did not ask for or cannot use, and leaves messages stored too long ago (the endpoint fell behind)', async () => {
    const { url, server } = await endpoint((body, _req, res) => {
      const [first, second] = body.texts as Array<{ id: string }>;
      json(res, 200, {
        labels: [
          { id: first.id, intent: 'complaint_support', sentiment: 3 },
          { id: second.id, intent: 'shopping' },
          { id: '999999999', intent: 'praise' },
        ],
      });
    });
    try {
      const [x, y] = await ingest('eins', 'zwei');
      const [old] = await ingest('drei');
      await db.dataSource.query(`UPDATE message SET ingested_at = now() - interval '2 hours' WHERE id = $1`, [old.id]);
      const result = await relabelNewMessages(db.dataSource, settings(url), options);
      expect(result).toEqual({ relabelled: 0, keptBuiltin: 3, failedBatches: 0 });
      for (const m of [x, y, old]) expect((await reload(m)).labelSource).toBeNull();
      const [state] = await cursorState.run(undefined, sqlClient(db.dataSource));
      expect(state.lastMessageId).toBe(old.id);
    } finally {
      server.close();
    }
  });
});
