import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AuthClient, RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_APP, DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../../src';
import { shapeMismatches } from '../support';
import { clientSim, postJson, received, redirectOf } from './support';

const VERSION = '202610';
const token = DEMO_LINKEDIN_ORG.accessToken;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}
interface LiComment {
  id: string;
  $URN: string;
  actor?: string;
  message: { text: string };
  lastModified: { time: number };
  created: { time: number };
  content?: Array<{ type: string; url: string; entity: { digitalmediaAsset: string } }>;
}

/**
 * linkedin-api-client forms around the product's calls, with only the hosts changed (see
 * linkedin.client-spec.ts): one post and one comment by id, posts by BATCH_GET, a reply with an
 * image, editing it with PARTIAL_UPDATE, and token introspection.
 */
describe('linkedin-api-client: more forms against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let restli: RestliClient;
  let axios: AxiosLike;
  let globalHook: number;
  const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'linkedin' })).body.items;
    restli = new RestliClient();
    (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
    axios = jest.requireActual<AxiosLike>(require.resolve('axios', { paths: [dirname(require.resolve('linkedin-api-client'))] }));
    globalHook = axios.interceptors.request.use(toSim);
  });
  afterAll(async () => {
    axios.interceptors.request.eject(globalHook);
    await sim.close();
  });

  const posts = () => truth.filter((t) => t.kind === 'post');
  const comments = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount);

  it('reads one post, posts by BATCH_GET (naming the missing one), and one comment by id', async () => {
    const [a, b] = posts();
    const one = await restli.get({ resourcePath: '/posts/{id}', pathKeys: { id: a.externalId }, accessToken: token, versionString: VERSION });
    expect(one.data).toMatchObject({ id: a.externalId, author: DEMO_LINKEDIN_ORG.urn, commentary: expect.any(String) });
    const missing = 'urn:li:share:1';
    const batch = await restli.batchGet({ resourcePath: '/posts', ids: [a.externalId, b.externalId, missing], accessToken: token, versionString: VERSION });
    expect(Object.keys(batch.data.results).sort()).toEqual([a.externalId, b.externalId].sort());
    expect(batch.data.statuses).toMatchObject({ [a.externalId]: 200, [missing]: 404 });
    expect(batch.data.errors[missing]).toMatchObject({ status: 404 });

    const comment = comments()[0];
    const id = /,(\d+)\)$/.exec(comment.externalId)![1];
    const byId = await restli.get({
      resourcePath: '/socialActions/{id}/comments/{commentId}',
      pathKeys: { id: comment.postExternalId!, commentId: id },
      accessToken: token,
      versionString: VERSION,
    });
    expect(byId.data).toMatchObject({ id, $URN: comment.externalId, message: { text: comment.text } });
  });

  it('replies with an image, then edits the reply with PARTIAL_UPDATE', async () => {
    const top = comments().find((c) => c.parentExternalId === null)!;
    const asset = 'C4E22AQFakeImage01';
    const created = await restli.create({
      resourcePath: '/socialActions/{id}/comments',
      pathKeys: { id: top.externalId },
      entity: {
        actor: DEMO_LINKEDIN_ORG.urn,
        object: top.postExternalId,
        parentComment: top.externalId,
        message: { text: 'Hier das Bild' },
        content: [{ entity: { image: `urn:li:image:${asset}` } }],
      },
      accessToken: token,
      versionString: VERSION,
    });
    const id = created.createdEntityId as string;
    const path = { id: top.externalId, commentId: id };
    const read = async () =>
      (await restli.get({ resourcePath: '/socialActions/{id}/comments/{commentId}', pathKeys: path, accessToken: token, versionString: VERSION }))
        .data as LiComment;
    // The image comes back in the recorded shape (comment-object-org-actor-with-image.json).
    expect((await read()).content).toEqual([
      {
        type: 'IMAGE',
        url: expect.stringMatching(/^https:\/\/media\.licdn\.com\/dms\/image\//),
        entity: { digitalmediaAsset: `urn:li:digitalmediaAsset:${asset}` },
      },
    ]);
    // The organization's comment with an image has the recorded one's shape, key for key.
    const recorded: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'linkedin', 'comment-object-org-actor-with-image.json'), 'utf8'));
    expect(shapeMismatches(recorded, await read())).toEqual([]);
    const edited = await restli.partialUpdate({
      resourcePath: '/socialActions/{id}/comments/{commentId}',
      pathKeys: path,
      queryParams: { actor: DEMO_LINKEDIN_ORG.urn },
      patchSetObject: { message: { text: 'Hier das Bild (ergänzt)' } },
      accessToken: token,
      versionString: VERSION,
    });
    expect(edited.status).toBe(200);
    const after = await read();
    expect(after.message.text).toBe('Hier das Bild (ergänzt)');
    expect(after.lastModified.time).toBeGreaterThanOrEqual(after.created.time);
    expect((await received(sim, 'linkedin')).map((r) => r.text)).toContain('Hier das Bild');

    // A customer's comment is not the organization's to edit.
    const foreign = await restli
      .partialUpdate({
        resourcePath: '/socialActions/{id}/comments/{commentId}',
        pathKeys: { id: top.postExternalId!, commentId: /,(\d+)\)$/.exec(top.externalId)![1] },
        queryParams: { actor: DEMO_LINKEDIN_ORG.urn },
        patchSetObject: { message: { text: 'nicht meins' } },
        accessToken: token,
        versionString: VERSION,
      })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ response: { status: 403 } });
  });

  it('signs a member in with OpenID Connect: userinfo and the lite profile (/v2/me) with the token', async () => {
    const auth = new AuthClient({
      clientId: DEMO_LINKEDIN_APP.clientId,
      clientSecret: DEMO_LINKEDIN_APP.clientSecret,
      redirectUrl: 'http://127.0.0.1:3000/cb',
    });
    const back = await redirectOf(toSim({ url: auth.generateMemberAuthorizationUrl(['openid', 'profile', 'email'], 'st-1') }).url!);
    const { access_token: member } = await auth.exchangeAuthCodeForAccessToken(new URL(back.location!).searchParams.get('code')!);
    const info = await restli.get({ resourcePath: '/userinfo', accessToken: member });
    expect(info.data).toMatchObject({ sub: expect.any(String), given_name: expect.any(String), family_name: expect.any(String), email_verified: true });
    const me = await restli.get({ resourcePath: '/me', accessToken: member });
    expect(me.data).toMatchObject({ id: info.data.sub, localizedFirstName: info.data.given_name });
    // The organization token carries no openid scope.
    const refused = await restli.get({ resourcePath: '/userinfo', accessToken: token }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ response: { status: 403 } });
  });

  it('introspects a token: active with its scopes; an unknown one inactive', async () => {
    const auth = new AuthClient({
      clientId: DEMO_LINKEDIN_APP.clientId,
      clientSecret: DEMO_LINKEDIN_APP.clientSecret,
      redirectUrl: 'http://127.0.0.1:3000/cb',
    });
    // The client's type says the introspection body, but it resolves to axios's response: the body is its `data`.
    const introspect = async (value: string) => ((await auth.introspectAccessToken(value)) as unknown as { data: Record<string, unknown> }).data;
    const info = await introspect(token);
    expect(info).toMatchObject({
      active: true,
      status: 'active',
      client_id: DEMO_LINKEDIN_APP.clientId,
      scope: expect.stringContaining('w_organization_social'),
    });
    expect(info.expires_at).toBeGreaterThan(Date.now() / 1000);
    const unknown = await introspect('not-a-token');
    expect(unknown).toMatchObject({ active: false });
  });
});
