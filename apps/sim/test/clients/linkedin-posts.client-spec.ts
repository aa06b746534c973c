import { dirname } from 'node:path';
import { RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_ORG, type RunningSim } from '../../src';
import { clientSim, postJson, received } from './support';
import { orgPost } from './linkedin-client';

const VERSION = '202610';
const token = DEMO_LINKEDIN_ORG.accessToken;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}
interface LiPost {
  id: string;
  author: string;
  commentary: string;
  lifecycleState: string;
  visibility: string;
  publishedAt?: number;
  content?: { media?: { id: string; altText?: string }; article?: { source: string; title: string } };
  lifecycleStateInfo: { isEditedByAuthor: boolean };
}

/**
 * The Posts and Images APIs through linkedin-api-client with only the hosts changed (see
 * linkedin.client-spec.ts): an image uploaded with initializeUpload and a PUT of its bytes, posts
 * created with text, the image or an article (the URN in x-restli-id), edited with
 * PARTIAL_UPDATE, deleted, and what LinkedIn refuses.
 */
describe('linkedin-api-client: posts and images written against the sim', () => {
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

  const post = (entity: Record<string, unknown>) =>
    restli.create({
      resourcePath: '/posts',
      entity: orgPost(entity),
      accessToken: token,
      versionString: VERSION,
    });
  const read = async (urn: string) =>
    (await restli.get({ resourcePath: '/posts/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data as LiPost;
  const listed = async () =>
    (
      await restli.finder({
        resourcePath: '/posts',
        finderName: 'author',
        queryParams: { author: DEMO_LINKEDIN_ORG.urn, count: 100 },
        accessToken: token,
        versionString: VERSION,
      })
    ).data.elements.map((p) => (p as unknown as LiPost).id);

  async function uploadImage(): Promise<string> {
    const init = await restli.action({
      resourcePath: '/images',
      actionName: 'initializeUpload',
      data: { initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn } },
      accessToken: token,
      versionString: VERSION,
    });
    const { uploadUrl, image } = init.data.value as { uploadUrl: string; image: string; uploadUrlExpiresAt: number };
    expect(image).toMatch(/^urn:li:image:[A-Za-z0-9_-]+$/);
    const waiting = await restli.get({ resourcePath: '/images/{id}', pathKeys: { id: image }, accessToken: token, versionString: VERSION });
    expect(waiting.data).toMatchObject({ id: image, owner: DEMO_LINKEDIN_ORG.urn, status: 'WAITING_UPLOAD' });
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      body: Buffer.alloc(2048, 1),
    });
    expect(put.status).toBe(201);
    return image;
  }

  it('uploads an image (initializeUpload, then the bytes) and posts it; the post reads back with its content', async () => {
    const image = await uploadImage();
    const ready = await restli.get({ resourcePath: '/images/{id}', pathKeys: { id: image }, accessToken: token, versionString: VERSION });
    expect(ready.data).toMatchObject({ status: 'AVAILABLE', downloadUrl: expect.stringMatching(/^https:\/\/media\.licdn\.com\//) });
    const created = await post({ commentary: 'Unser neues Lager', content: { media: { id: image, altText: 'Regale voller Kisten' } } });
    expect(created.status).toBe(201);
    expect(created.createdEntityId).toMatch(/^urn:li:share:\d+$/);
    expect(await read(created.createdEntityId as string)).toMatchObject({
      id: created.createdEntityId,
      author: DEMO_LINKEDIN_ORG.urn,
      commentary: 'Unser neues Lager',
      lifecycleState: 'PUBLISHED',
      content: { media: { id: image, altText: 'Regale voller Kisten' } },
    });
    expect((await listed())[0]).toBe(created.createdEntityId);
    expect((await received(sim, 'linkedin')).filter((r) => r.kind === 'media_upload').map((r) => r.externalId)).toEqual([image]);
  });

  it('posts a text and an article as a draft, edits the commentary with PARTIAL_UPDATE, and deletes a post', async () => {
    const text = await post({ commentary: 'Erste Fassung' });
    const urn = text.createdEntityId as string;
    const edited = await restli.partialUpdate({
      resourcePath: '/posts/{id}',
      pathKeys: { id: urn },
      patchSetObject: { commentary: 'Zweite Fassung' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(edited.status).toBe(204);
    expect(await read(urn)).toMatchObject({ commentary: 'Zweite Fassung', lifecycleStateInfo: { isEditedByAuthor: true } });
    const draft = await post({
      commentary: 'Lesetipp',
      lifecycleState: 'DRAFT',
      content: { article: { source: 'https://example.com/blog', title: 'Unser Blog' } },
    });
    const saved = await read(draft.createdEntityId as string);
    expect(saved).toMatchObject({ lifecycleState: 'DRAFT', content: { article: { source: 'https://example.com/blog', title: 'Unser Blog' } } });
    expect(saved.publishedAt).toBeUndefined();
    const removed = await restli.delete({ resourcePath: '/posts/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION });
    expect(removed.status).toBe(204);
    expect(await listed()).not.toContain(urn);
    const gone = await read(urn).catch((e: unknown) => (e as { response?: { status: number } }).response?.status);
    expect(gone).toBe(404);
    const kinds = (await received(sim, 'linkedin')).filter((r) => r.externalId === urn).map((r) => r.kind);
    expect(kinds).toEqual(['post_publish', 'post_edit', 'post_delete']);
  });

  it('refuses a post for another author, one with an image not uploaded, and one without a visibility, creating nothing', async () => {
    const before = await listed();
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 0,
        (e: unknown) => (e as { response?: { status: number } }).response?.status,
      );
    expect(await status(post({ author: 'urn:li:organization:1', commentary: 'fremd' }))).toBe(403);
    const pending = (
      (
        await restli.action({
          resourcePath: '/images',
          actionName: 'initializeUpload',
          data: { initializeUploadRequest: { owner: DEMO_LINKEDIN_ORG.urn } },
          accessToken: token,
          versionString: VERSION,
        })
      ).data.value as { image: string }
    ).image;
    expect(await status(post({ commentary: 'ohne Bytes', content: { media: { id: pending } } }))).toBe(422);
    expect(await status(post({ commentary: 'unsichtbar', visibility: undefined }))).toBe(422);
    expect(await status(post({ commentary: '' }))).toBe(422);
    expect(await listed()).toEqual(before);
  });
});
