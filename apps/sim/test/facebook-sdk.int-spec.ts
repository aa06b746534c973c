import { FacebookAdsApi } from 'facebook-nodejs-business-sdk';
import { DEMO_FACEBOOK_PAGE, type RunningSim, type TruthItem } from '../src';
import { type JsonBody, postJson, testSim } from './support';

/**
 * Facebook's official Node SDK (facebook-nodejs-business-sdk) reads from the sim. Its
 * FacebookAdsApi.call() takes a `urlOverride` for the Graph host, which is how it is pointed at
 * the sim; `paging.next` links are followed as full URLs, as the SDK does itself.
 */

describe('facebook-nodejs-business-sdk against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];

  beforeAll(async () => {
    sim = await testSim();
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 600, network: 'facebook' })).body.items;
  });
  afterAll(() => sim.close());

  it('reads posts, every comment page and conversations without error', async () => {
    const api = new FacebookAdsApi(DEMO_FACEBOOK_PAGE.pageAccessToken);
    const host = `${sim.url}/facebook`;
    const feed: JsonBody = await api.call('GET', [DEMO_FACEBOOK_PAGE.id, 'feed'], { fields: 'id,message,created_time', limit: 5 }, {}, false, host);
    expect(feed.data.length).toBe(5);

    const post = truth.find((t) => t.kind === 'post')!;
    const ids: string[] = [];
    let page: JsonBody = await api.call('GET', [post.externalId, 'comments'], { filter: 'stream', limit: 10, summary: true }, {}, false, host);
    expect(page.summary.total_count).toBe(truth.filter((t) => t.postExternalId === post.externalId).length);
    for (;;) {
      ids.push(...page.data.map((c: { id: string }) => c.id));
      if (!page.paging?.next) break;
      page = await api.call('GET', page.paging.next);
    }
    expect(ids).toEqual(truth.filter((t) => t.postExternalId === post.externalId).map((t) => t.externalId));

    const conversations: JsonBody = await api.call(
      'GET',
      [DEMO_FACEBOOK_PAGE.id, 'conversations'],
      { platform: 'messenger', fields: 'id,updated_time,snippet' },
      {},
      false,
      host,
    );
    expect(conversations.data.length).toBeGreaterThan(0);
  });

  it("surfaces the sim's Graph API errors as the SDK's FacebookRequestError", async () => {
    const api = new FacebookAdsApi('not-a-token');
    await expect(api.call('GET', [DEMO_FACEBOOK_PAGE.id, 'feed'], {}, {}, false, `${sim.url}/facebook`)).rejects.toMatchObject({
      name: 'FacebookRequestError',
      status: 400,
    });
  });
});
