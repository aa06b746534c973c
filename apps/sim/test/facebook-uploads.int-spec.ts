import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim } from '../src';
import { type JsonBody, getJson, postJson, testSim, webhookReceiver } from './support';

/**
 * Multi-step uploads as Meta's curl samples send them (query parameters, form bodies, bytes with
 * curl's default form content type), on the sim's shared origin too, and what the webhooks say:
 * a published reel is a feed item video like any video post (a scheduled one when its time
 * comes), a draft reel and stories send none. The SDK's forms are in
 * clients/facebook-uploads.client-spec.ts.
 */
describe('Facebook resumable and chunked uploads, reels and stories: request forms and webhooks', () => {
  let sim: RunningSim;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;
  const page = DEMO_FACEBOOK_PAGE.id;
  /** An MP4 of `size` bytes: an ISO BMFF `ftyp` box, then zeros. */
  const mp4 = (size: number) => Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(size - 24)]);

  beforeAll(async () => {
    receiver = await webhookReceiver({ verifyToken: DEMO_FACEBOOK_APP.verifyToken });
    sim = await testSim({ SIM_WEBHOOK_URL: receiver.url });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  const feedChanges = async (): Promise<JsonBody[]> => {
    await sim.context.webhooks.idle();
    return receiver.received
      .filter((r) => r.method === 'POST')
      .flatMap((r) => JSON.parse(r.raw.toString('utf8')).entry as JsonBody[])
      .flatMap((e) => e.changes ?? [])
      .map((c: JsonBody) => c.value);
  };
  /** curl --data-binary: the bytes as the body, with curl's default content type. */
  const bytes = (url: string, headers: Record<string, string>, body: Buffer) =>
    getJson(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `OAuth ${token}`, ...headers }, body });
  const form = (url: string, fields: Record<string, string>) =>
    getJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: token, ...fields }),
    });

  it('takes the Resumable Upload API in its curl form (query parameters, bytes as the body) and refuses a token in the query', async () => {
    const graph = `${sim.origins.facebook}/v24.0`;
    const file = mp4(500);
    const start = await getJson(
      `${graph}/${DEMO_FACEBOOK_APP.appId}/uploads?file_name=clip.mp4&file_length=${file.length}&file_type=video/mp4&access_token=${token}`,
      {
        method: 'POST',
      },
    );
    expect(start.body).toEqual({ id: expect.stringMatching(/^upload:/) });
    const inQuery = await getJson(`${graph}/${start.body.id}&access_token=${token}`, { method: 'POST', headers: { file_offset: '0' }, body: file });
    expect(inQuery.body.error).toMatchObject({ code: 100, message: expect.stringContaining('Authorization header') });
    expect((await bytes(`${graph}/${start.body.id}`, {}, file)).body.error).toMatchObject({ code: 100, message: expect.stringContaining('file_offset') });
    const done = await bytes(`${graph}/${start.body.id}`, { file_offset: '0' }, file);
    expect(done.body).toEqual({ h: expect.stringMatching(/^2:/) });
    // Sent again, the finished session answers its handle again.
    expect((await bytes(`${graph}/${start.body.id}`, { file_offset: '0' }, file)).body).toEqual(done.body);
    // Another app's id, or a session id nobody started, is not found.
    expect((await getJson(`${graph}/999/uploads?file_length=5&file_type=video/mp4&access_token=${token}`, { method: 'POST' })).body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
    expect((await bytes(`${graph}/upload:bm9uZQ==`, { file_offset: '0' }, file)).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    const video = await form(`${graph}/${page}/videos`, { fbuploader_video_file_chunk: done.body.h, description: 'Per Handle' });
    expect(video.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const postId = (await getJson(`${graph}/${video.body.id}?fields=post_id&access_token=${token}`)).body.post_id;
    expect((await feedChanges()).find((v) => v.post_id === postId)).toMatchObject({ item: 'video', verb: 'add', video_id: video.body.id, published: 1 });
  });

  it('serves a reel on the shared origin, its upload_url there too; a published reel announces itself as a feed video, a draft does not', async () => {
    const graph = `${sim.url}/facebook/v24.0`;
    const start = await form(`${graph}/${page}/video_reels`, { upload_phase: 'start' });
    expect(start.body.upload_url).toBe(`${sim.url}/facebook/video-upload/v24.0/${start.body.video_id}`);
    const file = mp4(400);
    expect((await bytes(start.body.upload_url, { offset: '0', file_size: String(file.length) }, file)).body).toEqual({ success: true });
    // A token that may not publish (none at all here) is refused by rupload.
    const anon = await getJson(start.body.upload_url, { method: 'POST', headers: { offset: '0', file_size: '1' }, body: Buffer.from('x') });
    expect(anon.status).toBe(400);
    const notVideo = await form(`${graph}/${page}/video_reels`, { upload_phase: 'start' });
    await bytes(notVideo.body.upload_url, { offset: '0', file_size: '5' }, Buffer.from('hello'));
    expect((await form(`${graph}/${page}/video_reels`, { upload_phase: 'finish', video_id: notVideo.body.video_id })).body.error).toMatchObject({ code: 6000 });
    // Meta's sample app (fbsamples/reels_publishing_apis) also sends allow_video_remixing: accepted.
    const finish = await form(`${graph}/${page}/video_reels`, {
      upload_phase: 'finish',
      video_id: start.body.video_id,
      video_state: 'PUBLISHED',
      description: 'Reel per Formular',
      allow_video_remixing: 'false',
    });
    expect(finish.body).toEqual({ success: true });
    const postId = (await getJson(`${graph}/${start.body.video_id}?fields=post_id&access_token=${token}`)).body.post_id;
    expect((await feedChanges()).find((v) => v.post_id === postId)).toMatchObject({
      item: 'video',
      verb: 'add',
      video_id: start.body.video_id,
      published: 1,
      message: 'Reel per Formular',
    });

    const draft = await form(`${graph}/${page}/video_reels`, { upload_phase: 'start' });
    await bytes(draft.body.upload_url, { offset: '0', file_size: String(file.length) }, file);
    await form(`${graph}/${page}/video_reels`, { upload_phase: 'finish', video_id: draft.body.video_id, video_state: 'DRAFT' });
    expect((await feedChanges()).filter((v) => v.video_id === draft.body.video_id)).toEqual([]);
    // A reel started on one edge does not finish as a story.
    expect((await form(`${graph}/${page}/video_stories`, { upload_phase: 'finish', video_id: start.body.video_id })).body.error).toMatchObject({ code: 100 });
  });

  it('announces a scheduled reel unpublished, then published when its time comes; stories send no feed webhook', async () => {
    const graph = `${sim.origins.facebook}/v24.0`;
    const before = (await feedChanges()).length;
    const start = await form(`${graph}/${page}/video_reels`, { upload_phase: 'start' });
    await getJson(start.body.upload_url, { method: 'POST', headers: { authorization: `OAuth ${token}`, file_url: 'https://cdn.example/r.mp4' } });
    const at = Math.floor(Date.now() / 1000) + 1800;
    const finish = await form(`${graph}/${page}/video_reels`, {
      upload_phase: 'finish',
      video_id: start.body.video_id,
      video_state: 'SCHEDULED',
      scheduled_publish_time: String(at),
    });
    expect(finish.body).toEqual({ success: true });
    const story = await form(`${graph}/${page}/video_stories`, { upload_phase: 'start' });
    await getJson(story.body.upload_url, { method: 'POST', headers: { authorization: `OAuth ${token}`, file_url: 'https://cdn.example/s.mp4' } });
    expect((await form(`${graph}/${page}/video_stories`, { upload_phase: 'finish', video_id: story.body.video_id })).body).toEqual({
      success: true,
      post_id: expect.stringMatching(/^\d+$/),
    });
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 1900_000 });
    await getJson(`${graph}/me?access_token=${token}`);
    const changes = (await feedChanges()).slice(before);
    expect(changes.map((v) => [v.item, v.verb, v.video_id, v.published])).toEqual([
      ['video', 'add', start.body.video_id, 0],
      ['video', 'add', start.body.video_id, 1],
    ]);
  });
});
