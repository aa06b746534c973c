import { DEMO_YOUTUBE_CHANNEL, type RunningSim } from '../src';
import { type JsonBody, postJson, testSim } from './support';

const auth = { authorization: `Bearer ${DEMO_YOUTUBE_CHANNEL.accessToken}` };
const SBV = '0:00:00.500,0:00:02.000\nHallo zusammen\n\n0:00:02.500,0:00:04.000\nzweite Zeile\n';

/**
 * Caption forms @googleapis/youtube does not send (its uploads are multipart only), by plain fetch
 * at the YouTube origin: captions.insert and captions.update with uploadType=resumable (the
 * resource first, the file in chunks at the session URL), the missing-upload errors, and a
 * transcript without times.
 */
describe('YouTube captions in the sim (resumable uploads and errors)', () => {
  let sim: RunningSim;
  let origin: string;
  let videoId: string;

  beforeAll(async () => {
    sim = await testSim();
    origin = sim.origins.youtube;
    const items = (await postJson(`${sim.url}/_sim/generate`, { count: 40, network: 'youtube' })).body.items as Array<{ kind: string; externalId: string }>;
    videoId = items.find((i) => i.kind === 'post')!.externalId;
  });
  afterAll(() => sim.close());

  const start = async (method: 'POST' | 'PUT', resource: JsonBody, total: number): Promise<Response> =>
    fetch(`${origin}/upload/youtube/v3/captions?uploadType=resumable&part=snippet`, {
      method,
      headers: { ...auth, 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(total), 'x-upload-content-type': 'text/plain' },
      body: JSON.stringify(resource),
    });
  const put = (url: string, body: Buffer, range?: string) => fetch(url, { method: 'PUT', headers: range ? { 'content-range': range } : {}, body });
  const download = async (id: string, tfmt: string) => (await fetch(`${origin}/youtube/v3/captions/${id}?tfmt=${tfmt}`, { headers: auth })).text();

  it('inserts a caption track in chunks, then replaces its file with a resumable update', async () => {
    const file = Buffer.from(SBV);
    const session = await start('POST', { snippet: { videoId, language: 'de', name: 'Stückweise' } }, file.length);
    expect(session.status).toBe(200);
    const url = session.headers.get('location')!;
    expect(url).toMatch(new RegExp(`^${origin}/upload/youtube/v3/captions\\?uploadType=resumable&upload_id=[\\w-]+&part=snippet$`));
    const first = await put(url, file.subarray(0, 20), `bytes 0-19/${file.length}`);
    expect([first.status, first.headers.get('range')]).toEqual([308, 'bytes=0-19']);
    const last = await put(url, file.subarray(20), `bytes 20-${file.length - 1}/${file.length}`);
    expect(last.status).toBe(201);
    const caption = (await last.json()) as JsonBody;
    expect(caption).toMatchObject({ kind: 'youtube#caption', snippet: { videoId, language: 'de', name: 'Stückweise', isDraft: false } });
    // Asking again answers the same track.
    expect(((await (await put(url, Buffer.alloc(0), `bytes */${file.length}`)).json()) as JsonBody).id).toBe(caption.id);
    expect(await download(caption.id as string, 'srt')).toBe(
      '1\n00:00:00,500 --> 00:00:02,000\nHallo zusammen\n\n2\n00:00:02,500 --> 00:00:04,000\nzweite Zeile\n',
    );

    // A transcript without times: one cue of three seconds per line.
    const text = Buffer.from('Erste Zeile\nZweite Zeile\n');
    const update = await start('PUT', { id: caption.id }, text.length);
    expect(update.status).toBe(200);
    const updated = await put(update.headers.get('location')!, text);
    expect(updated.status).toBe(200);
    expect(await download(caption.id as string, 'vtt')).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nErste Zeile\n\n00:00:03.000 --> 00:00:06.000\nZweite Zeile\n',
    );
    const received = (await (await fetch(`${sim.url}/_sim/received?network=youtube`)).json()) as { items: Array<{ kind: string; externalId: string }> };
    expect(received.items.filter((r) => r.kind.startsWith('caption_')).map((r) => [r.kind, r.externalId])).toEqual([
      ['caption_upload', caption.id],
      ['caption_edit', caption.id],
    ]);
  });

  it('refuses an insert without a file, without uploadType, for an unknown video, and a bad tfmt; writes SCC', async () => {
    const reason = async (res: Response) => (((await res.json()) as JsonBody).error as { errors: Array<{ reason: string }> }).errors[0].reason;
    const noFile = await fetch(`${origin}/youtube/v3/captions?part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { videoId, language: 'en', name: 'x' } }),
    });
    expect([noFile.status, await reason(noFile)]).toEqual([400, 'wrongUrlForUpload']);
    const unknown = await start('POST', { snippet: { videoId: 'nope', language: 'en', name: 'x' } }, 3);
    expect([unknown.status, await reason(unknown)]).toEqual([404, 'videoNotFound']);
    const list = (await (await fetch(`${origin}/youtube/v3/captions?part=id&videoId=${videoId}`, { headers: auth })).json()) as {
      items: Array<{ id: string }>;
    };
    const scc = await fetch(`${origin}/youtube/v3/captions/${list.items[0].id}?tfmt=scc`, { headers: auth });
    expect(scc.status).toBe(200);
    expect(await scc.text()).toMatch(/^Scenarist_SCC V1\.0\n\n00:00:00:00\t94ae 94ae 9420 9420 /);
    const bad = await fetch(`${origin}/youtube/v3/captions/${list.items[0].id}?tfmt=doc`, { headers: auth });
    expect([bad.status, await reason(bad)]).toEqual([400, 'invalidParameter']);
  });
});
