import { Readable } from 'node:stream';
import type { youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, type RunningSim, type TruthItem } from '../../src';
import { reason, youtubeSim } from './youtube-client';

const VIDEO = Buffer.alloc(4096, 7);

/**
 * search.list's result kinds and filters, and the localizations and recordingDetails parts of
 * videos, through @googleapis/youtube with only rootUrl changed.
 */
describe('@googleapis/youtube: search filters and video localizations against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;
  /** Every video uploadTagged made. */
  const uploaded: string[] = [];

  beforeAll(async () => {
    ({ sim, truth, yt } = await youtubeSim(300));
  });
  afterAll(() => sim.close());

  const here = () => ({ rootUrl: `${sim.origins.youtube}/` });
  const posts = () => truth.filter((t) => t.kind === 'post').map((t) => t.externalId);
  const ids = (items: youtube_v3.Schema$SearchResult[] | undefined) => (items ?? []).map((i) => i.id!.videoId ?? i.id!.channelId ?? i.id!.playlistId);

  /** An upload recorded in Hamburg, in English with a German localization. */
  async function uploadTagged(): Promise<string> {
    const res = await yt.videos.insert(
      {
        part: ['snippet', 'status', 'localizations', 'recordingDetails'],
        requestBody: {
          snippet: { title: 'Harbour walk', description: 'Filmed at the harbour', defaultLanguage: 'en', categoryId: '19' },
          status: { privacyStatus: 'public' },
          localizations: { de: { title: 'Hafenrundgang', description: 'Am Hafen gefilmt' } },
          recordingDetails: {
            recordingDate: '2026-09-01T10:00:00Z',
            location: { latitude: 53.5461, longitude: 9.9661, altitude: 4 },
            locationDescription: 'Landungsbrücken',
          },
        },
        media: { mimeType: 'video/mp4', body: Readable.from([VIDEO]) },
      },
      here(),
    );
    uploaded.push(res.data.id!);
    return res.data.id!;
  }

  it('keeps localizations and recordingDetails on writes and returns them on reads, with hl', async () => {
    const id = await uploadTagged();
    const read = await yt.videos.list({ part: ['snippet', 'localizations', 'recordingDetails', 'contentDetails'], id: [id], hl: 'de' });
    const v = read.data.items![0];
    expect(v.snippet!.localized).toEqual({ title: 'Hafenrundgang', description: 'Am Hafen gefilmt' });
    expect(v.localizations).toEqual({ de: { title: 'Hafenrundgang', description: 'Am Hafen gefilmt' } });
    expect(v.recordingDetails).toEqual({
      recordingDate: '2026-09-01T10:00:00Z',
      location: { latitude: 53.5461, longitude: 9.9661, altitude: 4 },
      locationDescription: 'Landungsbrücken',
    });
    expect(v.contentDetails).toMatchObject({ duration: 'PT1S', dimension: '2d', definition: 'hd', caption: 'false' });
    // videos.update of localizations alone keeps the snippet; without a default language it is refused.
    await yt.videos.update({ part: ['localizations'], requestBody: { id, localizations: { fr: { title: 'Promenade au port', description: '' } } } });
    const after = (await yt.videos.list({ part: ['snippet', 'localizations'], id: [id], hl: 'fr-CA' })).data.items![0];
    expect(after.snippet!.localized!.title).toBe('Promenade au port');
    expect(Object.keys(after.localizations!)).toEqual(['fr']);
    const noDefault = await yt.videos
      .update({ part: ['snippet', 'localizations'], requestBody: { id, snippet: { title: 'x', categoryId: '22' }, localizations: { de: { title: 'y' } } } })
      .catch((e: unknown) => e);
    expect(reason(noDefault)).toBe('defaultLanguageNotSet');
    const badPlace = await yt.videos
      .update({ part: ['recordingDetails'], requestBody: { id, recordingDetails: { location: { latitude: 91, longitude: 0 } } } })
      .catch((e: unknown) => e);
    expect(reason(badPlace)).toBe('invalidRecordingDetails');
  });

  it('finds the channel and its public playlists by type, and every kind without it', async () => {
    const playlist = (
      await yt.playlists.insert({
        part: ['snippet', 'status'],
        requestBody: { snippet: { title: 'Sommerschlussverkauf' }, status: { privacyStatus: 'public' } },
      })
    ).data.id!;
    await yt.playlists.insert({ part: ['snippet', 'status'], requestBody: { snippet: { title: 'Sommer intern' }, status: { privacyStatus: 'private' } } });
    const playlists = await yt.search.list({ part: ['snippet'], type: ['playlist'], q: 'sommer' });
    expect(playlists.data.items!.map((i) => [i.id, i.snippet!.title])).toEqual([[{ kind: 'youtube#playlist', playlistId: playlist }, 'Sommerschlussverkauf']]);
    const channels = await yt.search.list({ part: ['snippet'], type: ['channel'], q: DEMO_YOUTUBE_CHANNEL.title.split(' ')[0] });
    expect(channels.data.items!.map((i) => i.id)).toEqual([{ kind: 'youtube#channel', channelId: DEMO_YOUTUBE_CHANNEL.id }]);
    expect(channels.data.items![0].snippet).toMatchObject({
      channelId: DEMO_YOUTUBE_CHANNEL.id,
      title: DEMO_YOUTUBE_CHANNEL.title,
      liveBroadcastContent: 'none',
    });
    // No type: videos, the channel and playlists together; videoCount puts the channel first.
    const all = await yt.search.list({ part: ['id'], channelId: DEMO_YOUTUBE_CHANNEL.id, order: 'videoCount', maxResults: 50 });
    expect(new Set(all.data.items!.map((i) => i.id!.kind))).toEqual(new Set(['youtube#video', 'youtube#channel', 'youtube#playlist']));
    expect(all.data.items![0].id!.kind).toBe('youtube#channel');
    expect((await yt.search.list({ part: ['id'], channelId: 'UCsomebodyElse', type: ['channel'] })).data.items).toEqual([]);
  });

  it('applies the video filters the sim has data for and checks the rest', async () => {
    const tagged = await uploadTagged();
    const search = (p: youtube_v3.Params$Resource$Search$List) => yt.search.list({ part: ['id'], channelId: DEMO_YOUTUBE_CHANNEL.id, maxResults: 50, ...p });
    const durations = await Promise.all(['short', 'medium', 'long'].map(async (d) => ids((await search({ type: ['video'], videoDuration: d })).data.items)));
    const details = await yt.videos.list({ part: ['contentDetails'], id: posts().slice(0, 50) });
    const seconds = (iso: string) => {
      const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso)!;
      return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
    };
    for (const v of details.data.items!) {
      const s = seconds(v.contentDetails!.duration!);
      const expected = s < 240 ? 0 : s <= 1200 ? 1 : 2;
      expect(durations[expected]).toContain(v.id);
    }
    expect(durations[0]).toContain(tagged);
    // location + locationRadius: within 5 km of the Elbphilharmonie, not within 5 km of Munich.
    expect(ids((await search({ type: ['video'], location: '53.5413,9.9841', locationRadius: '5km' })).data.items).sort()).toEqual([...uploaded].sort());
    expect(ids((await search({ type: ['video'], location: '48.137,11.575', locationRadius: '5km' })).data.items)).toEqual([]);
    expect(reason(await search({ type: ['video'], location: '53.5,9.9' }).catch((e: unknown) => e))).toBe('invalidLocation');
    expect(reason(await search({ type: ['video'], location: '53.5,9.9', locationRadius: '1001km' }).catch((e: unknown) => e))).toBe('invalidLocation');
    // No live broadcasts in the sim.
    for (const eventType of ['live', 'upcoming', 'completed']) expect((await search({ type: ['video'], eventType })).data.items).toEqual([]);
    expect(ids((await search({ type: ['video'], videoCategoryId: '19' })).data.items).sort()).toEqual([...uploaded].sort());
    expect(ids((await search({ type: ['video'], videoCaption: 'closedCaption' })).data.items)).toEqual([]);
    expect(ids((await search({ type: ['video'], videoDefinition: 'standard' })).data.items)).toEqual([]);
    // Video filters need type=video.
    expect(reason(await search({ videoDuration: 'short' }).catch((e: unknown) => e))).toBe('invalidSearchFilter');
    expect(reason(await search({ type: ['video'], videoDuration: 'tiny' }).catch((e: unknown) => e))).toBe('invalidParameter');
    expect(reason(await search({ safeSearch: 'loose' }).catch((e: unknown) => e))).toBe('invalidParameter');
    expect(reason(await search({ relevanceLanguage: 'not a language' }).catch((e: unknown) => e))).toBe('invalidRelevanceLanguage');
    // relevanceLanguage ranks the videos in that language first; safeSearch leaves nothing out (nothing is restricted).
    const english = await search({ type: ['video'], relevanceLanguage: 'en', safeSearch: 'strict', regionCode: 'AT' });
    expect(ids(english.data.items).slice(0, uploaded.length).sort()).toEqual([...uploaded].sort());
    expect(english.data.regionCode).toBe('AT');
    expect(english.data.pageInfo!.totalResults).toBe((await search({ type: ['video'] })).data.pageInfo!.totalResults);
  });
});
