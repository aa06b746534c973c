import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { getJson, postJson, testSim } from './support';

/**
 * Documented parameters of routes the product already calls, found walking the Graph reference:
 * hiding a page post (is_hidden) and reading hidden ones (include_hidden), the conversations
 * `folder`, the comments `live_filter`, the Send API `notification_type`, and a comment's photo
 * uploaded as a multipart `source` file with the token as a form part.
 */
describe('Facebook: further documented parameters of the served routes', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let graph: string;
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;

  beforeAll(async () => {
    sim = await testSim();
    graph = `${sim.origins.facebook}/v24.0`;
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'facebook' })).body.items;
  });
  afterAll(() => sim.close());

  const feedIds = async (extra = '') =>
    (await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/feed?fields=id,is_hidden&limit=100${extra}&access_token=${token}`)).body.data.map(
      (p: { id: string }) => p.id,
    );

  it('hides a post from the timeline (is_hidden): out of /feed unless include_hidden=true, is_hidden true; shown again', async () => {
    const post = truth.find((t) => t.kind === 'post')!.externalId;
    const hide = await postJson(`${graph}/${post}?access_token=${token}`, { is_hidden: true });
    expect(hide.body).toEqual({ success: true });
    expect(await feedIds()).not.toContain(post);
    expect(await feedIds('&include_hidden=true')).toContain(post);
    expect((await getJson(`${graph}/${post}?fields=is_hidden&access_token=${token}`)).body).toEqual({ is_hidden: true, id: post });
    await postJson(`${graph}/${post}?access_token=${token}`, { is_hidden: 'false' });
    expect(await feedIds()).toContain(post);
    const bad = await postJson(`${graph}/${post}?access_token=${token}`, { is_hidden: 'maybe' });
    expect(bad.body.error).toMatchObject({ code: 100 });
  });

  it('lists conversations by folder (all in the inbox) and refuses an unknown folder', async () => {
    const list = async (folder: string) => getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/conversations?folder=${folder}&limit=100&access_token=${token}`);
    const inbox = await list('inbox');
    expect(inbox.body.data.length).toBe(new Set(truth.filter((t) => t.kind === 'message').map((t) => t.threadExternalId)).size);
    expect((await list('spam')).body.data).toEqual([]);
    expect((await list('archive')).body.error).toMatchObject({ code: 100 });
  });

  it('takes live_filter on /comments (both values list every comment) and refuses other values', async () => {
    const post = truth.find((t) => t.kind === 'comment')!.postExternalId!;
    const plain = await getJson(`${graph}/${post}/comments?access_token=${token}`);
    const filtered = await getJson(`${graph}/${post}/comments?live_filter=filter_low_quality&access_token=${token}`);
    expect(filtered.body.data).toEqual(plain.body.data);
    expect((await getJson(`${graph}/${post}/comments?live_filter=all&access_token=${token}`)).body.error).toMatchObject({ code: 100 });
  });

  it('takes notification_type on the Send API and records it; other values are (#100)', async () => {
    const psid = truth.find((t) => t.kind === 'message' && !t.fromAccount)!.author!.externalId;
    const send = (notification_type: string) =>
      postJson(`${graph}/me/messages?access_token=${token}`, { recipient: { id: psid }, message: { text: 'Leise' }, notification_type });
    const ok = await send('SILENT_PUSH');
    expect(ok.body).toMatchObject({ recipient_id: psid, message_id: expect.any(String) });
    const items = (await getJson(`${sim.url}/_sim/received?network=facebook`)).body.items;
    expect(items.find((r: { externalId: string }) => r.externalId === ok.body.message_id).body).toMatchObject({ notification_type: 'SILENT_PUSH' });
    expect((await send('LOUD')).body.error).toMatchObject({ code: 100 });
  });

  it('takes a comment photo as a multipart source file, the token a form part too', async () => {
    const comment = truth.find((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId === null)!.externalId;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = new FormData();
    form.append('access_token', token);
    form.append('message', 'So sieht sie aus');
    form.append('source', new Blob([png], { type: 'image/png' }), 'jacke.png');
    const res = await getJson(`${graph}/${comment}/comments`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const reply = await getJson(`${graph}/${res.body.id}?fields=message,attachment&access_token=${token}`);
    expect(reply.body).toMatchObject({
      message: 'So sieht sie aus',
      attachment: { type: 'photo', media: { image: { src: expect.stringMatching(/^https:\/\//) } } },
    });
  });
});
