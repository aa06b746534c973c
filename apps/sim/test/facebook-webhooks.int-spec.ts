import { createHmac } from 'node:crypto';
import { DEMO_FACEBOOK_APP, type RunningSim } from '../src';
import { type JsonBody, fixture, postJson, shapeMismatches, testSim, waitFor, webhookReceiver } from './support';

const sign = (raw: Buffer) => `sha256=${createHmac('sha256', DEMO_FACEBOOK_APP.appSecret).update(raw).digest('hex')}`;

/** The restfb fixture has numeric ids; Facebook documents (and sends) them as strings. */
const stringIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value), (key, v) => (key === 'id' && typeof v === 'number' ? String(v) : v));

describe('Facebook webhook deliveries', () => {
  let sim: RunningSim;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let failNext = 0;

  beforeEach(async () => {
    failNext = 0;
    receiver = await webhookReceiver({ status: () => (failNext-- > 0 ? 500 : 200), verifyToken: DEMO_FACEBOOK_APP.verifyToken });
    sim = await testSim({ SIM_WEBHOOK_URL: receiver.url, SIM_WEBHOOK_RETRY_DELAYS_MS: '50,50,50' });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  const bodies = () => receiver.received.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.raw.toString('utf8')));

  it('are signed with X-Hub-Signature-256 over the exact, Facebook-escaped body', async () => {
    await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'facebook' });
    await sim.context.webhooks.idle();
    const posts = receiver.received.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    for (const r of posts) {
      expect(r.url).toBe('/api/webhooks/facebook');
      expect(r.headers['x-hub-signature-256']).toBe(sign(r.raw));
      // Escaped like Facebook: pure ASCII on the wire, "/" written as "\/".
      expect([...r.raw].every((b) => b < 0x80)).toBe(true);
      expect(r.raw.toString('utf8')).not.toMatch(/[^\\]\//);
    }
    const all = posts.map((r) => r.raw.toString('utf8')).join('');
    expect(all).toMatch(/\\u00[0-9a-f]{2}/); // German umlauts arrive as \u00fc etc.
    // The ground-truth label never leaks into a payload.
    expect(all).not.toMatch(/intent|purchase_intent|complaint_support|discount_request/);
  });

  it('carry feed comment changes and Messenger messages in the shape of the real deliveries', async () => {
    const truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'facebook' })).body.items;
    await sim.context.webhooks.idle();
    // One delivery batches several entries (as Facebook does); compare each comment entry on its own.
    const feed = bodies().flatMap((b) =>
      b.entry.filter((e: JsonBody) => e.changes?.[0]?.value?.item === 'comment').map((e: JsonBody) => ({ object: b.object, entry: [e] })),
    );
    const messaging = bodies().filter((b) => b.entry[0].messaging && !b.entry[0].messaging[0].message.is_echo);
    expect(feed.length).toBeGreaterThan(0);
    expect(messaging.length).toBeGreaterThan(0);
    for (const b of feed) expect(shapeMismatches(fixture('webhook-feed-comment-add-v2.11.json'), b)).toEqual([]);
    // Not sent by the sim: `seq` (dropped by Facebook in 2017) and `reply_to` (only on replies to a message).
    const ignore = ['$.entry[].messaging[].message.seq', '$.entry[].messaging[].message.reply_to'];
    for (const b of messaging) expect(shapeMismatches(stringIds(fixture('webhook-messenger-message-reply.json')), b, ignore)).toEqual([]);
    // Every generated comment and message was announced, once.
    const announced = new Set<string>();
    for (const b of bodies()) {
      for (const e of b.entry) {
        for (const c of e.changes ?? []) if (c.value.comment_id) announced.add(c.value.comment_id);
        for (const m of e.messaging ?? []) announced.add(m.message.mid);
      }
    }
    const expected = truth.filter((t: { kind: string }) => t.kind !== 'post').map((t: { externalId: string }) => t.externalId);
    expect(expected.every((id: string) => announced.has(id))).toBe(true);
  });

  it('retry when the receiver fails, and send duplicates and reordered deliveries when told to', async () => {
    failNext = 2;
    await postJson(`${sim.url}/_sim/generate`, { count: 1, network: 'facebook' });
    await waitFor(() => sim.context.webhooks.deliveries().every((d) => d.state === 'delivered'));
    const [first] = sim.context.webhooks.deliveries();
    expect(first.attempts.map((a) => a.status)).toEqual([500, 500, 200]);

    receiver.received.length = 0;
    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'webhook_duplicates' });
    await postJson(`${sim.url}/_sim/generate`, { count: 1, network: 'facebook' });
    await waitFor(() => receiver.received.length === 2);
    expect(receiver.received[0].raw.equals(receiver.received[1].raw)).toBe(true);
    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'webhook_duplicates', enabled: false });

    receiver.received.length = 0;
    await postJson(`${sim.url}/_sim/faults`, { network: 'facebook', kind: 'webhook_reorder' });
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) sent.push((await postJson(`${sim.url}/_sim/generate`, { count: 1, network: 'facebook' })).body.items[0].externalId);
    await waitFor(() => receiver.received.length === 4);
    const order = bodies().map(
      (b) => b.entry[0].changes?.[0]?.value?.comment_id ?? b.entry[0].changes?.[0]?.value?.post_id ?? b.entry[0].messaging?.[0]?.message?.mid,
    );
    expect(new Set(order)).toEqual(new Set(sent));
    expect(order).not.toEqual(sent);
  });

  it('can perform the GET verification handshake against the receiver', async () => {
    const res = await postJson(`${sim.url}/_sim/facebook/verify-webhook`, {});
    expect(res.body).toMatchObject({ status: 200, verified: true });
    const wrong = await postJson(`${sim.url}/_sim/facebook/verify-webhook`, { verifyToken: 'nope' });
    expect(wrong.body).toMatchObject({ status: 403, verified: false });
  });
});
