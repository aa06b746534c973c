import { Readable } from 'node:stream';
import type { youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, type RunningSim, type TruthItem } from '../../src';
import { getJson, postJson, received } from './support';
import { reason, youtubeSim } from './youtube-client';

/** A few bytes that stand for a video (the sim keeps only size and type). */
const VIDEO = Buffer.from('\x00\x00\x00\x18ftypmp42'.repeat(32), 'latin1');

/**
 * YouTube's last documented forms through @googleapis/youtube with only rootUrl changed:
 * channelSections.insert/update/delete with their documented errors and quota cost, upload
 * outcomes set through /_sim/youtube/uploads (uploadStatus failed/rejected with its reason,
 * processingStatus failed/terminated, uploadLimitExceeded) and regionCode on chart=mostPopular and
 * videoCategories.
 */
describe('@googleapis/youtube: channel section writes, upload outcomes and regions against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    ({ sim, truth, yt } = await youtubeSim(150));
  });
  afterAll(() => sim.close());

  const here = () => ({ rootUrl: `${sim.origins.youtube}/` });
  const units = async (): Promise<number> => (await getJson(`${sim.url}/_sim/youtube/quota`)).body.used;
  const failing = async (call: Promise<unknown>): Promise<[number, string]> => {
    try {
      await call;
    } catch (e) {
      return [(e as { status: number }).status, reason(e)];
    }
    throw new Error('the call succeeded');
  };
  const upload = (title: string) =>
    yt.videos.insert(
      { part: ['snippet', 'status'], requestBody: { snippet: { title } }, media: { mimeType: 'video/mp4', body: Readable.from([VIDEO]) } },
      here(),
    );
  const sections = async () => (await yt.channelSections.list({ part: ['snippet', 'contentDetails'], mine: true })).data.items!;

  it('inserts, moves, updates and deletes channel sections at 50 units each, recorded as channel_edit', async () => {
    const playlist = await yt.playlists.insert({
      part: ['snippet', 'status'],
      requestBody: { snippet: { title: 'Herbst' }, status: { privacyStatus: 'public' } },
    });
    const commenter = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!.author!.externalId;
    const before = await units();
    const single = await yt.channelSections.insert({
      part: ['snippet', 'contentDetails'],
      requestBody: { snippet: { type: 'singlePlaylist', position: 0 }, contentDetails: { playlists: [playlist.data.id!] } },
    });
    expect(await units()).toBe(before + 50);
    expect(single.data).toMatchObject({
      kind: 'youtube#channelSection',
      id: expect.stringMatching(new RegExp(`^${DEMO_YOUTUBE_CHANNEL.id}\\.`)),
      snippet: { type: 'singlePlaylist', channelId: DEMO_YOUTUBE_CHANNEL.id, position: 0 },
      contentDetails: { playlists: [playlist.data.id] },
    });
    const featured = await yt.channelSections.insert({
      part: ['snippet', 'contentDetails'],
      requestBody: { snippet: { type: 'multipleChannels', title: 'Unsere Community' }, contentDetails: { channels: [commenter] } },
    });
    expect((await sections()).map((s) => [s.snippet!.type, s.snippet!.position])).toEqual([
      ['singlePlaylist', 0],
      ['recentUploads', 1],
      ['popularUploads', 2],
      ['allPlaylists', 3],
      ['multipleChannels', 4],
    ]);
    const moved = await yt.channelSections.update({
      part: ['snippet'],
      requestBody: { id: featured.data.id, snippet: { type: 'multipleChannels', title: 'Stammgäste', position: 1 }, contentDetails: { channels: [commenter] } },
    });
    expect(moved.data.snippet).toMatchObject({ title: 'Stammgäste', position: 1 });
    expect((await yt.channelSections.delete({ id: single.data.id! })).status).toBe(204);
    expect((await sections()).map((s) => s.snippet!.title ?? s.snippet!.type)).toEqual(['Stammgäste', 'recentUploads', 'popularUploads', 'allPlaylists']);
    const edits = (await received(sim, 'youtube')).filter((r) => r.path === '/youtube/v3/channelSections');
    expect(edits.map((r) => [r.kind, r.externalId, r.text])).toEqual([
      ['channel_edit', single.data.id, 'singlePlaylist'],
      ['channel_edit', featured.data.id, 'Unsere Community'],
      ['channel_edit', featured.data.id, 'Stammgäste'],
      ['channel_edit', single.data.id, 'singlePlaylist'],
    ]);
  });

  it('answers the documented channelSections errors', async () => {
    const insert = (requestBody: youtube_v3.Schema$ChannelSection) => yt.channelSections.insert({ part: ['snippet', 'contentDetails'], requestBody });
    expect(await failing(insert({ snippet: {} }))).toEqual([400, 'typeRequired']);
    expect(await failing(insert({ snippet: { type: 'singlePlaylist' } }))).toEqual([400, 'onePlaylistNeeded']);
    expect(await failing(insert({ snippet: { type: 'multiplePlaylists' }, contentDetails: { playlists: ['PLx'] } }))).toEqual([400, 'titleRequired']);
    expect(await failing(insert({ snippet: { type: 'multipleChannels', title: 'x' } }))).toEqual([400, 'channelsNeeded']);
    expect(await failing(insert({ snippet: { type: 'multipleChannels', title: 'x' }, contentDetails: { channels: [DEMO_YOUTUBE_CHANNEL.id] } }))).toEqual([
      400,
      'ownChannelInChannels',
    ]);
    expect(await failing(insert({ snippet: { type: 'recentUploads' }, contentDetails: { channels: ['UCx'] } }))).toEqual([400, 'channelsNotExpected']);
    expect(await failing(insert({ snippet: { type: 'singlePlaylist' }, contentDetails: { playlists: ['PLnone'] } }))).toEqual([404, 'playlistNotFound']);
    expect(await failing(insert({ snippet: { type: 'recentUploads', position: 99 } }))).toEqual([400, 'inValidPosition']);
    const secret = await yt.playlists.insert({
      part: ['snippet', 'status'],
      requestBody: { snippet: { title: 'Geheim' }, status: { privacyStatus: 'private' } },
    });
    expect(await failing(insert({ snippet: { type: 'singlePlaylist' }, contentDetails: { playlists: [secret.data.id!] } }))).toEqual([
      400,
      'playlistIsPrivate',
    ]);
    expect(await failing(yt.channelSections.update({ part: ['snippet'], requestBody: { id: 'none', snippet: { type: 'recentUploads' } } }))).toEqual([
      404,
      'channelSectionNotFound',
    ]);
    expect(await failing(yt.channelSections.delete({ id: 'none' }))).toEqual([404, 'channelSectionNotFound']);
    // Ten sections at most.
    while ((await sections()).length < 10) await insert({ snippet: { type: 'popularUploads' } });
    expect(await failing(insert({ snippet: { type: 'recentUploads' } }))).toEqual([400, 'maxChannelSectionExceeded']);
  });

  it('shows the upload outcomes the control API sets: failed, rejected, processing failed or terminated', async () => {
    const parts = ['status', 'processingDetails'];
    await postJson(`${sim.url}/_sim/youtube/uploads`, {
      uploadStatus: 'failed',
      failureReason: 'codec',
      processingStatus: 'failed',
      processingFailureReason: 'transcodeFailed',
    });
    const failed = await upload('Kaputt');
    // The insert answer is the same as ever: the outcome shows once YouTube processed the file.
    expect(failed.data.status!.uploadStatus).toBe('uploaded');
    const read = async (id: string) => (await yt.videos.list({ part: parts, id: [id] })).data.items![0];
    expect(await read(failed.data.id!)).toMatchObject({
      status: { uploadStatus: 'failed', failureReason: 'codec' },
      processingDetails: { processingStatus: 'failed', processingFailureReason: 'transcodeFailed' },
    });
    const fine = await upload('Gut');
    expect(await read(fine.data.id!)).toMatchObject({ status: { uploadStatus: 'processed' }, processingDetails: { processingStatus: 'succeeded' } });
    const found = async () => (await yt.search.list({ part: ['id'], q: 'Gut', type: ['video'], maxResults: 50 })).data.items!.map((i) => i.id!.videoId);
    expect(await found()).toContain(fine.data.id);
    await postJson(`${sim.url}/_sim/youtube/uploads`, { videoId: fine.data.id, uploadStatus: 'rejected', rejectionReason: 'duplicate' });
    expect((await read(fine.data.id!)).status).toMatchObject({ uploadStatus: 'rejected', rejectionReason: 'duplicate' });
    // A rejected video is its owner's only: search (and chart=mostPopular) leave it out.
    expect(await found()).not.toContain(fine.data.id);
    await postJson(`${sim.url}/_sim/youtube/uploads`, { processingStatus: 'terminated' });
    const stopped = await upload('Abgebrochen');
    expect(await read(stopped.data.id!)).toMatchObject({ status: { uploadStatus: 'uploaded' }, processingDetails: { processingStatus: 'terminated' } });
    expect((await postJson(`${sim.url}/_sim/youtube/uploads`, { uploadStatus: 'failed', failureReason: 'bad' })).status).toBe(400);
  });

  it('answers uploadLimitExceeded once the channel reached its daily upload limit', async () => {
    const { body } = await getJson(`${sim.url}/_sim/youtube/uploads`);
    await postJson(`${sim.url}/_sim/youtube/uploads`, { dailyLimit: body.uploadedToday + 1 });
    await upload('Die letzte heute');
    expect(await failing(upload('Eine zu viel'))).toEqual([400, 'uploadLimitExceeded']);
    await postJson(`${sim.url}/_sim/youtube/uploads`, { dailyLimit: null });
    expect((await upload('Wieder erlaubt')).status).toBe(200);
  });

  it('checks regionCode on chart=mostPopular and videoCategories', async () => {
    const de = await yt.videos.list({ part: ['id'], chart: 'mostPopular', regionCode: 'DE' });
    expect(de.data.items!.length).toBeGreaterThan(0);
    expect(await failing(yt.videos.list({ part: ['id'], chart: 'mostPopular', regionCode: 'XX' }))).toEqual([400, 'videoChartNotFound']);
    expect((await yt.videoCategories.list({ part: ['snippet'], regionCode: 'de' })).data.items!.length).toBeGreaterThan(0);
    expect(await failing(yt.videoCategories.list({ part: ['snippet'], regionCode: 'XX' }))).toEqual([400, 'invalidParameter']);
  });
});
