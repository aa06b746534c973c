import { Agent } from 'node:https';
import { deflateSync } from 'node:zlib';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/** A real PNG of w × h grey pixels (signature, IHDR, IDAT, IEND), so the upload carries an image's bytes. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * X's v2 media upload, quotes and polls through twitter-api-v2 with only the host changed (see
 * x.client-spec.ts): chunked INITIALIZE/APPEND/FINALIZE (and STATUS for a video), alt text, a
 * tweet with the media, quote tweets and GET /2/tweets/:id/quote_tweets, polls with their
 * poll.fields, and what X refuses.
 */
describe('twitter-api-v2: media upload, quote tweets and polls against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let client: TwitterApi;

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    const plugins: ITwitterApiClientPlugin[] = [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }];
    client = new TwitterApi(demo.credentials.accessToken, { plugins, httpAgent: new Agent({ ca: sim.ca! }) });
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  it('uploads an image in chunks, sets its alt text and tweets it; the tweet reads back with includes.media', async () => {
    const image = png(40, 30);
    const mediaId = await client.v2.uploadMedia(image, { media_type: 'image/png' }, 64);
    expect(mediaId).toMatch(/^\d+$/);
    const meta = await client.v2.createMediaMetadata(mediaId, { alt_text: { text: 'Ein graues Rechteck' } });
    expect(meta.data).toMatchObject({ id: mediaId, associated_metadata: { alt_text: { text: 'Ein graues Rechteck' } } });
    const tweet = await client.v2.tweet({ text: 'Neue Farben im Shop', media: { media_ids: [mediaId] } });
    const read = await client.v2.singleTweet(tweet.data.id, {
      'tweet.fields': ['attachments'],
      expansions: ['attachments.media_keys'],
      'media.fields': ['url', 'width', 'height', 'alt_text', 'type'],
    });
    const key = read.data.attachments!.media_keys![0];
    expect(key).toBe(`3_${mediaId}`);
    expect(read.includes!.media).toEqual([
      { media_key: key, type: 'photo', url: `https://pbs.twimg.com/media/${mediaId}.png`, width: 40, height: 30, alt_text: 'Ein graues Rechteck' },
    ]);
    // Search finds it by has:media / has:images, and a quote by is:quote (below).
    const found = await client.v2.search('Farben has:images', { 'tweet.fields': ['attachments'] });
    expect(found.tweets.map((t) => t.id)).toEqual([tweet.data.id]);
    const uploads = (await received(sim, 'x')).filter((r) => r.kind === 'media_upload');
    expect(uploads.map((r) => r.targetId)).toEqual([mediaId]);
  });

  it('uploads a video, waits for processing through STATUS, and refuses media ids that are not usable', async () => {
    const video = Buffer.alloc(3000, 7);
    const videoId = await client.v2.uploadMedia(video, { media_type: 'video/mp4' }, 1024);
    const status = await client.v2.get('media/upload', { command: 'STATUS', media_id: videoId });
    expect(status.data).toMatchObject({ id: videoId, media_key: `7_${videoId}`, processing_info: { state: 'succeeded', progress_percent: 100 } });
    const tweet = await client.v2.tweet({ text: 'Das Video zur Kollektion', media: { media_ids: [videoId] } });
    expect(tweet.data.id).toMatch(/^\d+$/);
    const unknown = await client.v2.tweet({ text: 'ohne Bild', media: { media_ids: ['123'] } }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ApiResponseError);
    expect(unknown).toMatchObject({ code: 400, data: { errors: [{ message: 'Your media IDs are invalid.' }] } });
    // Bytes that do not add up to total_bytes cannot be finalized.
    const init = await client.v2.post('media/upload/initialize', { media_type: 'image/png', total_bytes: 500, media_category: 'tweet_image' });
    const short = await client.v2.post(`media/upload/${init.data.id}/finalize`).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: 400 });
    const badType = await client.v2.post('media/upload/initialize', { media_type: 'application/pdf', total_bytes: 10 }).catch((e: unknown) => e);
    expect(badType).toMatchObject({ code: 400 });
  });

  it('sends a DM with an uploaded image; it reads back with attachments and includes.media', async () => {
    const customer = truth.find((t) => t.kind === 'message' && !t.fromAccount)!.author!.externalId;
    const mediaId = await client.v2.uploadMedia(png(8, 8), { media_type: 'image/png', media_category: 'dm_image' });
    // X answers {data: {dm_conversation_id, dm_event_id}} (the client's type names the inner object).
    const sent = (await client.v2.sendDmToParticipant(customer, { text: 'Hier das Foto', attachments: [{ media_id: mediaId }] })) as unknown as {
      data: { dm_event_id: string };
    };
    const events = await client.v2.listDmEvents({
      'dm_event.fields': ['attachments', 'text'],
      expansions: ['attachments.media_keys'],
      'media.fields': ['url', 'width'],
    });
    const event = events.events.find((e) => e.id === sent.data.dm_event_id)!;
    expect(event).toMatchObject({ text: 'Hier das Foto', attachments: { media_keys: [`3_${mediaId}`] } });
    expect(events.includes.media).toContainEqual({ media_key: `3_${mediaId}`, type: 'photo', url: `https://pbs.twimg.com/media/${mediaId}.png`, width: 8 });
    const refused = await client.v2.sendDmToParticipant(customer, { text: 'kaputt', attachments: [{ media_id: '42' }] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 400 });
  });

  it('quotes a tweet: referenced_tweets names it, the quoted tweet counts it and lists it under quote_tweets', async () => {
    const original = truth.find((t) => t.kind === 'post')!;
    const quote = await client.v2.quote('Das sehen wir auch so', original.externalId);
    const read = await client.v2.singleTweet(quote.data.id, {
      'tweet.fields': ['referenced_tweets', 'author_id'],
      expansions: ['referenced_tweets.id', 'referenced_tweets.id.author_id'],
    });
    expect(read.data.referenced_tweets).toEqual([{ type: 'quoted', id: original.externalId }]);
    expect(read.includes!.tweets!.map((t) => t.id)).toEqual([original.externalId]);
    expect(read.includes!.users!.map((u) => u.id)).toContain(original.author!.externalId);
    const counted = await client.v2.singleTweet(original.externalId, { 'tweet.fields': ['public_metrics'] });
    expect(counted.data.public_metrics!.quote_count).toBe(1);
    const quotes = await client.v2.quotes(original.externalId, { 'tweet.fields': ['author_id'] });
    expect(quotes.tweets.map((t) => [t.id, t.author_id])).toEqual([[quote.data.id, demo.externalId]]);
    const byOperator = await client.v2.search('sehen is:quote');
    expect(byOperator.tweets.map((t) => t.id)).toEqual([quote.data.id]);
    const missing = await client.v2.quote('ins Leere', '1').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 400 });
  });

  it('creates a poll; its options, duration, end and status read back through attachments.poll_ids', async () => {
    const created = await client.v2.tweet({ text: 'Welche Farbe als Nächstes?', poll: { options: ['Rot', 'Blau', 'Grün'], duration_minutes: 60 } });
    const read = await client.v2.singleTweet(created.data.id, {
      'tweet.fields': ['attachments', 'created_at'],
      expansions: ['attachments.poll_ids'],
      'poll.fields': ['duration_minutes', 'end_datetime', 'voting_status', 'options'],
    });
    const poll = read.includes!.polls![0];
    expect(read.data.attachments!.poll_ids).toEqual([poll.id]);
    expect(poll).toMatchObject({
      duration_minutes: 60,
      voting_status: 'open',
      options: [
        { position: 1, label: 'Rot', votes: 0 },
        { position: 2, label: 'Blau', votes: 0 },
        { position: 3, label: 'Grün', votes: 0 },
      ],
    });
    expect(Date.parse(poll.end_datetime!) - Date.parse(read.data.created_at!)).toBe(60 * 60_000);
    for (const bad of [
      { text: 'eine Option', poll: { options: ['Nur eine'], duration_minutes: 60 } },
      { text: 'zu kurz', poll: { options: ['a', 'b'], duration_minutes: 1 } },
      { text: 'mit Zitat', poll: { options: ['a', 'b'], duration_minutes: 60 }, quote_tweet_id: created.data.id },
    ]) {
      expect(await client.v2.tweet(bad).catch((e: unknown) => e)).toMatchObject({ code: 400 });
    }
    const unknownField = await client.v2.singleTweet(created.data.id, { 'poll.fields': ['nonsense'] as unknown as ['options'] }).catch((e: unknown) => e);
    expect(unknownField).toMatchObject({ code: 400 });
  });
});
