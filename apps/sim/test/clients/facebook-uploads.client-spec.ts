import { DEMO_FACEBOOK_APP, DEMO_FACEBOOK_PAGE, type RunningSim } from '../../src';
import { routeGraphToSim, sdk, type Api, type GraphObject } from './facebook-sdk';
import { clientSim, getJson, postJson, received } from './support';

/**
 * Multi-step uploads through facebook-nodejs-business-sdk with only the host changed: the
 * Resumable Upload API (Application.createUpload), the chunked upload_phase form of
 * Page.createVideo, reels (Page.createVideoReel, getVideoReels) and stories (createPhotoStory,
 * createVideoStory, getStories).
 *
 * The byte-carrying steps go by plain fetch, because the SDK cannot send them: its calls take
 * params only, with no raw request body or custom header (POST /upload:… and the rupload URL take
 * the bytes as the body with `file_offset` / `offset` + `file_size` headers), and its multipart path
 * (Http.request with files) deletes the request data before sending, so a `video_file_chunk`
 * arrives empty. Its own chunked helper (AdVideo + VideoUploader) posts to /act_{id}/advideos, an
 * ad account's edge, not a page's.
 */
describe('facebook-nodejs-business-sdk: resumable and chunked uploads, reels and stories against the sim', () => {
  let sim: RunningSim;
  let unroute: () => void;
  let api: Api;
  const token = DEMO_FACEBOOK_PAGE.pageAccessToken;

  beforeAll(async () => {
    sim = await clientSim(false);
    await postJson(`${sim.url}/_sim/generate`, { count: 50, network: 'facebook' });
    unroute = routeGraphToSim(sim);
    api = sdk.FacebookAdsApi.init(token);
  });
  afterAll(async () => {
    unroute();
    await sim.close();
  });

  const page = () => new sdk.Page(DEMO_FACEBOOK_PAGE.id);
  const graph = () => `${sim.origins.facebook}/v24.0`;
  const fails = (p: Promise<unknown>) => p.catch((e: unknown) => e);
  const getNode = async (id: string, fields: string[]) => (await api.call('GET', [id], { fields: fields.join(',') })) as GraphObject;
  /** An MP4 of `size` bytes: an ISO BMFF `ftyp` box, then zeros. */
  const mp4 = (size: number) => Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(size - 24)]);
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it('uploads a file with the Resumable Upload API in two pieces and publishes it to /videos by its handle', async () => {
    const file = mp4(3000);
    const session = await new sdk.Application(DEMO_FACEBOOK_APP.appId).createUpload([], {
      file_name: 'jacke.mp4',
      file_length: file.length,
      file_type: 'video/mp4',
    });
    expect(session.id).toMatch(/^upload:[\w=-]+\?sig=\S+$/);
    const send = (offset: number, bytes: Buffer, auth = true) =>
      getJson(`${graph()}/${session.id}`, {
        method: 'POST',
        headers: { ...(auth ? { authorization: `OAuth ${token}` } : {}), file_offset: String(offset) },
        body: bytes,
      });
    // The token must be in the header, as Meta documents.
    expect((await send(0, file, false)).status).toBe(400);
    // An interrupted upload: 1000 bytes arrive; the session says where to resume.
    expect((await send(0, file.subarray(0, 1000))).body).toEqual({ id: session.id, file_offset: 1000 });
    const status = await getJson(`${graph()}/${session.id}`, { headers: { authorization: `OAuth ${token}` } });
    expect(status.body).toEqual({ id: session.id, file_offset: 1000 });
    const wrongOffset = await send(0, file.subarray(1000));
    expect(wrongOffset.status).toBe(400);
    expect(wrongOffset.body.error).toMatchObject({ code: 100, message: expect.stringContaining('offset') });
    const done = await send(1000, file.subarray(1000));
    expect(done.body).toEqual({ h: expect.stringMatching(/^2:[\w=-]+:video\/mp4:[\w-]+:e:\d+:AR[\w-]+$/) });

    const video = await page().createVideo([], { fbuploader_video_file_chunk: done.body.h, title: 'Winterjacke im Video', description: 'Per Handle' });
    expect(video.id).toMatch(/^\d+$/);
    const read = await getNode(video.id, ['title', 'description', 'post_id', 'status']);
    expect(read).toMatchObject({
      title: 'Winterjacke im Video',
      description: 'Per Handle',
      post_id: expect.stringMatching(/^\d+_\d+$/),
      status: { video_status: 'ready' },
    });
    const feed = await page().getFeed(['id', 'status_type'], { limit: 3 });
    expect(feed[0]).toMatchObject({ id: read.post_id, status_type: 'added_video' });
    // A handle is a finished upload's: an unknown one, or one naming no video, is refused.
    expect(await fails(page().createVideo([], { fbuploader_video_file_chunk: '2:bm9wZQ==:video/mp4:x:e:1:ARx' }))).toMatchObject({
      status: 400,
      response: { code: 100 },
    });
    const pdf = await new sdk.Application(DEMO_FACEBOOK_APP.appId).createUpload([], { file_name: 'a.pdf', file_length: 8, file_type: 'application/pdf' });
    const pdfDone = await getJson(`${graph()}/${pdf.id}`, {
      method: 'POST',
      headers: { authorization: `OAuth ${token}`, file_offset: '0' },
      body: Buffer.from('%PDF-1.4'),
    });
    expect(await fails(page().createVideo([], { fbuploader_video_file_chunk: pdfDone.body.h }))).toMatchObject({ status: 400, response: { code: 6000 } });
    expect(await fails(new sdk.Application(DEMO_FACEBOOK_APP.appId).createUpload([], { file_length: 8, file_type: 'text/plain' }))).toMatchObject({
      status: 400,
      response: { code: 100 },
    });
  });

  it('uploads a video in chunks: upload_phase start (SDK) → transfer (multipart) → finish (SDK) makes a video post', async () => {
    const file = mp4(1024 * 1024 + 500);
    const start = await page().createVideo([], { upload_phase: 'start', file_size: file.length });
    expect(start).toMatchObject({
      video_id: expect.stringMatching(/^\d+$/),
      start_offset: '0',
      end_offset: String(1024 * 1024),
      upload_session_id: expect.stringMatching(/^\d+$/),
    });
    const transfer = (from: number, to: number) => {
      const form = new FormData();
      form.append('upload_phase', 'transfer');
      form.append('upload_session_id', start.upload_session_id);
      form.append('start_offset', String(from));
      form.append('video_file_chunk', new Blob([file.subarray(from, to)]), 'chunk');
      return getJson(`${graph()}/${DEMO_FACEBOOK_PAGE.id}/videos?access_token=${token}`, { method: 'POST', body: form });
    };
    const early = await fails(page().createVideo([], { upload_phase: 'finish', upload_session_id: start.upload_session_id }));
    expect(early).toMatchObject({ status: 400, response: { code: 100, message: expect.stringContaining('incomplete') } });
    const first = await transfer(0, 1024 * 1024);
    expect(first.body).toEqual({ start_offset: String(1024 * 1024), end_offset: String(file.length) });
    // A chunk that does not start where the last one ended is refused.
    expect((await transfer(0, 10)).body.error).toMatchObject({ code: 100 });
    const last = await transfer(1024 * 1024, file.length);
    expect(last.body).toEqual({ start_offset: String(file.length), end_offset: String(file.length) });
    const finish = await page().createVideo([], {
      upload_phase: 'finish',
      upload_session_id: start.upload_session_id,
      title: 'In Stücken',
      description: 'Gestückelt hochgeladen',
    });
    expect(finish).toMatchObject({ success: true });
    const read = await getNode(start.video_id as string, ['title', 'description', 'post_id', 'published']);
    expect(read).toMatchObject({ title: 'In Stücken', description: 'Gestückelt hochgeladen', published: true, post_id: expect.stringMatching(/^\d+_\d+$/) });
    const post = await new sdk.PagePost(read.post_id as string).get(['message', 'status_type', 'attachments']);
    expect(post).toMatchObject({
      message: 'Gestückelt hochgeladen',
      status_type: 'added_video',
      attachments: { data: [{ type: 'video_inline', target: { id: start.video_id } }] },
    });
    // The session is used up.
    expect(await fails(page().createVideo([], { upload_phase: 'finish', upload_session_id: start.upload_session_id }))).toMatchObject({ status: 400 });
  });

  /** A reel or video story: start through the SDK, bytes to the upload_url it answered (rupload). */
  const startAndUpload = async (create: (params: object) => Promise<GraphObject>, file: Buffer) => {
    const start = await create({ upload_phase: 'start' });
    expect(start).toMatchObject({
      video_id: expect.stringMatching(/^\d+$/),
      upload_url: `${sim.origins.facebook}/video-upload/v24.0/${start.video_id as string}`,
    });
    const up = await getJson(start.upload_url as string, {
      method: 'POST',
      headers: { authorization: `OAuth ${token}`, offset: '0', file_size: String(file.length) },
      body: file,
    });
    expect(up.body).toEqual({ success: true });
    return start.video_id as string;
  };

  it('publishes a reel: start → rupload → finish PUBLISHED; the reel is a video post in the feed and in /video_reels', async () => {
    const start = await page().createVideoReel([], { upload_phase: 'start' });
    const videoId = start.video_id as string;
    expect((await getNode(videoId, ['status'])).status).toEqual({
      video_status: 'uploading',
      uploading_phase: { status: 'not_started', bytes_transferred: 0 },
      processing_phase: { status: 'not_started' },
      publishing_phase: { status: 'not_started' },
    });
    const file = mp4(2000);
    const upload = (offset: number, bytes: Buffer, headers: Record<string, string> = {}) =>
      getJson(start.upload_url as string, {
        method: 'POST',
        headers: { authorization: `OAuth ${token}`, offset: String(offset), file_size: String(file.length), ...headers },
        body: bytes,
      });
    expect((await upload(0, file.subarray(0, 800))).body).toEqual({ success: true });
    expect((await getNode(videoId, ['status'])).status).toMatchObject({
      video_status: 'uploading',
      uploading_phase: { status: 'in_progress', bytes_transferred: 800 },
    });
    // Resuming at the wrong offset is refused in rupload's own error form.
    const wrong = await upload(0, file);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ debug_info: { retriable: false, type: 'ProcessingFailedError', message: expect.stringContaining('offset') } });
    expect((await upload(800, file.subarray(800))).body).toEqual({ success: true });
    expect((await getNode(videoId, ['status'])).status).toMatchObject({
      video_status: 'upload_complete',
      uploading_phase: { status: 'complete', bytes_transferred: 2000 },
    });

    const finish = await page().createVideoReel([], {
      upload_phase: 'finish',
      video_id: videoId,
      video_state: 'PUBLISHED',
      description: 'Unser erstes Reel #winter',
    });
    expect(finish).toMatchObject({ success: true });
    const read = await getNode(videoId, ['description', 'published', 'permalink_url', 'post_id', 'status']);
    expect(read).toMatchObject({
      description: 'Unser erstes Reel #winter',
      published: true,
      permalink_url: `/reel/${videoId}/`,
      status: {
        video_status: 'ready',
        processing_phase: { status: 'complete' },
        publishing_phase: { status: 'complete', publish_status: 'published', publish_time: expect.any(Number) },
      },
    });
    expect((await page().getFeed(['id'], { limit: 3 }))[0].id).toBe(read.post_id);
    const reels = await page().getVideoReels(['id', 'description']);
    expect(reels[0]).toMatchObject({ id: videoId, description: 'Unser erstes Reel #winter' });
    expect((await received(sim, 'facebook')).find((r) => r.path.endsWith('/video_reels') && r.externalId === read.post_id)).toBeDefined();
    // A finished reel cannot finish again, and its upload URL takes no more bytes.
    expect(await fails(page().createVideoReel([], { upload_phase: 'finish', video_id: videoId }))).toMatchObject({ status: 400, response: { code: 100 } });
    expect((await upload(0, file)).status).toBe(400);
  });

  it('keeps a DRAFT reel out of the feed, schedules a SCHEDULED one, and takes a hosted file by file_url', async () => {
    const draft = await startAndUpload((p) => page().createVideoReel([], p), mp4(600));
    expect(await page().createVideoReel([], { upload_phase: 'finish', video_id: draft, video_state: 'DRAFT', description: 'Entwurf' })).toMatchObject({
      success: true,
    });
    const draftNode = await getNode(draft, ['published', 'status']);
    expect(draftNode).toMatchObject({
      published: false,
      status: { video_status: 'ready', publishing_phase: { status: 'not_started', publish_status: 'draft' } },
    });
    expect(draftNode.post_id).toBeUndefined();
    expect(Array.from(await page().getVideoReels(['id'])).map((v) => v.id)).not.toContain(draft);

    const hosted = await page().createVideoReel([], { upload_phase: 'start' });
    const pulled = await getJson(hosted.upload_url as string, {
      method: 'POST',
      headers: { authorization: `OAuth ${token}`, file_url: 'https://cdn.example/reel.mp4' },
    });
    expect(pulled.body).toEqual({ success: true });
    const noTime = await fails(page().createVideoReel([], { upload_phase: 'finish', video_id: hosted.video_id, video_state: 'SCHEDULED' }));
    expect(noTime).toMatchObject({ status: 400, response: { code: 100 } });
    const at = inAnHour();
    await page().createVideoReel([], {
      upload_phase: 'finish',
      video_id: hosted.video_id,
      video_state: 'SCHEDULED',
      scheduled_publish_time: at,
      description: 'Später',
    });
    const scheduled = await getNode(hosted.video_id as string, ['published', 'scheduled_publish_time', 'post_id', 'status']);
    expect(scheduled).toMatchObject({
      published: false,
      scheduled_publish_time: at,
      status: { publishing_phase: { publish_status: 'scheduled', publish_time: at } },
    });
    expect(Array.from(await page().getScheduledPosts(['id'])).map((p) => p.id)).toContain(scheduled.post_id);
    // Its time comes: published, in /video_reels.
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 3700_000 });
    expect(Array.from(await page().getVideoReels(['id'])).map((v) => v.id)).toContain(hosted.video_id);
    expect((await getNode(hosted.video_id as string, ['status'])).status).toMatchObject({
      publishing_phase: { status: 'complete', publish_status: 'published' },
    });
    expect(await fails(page().createVideoReel([], { upload_phase: 'finish', video_id: draft, video_state: 'LIVE' }))).toMatchObject({ status: 400 });
  });

  it('publishes photo and video stories and lists them (PUBLISHED, then ARCHIVED after a day); stories are not feed posts', async () => {
    const photo = await page().createPhoto([], { url: 'https://example.com/story.jpg', published: false });
    const photoStory = await page().createPhotoStory([], { photo_id: photo.id });
    expect(photoStory).toMatchObject({ success: true, post_id: expect.stringMatching(/^\d+$/) });
    // A photo goes into one story or post only.
    expect(await fails(page().createPhotoStory([], { photo_id: photo.id }))).toMatchObject({ status: 400, response: { code: 100 } });
    expect(await fails(page().createFeed([], { message: 'x', attached_media: [{ media_fbid: photo.id }] }))).toMatchObject({ status: 400 });
    const published = await page().createPhoto([], { url: 'https://example.com/posted.jpg' });
    expect(await fails(page().createPhotoStory([], { photo_id: published.id }))).toMatchObject({ status: 400, response: { code: 100 } });

    const videoId = await startAndUpload((p) => page().createVideoStory([], p), mp4(900));
    const videoStory = await page().createVideoStory([], { upload_phase: 'finish', video_id: videoId });
    expect(videoStory).toMatchObject({ success: true, post_id: expect.stringMatching(/^\d+$/) });

    const stories = Array.from(await page().getStories([]));
    const keys = ['post_id', 'status', 'creation_time', 'media_type', 'media_id', 'url'];
    expect(stories.slice(0, 2).map((s) => Object.fromEntries(keys.map((k) => [k, s[k]])))).toEqual([
      {
        post_id: videoStory.post_id,
        status: 'PUBLISHED',
        creation_time: expect.stringMatching(/^\d+$/),
        media_type: 'video',
        media_id: videoId,
        url: expect.stringMatching(/^https:\/\/www\.facebook\.com\/stories\//),
      },
      expect.objectContaining({ post_id: photoStory.post_id, media_type: 'photo', media_id: photo.id, status: 'PUBLISHED' }),
    ]);
    expect((await page().getFeed(['id'], { limit: 1 }))[0].id).toBe(published.post_id);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 25 * 3600_000 });
    expect(Array.from(await page().getStories([], { status: 'ARCHIVED' })).map((s) => s.post_id)).toEqual(
      expect.arrayContaining([photoStory.post_id, videoStory.post_id]),
    );
    expect(Array.from(await page().getStories([], { status: 'PUBLISHED' }))).toEqual([]);
    expect(await fails(page().getStories([], { status: 'GONE' }))).toMatchObject({ status: 400 });
  });
});
