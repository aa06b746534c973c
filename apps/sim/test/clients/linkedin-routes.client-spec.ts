import { RestliClient } from 'linkedin-api-client';
import { DEMO_LINKEDIN_ORG, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const VERSION = '202610';
const token = DEMO_LINKEDIN_ORG.accessToken;

interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number } };
}

/**
 * Documented forms of routes the sim serves, through linkedin-api-client with only the host
 * changed: the posts finder's sortBy, viewContext and isDsc; a reaction to a post; the
 * organizationAcls finder by organization; socialActions by BATCH_GET; a comment's mentions.
 */
describe('linkedin-api-client: documented forms of the served routes', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let restli: RestliClient;
  const toSim = (config: { url?: string }) => ({ ...config, url: config.url?.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim.origins.linkedin) });

  beforeAll(async () => {
    sim = await clientSim(false);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'linkedin' })).body.items;
    restli = new RestliClient();
    (restli as unknown as { axiosInstance: AxiosLike }).axiosInstance.interceptors.request.use(toSim);
  });
  afterAll(async () => {
    await sim.close();
  });

  const status = (p: Promise<unknown>) =>
    p.then(
      () => 0,
      (e: unknown) => (e as { response?: { status: number } }).response?.status,
    );
  const finder = (queryParams: Record<string, unknown>) =>
    restli.finder({
      resourcePath: '/posts',
      finderName: 'author',
      queryParams: { author: DEMO_LINKEDIN_ORG.urn, count: 100, ...queryParams },
      accessToken: token,
      versionString: VERSION,
    });
  const ids = async (queryParams: Record<string, unknown>) => ((await finder(queryParams)).data.elements as Array<{ id: string }>).map((p) => p.id);
  const create = async (entity: Record<string, unknown>) =>
    (
      await restli.create({
        resourcePath: '/posts',
        entity: {
          author: DEMO_LINKEDIN_ORG.urn,
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          lifecycleState: 'PUBLISHED',
          ...entity,
        },
        accessToken: token,
        versionString: VERSION,
      })
    ).createdEntityId as string;

  it('lists posts by CREATED or LAST_MODIFIED, drafts only for the author view, none as direct sponsored content', async () => {
    const generated = truth.filter((t) => t.kind === 'post');
    const oldest = generated[0].externalId;
    const draft = await create({ commentary: 'Entwurf', lifecycleState: 'DRAFT' });
    const byCreated = await ids({ sortBy: 'CREATED' });
    expect(byCreated).not.toContain(draft);
    expect(byCreated.at(-1)).toBe(oldest);
    // Editing the oldest post makes it the most recently modified one.
    await restli.partialUpdate({
      resourcePath: '/posts/{id}',
      pathKeys: { id: oldest },
      patchSetObject: { commentary: 'neu gefasst' },
      accessToken: token,
      versionString: VERSION,
    });
    expect((await ids({ sortBy: 'LAST_MODIFIED' }))[0]).toBe(oldest);
    expect((await ids({}))[0]).toBe(oldest);
    expect((await ids({ sortBy: 'CREATED' })).at(-1)).toBe(oldest);
    expect(await ids({ viewContext: 'AUTHOR', sortBy: 'CREATED' })).toContain(draft);
    expect(await ids({ isDsc: true })).toEqual([]);
    expect(await status(finder({ sortBy: 'NEWEST' }))).toBe(400);
    const other = restli.partialUpdate({
      resourcePath: '/posts/{id}',
      pathKeys: { id: oldest },
      // visibility is create-only (the Posts API updates commentary, call to action, landing page, lifecycleState, adContext).
      patchSetObject: { visibility: 'CONNECTIONS' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(await status(other)).toBe(422);
  });

  it('reacts to a post as the organization; socialMetadata and the reaction read back count it', async () => {
    const post = truth.filter((t) => t.kind === 'post').at(-1)!.externalId;
    const summary = async () =>
      (await restli.get({ resourcePath: '/socialMetadata/{id}', pathKeys: { id: post }, accessToken: token, versionString: VERSION })).data as {
        reactionSummaries: Record<string, { count: number }>;
      };
    const before = (await summary()).reactionSummaries.PRAISE?.count ?? 0;
    const created = await restli.create({
      resourcePath: '/reactions',
      queryParams: { actor: DEMO_LINKEDIN_ORG.urn },
      entity: { root: post, reactionType: 'PRAISE' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(created.status).toBe(201);
    expect((await summary()).reactionSummaries.PRAISE.count).toBe(before + 1);
    const own = await restli.get({
      resourcePath: '/reactions/{id}',
      pathKeys: { id: { actor: DEMO_LINKEDIN_ORG.urn, entity: post } },
      accessToken: token,
      versionString: VERSION,
    });
    expect(own.data).toMatchObject({ actor: DEMO_LINKEDIN_ORG.urn, root: post, reactionType: 'PRAISE' });
    const nobody = { actor: 'urn:li:person:nobody', entity: post };
    const batch = await restli.batchGet({
      resourcePath: '/reactions',
      ids: [{ actor: DEMO_LINKEDIN_ORG.urn, entity: post }, nobody],
      accessToken: token,
      versionString: VERSION,
    });
    const key = (actor: string) => `(actor:${encodeURIComponent(actor)},entity:${encodeURIComponent(post)})`;
    expect(batch.data.results[key(DEMO_LINKEDIN_ORG.urn)]).toMatchObject({ reactionType: 'PRAISE', root: post });
    expect(batch.data.statuses).toMatchObject({ [key(DEMO_LINKEDIN_ORG.urn)]: 200, [key(nobody.actor)]: 404 });
  });

  it('finds the organization by vanity name and by BATCH_GET', async () => {
    const found = await restli.finder({
      resourcePath: '/organizations',
      finderName: 'vanityName',
      queryParams: { vanityName: DEMO_LINKEDIN_ORG.vanityName },
      accessToken: token,
      versionString: VERSION,
    });
    expect(found.data.elements).toEqual([expect.objectContaining({ id: Number(DEMO_LINKEDIN_ORG.id), localizedName: DEMO_LINKEDIN_ORG.name })]);
    const batch = await restli.batchGet({ resourcePath: '/organizations', ids: [DEMO_LINKEDIN_ORG.id, '1'], accessToken: token, versionString: VERSION });
    expect(batch.data.results[DEMO_LINKEDIN_ORG.id]).toMatchObject({ vanityName: DEMO_LINKEDIN_ORG.vanityName });
    expect(batch.data.statuses).toMatchObject({ [DEMO_LINKEDIN_ORG.id]: 200, '1': 404 });
  });

  it('posts a poll (2–4 options, a duration) and keeps the distribution it was given', async () => {
    const distribution = { feedDistribution: 'NONE', targetEntities: [], thirdPartyDistributionChannels: [] };
    const urn = await create({
      commentary: 'Was wünscht ihr euch?',
      distribution,
      content: { poll: { question: 'Welche Farbe?', options: [{ text: 'Rot' }, { text: 'Blau' }], settings: { duration: 'THREE_DAYS' } } },
    });
    const read = (await restli.get({ resourcePath: '/posts/{id}', pathKeys: { id: urn }, accessToken: token, versionString: VERSION })).data;
    expect(read).toMatchObject({
      distribution,
      content: {
        poll: {
          question: 'Welche Farbe?',
          options: [
            { text: 'Rot', voteCount: 0 },
            { text: 'Blau', voteCount: 0 },
          ],
          settings: { duration: 'THREE_DAYS' },
          uniqueVotersCount: 0,
        },
      },
    });
    const one = { question: 'Nur eine?', options: [{ text: 'Ja' }], settings: { duration: 'ONE_DAY' } };
    expect(await status(create({ commentary: 'x', content: { poll: one } }))).toBe(422);
    expect(
      await status(create({ commentary: 'x', content: { poll: { ...one, options: [{ text: 'a' }, { text: 'b' }], settings: { duration: 'ONE_WEEK' } } } })),
    ).toBe(422);
  });

  it('finds the organization’s administrators (q=organization) and reads socialActions by BATCH_GET', async () => {
    const admins = await restli.finder({
      resourcePath: '/organizationAcls',
      finderName: 'organization',
      queryParams: { organization: DEMO_LINKEDIN_ORG.urn, role: 'ADMINISTRATOR', state: 'APPROVED' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(admins.data.elements).toEqual([
      expect.objectContaining({ roleAssignee: DEMO_LINKEDIN_ORG.adminUrn, organization: DEMO_LINKEDIN_ORG.urn, role: 'ADMINISTRATOR' }),
    ]);
    const revoked = await restli.finder({
      resourcePath: '/organizationAcls',
      finderName: 'organization',
      queryParams: { organization: DEMO_LINKEDIN_ORG.urn, state: 'REVOKED' },
      accessToken: token,
      versionString: VERSION,
    });
    expect(revoked.data.elements).toEqual([]);

    const [a, b] = truth.filter((t) => t.kind === 'post').map((t) => t.externalId);
    const batch = await restli.batchGet({ resourcePath: '/socialActions', ids: [a, b, 'urn:li:share:1'], accessToken: token, versionString: VERSION });
    expect(batch.data.results[a]).toMatchObject({ target: a, commentsSummary: { aggregatedTotalComments: expect.any(Number) } });
    expect(batch.data.statuses).toMatchObject({ [a]: 200, [b]: 200, 'urn:li:share:1': 404 });
  });

  it('keeps the mentions (message.attributes) of a comment and refuses one outside the text', async () => {
    const top = truth.find((t) => t.kind === 'comment' && t.parentExternalId === null && !t.fromAccount && t.author)!;
    const text = 'Danke, Team!';
    const mention = { start: 7, length: 4, value: { organization: { organization: DEMO_LINKEDIN_ORG.urn } } };
    const write = (attributes: unknown[]) =>
      restli.create({
        resourcePath: '/socialActions/{id}/comments',
        pathKeys: { id: top.externalId },
        entity: { actor: DEMO_LINKEDIN_ORG.urn, object: top.postExternalId, parentComment: top.externalId, message: { text, attributes } },
        accessToken: token,
        versionString: VERSION,
      });
    const created = await write([mention]);
    expect(created.status).toBe(201);
    expect((created.data as { message: { attributes: unknown[] } }).message.attributes).toEqual([mention]);
    expect(await status(write([{ ...mention, start: 10 }]))).toBe(422);
  });
});
