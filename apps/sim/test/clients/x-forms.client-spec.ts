import { Agent } from 'node:https';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/**
 * Documented parameters of routes the sim served before (the route walk of issue 26) through
 * twitter-api-v2 with only the host changed: liked_tweets paging, quote_tweets exclude, search
 * sort_order, reply.exclude_reply_user_ids and poll.reply_settings.
 */
describe('twitter-api-v2: documented parameters of the X routes against the sim', () => {
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

  it('liked_tweets pages by max_results and pagination_token, newest like first, and refuses max_results outside 10–100', async () => {
    const liked = truth.filter((t) => t.kind === 'comment' && !t.fromAccount).slice(0, 12);
    for (const t of liked) await client.v2.like(demo.externalId, t.externalId);
    const first = await client.v2.get(`users/${demo.externalId}/liked_tweets`, { max_results: 10 });
    expect(first.data.map((t: { id: string }) => t.id)).toEqual(
      liked
        .map((t) => t.externalId)
        .reverse()
        .slice(0, 10),
    );
    const second = await client.v2.get(`users/${demo.externalId}/liked_tweets`, { max_results: 10, pagination_token: first.meta.next_token });
    expect(second.data.map((t: { id: string }) => t.id)).toEqual(
      liked
        .map((t) => t.externalId)
        .reverse()
        .slice(10),
    );
    expect(second.meta.next_token).toBeUndefined();
    expect(await client.v2.get(`users/${demo.externalId}/liked_tweets`, { max_results: 5 }).catch((e: unknown) => e)).toMatchObject({ code: 400 });
  });

  it('quote_tweets exclude=replies leaves out quotes that are replies; search sort_order takes recency and relevancy only', async () => {
    const post = truth.filter((t) => t.kind === 'post').at(-1)!;
    const customer = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!;
    const plain = await client.v2.tweet({ text: 'Schaut euch das an', quote_tweet_id: post.externalId });
    const asReply = await client.v2.tweet({ text: 'Genau dazu', quote_tweet_id: post.externalId, reply: { in_reply_to_tweet_id: customer.externalId } });
    const all = await client.v2.quotes(post.externalId);
    expect(all.tweets.map((t) => t.id)).toEqual([asReply.data.id, plain.data.id]);
    const noReplies = await client.v2.quotes(post.externalId, { exclude: ['replies'] } as Parameters<typeof client.v2.quotes>[1]);
    expect(noReplies.tweets.map((t) => t.id)).toEqual([plain.data.id]);
    expect((await client.v2.search('Schaut', { sort_order: 'relevancy' })).tweets.map((t) => t.id)).toEqual([plain.data.id]);
    expect(await client.v2.search('Schaut', { sort_order: 'newest' as 'recency' }).catch((e: unknown) => e)).toMatchObject({ code: 400 });
  });

  it('reply.exclude_reply_user_ids: an excluded user no longer finds the reply among their mentions', async () => {
    const [a, b] = [...new Set(truth.filter((t) => t.kind === 'comment' && !t.fromAccount).map((t) => t.author!.externalId))];
    const bName = (await client.v2.user(b)).data.username;
    const started = await postJson(`${sim.url}/_sim/x/tweets`, { user_id: a, text: `@resonance_demo @${bName} Wer kann helfen?` });
    const kept = await client.v2.reply(`@${bName} wir kümmern uns`, started.body.id);
    const left = await client.v2.reply(`@${bName} ohne dich weiter`, started.body.id, {
      reply: { in_reply_to_tweet_id: started.body.id, exclude_reply_user_ids: [b] },
    });
    const mentionsOfB = await client.v2.userMentionTimeline(b, { max_results: 100 });
    expect(mentionsOfB.tweets.map((t) => t.id)).toContain(kept.data.id);
    expect(mentionsOfB.tweets.map((t) => t.id)).not.toContain(left.data.id);
    const bad = await client.v2
      .reply('x', started.body.id, { reply: { in_reply_to_tweet_id: started.body.id, exclude_reply_user_ids: ['abc'] } })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 400 });
  });

  it('poll.reply_settings sets who may reply to the poll tweet', async () => {
    const created = await client.v2.post('tweets', {
      text: 'Abstimmung',
      poll: { options: ['Ja', 'Nein'], duration_minutes: 30, reply_settings: 'following' },
    });
    const read = await client.v2.singleTweet(created.data.id, { 'tweet.fields': ['reply_settings'] });
    expect(read.data.reply_settings).toBe('following');
  });
});
