import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { fixture, getJson, postJson, shapeMismatches, testSim } from './support';

const token = DEMO_FACEBOOK_PAGE.pageAccessToken;

/**
 * Documented Graph forms beyond the product's own calls: several nodes by ?ids=, photo comments
 * and image messages in the recorded shapes, Send API attachments and sender actions.
 */
describe('Facebook: further documented read and write forms', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let graph: string;

  beforeAll(async () => {
    sim = await testSim();
    graph = `${sim.origins.facebook}/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'facebook' })).body.items;
  });
  afterAll(() => sim.close());

  const customerComments = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount);

  it('GET /?ids=a,b answers the nodes keyed by id; an unknown id fails the request with #803', async () => {
    const [a, b] = customerComments();
    const both = await getJson(`${graph}/?ids=${a.externalId},${b.externalId}&fields=id,message&access_token=${token}`);
    expect(both.status).toBe(200);
    expect(both.body).toEqual({ [a.externalId]: { id: a.externalId, message: a.text }, [b.externalId]: { id: b.externalId, message: b.text } });
    const repeated = await getJson(`${graph}/?ids=${a.externalId}&ids=${b.externalId}&fields=id,message&access_token=${token}`);
    expect(repeated.body).toEqual(both.body);
    const missing = await getJson(`${graph}/?ids=${a.externalId},123_456&access_token=${token}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 803, message: '(#803) Some of the aliases you requested do not exist: 123_456' });
  });

  it('photo comments carry `attachment` and image messages `attachments`, in the recorded shapes', async () => {
    const photos: unknown[] = [];
    // About one customer item in six carries an image (chosen from its id; the seed is fixed).
    const sample = customerComments().slice(0, 60);
    for (const c of sample) {
      const res = await getJson(
        `${graph}/${c.externalId}?fields=created_time,can_like,from,message,attachment,like_count,permalink_url,id,comment_count,can_comment&access_token=${token}`,
      );
      if (res.body.attachment) photos.push(res.body);
    }
    expect(photos.length).toBeGreaterThan(sample.length / 12);
    expect(shapeMismatches(fixture('comment-single-with-attachment.json'), photos[0])).toEqual([]);
    const inbound = truth.filter((t) => t.kind === 'message' && !t.fromAccount).slice(0, 40);
    const images: unknown[] = [];
    for (const m of inbound) {
      const res = await getJson(`${graph}/${m.externalId}?fields=id,created_time,from,to,tags,attachments&access_token=${token}`);
      if (res.body.attachments) images.push(res.body);
    }
    expect(images.length).toBeGreaterThan(0);
    expect(shapeMismatches(fixture('message-single-with-attachment.json'), images[0], ['$.attachments.paging.next'])).toEqual([]);
  });

  it('the Send API takes an attachment instead of text, and sender actions', async () => {
    const customer = truth.find((t) => t.kind === 'message' && !t.fromAccount)!.author!.externalId;
    const send = (body: Record<string, unknown>) =>
      postJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/messages?access_token=${token}`, { recipient: { id: customer }, messaging_type: 'RESPONSE', ...body });
    const image = await send({ message: { attachment: { type: 'image', payload: { url: 'https://example.com/katalog.jpg', is_reusable: true } } } });
    expect(image.status).toBe(200);
    expect(image.body).toEqual({ recipient_id: customer, message_id: expect.any(String) });
    const received = (await getJson(`${sim.url}/_sim/received?network=facebook`)).body.items;
    expect(received[received.length - 1]).toMatchObject({ kind: 'private_message', body: { message: { attachment: { type: 'image' } } } });
    expect((await send({ message: { attachment: { type: 'sticker', payload: {} } } })).body.error).toMatchObject({ code: 100 });
    expect((await send({ message: { text: 'both', attachment: { type: 'image', payload: { url: 'https://example.com/a.jpg' } } } })).body.error).toMatchObject({
      code: 100,
    });
    const typing = await postJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/messages?access_token=${token}`, {
      recipient: { id: customer },
      sender_action: 'typing_on',
    });
    expect(typing.body).toEqual({ recipient_id: customer });
  });
});
