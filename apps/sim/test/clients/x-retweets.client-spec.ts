import { Agent } from 'node:https';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, DEMO_X_APP, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/**
 * Retweets, reply settings, Super Followers only tweets, places and poll votes through
 * twitter-api-v2 with only the host changed (see x.client-spec.ts). Customers act through the
 * sim's control routes (/_sim/x/tweets, /_sim/x/retweets): the sim hands out tokens for the
 * account only.
 */
describe('twitter-api-v2: retweets, reply settings, places and polls against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let client: TwitterApi;
  let settings: { plugins: ITwitterApiClientPlugin[]; httpAgent: Agent };
  const customers = () => [...new Set(truth.filter((t) => t.kind === 'comment' && !t.fromAccount).map((t) => t.author!.externalId))];
  const post = () => truth.filter((t) => t.kind === 'post').at(-1)!;
  const asCustomer = async (path: 'tweets' | 'retweets', body: Record<string, unknown>) => {
    const res = await postJson(`${sim.url}/_sim/x/${path}`, body);
    expect(res.status).toBe(200);
    return res.body as { id: string; text: string };
  };

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    settings = { plugins: [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }], httpAgent: new Agent({ ca: sim.ca! }) };
    client = new TwitterApi(demo.credentials.accessToken, settings);
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 200, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  it('retweets a customer’s tweet: retweeted_by, /retweets, retweet_count, the own timeline (and exclude) and is:retweet show it; unretweet undoes it', async () => {
    const target = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!;
    expect(await client.v2.retweet(demo.externalId, target.externalId)).toEqual({ data: { retweeted: true } });
    // Retweeting again changes nothing.
    expect(await client.v2.retweet(demo.externalId, target.externalId)).toEqual({ data: { retweeted: true } });
    const by = await client.v2.tweetRetweetedBy(target.externalId, { 'user.fields': ['username'] });
    expect(by.data.map((u) => u.id)).toEqual([demo.externalId]);
    expect(by.meta).toEqual({ result_count: 1 });
    const counted = await client.v2.singleTweet(target.externalId, { 'tweet.fields': ['public_metrics'] });
    expect(counted.data.public_metrics!.retweet_count).toBe(1);

    const mine = await client.v2.userTimeline(demo.externalId, { 'tweet.fields': ['referenced_tweets', 'author_id'], expansions: ['referenced_tweets.id'] });
    const retweet = mine.tweets[0];
    expect(retweet.referenced_tweets).toEqual([{ type: 'retweeted', id: target.externalId }]);
    expect(retweet.text.startsWith('RT @')).toBe(true);
    expect(mine.includes.tweets.map((t) => t.id)).toContain(target.externalId);
    const withoutRetweets = await client.v2.userTimeline(demo.externalId, { exclude: ['retweets'] });
    expect(withoutRetweets.tweets.map((t) => t.id)).not.toContain(retweet.id);
    const noReplies = await client.v2.userTimeline(demo.externalId, { exclude: ['replies'], 'tweet.fields': ['referenced_tweets'], max_results: 100 });
    expect(noReplies.tweets.every((t) => !t.referenced_tweets?.some((r) => r.type === 'replied_to'))).toBe(true);
    // Values the client's types do not allow go through its untyped get.
    const badExclude = await client.v2.get(`users/${demo.externalId}/tweets`, { exclude: 'likes' }).catch((e: unknown) => e);
    expect(badExclude).toMatchObject({ code: 400 });

    const found = await client.v2.search(`from:resonance_demo is:retweet`);
    expect(found.tweets.map((t) => t.id)).toEqual([retweet.id]);
    const asList = await client.v2.get(`tweets/${target.externalId}/retweets`, { 'tweet.fields': 'author_id' });
    expect(asList.data).toEqual([expect.objectContaining({ id: retweet.id, author_id: demo.externalId })]);

    expect(await client.v2.unretweet(demo.externalId, target.externalId)).toEqual({ data: { retweeted: false } });
    const after = await client.v2.singleTweet(target.externalId, { 'tweet.fields': ['public_metrics'] });
    expect(after.data.public_metrics!.retweet_count).toBe(0);
    // An empty answer has no data at all, only meta (as X answers).
    expect(await client.v2.tweetRetweetedBy(target.externalId)).toEqual({ meta: { result_count: 0 } });
    expect((await received(sim, 'x')).filter((r) => r.kind === 'retweet' || r.kind === 'unretweet').map((r) => r.kind)).toEqual(['retweet', 'unretweet']);
    const other = await client.v2.retweet('1', target.externalId).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ApiResponseError);
    expect(other).toMatchObject({ code: 403 });
  });

  it('a customer’s retweet of the account’s post arrives in the account’s mentions as a retweet; retweets_of: finds it', async () => {
    const customer = customers()[0];
    const rt = await asCustomer('retweets', { user_id: customer, tweet_id: post().externalId });
    const mentions = await client.v2.userMentionTimeline(demo.externalId, {
      'tweet.fields': ['referenced_tweets', 'author_id', 'entities'],
      expansions: ['referenced_tweets.id', 'referenced_tweets.id.author_id'],
    });
    const seen = mentions.tweets.find((t) => t.id === rt.id)!;
    expect(seen).toMatchObject({ author_id: customer, referenced_tweets: [{ type: 'retweeted', id: post().externalId }] });
    expect(seen.entities!.mentions[0]).toMatchObject({ start: 3, username: 'resonance_demo' });
    expect(mentions.includes.tweets.find((t) => t.id === post().externalId)).toBeDefined();
    expect(mentions.includes.users.map((u) => u.id)).toContain(demo.externalId);
    const byOperator = await client.v2.search('retweets_of:resonance_demo');
    expect(byOperator.tweets.map((t) => t.id)).toContain(rt.id);
  });

  it('reply_settings: the account’s tweet keeps its setting; a customer’s restricted conversation refuses the account’s reply unless it is mentioned', async () => {
    const created = await client.v2.tweet({ text: 'Nur für Erwähnte', reply_settings: 'mentionedUsers' });
    const read = await client.v2.singleTweet(created.data.id, { 'tweet.fields': ['reply_settings'] });
    expect(read.data.reply_settings).toBe('mentionedUsers');
    const badSetting = await client.v2.tweet({ text: 'falsch', reply_settings: 'friends' }).catch((e: unknown) => e);
    expect(badSetting).toMatchObject({ code: 400 });

    const [a, b] = customers();
    const closed = await asCustomer('tweets', { user_id: a, text: 'Nur meine Freunde dürfen antworten', reply_settings: 'following' });
    const refused = await client.v2.reply('Wir helfen gern', closed.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiResponseError);
    expect(refused).toMatchObject({ code: 403, data: { title: 'Forbidden' } });
    expect((refused as ApiResponseError).data.detail).toMatch(/^Reply to this conversation is not allowed/);
    const mentioning = await asCustomer('tweets', { user_id: b, text: '@resonance_demo wo bleibt mein Paket?', reply_settings: 'mentionedUsers' });
    const answered = await client.v2.reply('Schauen wir uns an', mentioning.id);
    expect(answered.data.id).toMatch(/^\d+$/);
  });

  it('for_super_followers_only: the author reads it, an app-only token finds it nowhere', async () => {
    // X documents a boolean; twitter-api-v2's type says "True" | "False", but it sends what it is given.
    const created = await client.v2.tweet({ text: 'Exklusiv für Super Follower', for_super_followers_only: true as unknown as 'True' });
    expect((await client.v2.singleTweet(created.data.id)).data.id).toBe(created.data.id);
    const app = await new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret }, settings).appLogin();
    const hidden = await app.v2.singleTweet(created.data.id);
    expect(hidden.data).toBeUndefined();
    expect(hidden.errors![0]).toMatchObject({ title: 'Not Found Error', resource_id: created.data.id });
    expect((await app.v2.search('Exklusiv')).tweets).toEqual([]);
    const notBoolean = await client.v2.post('tweets', { text: 'x', for_super_followers_only: 'yes' }).catch((e: unknown) => e);
    expect(notBoolean).toMatchObject({ code: 400 });
  });

  it('geo.place_id: a tweet tagged with a place reads back with geo and includes.places (place.fields); place: finds it; an unknown place is refused', async () => {
    const created = await client.v2.tweet({ text: 'Grüße aus dem Laden', geo: { place_id: '3078869807f9dd36' } });
    const read = await client.v2.singleTweet(created.data.id, {
      'tweet.fields': ['geo'],
      expansions: ['geo.place_id'],
      'place.fields': ['full_name', 'name', 'country', 'country_code', 'place_type', 'geo'],
    });
    expect(read.data.geo).toEqual({ place_id: '3078869807f9dd36' });
    expect(read.includes!.places).toEqual([
      {
        id: '3078869807f9dd36',
        full_name: 'Berlin, Deutschland',
        name: 'Berlin',
        country: 'Deutschland',
        country_code: 'DE',
        place_type: 'city',
        geo: { type: 'Feature', bbox: [13.088304, 52.338079, 13.760909, 52.675323], properties: {} },
      },
    ]);
    expect((await client.v2.search('Laden place:berlin')).tweets.map((t) => t.id)).toEqual([created.data.id]);
    expect((await client.v2.search('Laden has:geo')).tweets.map((t) => t.id)).toEqual([created.data.id]);
    const unknown = await client.v2.tweet({ text: 'irgendwo', geo: { place_id: 'ffffffffffffffff' } }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 400 });
    const badField = await client.v2.get(`tweets/${created.data.id}`, { 'place.fields': 'nonsense' }).catch((e: unknown) => e);
    expect(badField).toMatchObject({ code: 400 });
    // About one customer tweet in nine carries a place of its own.
    const customerPlaces = await client.v2.search('has:geo -from:resonance_demo @resonance_demo', { max_results: 100, 'tweet.fields': ['geo'] });
    expect(customerPlaces.tweets.length).toBeGreaterThan(0);
    expect(customerPlaces.tweets.every((t) => typeof t.geo?.place_id === 'string')).toBe(true);
  });

  it('poll votes come in over the poll’s time; at end_datetime voting closes and the counts stay', async () => {
    const created = await client.v2.tweet({ text: 'Welche Größe fehlt?', poll: { options: ['S', 'M', 'XL'], duration_minutes: 60 } });
    const poll = async () =>
      (await client.v2.singleTweet(created.data.id, { expansions: ['attachments.poll_ids'], 'poll.fields': ['voting_status', 'options', 'end_datetime'] }))
        .includes!.polls![0];
    const total = (p: Awaited<ReturnType<typeof poll>>) => p.options.reduce((n, o) => n + o.votes, 0);
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 30 * 60_000 });
    const half = await poll();
    expect(half.voting_status).toBe('open');
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 31 * 60_000 });
    const closed = await poll();
    expect(closed.voting_status).toBe('closed');
    expect(total(closed)).toBeGreaterThanOrEqual(12);
    expect(total(half)).toBeGreaterThan(0);
    expect(total(half)).toBeLessThan(total(closed));
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 60 * 60_000 });
    expect((await poll()).options).toEqual(closed.options);
  });
});
