import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, getJson, postJson, testSim, webhookReceiver } from './support';

/**
 * The forms facebook-nodejs-business-sdk does not send (it posts JSON): photo and video uploads as
 * multipart `source` files and as form fields, and what the webhooks say about them — feed items
 * photo and video, message echoes with a template and metadata, a tapped quick reply.
 */
describe('Facebook photo and video uploads (multipart source) and their webhooks', () => {
  let sim: RunningSim;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let graph: string;
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;

  beforeAll(async () => {
    receiver = await webhookReceiver({ verifyToken: DEMO_FACEBOOK_APP.verifyToken });
    sim = await testSim({ SIM_WEBHOOK_URL: receiver.url });
    graph = `${sim.origins.facebook}/v24.0`;
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const deliveries = async (): Promise<JsonBody[]> => {
    await sim.context.webhooks.idle();
    return receiver.received.filter((r) => r.method === 'POST').flatMap((r) => JSON.parse(r.raw.toString('utf8')).entry as JsonBody[]);
  };
  const feedChanges = async () => (await deliveries()).flatMap((e) => e.changes ?? []).map((c: JsonBody) => c.value);
  const messaging = async () => (await deliveries()).flatMap((e) => e.messaging ?? []);

  /** A 3×2 PNG: its header names the size the photo node reports. */
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000030000000208060000009d74cb5d0000000049454e44ae426082', 'hex');
  /** The first bytes of an MP4 (an ISO BMFF `ftyp` box). */
  const mp4 = Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(64)]);

  const upload = (edge: string, fields: Record<string, string>, file?: { data: Buffer; name: string; type: string }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('source', new Blob([file.data], { type: file.type }), file.name);
    return getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/${edge}?access_token=${token}`, { method: 'POST', body: form });
  };

  it('takes a photo as a multipart source file with a caption; its size is read from the file; a non-image is (#324)', async () => {
    const res = await upload('photos', { caption: 'Frisch hochgeladen' }, { data: png, name: 'farbe.png', type: 'image/png' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/), post_id: expect.stringMatching(/^\d+_\d+$/) });
    const photo = await getJson(`${graph}/${res.body.id}?fields=name,width,height,page_story_id&access_token=${token}`);
    expect(photo.body).toEqual({ name: 'Frisch hochgeladen', width: 3, height: 2, page_story_id: res.body.post_id, id: res.body.id });
    const defaults = await getJson(`${graph}/${res.body.id}?access_token=${token}`);
    expect(Object.keys(defaults.body)).toEqual(['created_time', 'name', 'id']);
    const notImage = await upload('photos', {}, { data: Buffer.from('hello'), name: 'a.txt', type: 'application/octet-stream' });
    expect(notImage.status).toBe(400);
    expect(notImage.body.error).toMatchObject({ code: 324, message: '(#324) Missing or invalid image file' });
    const changes = await feedChanges();
    expect(changes.find((v) => v.post_id === res.body.post_id)).toMatchObject({
      item: 'photo',
      verb: 'add',
      photo_id: res.body.id,
      link: expect.stringMatching(/^https:\/\/scontent/),
      published: 1,
      message: 'Frisch hochgeladen',
    });
  });

  it('takes a video as a multipart source file with form fields; a file that is no video is (#6000)', async () => {
    const res = await upload('videos', { title: 'Clip', description: 'Hinter den Kulissen' }, { data: mp4, name: 'clip.mp4', type: 'video/mp4' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const video = await getJson(`${graph}/${res.body.id}?access_token=${token}`);
    expect(video.body).toEqual({ description: 'Hinter den Kulissen', updated_time: expect.stringMatching(/\+0000$/), id: res.body.id });
    const postId = (await getJson(`${graph}/${res.body.id}?fields=post_id&access_token=${token}`)).body.post_id;
    const changes = await feedChanges();
    expect(changes.find((v) => v.post_id === postId)).toMatchObject({
      item: 'video',
      verb: 'add',
      video_id: res.body.id,
      link: expect.stringMatching(/^https:\/\/video/),
    });
    const bad = await upload('videos', {}, { data: png, name: 'x.mp4', type: 'video/mp4' });
    expect(bad.body.error).toMatchObject({ code: 6000 });
    const none = await upload('videos', { title: 'leer' });
    expect(none.body.error).toMatchObject({ code: 100 });
    // A form-encoded file_url and a scheduled time: an unpublished, scheduled video post.
    const later = await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/videos`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        access_token: token,
        file_url: 'https://example.com/v.mp4',
        published: 'false',
        scheduled_publish_time: String(Math.floor(Date.now() / 1000) + 7200),
      }),
    });
    const scheduled = await getJson(`${graph}/${later.body.id}?fields=published,scheduled_publish_time&access_token=${token}`);
    expect(scheduled.body).toMatchObject({ published: false, scheduled_publish_time: expect.any(Number) });
  });

  it('echoes a template with its payload and metadata (no text key), and delivers a tapped quick reply with its payload', async () => {
    const truth: TruthItem[] = (await postJson(`${sim.url}/_sim/generate`, { count: 120, network: 'facebook' })).body.items;
    const psid = truth.find((t) => t.kind === 'message' && !t.fromAccount)!.author!.externalId;
    const payload = { template_type: 'generic', elements: [{ title: 'Jacke', subtitle: '129 €' }] };
    const sent = await postJson(`${graph}/me/messages?access_token=${token}`, {
      recipient: { id: psid },
      message: { attachment: { type: 'template', payload }, metadata: 'm-1' },
    });
    expect(sent.status).toBe(200);
    const ask = await postJson(`${graph}/me/messages?access_token=${token}`, {
      recipient: { id: psid },
      message: { text: 'Größe?', quick_replies: [{ content_type: 'text', title: 'S', payload: 'SIZE_S' }] },
    });
    expect(ask.status).toBe(200);
    const tap = await postJson(`${sim.url}/_sim/facebook/quick-reply`, { psid });
    const events = await messaging();
    const echo = events.find((e) => e.message?.mid === sent.body.message_id);
    expect(echo.message).toEqual({
      mid: sent.body.message_id,
      is_echo: true,
      app_id: Number(DEMO_FACEBOOK_APP.appId),
      metadata: 'm-1',
      attachments: [{ type: 'template', payload }],
    });
    const inbound = events.find((e) => e.message?.mid === tap.body.mid);
    expect(inbound).toMatchObject({
      sender: { id: psid },
      recipient: { id: DEMO_FACEBOOK_PAGE.id },
      message: { text: 'S', quick_reply: { payload: 'SIZE_S' } },
    });
    const tooMany = await postJson(`${graph}/me/messages?access_token=${token}`, {
      recipient: { id: psid },
      message: { text: 'x', quick_replies: Array.from({ length: 14 }, (_, i) => ({ content_type: 'text', title: `${i}`, payload: `${i}` })) },
    });
    expect(tooMany.body.error).toMatchObject({ code: 100, message: '(#100) param message[quick_replies] must have 1 to 13 quick replies' });
    const noTitle = await postJson(`${graph}/me/messages?access_token=${token}`, {
      recipient: { id: psid },
      message: { attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ subtitle: 'ohne Titel' }] } } },
    });
    expect(noTitle.body.error).toMatchObject({ code: 100 });
  });

  it('publishes a scheduled post when its time comes on the sim clock: is_published, in the feed, announced with published 1', async () => {
    const at = Math.floor(Date.now() / 1000) + 3600;
    const created = await postJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/feed?access_token=${token}`, {
      message: 'Um drei',
      published: false,
      scheduled_publish_time: at,
    });
    const read = () => getJson(`${graph}/${created.body.id}?fields=is_published,scheduled_publish_time&access_token=${token}`);
    expect((await read()).body).toEqual({ is_published: false, scheduled_publish_time: at, id: created.body.id });
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 2 * 3600_000 });
    expect((await read()).body).toEqual({ is_published: true, id: created.body.id });
    const feed = await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/feed?fields=id&limit=100&access_token=${token}`);
    expect(feed.body.data.map((p: { id: string }) => p.id)).toContain(created.body.id);
    const scheduled = await getJson(`${graph}/${DEMO_FACEBOOK_PAGE.id}/scheduled_posts?access_token=${token}`);
    expect(scheduled.body.data).toEqual([]);
    const announced = (await feedChanges()).filter((v) => v.post_id === created.body.id).map((v) => [v.item, v.verb, v.published]);
    expect(announced).toEqual([
      ['status', 'add', 0],
      ['status', 'add', 1],
    ]);
  });
});
