import { dirname } from 'node:path';
import { AuthClient, RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received, redirectOf } from './support';

const VERSION = '202610';
const REDIRECT = 'http://127.0.0.1:3000/api/oauth/callback/linkedin';
const token = DEMO_LINKEDIN_ORG.accessToken;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}

/**
 * LinkedIn's linkedin-api-client against the sim. The client hard-wires https://api.linkedin.com
 * and https://www.linkedin.com/oauth/v2 and calls through axios: a request interceptor swaps those
 * hosts for the sim's LinkedIn origin, the only change. Rest.li encoding, headers and bodies are
 * the client's own.
 */
describe('linkedin-api-client against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let restli: RestliClient;
  let axios: AxiosLike;
  let globalHook: number;
  const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'linkedin' })).body.items;
    restli = new RestliClient();
    (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
    // AuthClient calls the axios module itself (the one the client resolves).
    axios = jest.requireActual<AxiosLike>(require.resolve('axios', { paths: [dirname(require.resolve('linkedin-api-client'))] }));
    globalHook = axios.interceptors.request.use(toSim);
  });
  afterAll(async () => {
    axios.interceptors.request.eject(globalHook);
    await sim.close();
  });

  const comments = () => truth.filter((t) => t.kind === 'comment');

  it('connects: the authorization URL, the code exchange and a refresh', async () => {
    const auth = new AuthClient({ clientId: DEMO_LINKEDIN_APP.clientId, clientSecret: DEMO_LINKEDIN_APP.clientSecret, redirectUrl: REDIRECT });
    const url = new URL(auth.generateMemberAuthorizationUrl(['r_organization_social', 'w_organization_social', 'rw_organization_admin'], 'st-9'));
    expect(url.origin).toBe('https://www.linkedin.com');
    const back = await redirectOf(toSim({ url: url.toString() }).url!); // the browser's side of the host change
    const callback = new URL(back.location!);
    expect(callback.searchParams.get('state')).toBe('st-9');
    const tokens = await auth.exchangeAuthCodeForAccessToken(callback.searchParams.get('code')!);
    expect(tokens).toMatchObject({ access_token: expect.any(String), expires_in: expect.any(Number), refresh_token: expect.any(String) });
    const refreshed = await auth.exchangeRefreshTokenForAccessToken(tokens.refresh_token!);
    expect(refreshed.access_token).toEqual(expect.any(String));
    const acls = await restli.finder({
      resourcePath: '/organizationAcls',
      finderName: 'roleAssignee',
      queryParams: { role: 'ADMINISTRATOR', state: 'APPROVED' },
      accessToken: refreshed.access_token,
      versionString: VERSION,
    });
    expect(acls.data.elements).toEqual([expect.objectContaining({ organization: DEMO_LINKEDIN_ORG.urn, role: 'ADMINISTRATOR', state: 'APPROVED' })]);
    const org = await restli.get({
      resourcePath: '/organizations/{id}',
      pathKeys: { id: DEMO_LINKEDIN_ORG.id },
      accessToken: refreshed.access_token,
      versionString: VERSION,
    });
    expect(org.data).toMatchObject({ localizedName: DEMO_LINKEDIN_ORG.name, vanityName: DEMO_LINKEDIN_ORG.vanityName });
  });

  it('reads what the sync reads: posts by author, social actions, comments page by page (with images), commenters by batch get', async () => {
    const posts = await restli.finder({
      resourcePath: '/posts',
      finderName: 'author',
      queryParams: { author: DEMO_LINKEDIN_ORG.urn, sortBy: 'CREATED', count: 100 },
      accessToken: token,
      versionString: VERSION,
    });
    const expectedPosts = truth.filter((t) => t.kind === 'post');
    expect(posts.data.elements.map((p) => String(p.id)).sort()).toEqual(expectedPosts.map((p) => p.externalId).sort());
    const busiest = expectedPosts.map((p) => ({ p, n: comments().filter((c) => c.postExternalId === p.externalId).length })).sort((a, b) => b.n - a.n)[0].p;

    const actions = await restli.get({ resourcePath: '/socialActions/{id}', pathKeys: { id: busiest.externalId }, accessToken: token, versionString: VERSION });
    expect(actions.data.commentsSummary.aggregatedTotalComments).toBe(comments().filter((c) => c.postExternalId === busiest.externalId).length);

    const read: Array<{ $URN: string; actor?: string; message: { text: string }; content?: Array<{ type: string; url: string }> }> = [];
    for (let start = 0; ; start += 10) {
      const page = await restli.getAll({
        resourcePath: '/socialActions/{id}/comments',
        pathKeys: { id: busiest.externalId },
        queryParams: { start, count: 10 },
        accessToken: token,
        versionString: VERSION,
      });
      read.push(...(page.data.elements as unknown as typeof read));
      if (start + 10 >= (page.data.paging?.total ?? 0)) break;
    }
    const topLevel = comments().filter((c) => c.postExternalId === busiest.externalId && c.parentExternalId === null);
    expect(read.map((c) => c.$URN).sort()).toEqual(topLevel.map((c) => c.externalId).sort());
    expect(read.find((c) => c.$URN === topLevel[0].externalId)?.message.text).toBe(topLevel[0].text);

    // Some customers' comments carry an image in `content`, as the real comment-with-image does.
    const everyComment: typeof read = [];
    for (const post of expectedPosts) {
      const page = await restli.getAll({
        resourcePath: '/socialActions/{id}/comments',
        pathKeys: { id: post.externalId },
        queryParams: { count: 100 },
        accessToken: token,
        versionString: VERSION,
      });
      everyComment.push(...(page.data.elements as unknown as typeof read));
    }
    const withImage = everyComment.filter((c) => c.content);
    expect(withImage.length).toBeGreaterThan(0);
    expect(withImage[0].content![0]).toMatchObject({
      type: 'IMAGE',
      url: expect.stringMatching(/^https:\/\/media\.licdn\.com\/dms\/image\//),
      entity: { digitalmediaAsset: expect.stringMatching(/^urn:li:digitalmediaAsset:/) },
    });
    expect(withImage.every((c) => c.actor !== DEMO_LINKEDIN_ORG.urn)).toBe(true);

    const people = [
      ...new Set(
        comments()
          .map((c) => c.author?.externalId)
          .filter((u): u is string => !!u && u.startsWith('urn:li:person:')),
      ),
    ].slice(0, 5);
    const ids = people.map((urn) => ({ id: urn.replace('urn:li:person:', '') }));
    const batch = await restli.batchGet({ resourcePath: '/people', ids, accessToken: token, versionString: VERSION });
    const names = Object.values(batch.data.results as Record<string, { localizedFirstName: string; localizedLastName: string }>).map((p) =>
      `${p.localizedFirstName} ${p.localizedLastName}`.trim(),
    );
    expect(names.sort()).toEqual(people.map((urn) => comments().find((c) => c.author?.externalId === urn)!.author!.name).sort());
  });

  it('replies to a comment with create, as the page', async () => {
    const top = comments().find((c) => c.parentExternalId === null && !c.fromAccount)!;
    const created = await restli.create({
      resourcePath: '/socialActions/{id}/comments',
      pathKeys: { id: top.externalId },
      entity: { actor: DEMO_LINKEDIN_ORG.urn, object: top.postExternalId, parentComment: top.externalId, message: { text: 'Danke für Ihren Kommentar!' } },
      accessToken: token,
      versionString: VERSION,
    });
    expect(created.status).toBe(201);
    expect(created.createdEntityId).toMatch(/^\d+$/);
    expect((await received(sim, 'linkedin')).map((r) => [r.targetId, r.text])).toContainEqual([top.externalId, 'Danke für Ihren Kommentar!']);
  });

  it("surfaces the sim's errors through the client", async () => {
    const error = await restli
      .get({ resourcePath: '/organizations/{id}', pathKeys: { id: DEMO_LINKEDIN_ORG.id }, accessToken: 'not-a-token', versionString: VERSION })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ response: { status: 401 } });
  });
});
