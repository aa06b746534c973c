import { RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const VERSION = '202610';
const token = DEMO_LINKEDIN_ORG.accessToken;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number } };
}
interface SocialMetadata {
  reactionSummaries: Record<string, { reactionType: string; count: number }>;
  commentsState: 'OPEN' | 'CLOSED';
  commentSummary: { count: number; topLevelCount: number };
  entity: string;
}

/**
 * The Social Metadata API through linkedin-api-client, with only the host changed: reaction
 * summaries by type that agree with the reactions finder, comment counts that agree with the
 * comments, BATCH_GET, and closing a post's comments (which deletes them and refuses new ones)
 * and opening them again.
 */
describe('linkedin-api-client: socialMetadata against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let restli: RestliClient;
  const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 400, network: 'linkedin' })).body.items;
    restli = new RestliClient();
    (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
  });
  afterAll(async () => {
    await sim.close();
  });

  const metadata = async (urn: string) =>
    (await restli.get({ resourcePath: '/socialMetadata/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION }))
      .data as unknown as SocialMetadata;
  const comments = async (urn: string) =>
    (
      await restli.getAll({
        resourcePath: '/socialActions/{id}/comments',
        pathKeys: { id: urn },
        queryParams: { count: 100 },
        accessToken: token,
        versionString: VERSION,
      })
    ).data.elements as unknown as Array<{ $URN: string }>;
  /** The post with the most comments in the generated world. */
  const busiestPost = () => {
    const counts = new Map<string, number>();
    for (const t of truth) if (t.kind === 'comment' && t.postExternalId) counts.set(t.postExternalId, (counts.get(t.postExternalId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  };

  it('summarises reactions by type as the reactions finder lists them, and comments as the socialActions count them', async () => {
    const urn = busiestPost();
    const meta = await metadata(urn);
    const found = await restli.finder({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { entity: urn } },
      finderName: 'entity',
      queryParams: { count: 100 },
      accessToken: token,
      versionString: VERSION,
    });
    const byType: Record<string, { reactionType: string; count: number }> = {};
    for (const r of found.data.elements as Array<{ reactionType: string }>) (byType[r.reactionType] ??= { reactionType: r.reactionType, count: 0 }).count += 1;
    expect(meta.reactionSummaries).toEqual(byType);
    const actions = (await restli.get({ resourcePath: '/socialActions/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data as {
      commentsSummary: { aggregatedTotalComments: number; totalFirstLevelComments: number };
    };
    expect(meta).toMatchObject({
      entity: urn,
      commentsState: 'OPEN',
      commentSummary: { count: actions.commentsSummary.aggregatedTotalComments, topLevelCount: actions.commentsSummary.totalFirstLevelComments },
    });
    expect(meta.commentSummary.count).toBeGreaterThan(0);
  });

  it('reads several by BATCH_GET, naming the missing one', async () => {
    const posts = truth.filter((t) => t.kind === 'post').map((t) => t.externalId);
    const missing = 'urn:li:share:1';
    const batch = await restli.batchGet({ resourcePath: '/socialMetadata', ids: [posts[0], posts[1], missing], accessToken: token, versionString: VERSION });
    expect(Object.keys(batch.data.results).sort()).toEqual([posts[0], posts[1]].sort());
    expect(batch.data.results[posts[0]]).toMatchObject({ entity: posts[0], commentsState: 'OPEN' });
    expect(batch.data.statuses).toMatchObject({ [posts[0]]: 200, [missing]: 404 });
  });

  it('closes comments on a post (its comments are deleted, a new one refused), then opens them again', async () => {
    const urn = busiestPost();
    expect((await comments(urn)).length).toBeGreaterThan(0);
    const setState = (commentsState: 'OPEN' | 'CLOSED', actor: string = DEMO_LINKEDIN_ORG.urn) =>
      restli.partialUpdate({
        resourcePath: '/socialMetadata/{id}',
        pathKeys: { id: urn },
        queryParams: { actor },
        patchSetObject: { commentsState },
        accessToken: token,
        versionString: VERSION,
      });
    const refused = await setState('CLOSED', 'urn:li:organization:1').catch((e: unknown) => (e as { response?: { status: number } }).response?.status);
    expect(refused).toBe(403);
    expect((await setState('CLOSED')).status).toBe(202);
    expect(await metadata(urn)).toMatchObject({ commentsState: 'CLOSED', commentSummary: { count: 0, topLevelCount: 0 } });
    expect(await comments(urn)).toEqual([]);
    const comment = (text: string) =>
      restli.create({
        resourcePath: '/socialActions/{id}/comments',
        pathKeys: { id: urn },
        entity: { actor: DEMO_LINKEDIN_ORG.urn, object: urn, message: { text } },
        accessToken: token,
        versionString: VERSION,
      });
    const closed = await comment('geht nicht').catch((e: unknown) => (e as { response?: { status: number } }).response?.status);
    expect(closed).toBe(422);
    // The generator's people cannot comment there either.
    await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'linkedin' });
    expect(await comments(urn)).toEqual([]);

    expect((await setState('OPEN')).status).toBe(202);
    expect((await metadata(urn)).commentsState).toBe('OPEN');
    expect((await comment('wieder offen')).status).toBe(201);
    expect(await metadata(urn)).toMatchObject({ commentSummary: { count: 1, topLevelCount: 1 } });
  });
});
