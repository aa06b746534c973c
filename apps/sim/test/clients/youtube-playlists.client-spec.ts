import { Readable } from 'node:stream';
import type { youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, type RunningSim, type TruthItem } from '../../src';
import { getJson, received } from './support';
import { reason, youtubeSim } from './youtube-client';

const UPLOADS = `UU${DEMO_YOUTUBE_CHANNEL.id.slice(2)}`;
const SRT = '1\n00:00:01,000 --> 00:00:03,500\nWillkommen im Laden!\n\n2\n00:00:04,000 --> 00:00:06,250\nHeute: die neue Kollektion.\n';

/**
 * Playlists, playlist items and caption tracks through @googleapis/youtube with only rootUrl
 * changed: playlists and playlistItems insert/update/delete/list, captions
 * list/insert/update/download/delete (insert and update with a file are multipart/related uploads
 * to /upload/youtube/v3/captions), and the quota each is charged.
 */
describe('@googleapis/youtube: playlists and captions against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    ({ sim, truth, yt } = await youtubeSim(120));
  });
  afterAll(() => sim.close());

  const here = () => ({ rootUrl: `${sim.origins.youtube}/` });
  const used = async (): Promise<number> => (await getJson(`${sim.url}/_sim/youtube/quota`)).body.used;
  const videos = () => truth.filter((t) => t.kind === 'post').map((t) => t.externalId);

  it('creates, lists, edits and deletes a playlist with localizations', async () => {
    const before = await used();
    const created = await yt.playlists.insert({
      part: ['snippet', 'status', 'localizations', 'contentDetails'],
      requestBody: {
        snippet: { title: 'Herbst 2026', description: 'Alle Herbstvideos', defaultLanguage: 'de' },
        status: { privacyStatus: 'unlisted' },
        localizations: { en: { title: 'Autumn 2026', description: 'All autumn videos' } },
      },
    });
    const id = created.data.id!;
    expect(id).toMatch(/^PL[\w-]{32}$/);
    expect(created.data).toMatchObject({
      kind: 'youtube#playlist',
      snippet: { title: 'Herbst 2026', channelId: DEMO_YOUTUBE_CHANNEL.id, defaultLanguage: 'de' },
      status: { privacyStatus: 'unlisted' },
      contentDetails: { itemCount: 0 },
      localizations: { en: { title: 'Autumn 2026', description: 'All autumn videos' } },
    });
    const mine = await yt.playlists.list({ part: ['snippet'], mine: true, hl: 'en' });
    expect(mine.data.items!.map((p) => [p.id, p.snippet!.localized!.title])).toEqual([[id, 'Autumn 2026']]);
    // channelId lists the public ones only; by id the uploads playlist reads too.
    expect((await yt.playlists.list({ part: ['id'], channelId: DEMO_YOUTUBE_CHANNEL.id })).data.items).toEqual([]);
    const byId = await yt.playlists.list({ part: ['snippet', 'contentDetails'], id: [UPLOADS, id] });
    expect(byId.data.items!.map((p) => [p.id, p.contentDetails!.itemCount])).toEqual([
      [UPLOADS, videos().length],
      [id, 0],
    ]);
    const updated = await yt.playlists.update({
      part: ['snippet', 'status'],
      requestBody: { id, snippet: { title: 'Herbst' }, status: { privacyStatus: 'public' } },
    });
    expect(updated.data.snippet).toMatchObject({ title: 'Herbst', description: '' });
    expect((await yt.playlists.list({ part: ['id'], channelId: DEMO_YOUTUBE_CHANNEL.id })).data.items!.map((p) => p.id)).toEqual([id]);
    expect(reason(await yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { description: 'no title' } } }).catch((e: unknown) => e))).toBe(
      'playlistTitleRequired',
    );
    expect(
      reason(
        await yt.playlists
          .insert({ part: ['snippet', 'localizations'], requestBody: { snippet: { title: 'x' }, localizations: { en: { title: 'x' } } } })
          .catch((e: unknown) => e),
      ),
    ).toBe('defaultLanguageNotSet');
    expect(reason(await yt.playlists.delete({ id: UPLOADS }).catch((e: unknown) => e))).toBe('playlistOperationUnsupported');
    expect((await yt.playlists.delete({ id })).status).toBe(204);
    expect(reason(await yt.playlists.delete({ id }).catch((e: unknown) => e))).toBe('playlistNotFound');
    // insert 50, list 1 ×3, update 50, list 1, two failed inserts 50 each, deletes 50 ×3.
    expect((await used()) - before).toBe(50 + 3 + 50 + 1 + 100 + 150);
    expect((await received(sim, 'youtube')).filter((r) => r.kind.startsWith('playlist_')).map((r) => r.kind)).toEqual([
      'playlist_create',
      'playlist_edit',
      'playlist_delete',
    ]);
  });

  it('adds, moves, annotates and removes playlist items; the uploads playlist takes none', async () => {
    const playlist = (await yt.playlists.insert({ part: ['snippet'], requestBody: { snippet: { title: 'Auswahl' } } })).data.id!;
    const [a, b, c] = videos();
    const add = (videoId: string, position?: number) =>
      yt.playlistItems.insert({
        part: ['snippet', 'contentDetails', 'status'],
        requestBody: {
          snippet: { playlistId: playlist, resourceId: { kind: 'youtube#video', videoId }, position },
          contentDetails: { note: `Notiz ${videoId}` },
        },
      });
    const first = await add(a);
    expect(first.data).toMatchObject({
      kind: 'youtube#playlistItem',
      snippet: { playlistId: playlist, position: 0, resourceId: { kind: 'youtube#video', videoId: a }, videoOwnerChannelId: DEMO_YOUTUBE_CHANNEL.id },
      contentDetails: { videoId: a, note: `Notiz ${a}` },
      status: { privacyStatus: 'public' },
    });
    await add(b);
    const third = await add(c, 0);
    const order = async () =>
      (await yt.playlistItems.list({ part: ['snippet'], playlistId: playlist, maxResults: 50 })).data.items!.map((i) => i.snippet!.resourceId!.videoId);
    expect(await order()).toEqual([c, a, b]);
    await yt.playlistItems.update({
      part: ['snippet'],
      requestBody: { id: third.data.id!, snippet: { playlistId: playlist, resourceId: { kind: 'youtube#video', videoId: c }, position: 2 } },
    });
    expect(await order()).toEqual([a, b, c]);
    const noted = await yt.playlistItems.update({ part: ['contentDetails'], requestBody: { id: first.data.id!, contentDetails: { note: 'Neu' } } });
    expect(noted.data.contentDetails!.note).toBe('Neu');
    expect((await yt.playlistItems.list({ part: ['contentDetails'], id: [first.data.id!] })).data.items![0].contentDetails!.note).toBe('Neu');
    expect((await yt.playlistItems.delete({ id: third.data.id! })).status).toBe(204);
    expect(await order()).toEqual([a, b]);
    expect((await yt.playlists.list({ part: ['contentDetails'], id: [playlist] })).data.items![0].contentDetails!.itemCount).toBe(2);
    const fail = (body: youtube_v3.Schema$PlaylistItem) => yt.playlistItems.insert({ part: ['snippet'], requestBody: body }).catch((e: unknown) => reason(e));
    expect(await fail({ snippet: { playlistId: UPLOADS, resourceId: { kind: 'youtube#video', videoId: a } } })).toBe('playlistOperationUnsupported');
    expect(await fail({ snippet: { playlistId: playlist, resourceId: { kind: 'youtube#video', videoId: 'nope' } } })).toBe('videoNotFound');
    expect(await fail({ snippet: { playlistId: 'PLnope', resourceId: { kind: 'youtube#video', videoId: a } } })).toBe('playlistNotFound');
    expect(await fail({ snippet: { playlistId: playlist, resourceId: { kind: 'youtube#video', videoId: a }, position: 9 } })).toBe(
      'invalidPlaylistItemPosition',
    );
    expect(await fail({ snippet: { resourceId: { kind: 'youtube#video', videoId: a } } })).toBe('playlistIdRequired');
    const upload = (await yt.playlistItems.list({ part: ['id'], playlistId: UPLOADS, maxResults: 1 })).data.items![0].id!;
    expect(reason(await yt.playlistItems.delete({ id: upload }).catch((e: unknown) => e))).toBe('playlistOperationUnsupported');
    expect(reason(await yt.playlistItems.delete({ id: 'nope' }).catch((e: unknown) => e))).toBe('playlistItemNotFound');
    // A deleted video leaves the playlists.
    await yt.videos.delete({ id: a });
    expect(await order()).toEqual([b]);
  });

  it('uploads, lists, downloads in every written format, edits and deletes caption tracks', async () => {
    const video = videos().at(-1)!;
    const before = await used();
    const inserted = await yt.captions.insert(
      {
        part: ['snippet'],
        requestBody: { snippet: { videoId: video, language: 'de', name: 'Deutsch', isDraft: true } },
        media: { mimeType: 'application/x-subrip', body: Readable.from([SRT]) },
      },
      here(),
    );
    const id = inserted.data.id!;
    expect(inserted.data).toMatchObject({
      kind: 'youtube#caption',
      snippet: { videoId: video, language: 'de', name: 'Deutsch', isDraft: true, trackKind: 'standard', status: 'serving', audioTrackType: 'unknown' },
    });
    // A draft does not count as captions of the video.
    const caption = async () => (await yt.videos.list({ part: ['contentDetails'], id: [video] })).data.items![0].contentDetails!.caption;
    expect(await caption()).toBe('false');
    const listed = await yt.captions.list({ part: ['snippet'], videoId: video });
    expect(listed.data.items!.map((c) => c.id)).toEqual([id]);
    const updated = await yt.captions.update({ part: ['snippet'], requestBody: { id, snippet: { isDraft: false } } });
    expect(updated.data.snippet!.isDraft).toBe(false);
    expect(await caption()).toBe('true');
    const download = async (tfmt?: string) => (await yt.captions.download({ id, tfmt }, { responseType: 'text' })).data as string;
    expect(await download()).toBe(SRT);
    expect(await download('vtt')).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nWillkommen im Laden!\n\n00:00:04.000 --> 00:00:06.250\nHeute: die neue Kollektion.\n',
    );
    expect(await download('sbv')).toBe('0:00:01.000,0:00:03.500\nWillkommen im Laden!\n\n0:00:04.000,0:00:06.250\nHeute: die neue Kollektion.\n');
    expect(await download('ttml')).toContain('<p begin="00:00:04.000" end="00:00:06.250">Heute: die neue Kollektion.</p>');
    // A new file (captions.update with media) replaces the cues; a WebVTT file downloads as SRT.
    await yt.captions.update(
      {
        part: ['snippet'],
        requestBody: { id },
        media: { mimeType: 'text/vtt', body: Readable.from(['WEBVTT\n\n00:00:02.000 --> 00:00:05.000\nNeu getextet\n']) },
      },
      here(),
    );
    expect(await download('srt')).toBe('1\n00:00:02,000 --> 00:00:05,000\nNeu getextet\n');
    const dup = await yt.captions
      .insert(
        {
          part: ['snippet'],
          requestBody: { snippet: { videoId: video, language: 'de', name: 'Deutsch' } },
          media: { mimeType: 'text/plain', body: Readable.from(['x']) },
        },
        here(),
      )
      .catch((e: unknown) => e);
    expect(reason(dup)).toBe('captionExists');
    const missing = await yt.captions
      .insert(
        {
          part: ['snippet'],
          requestBody: { snippet: { videoId: 'nope', language: 'de', name: 'x' } },
          media: { mimeType: 'text/plain', body: Readable.from(['x']) },
        },
        here(),
      )
      .catch((e: unknown) => e);
    expect(reason(missing)).toBe('videoNotFound');
    expect((await yt.captions.delete({ id })).status).toBe(204);
    expect(reason(await yt.captions.download({ id }).catch((e: unknown) => e))).toBe('captionNotFound');
    // insert 400, list 50, update 450 ×2, download 200 ×6, two failed inserts 400 each, delete 50; videos.list 1 ×2.
    expect((await used()) - before).toBe(400 + 50 + 900 + 1200 + 800 + 50 + 2);
    expect((await received(sim, 'youtube')).filter((r) => r.kind.startsWith('caption_')).map((r) => r.kind)).toEqual([
      'caption_upload',
      'caption_edit',
      'caption_edit',
      'caption_delete',
    ]);
  });

  it('lists video categories, interface languages and regions in the language hl asks for', async () => {
    const before = await used();
    const categories = await yt.videoCategories.list({ part: ['snippet'], regionCode: 'DE', hl: 'de' });
    const music = categories.data.items!.find((c) => c.id === '10')!;
    expect(music.snippet).toEqual({ title: 'Musik', assignable: true, channelId: 'UCBR8-60-B28hp2BmDPdntcQ' });
    expect(categories.data.items!.find((c) => c.id === '44')!.snippet!.assignable).toBe(false);
    expect((await yt.videoCategories.list({ part: ['snippet'], id: ['22'] })).data.items!.map((c) => c.snippet!.title)).toEqual(['People & Blogs']);
    const languages = await yt.i18nLanguages.list({ part: ['snippet'], hl: 'de' });
    expect(languages.data.items!.find((l) => l.id === 'fr')!.snippet).toEqual({ hl: 'fr', name: 'Französisch' });
    const regions = await yt.i18nRegions.list({ part: ['snippet'] });
    expect(regions.data.items!.find((r) => r.id === 'DE')).toMatchObject({ kind: 'youtube#i18nRegion', snippet: { gl: 'DE', name: 'Germany' } });
    // 1 unit each.
    expect((await used()) - before).toBe(4);
  });
});
