import { Readable } from 'node:stream';
import { auth, youtube, type youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, DEMO_YOUTUBE_CLIENT, type RunningSim, type TruthItem } from '../../src';
import { clientSim, getJson, postJson, received } from './support';

const transport = { fetchImplementation: fetch };
/** A few bytes that stand for a video (the sim keeps only size and type). */
const VIDEO = Buffer.from('\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'.repeat(64), 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/**
 * The channel's videos through @googleapis/youtube with only rootUrl changed: videos.insert (the
 * client sends multipart/related to /upload/youtube/v3/videos with requestBody and media, the bytes
 * alone with uploadType=media without requestBody), videos.update, videos.delete, thumbnails.set,
 * videos.reportAbuse and videoAbuseReportReasons.list, and the quota buckets they are charged to.
 */
describe('@googleapis/youtube: uploads and video writes against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 120, network: 'youtube' })).body.items;
    const client = new auth.OAuth2({ clientId: DEMO_YOUTUBE_CLIENT.clientId, clientSecret: DEMO_YOUTUBE_CLIENT.clientSecret, transporterOptions: transport });
    client.setCredentials({ access_token: DEMO_YOUTUBE_CHANNEL.accessToken, expiry_date: Date.now() + 3_600_000 });
    yt = youtube({ version: 'v3', rootUrl: `${sim.origins.youtube}/`, auth: client, ...transport });
  });
  afterAll(() => sim.close());

  /**
   * @googleapis/youtube builds an upload's URL (mediaUrl) from the rootUrl of the call's own
   * options, not the service's: uploads take `{ rootUrl }` as their second argument.
   */
  const here = () => ({ rootUrl: `${sim.origins.youtube}/` });
  const quota = async () => (await getJson(`${sim.url}/_sim/youtube/quota`)).body;
  const failure = (e: unknown) => (e as { status: number; response: { data: { error: { errors: Array<{ reason: string }> } } } }).response.data.error;

  it('uploads a video with metadata (multipart): the answer, the uploads playlist and the quota buckets', async () => {
    const before = await quota();
    const res = await yt.videos.insert(
      {
        part: ['snippet', 'status', 'fileDetails', 'processingDetails'],
        requestBody: {
          snippet: { title: 'Neue Kollektion', description: 'Alle Farben im Überblick', tags: ['mode', 'herbst'], categoryId: '26' },
          status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false },
        },
        media: { mimeType: 'video/mp4', body: Readable.from([VIDEO]) },
      },
      here(),
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      kind: 'youtube#video',
      id: expect.stringMatching(/^[\w-]{11}$/),
      snippet: {
        title: 'Neue Kollektion',
        description: 'Alle Farben im Überblick',
        tags: ['mode', 'herbst'],
        categoryId: '26',
        channelId: DEMO_YOUTUBE_CHANNEL.id,
      },
      status: { uploadStatus: 'uploaded', privacyStatus: 'unlisted', license: 'youtube', embeddable: true },
      processingDetails: { processingStatus: 'processing' },
    });
    const id = res.data.id!;
    const read = await yt.videos.list({ part: ['status', 'fileDetails', 'processingDetails'], id: [id] });
    expect(read.data.items![0]).toMatchObject({
      status: { uploadStatus: 'processed', privacyStatus: 'unlisted' },
      fileDetails: { fileSize: String(VIDEO.length), fileType: 'video' },
      processingDetails: { processingStatus: 'succeeded' },
    });
    const uploads = `UU${DEMO_YOUTUBE_CHANNEL.id.slice(2)}`;
    const newest = await yt.playlistItems.list({ part: ['contentDetails'], playlistId: uploads, maxResults: 1 });
    expect(newest.data.items![0].contentDetails!.videoId).toBe(id);
    // videos.insert takes 1 from its own bucket; the list calls 1 unit each from the shared one.
    const after = await quota();
    expect(after.buckets.upload.used).toBe(before.buckets.upload.used + 1);
    expect(after.used).toBe(before.used + 2);
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'post_publish').map((r) => [r.externalId, r.text])).toEqual([[id, 'Neue Kollektion']]);
    expect((await getJson(`${sim.url}/_sim/truth?network=youtube`)).body.items.some((t: TruthItem) => t.externalId === id && t.kind === 'post')).toBe(true);
  });

  it('uploads the bytes alone (uploadType=media) with the default metadata, and refuses what is no video', async () => {
    const res = await yt.videos.insert({ part: ['snippet', 'status'], media: { mimeType: 'video/webm', body: Readable.from([VIDEO]) } }, here());
    expect(res.data).toMatchObject({ snippet: { title: 'unknown', categoryId: '22' }, status: { privacyStatus: 'public' } });
    const text = await yt.videos
      .insert({ part: ['snippet'], media: { mimeType: 'text/plain', body: Readable.from([VIDEO]) } }, here())
      .catch((e: unknown) => e);
    expect(text).toMatchObject({ status: 400 });
    expect(failure(text).errors[0].reason).toBe('badContent');
    const badCategory = await yt.videos
      .insert(
        { part: ['snippet'], requestBody: { snippet: { title: 'x', categoryId: '999' } }, media: { mimeType: 'video/mp4', body: Readable.from([VIDEO]) } },
        here(),
      )
      .catch((e: unknown) => e);
    expect(failure(badCategory).errors[0]).toMatchObject({ reason: 'invalidCategoryId', domain: 'youtube.video', location: 'body.snippet.categoryId' });
  });

  it('updates snippet and status (unnamed properties go back to their defaults) and needs title and categoryId', async () => {
    const video = truth.find((t) => t.kind === 'post')!;
    const updated = await yt.videos.update({
      part: ['snippet', 'status'],
      requestBody: { id: video.externalId, snippet: { title: 'Neuer Titel', categoryId: '27', tags: ['faq'] }, status: { privacyStatus: 'private' } },
    });
    expect(updated.data).toMatchObject({
      id: video.externalId,
      snippet: { title: 'Neuer Titel', description: '', categoryId: '27', tags: ['faq'] },
      status: { privacyStatus: 'private', embeddable: true },
    });
    const read = await yt.videos.list({ part: ['snippet', 'status'], id: [video.externalId] });
    expect(read.data.items![0]).toMatchObject({ snippet: { title: 'Neuer Titel' }, status: { privacyStatus: 'private' } });
    const noCategory = await yt.videos
      .update({ part: ['snippet'], requestBody: { id: video.externalId, snippet: { title: 'Ohne Kategorie' } } })
      .catch((e: unknown) => e);
    expect(failure(noCategory).errors[0].reason).toBe('invalidCategoryId');
    const noTitle = await yt.videos
      .update({ part: ['snippet'], requestBody: { id: video.externalId, snippet: { categoryId: '22' } } })
      .catch((e: unknown) => e);
    expect(failure(noTitle).errors[0].reason).toBe('invalidTitle');
    const past = await yt.videos
      .update({ part: ['status'], requestBody: { id: video.externalId, status: { privacyStatus: 'private', publishAt: '2001-01-01T00:00:00Z' } } })
      .catch((e: unknown) => e);
    expect(failure(past).errors[0].reason).toBe('invalidPublishAt');
    const missing = await yt.videos
      .update({ part: ['snippet'], requestBody: { id: 'noSuchVideo', snippet: { title: 't', categoryId: '22' } } })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404 });
    expect(failure(missing).errors[0].reason).toBe('videoNotFound');
  });

  it('sets a custom thumbnail (larger sizes appear) and refuses what is no image', async () => {
    const video = truth.filter((t) => t.kind === 'post')[1];
    const res = await yt.thumbnails.set({ videoId: video.externalId, media: { mimeType: 'image/png', body: Readable.from([PNG]) } }, here());
    expect(res.data).toMatchObject({ kind: 'youtube#thumbnailSetResponse', items: [{ maxres: { width: 1280, height: 720 }, default: { width: 120 } }] });
    const read = await yt.videos.list({ part: ['snippet'], id: [video.externalId] });
    expect(read.data.items![0].snippet!.thumbnails!.maxres!.url).toBe(res.data.items![0].maxres!.url);
    const bad = await yt.thumbnails
      .set({ videoId: video.externalId, media: { mimeType: 'image/png', body: Readable.from([VIDEO]) } }, here())
      .catch((e: unknown) => e);
    expect(failure(bad).errors[0].reason).toBe('invalidImage');
  });

  it('lists the abuse report reasons (English by default, German with hl) and reports a video with one', async () => {
    const reasons = await yt.videoAbuseReportReasons.list({ part: ['id', 'snippet'] });
    expect(reasons.data.kind).toBe('youtube#videoAbuseReportReasonListResponse');
    const spam = reasons.data.items!.find((r) => r.id === 'S')!;
    expect(spam.snippet).toMatchObject({ label: 'Spam or misleading', secondaryReasons: expect.arrayContaining([{ id: '31', label: 'Scams / fraud' }]) });
    const german = await yt.videoAbuseReportReasons.list({ part: ['snippet'], hl: 'de_DE' });
    expect(german.data.items!.find((r) => r.id === 'S')!.snippet!.label).toBe('Spam oder irreführende Inhalte');
    const video = truth.filter((t) => t.kind === 'post').at(-1)!;
    const res = await yt.videos.reportAbuse({
      requestBody: { videoId: video.externalId, reasonId: 'S', secondaryReasonId: '31', comments: 'Fake-Gewinnspiel' },
    });
    expect(res.status).toBe(204);
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'video_report').map((r) => r.targetId)).toEqual([video.externalId]);
    const wrongPair = await yt.videos
      .reportAbuse({ requestBody: { videoId: video.externalId, reasonId: 'V', secondaryReasonId: '31' } })
      .catch((e: unknown) => e);
    expect(failure(wrongPair).errors[0].reason).toBe('invalidAbuseReason');
  });

  it('deletes a video: gone from videos.list with its comment threads', async () => {
    const video = truth.find((t) => t.kind === 'comment' && t.postExternalId !== null)!.postExternalId!;
    expect((await yt.commentThreads.list({ part: ['id'], videoId: video })).data.items!.length).toBeGreaterThan(0);
    const res = await yt.videos.delete({ id: video });
    expect(res.status).toBe(204);
    expect((await yt.videos.list({ part: ['id'], id: [video] })).data.items).toEqual([]);
    const threads = await yt.commentThreads.list({ part: ['id'], videoId: video }).catch((e: unknown) => e);
    expect(failure(threads).errors[0].reason).toBe('videoNotFound');
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'post_delete').map((r) => r.targetId)).toEqual([video]);
    const again = await yt.videos.delete({ id: video }).catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 404 });
  });

  it('charges search.list to its own bucket of 100 calls a day, and refuses the call when that bucket is spent', async () => {
    const before = await quota();
    await yt.search.list({ part: ['snippet'], forMine: true, type: ['video'] });
    const after = await quota();
    expect(after.buckets.search.used).toBe(before.buckets.search.used + 1);
    expect(after.used).toBe(before.used);
    await postJson(`${sim.url}/_sim/youtube/quota`, { bucket: 'search', used: 100 });
    const spent = await yt.search.list({ part: ['snippet'], forMine: true, type: ['video'] }).catch((e: unknown) => e);
    expect(failure(spent).errors[0].reason).toBe('quotaExceeded');
    // The other buckets are untouched.
    expect((await yt.videos.list({ part: ['id'], id: ['x'] })).status).toBe(200);
    await postJson(`${sim.url}/_sim/youtube/quota`, { bucket: 'search', used: 0 });
  });
});
