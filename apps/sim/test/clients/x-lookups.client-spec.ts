import { Agent } from 'node:https';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, DEMO_X_APP, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
const account = demo.externalId;

/**
 * twitter-api-v2's lookups around the product's calls (tweets and users by id, users by
 * username), against the sim's https X origin with only the host changed (see x.client-spec.ts).
 */
describe('twitter-api-v2 lookups against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let settings: { plugins: ITwitterApiClientPlugin[]; httpAgent: Agent };

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    settings = {
      plugins: [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }],
      httpAgent: new Agent({ ca: sim.ca! }),
    };
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  const user = () => new TwitterApi(demo.credentials.accessToken, settings);
  const mentions = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount);

  it('looks tweets up by id (several at once), naming the ones that do not exist', async () => {
    const [a, b] = mentions();
    const found = await user().v2.tweets([a.externalId, b.externalId, '1'], {
      'tweet.fields': ['created_at', 'author_id', 'conversation_id', 'source'],
      expansions: ['author_id'],
      'user.fields': ['username'],
    });
    expect(found.data.map((t) => [t.id, t.text])).toEqual([
      [a.externalId, a.text],
      [b.externalId, b.text],
    ]);
    expect(found.data[0]).toMatchObject({ author_id: a.author!.externalId, source: expect.any(String), created_at: expect.any(String) });
    expect(found.includes?.users?.map((u) => u.id)).toEqual(expect.arrayContaining([a.author!.externalId, b.author!.externalId]));
    expect(found.errors).toEqual([expect.objectContaining({ resource_type: 'tweet', parameter: 'ids', value: '1', title: 'Not Found Error' })]);
  });

  it('looks users up by id, by several ids, by username and by several usernames', async () => {
    const customer = mentions()[0].author!;
    const one = await user().v2.user(customer.externalId, { 'user.fields': ['profile_image_url', 'created_at'] });
    expect(one.data).toMatchObject({ id: customer.externalId, name: customer.name, profile_image_url: expect.stringMatching(/^https:\/\//) });
    const several = await user().v2.users([customer.externalId, account]);
    expect(several.data.map((u) => u.id)).toEqual([customer.externalId, account]);
    const byName = await user().v2.userByUsername('Resonance_Demo', { 'user.fields': ['public_metrics'] });
    expect(byName.data).toMatchObject({ id: account, username: 'resonance_demo', public_metrics: expect.any(Object) });
    const byNames = await user().v2.usersByUsernames([one.data.username, 'nobody_here']);
    expect(byNames.data.map((u) => u.id)).toEqual([customer.externalId]);
    expect(byNames.errors).toEqual([expect.objectContaining({ resource_type: 'user', parameter: 'usernames', value: 'nobody_here' })]);
  });

  it('expands what each documented expansion names: mentioned users, the replied-to tweet and its author; media and polls add nothing', async () => {
    const reply = truth.find((t) => t.kind === 'comment' && !t.fromAccount && t.parentExternalId !== null)!;
    const one = await user().v2.singleTweet(reply.externalId, {
      expansions: ['entities.mentions.username', 'referenced_tweets.id', 'referenced_tweets.id.author_id', 'attachments.media_keys', 'attachments.poll_ids'],
      'tweet.fields': ['referenced_tweets', 'entities'],
      'media.fields': ['url', 'preview_image_url'],
      'poll.fields': ['options'],
    });
    const parent = one.data.referenced_tweets!.find((r) => r.type === 'replied_to')!;
    expect(one.includes?.tweets?.map((t) => t.id)).toEqual([parent.id]);
    const mentioned = (one.data.entities?.mentions ?? []).map((m) => m.username);
    expect(mentioned.length).toBeGreaterThan(0);
    const included = (one.includes?.users ?? []).map((u) => u.username);
    expect(included).toEqual(expect.arrayContaining(mentioned));
    expect(one.includes?.media).toBeUndefined();
    // author_id alone names the tweet's author only, not the parent's (the parent's author needs referenced_tweets.id.author_id).
    const plain = await user().v2.singleTweet(reply.externalId, { expansions: ['author_id', 'referenced_tweets.id'] });
    expect(plain.includes?.users?.map((u) => u.id)).toEqual([reply.author!.externalId]);
    const bad = await user()
      .v2.singleTweet(reply.externalId, { expansions: 'no.such.expansion' })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 400 });
  });

  it('logs in app-only (client credentials): public reads work, user-context routes answer 403 Unsupported Authentication', async () => {
    const app = await new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret }, settings).appLogin();
    const [a] = mentions();
    expect((await app.v2.tweets([a.externalId])).data.map((t) => t.id)).toEqual([a.externalId]);
    const own = await app.v2.userTimeline(account, { max_results: 5 });
    expect(own.tweets).toHaveLength(5);
    const me = await app.v2.me().catch((e: unknown) => e);
    expect(me).toMatchObject({ code: 403, data: { title: 'Unsupported Authentication' } });
    const dms = await app.v2.listDmEvents().catch((e: unknown) => e);
    expect(dms).toMatchObject({ code: 403 });
    const again = await new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret }, settings).appLogin();
    expect(again.getActiveTokens()).toEqual(app.getActiveTokens());
    const wrong = await new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: 'wrong' }, settings).appLogin().catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 403 });
  });

  it('answers an unknown user as X does: 200 with a Not Found Error, and 400 for a malformed id', async () => {
    const none = await user().v2.userByUsername('nobody_here');
    expect(none.data).toBeUndefined();
    expect(none.errors?.[0]).toMatchObject({ title: 'Not Found Error', resource_type: 'user' });
    const bad = await user()
      .v2.tweets(['abc'])
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 400 });
  });

  it("searches recent tweets with X's query language: keywords, phrases, negation, groups, is:reply and to:", async () => {
    const search = async (query: string) => {
      const page = await user().v2.search(query, { max_results: 100, 'tweet.fields': ['conversation_id', 'author_id', 'in_reply_to_user_id'] });
      await page.fetchLast();
      return page.tweets;
    };
    const replies = await search('is:reply to:resonance_demo');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((t) => t.in_reply_to_user_id === account)).toBe(true);
    const notReplies = await search('@resonance_demo -is:reply');
    expect(notReplies.length).toBeGreaterThan(0);
    expect(notReplies.every((t) => t.in_reply_to_user_id === undefined)).toBe(true);

    // The newest mention: search/recent covers the last seven days only.
    const a = mentions()[mentions().length - 1];
    const word = a.text
      .replace(/@\w+/g, '')
      .split(/[^\p{L}]+/u)
      .find((w) => w.length > 4)!;
    const byWord = await search(word);
    expect(byWord.map((t) => t.id)).toContain(a.externalId);
    expect(byWord.every((t) => t.text.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    const phrase = a.text
      .replace(/@\w+\s*/g, '')
      .split(' ')
      .slice(0, 2)
      .join(' ');
    expect((await search(`"${phrase}"`)).map((t) => t.id)).toContain(a.externalId);
    const grouped = await search(`(from:${a.author!.externalId} OR conversation_id:${a.threadExternalId}) -"${phrase}"`);
    expect(grouped.map((t) => t.id)).not.toContain(a.externalId);
    expect(grouped.every((t) => t.author_id === a.author!.externalId || t.conversation_id === a.threadExternalId)).toBe(true);

    for (const bad of ['url:example.com', '(from:x', '"open', 'is:reply -from:x']) {
      const refused = await user()
        .v2.search(bad)
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 400 });
    }
  });
});
