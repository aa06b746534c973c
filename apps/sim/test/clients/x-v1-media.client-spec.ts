import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { ApiResponseError, EUploadMimeType, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, type RunningSim } from '../../src';
import { shapeMismatches } from '../support';
import { clientSim } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
const recorded = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'x', name), 'utf8'));
const UPLOAD = 'https://upload.x.com/1.1/';

/** A PNG header (signature and IHDR) of w × h, padded: the sim reads the size from it. */
function pngHead(w: number, h: number, size: number): Buffer {
  const b = Buffer.alloc(size, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
}

/**
 * The v1.1 media upload (upload.twitter.com/1.1/media/upload.json) through twitter-api-v2's v1
 * client, its host changed to the X origin as for every other call: chunked INIT/APPEND/FINALIZE
 * (and STATUS for a video), the simple upload, alt text, subtitles and additional_owners; the
 * answers have the keys of the recorded ones in apps/sim/test/fixtures/x.
 */
describe('twitter-api-v2 v1: media upload against the sim', () => {
  let sim: RunningSim;
  let client: TwitterApi;

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    const plugins: ITwitterApiClientPlugin[] = [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }];
    client = new TwitterApi(demo.credentials.accessToken, { plugins, httpAgent: new Agent({ ca: sim.ca! }) });
  });
  afterAll(() => sim.close());

  it('uploads an image in chunks (INIT, APPEND, FINALIZE), sets its alt text and tweets it with v2', async () => {
    const image = pngHead(640, 480, 5000);
    // X answers media_key too; the client's MediaStatusV1Result type does not name it.
    const full = (await client.v1.uploadMedia(image, { mimeType: EUploadMimeType.Png, chunkLength: 2048 }, true)) as Awaited<
      ReturnType<typeof client.v1.mediaInfo>
    > & { media_key: string };
    expect(shapeMismatches(recorded('media-v1-simple.json'), full)).toEqual([]);
    expect(full).toMatchObject({
      media_id_string: expect.stringMatching(/^\d+$/),
      size: 5000,
      expires_after_secs: 86400,
      image: { image_type: 'image/png', w: 640, h: 480 },
    });
    expect(full.media_key).toBe(`3_${full.media_id_string}`);
    await client.v1.createMediaMetadata(full.media_id_string, { alt_text: { text: 'Der neue Rucksack' } });
    const tweet = await client.v2.tweet({ text: 'Der Rucksack ist da', media: { media_ids: [full.media_id_string] } });
    const read = await client.v2.singleTweet(tweet.data.id, { expansions: ['attachments.media_keys'], 'media.fields': ['alt_text', 'width'] });
    expect(read.includes!.media).toEqual([{ media_key: full.media_key, type: 'photo', alt_text: 'Der neue Rucksack', width: 640 }]);
  });

  it('uploads a video: FINALIZE says pending, the client waits through STATUS; INIT and STATUS have the recorded keys', async () => {
    const init = await client.v1.post<Record<string, unknown>>(
      'media/upload.json',
      { command: 'INIT', total_bytes: 3000, media_type: 'video/mp4' },
      { prefix: UPLOAD },
    );
    expect(shapeMismatches(recorded('media-v1-chunk-init.json'), init)).toEqual([]);
    const id = await client.v1.uploadMedia(Buffer.alloc(3000, 1), { mimeType: EUploadMimeType.Mp4, chunkLength: 1024 });
    const status = await client.v1.mediaInfo(id);
    expect(shapeMismatches(recorded('media-v1-chunk-status.json'), status)).toEqual([]);
    expect(status).toMatchObject({ media_id_string: id, media_key: `7_${id}`, video: { video_type: 'video/mp4' }, processing_info: { state: 'succeeded' } });
    // FINALIZE of a video answers pending first (the shape of the recorded one).
    const other = await client.v1.post<{ media_id_string: string }>(
      'media/upload.json',
      { command: 'INIT', total_bytes: 10, media_type: 'video/mp4' },
      { prefix: UPLOAD },
    );
    await client.v1.post(
      'media/upload.json',
      { command: 'APPEND', media_id: other.media_id_string, segment_index: 0, media: Buffer.alloc(10) },
      { prefix: UPLOAD },
    );
    const pending = await client.v1.post('media/upload.json', { command: 'FINALIZE', media_id: other.media_id_string }, { prefix: UPLOAD });
    expect(shapeMismatches(recorded('media-v1-chunk-finalize.json'), pending)).toEqual([]);
    expect(pending).toMatchObject({ processing_info: { state: 'pending', check_after_secs: 1 } });
  });

  it('the simple upload (one request, media_data in base64 or the bytes) takes images only', async () => {
    const simple = await client.v1.post<{ media_id_string: string; image: { w: number } }>(
      'media/upload.json',
      { media_data: pngHead(20, 10, 100).toString('base64'), media_category: 'TWEET_IMAGE', media_type: 'image/png' },
      { prefix: UPLOAD },
    );
    expect(simple).toMatchObject({ image: { image_type: 'image/png', w: 20, h: 10 }, size: 100 });
    const video = await client.v1.post('media/upload.json', { media: Buffer.alloc(50), media_type: 'video/mp4' }, { prefix: UPLOAD }).catch((e: unknown) => e);
    expect(video).toBeInstanceOf(ApiResponseError);
    expect(video).toMatchObject({ code: 400, data: { errors: [{ code: 324 }] } });
    const missing = await client.v1
      .post('media/upload.json', { command: 'APPEND', media_id: simple.media_id_string }, { prefix: UPLOAD })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 400 });
  });

  it('subtitles: an SRT uploaded as Subtitles goes on a video by language and comes off again; anything else is refused', async () => {
    const video = await client.v1.uploadMedia(Buffer.alloc(2000, 2), { mimeType: EUploadMimeType.Mp4 });
    const srt = await client.v1.uploadMedia(Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nHallo!\n'), { mimeType: EUploadMimeType.Srt });
    await client.v1.createMediaSubtitles(video, [{ media_id: srt, language_code: 'de', display_name: 'Deutsch' }]);
    await client.v1.deleteMediaSubtitles(video, 'de');
    const onImage = await client.v1.uploadMedia(pngHead(4, 4, 64), { mimeType: EUploadMimeType.Png });
    const refused = await client.v1.createMediaSubtitles(onImage, [{ media_id: srt, language_code: 'de', display_name: 'Deutsch' }]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 400, data: { errors: [{ code: 324 }] } });
    const notSubtitles = await client.v1
      .createMediaSubtitles(video, [{ media_id: onImage, language_code: 'de', display_name: 'Deutsch' }])
      .catch((e: unknown) => e);
    expect(notSubtitles).toMatchObject({ code: 400 });
    // A subtitle file is no tweet attachment.
    expect(await client.v2.tweet({ text: 'Untertitel', media: { media_ids: [srt] } }).catch((e: unknown) => e)).toMatchObject({ code: 400 });
  });

  it('additional_owners: up to 100 user ids, on v1.1 INIT and v2 initialize alike', async () => {
    const shared = await client.v1.uploadMedia(pngHead(2, 2, 64), {
      mimeType: EUploadMimeType.Png,
      additionalOwners: ['1600000000000000001', '1600000000000000002'],
    });
    expect(shared).toMatch(/^\d+$/);
    const tooMany = Array.from({ length: 101 }, (_, i) => String(1000 + i));
    const v1 = await client.v1.uploadMedia(pngHead(2, 2, 64), { mimeType: EUploadMimeType.Png, additionalOwners: tooMany }).catch((e: unknown) => e);
    expect(v1).toMatchObject({ code: 400 });
    const v2 = await client.v2
      .post('media/upload/initialize', { media_type: 'image/png', total_bytes: 64, additional_owners: ['not-an-id'] })
      .catch((e: unknown) => e);
    expect(v2).toMatchObject({ code: 400 });
  });
});
