import { DEMO_YOUTUBE_CHANNEL, type RunningSim } from '../src';
import { getJson, type JsonBody, postJson, testSim } from './support';

const auth = { authorization: `Bearer ${DEMO_YOUTUBE_CHANNEL.accessToken}` };
const BYTES = Buffer.alloc(250, 7);

/**
 * Upload forms @googleapis/youtube does not send, by plain fetch at the YouTube origin: the
 * resumable protocol (session, chunks with Content-Range, 308 Resume Incomplete with Range, status
 * query, 201 at the end), and the upload errors (no uploadType, no media, metadata at the API path,
 * a spent videos.insert bucket).
 */
describe('YouTube uploads in the sim (resumable protocol and errors)', () => {
  let sim: RunningSim;
  let origin: string;

  beforeAll(async () => {
    sim = await testSim();
    origin = sim.origins.youtube;
    await postJson(`${sim.url}/_sim/generate`, { count: 40, network: 'youtube' });
  });
  afterAll(() => sim.close());

  const put = (url: string, body: Buffer, range?: string) =>
    fetch(url, { method: 'PUT', headers: { 'content-type': 'video/mp4', ...(range ? { 'content-range': range } : {}) }, body });

  async function session(total: number): Promise<string> {
    const res = await fetch(`${origin}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(total), 'x-upload-content-type': 'video/mp4' },
      body: JSON.stringify({ snippet: { title: 'Stück für Stück', categoryId: '22' }, status: { privacyStatus: 'private' } }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${origin}/upload/youtube/v3/videos\\?uploadType=resumable&upload_id=[\\w-]+&part=snippet%2Cstatus$`));
    return location;
  }

  it('takes a file in chunks: 308 with the Range received, a status query, a chunk out of order ignored, 201 with the video', async () => {
    const url = await session(BYTES.length);
    const first = await put(url, BYTES.subarray(0, 100), 'bytes 0-99/250');
    expect([first.status, first.headers.get('range')]).toEqual([308, 'bytes=0-99']);
    const status = await put(url, Buffer.alloc(0), 'bytes */250');
    expect([status.status, status.headers.get('range')]).toEqual([308, 'bytes=0-99']);
    const skipped = await put(url, BYTES.subarray(150), 'bytes 150-249/250');
    expect([skipped.status, skipped.headers.get('range')]).toEqual([308, 'bytes=0-99']);
    const last = await put(url, BYTES.subarray(100), 'bytes 100-249/250');
    expect(last.status).toBe(201);
    const video = (await last.json()) as JsonBody;
    expect(video).toMatchObject({
      kind: 'youtube#video',
      snippet: { title: 'Stück für Stück' },
      status: { privacyStatus: 'private', uploadStatus: 'uploaded' },
    });
    // Asking again after the end answers the video, not a new one.
    const again = await put(url, Buffer.alloc(0), 'bytes */250');
    expect(again.status).toBe(200);
    expect(((await again.json()) as JsonBody).id).toBe(video.id);
    const listed = await getJson(`${origin}/youtube/v3/videos?part=fileDetails&id=${video.id}`, { headers: auth });
    expect(listed.body.items[0].fileDetails).toMatchObject({ fileSize: '250' });
  });

  it('takes the whole file in one PUT without Content-Range', async () => {
    const url = await session(BYTES.length);
    const res = await put(url, BYTES);
    expect(res.status).toBe(201);
  });

  it('answers the upload errors in Google shapes', async () => {
    const reason = async (res: Response) => ((await res.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0].reason;
    const noType = await fetch(`${origin}/upload/youtube/v3/videos?part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'video/mp4' },
      body: BYTES,
    });
    expect([noType.status, await reason(noType)]).toEqual([400, 'wrongUrlForUpload']);
    const atApi = await fetch(`${origin}/youtube/v3/videos?part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { title: 'nur Metadaten' } }),
    });
    expect([atApi.status, await reason(atApi)]).toEqual([400, 'mediaBodyRequired']);
    const boundary = 'b0undary';
    const onlyMeta = await fetch(`${origin}/upload/youtube/v3/videos?part=snippet&uploadType=multipart`, {
      method: 'POST',
      headers: { ...auth, 'content-type': `multipart/related; boundary=${boundary}` },
      body: `--${boundary}\r\ncontent-type: application/json\r\n\r\n{"snippet":{"title":"t"}}\r\n--${boundary}--`,
    });
    expect([onlyMeta.status, await reason(onlyMeta)]).toEqual([400, 'mediaBodyRequired']);
    const stale = await put(`${origin}/upload/youtube/v3/videos?uploadType=resumable&upload_id=nope`, BYTES);
    expect(stale.status).toBe(404);
    const anonymous = await fetch(`${origin}/upload/youtube/v3/videos?uploadType=media&part=snippet`, {
      method: 'POST',
      headers: { 'content-type': 'video/mp4' },
      body: BYTES,
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses uploads when the videos.insert bucket is spent, while other calls go on', async () => {
    await postJson(`${sim.url}/_sim/youtube/quota`, { bucket: 'upload', daily: 2, used: 2 });
    const res = await fetch(`${origin}/upload/youtube/v3/videos?uploadType=media&part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'video/mp4' },
      body: BYTES,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0].reason).toBe('quotaExceeded');
    expect((await getJson(`${origin}/youtube/v3/channels?part=id&mine=true`, { headers: auth })).status).toBe(200);
    const q = (await getJson(`${sim.url}/_sim/youtube/quota`)).body;
    expect(q.buckets.upload).toEqual({ daily: 2, used: 2 });
    await postJson(`${sim.url}/_sim/youtube/quota`, { bucket: 'upload', daily: 100, used: 0 });
  });
});
