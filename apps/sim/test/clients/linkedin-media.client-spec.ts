import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_ORG, type RunningSim } from '../../src';
import { shapeMismatches } from '../support';
import { clientSim, postJson, received } from './support';
import { orgPost } from './linkedin-client';

const VERSION = '202610';
const token = DEMO_LINKEDIN_ORG.accessToken;
const PART = 4 * 1024 * 1024;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}
interface UploadInstruction {
  uploadUrl: string;
  firstByte: number;
  lastByte: number;
}

/**
 * The Videos and Documents APIs and the post forms around them through linkedin-api-client, with
 * only the hosts changed (see linkedin.client-spec.ts): a video in two parts (4 MiB and the rest)
 * finalized with the parts' ETags, PROCESSING then AVAILABLE; a document; posts with the video,
 * the document, several images (multiImage) and a reshare (reshareContext with parent and root).
 */
describe('linkedin-api-client: videos, documents, multi-image posts and reshares against the sim', () => {
  let sim: RunningSim;
  let restli: RestliClient;
  let axios: AxiosLike;
  let hook: number;
  const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });

  beforeAll(async () => {
    sim = await clientSim(false);
    await postJson(`${sim.url}/_sim/generate`, { count: 40, network: 'linkedin' });
    restli = new RestliClient();
    (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
    axios = jest.requireActual<AxiosLike>(require.resolve('axios', { paths: [dirname(require.resolve('linkedin-api-client'))] }));
    hook = axios.interceptors.request.use(toSim);
  });
  afterAll(async () => {
    axios.interceptors.request.eject(hook);
    await sim.close();
  });

  const status = (p: Promise<unknown>) =>
    p.then(
      () => 0,
      (e: unknown) => (e as { response?: { status: number } }).response?.status,
    );
  const action = (resource: string, actionName: string, data: Record<string, unknown>) =>
    restli.action({ resourcePath: resource, actionName, data, accessToken: token, versionString: VERSION });
  const get = async (resource: string, urn: string) =>
    (await restli.get({ resourcePath: `${resource}/{id}`, pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data as Record<string, unknown>;
  const put = (url: string, body: Buffer, type = 'application/octet-stream') =>
    fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
  const post = (entity: Record<string, unknown>) =>
    restli.create({
      resourcePath: '/posts',
      entity: orgPost(entity),
      accessToken: token,
      versionString: VERSION,
    });

  async function uploadImage(): Promise<string> {
    const init = await action('/images', 'initializeUpload', { initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn } });
    const { uploadUrl, image } = init.data.value as { uploadUrl: string; image: string };
    expect((await put(uploadUrl, Buffer.alloc(1024, 7), 'image/png')).status).toBe(201);
    return image;
  }

  it('uploads a video in two parts, finalizes it with the ETags, reads PROCESSING then AVAILABLE, and posts it', async () => {
    const size = PART + 300_000;
    const init = await action('/videos', 'initializeUpload', {
      initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn, fileSizeBytes: size, uploadCaptions: false, uploadThumbnail: true },
    });
    const value = init.data.value as {
      video: string;
      uploadToken: string;
      uploadInstructions: UploadInstruction[];
      uploadUrlsExpireAt: number;
      thumbnailUploadUrl?: string;
    };
    expect(value.video).toMatch(/^urn:li:video:C5F10AQ[A-Z0-9]+$/);
    expect(value.uploadInstructions.map(({ firstByte, lastByte }) => [firstByte, lastByte])).toEqual([
      [0, PART - 1],
      [PART, size - 1],
    ]);
    expect(value.uploadToken).not.toBe('');
    expect(value.thumbnailUploadUrl).toEqual(expect.any(String));
    expect(await get('/videos', value.video)).toMatchObject({ id: value.video, owner: DEMO_LINKEDIN_ORG.urn, status: 'WAITING_UPLOAD' });

    // A part of the wrong length is refused; finalizing before every part arrived too.
    expect((await put(value.uploadInstructions[1].uploadUrl, Buffer.alloc(10))).status).toBe(400);
    const etags: string[] = [];
    const first = await put(value.uploadInstructions[0].uploadUrl, Buffer.alloc(PART, 1));
    expect(first.status).toBe(200);
    etags.push(first.headers.get('etag')!);
    const finalize = (uploadedPartIds: string[]) =>
      action('/videos', 'finalizeUpload', { finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds } });
    expect(await status(finalize(etags))).toBe(400);
    const second = await put(value.uploadInstructions[1].uploadUrl, Buffer.alloc(size - PART, 2));
    etags.push(second.headers.get('etag')!);
    expect(etags.every((e) => e.length > 0)).toBe(true);
    // A post cannot use a video that is not finalized.
    expect(await status(post({ commentary: 'zu früh', content: { media: { id: value.video, title: 'Lager' } } }))).toBe(422);
    expect(await status(finalize([...etags].reverse()))).toBe(400);
    expect((await finalize(etags)).status).toBe(200);

    expect(await get('/videos', value.video)).toMatchObject({ status: 'PROCESSING' });
    const ready = await get('/videos', value.video);
    expect(ready).toMatchObject({ status: 'AVAILABLE', downloadUrl: expect.stringMatching(/^https:\/\//), thumbnail: expect.any(String) });

    const created = await post({ commentary: 'Ein Rundgang durchs Lager', content: { media: { id: value.video, title: 'Rundgang' } } });
    expect(created.status).toBe(201);
    const read = await get('/posts', created.createdEntityId as string);
    expect(read).toMatchObject({ content: { media: { id: value.video, title: 'Rundgang' } } });
    // The video post has the recorded one's shape, key for key (that one is direct sponsored content: adContext is its own).
    const recorded: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'linkedin', 'post-object-org-author.json'), 'utf8'));
    expect(shapeMismatches(recorded, read, ['$.adContext'])).toEqual([]);
    const uploads = (await received(sim, 'linkedin')).filter((r) => r.kind === 'media_upload').map((r) => r.externalId);
    expect(uploads).toContain(value.video);
  });

  it('uploads a document (PROCESSING, then AVAILABLE) and posts it with its title; reads documents by BATCH_GET', async () => {
    const init = await action('/documents', 'initializeUpload', { initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn } });
    const { uploadUrl, document } = init.data.value as { uploadUrl: string; document: string; uploadUrlExpiresAt: number };
    expect(document).toMatch(/^urn:li:document:D4D10AQ[A-Z0-9]+$/);
    expect(await get('/documents', document)).toMatchObject({ status: 'WAITING_UPLOAD', owner: DEMO_LINKEDIN_ORG.urn });
    expect((await put(uploadUrl, Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf')).status).toBe(201);
    expect(await get('/documents', document)).toMatchObject({ status: 'PROCESSING' });
    expect(await get('/documents', document)).toMatchObject({ status: 'AVAILABLE', downloadUrl: expect.stringMatching(/^https:\/\/media\.licdn\.com\//) });

    expect(await status(post({ commentary: 'ohne Titel', content: { media: { id: document } } }))).toBe(422);
    const created = await post({ commentary: 'Unser Katalog', content: { media: { id: document, title: 'Katalog 2027' } } });
    expect(await get('/posts', created.createdEntityId as string)).toMatchObject({ content: { media: { id: document, title: 'Katalog 2027' } } });

    const missing = 'urn:li:document:D4D10AQNOPE';
    const batch = await restli.batchGet({ resourcePath: '/documents', ids: [document, missing], accessToken: token, versionString: VERSION });
    expect(batch.data.results[document]).toMatchObject({ id: document, status: 'AVAILABLE' });
    expect(batch.data.statuses).toMatchObject({ [document]: 200, [missing]: 404 });
  });

  it('posts several images (multiImage) and refuses one image or one not uploaded', async () => {
    const images = [await uploadImage(), await uploadImage(), await uploadImage()];
    const created = await post({
      commentary: 'Drei Blicke ins Lager',
      content: { multiImage: { images: images.map((id, i) => ({ id, altText: `Bild ${i + 1}` })) } },
    });
    expect(created.status).toBe(201);
    const read = await get('/posts', created.createdEntityId as string);
    expect(read.content).toEqual({ multiImage: { images: images.map((id, i) => ({ id, altText: `Bild ${i + 1}` })) } });
    expect(await status(post({ commentary: 'eins', content: { multiImage: { images: [{ id: images[0] }] } } }))).toBe(422);
    expect(await status(post({ commentary: 'fremd', content: { multiImage: { images: [{ id: images[0] }, { id: 'urn:li:image:D4E10AQNOPE' }] } } }))).toBe(422);
  });

  it('reshares a post (reshareContext parent; root the original through a chain) and refuses a post whose author disabled resharing', async () => {
    const original = (await post({ commentary: 'Das Original' })).createdEntityId as string;
    const first = (await post({ reshareContext: { parent: original } })).createdEntityId as string;
    expect(await get('/posts', first)).toMatchObject({ reshareContext: { parent: original, root: original }, commentary: '' });
    const second = (await post({ commentary: 'Weitergesagt', reshareContext: { parent: first } })).createdEntityId as string;
    expect(await get('/posts', second)).toMatchObject({ reshareContext: { parent: first, root: original } });
    const locked = (await post({ commentary: 'Nicht teilen', isReshareDisabledByAuthor: true })).createdEntityId as string;
    expect(await status(post({ reshareContext: { parent: locked } }))).toBe(422);
    expect(await status(post({ reshareContext: { parent: 'urn:li:share:1' } }))).toBe(422);
  });
});
