import { Agent } from 'node:https';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin, type SendTweetV2Params } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, DEMO_X_ACCOUNT, DEMO_X_APP, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received, redirectOf } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;

/** The body of a refused call as twitter-api-v2 hands it over (its error carries X's status and body). */
const refusal = (e: unknown): { code: number; data: Record<string, unknown> } => {
  if (!(e instanceof ApiResponseError)) throw e;
  return { code: e.code, data: e.data as unknown as Record<string, unknown> };
};

/**
 * Post edits, the create fields the sim keeps, and OAuth 1.0a user context, through twitter-api-v2
 * with only the host changed (its plugin rewrites the host after signing, so OAuth 1.0a requests
 * are signed for api.x.com / upload.x.com, as they are against X).
 */
describe('twitter-api-v2: post edits, create fields and OAuth 1.0a against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let client: TwitterApi;
  let plugins: ITwitterApiClientPlugin[];
  let httpAgent: Agent;

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    plugins = [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }];
    httpAgent = new Agent({ ca: sim.ca! });
    client = new TwitterApi(demo.credentials.accessToken, { plugins, httpAgent });
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 60, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  const edit = (previous: string, body: Record<string, unknown>) => client.v2.post('tweets', { ...body, edit_options: { previous_post_id: previous } });

  it('an edit is a new post id with the chain in edit_history_tweet_ids; old versions stay readable, timelines show the latest', async () => {
    const first = await client.v2.tweet('Neue Öffnungszeiten ab Montag');
    const second = await edit(first.data.id, { text: 'Neue Öffnungszeiten ab Dienstag' });
    expect(second.data.id).not.toBe(first.data.id);
    expect(second.data.edit_history_tweet_ids).toEqual([first.data.id, second.data.id]);
    const third = await edit(second.data.id, { text: 'Neue Öffnungszeiten ab Mittwoch' });
    const chain = [first.data.id, second.data.id, third.data.id];
    const fields: Parameters<typeof client.v2.singleTweet>[1] = { 'tweet.fields': ['edit_controls', 'created_at', 'conversation_id'] };
    const latest = await client.v2.singleTweet(third.data.id, fields);
    expect(latest.data).toMatchObject({ text: 'Neue Öffnungszeiten ab Mittwoch', edit_history_tweet_ids: chain, conversation_id: first.data.id });
    expect(latest.data.edit_controls).toMatchObject({ edits_remaining: 3, is_edit_eligible: true });
    const created = Date.parse((await client.v2.singleTweet(first.data.id, fields)).data.created_at!);
    expect(Date.parse(latest.data.edit_controls!.editable_until)).toBe(created + 30 * 60_000);
    // An older version by its id: that version, with the whole chain.
    const old = await client.v2.singleTweet(first.data.id, fields);
    expect(old.data).toMatchObject({ id: first.data.id, text: 'Neue Öffnungszeiten ab Montag', edit_history_tweet_ids: chain });
    // The expansion brings the other versions.
    const expanded = await client.v2.singleTweet(third.data.id, { expansions: ['edit_history_tweet_ids'] });
    expect(expanded.includes?.tweets?.map((t) => t.id)).toEqual(chain.slice(0, 2));
    const timeline = await client.v2.userTimeline(demo.externalId, { max_results: 100 });
    expect(timeline.tweets.map((t) => t.id)).toContain(third.data.id);
    expect(timeline.tweets.map((t) => t.id)).not.toContain(first.data.id);
    expect((await received(sim, 'x')).filter((r) => r.kind === 'post_edit').map((r) => r.targetId)).toEqual([first.data.id, second.data.id]);
    // Deleting one version deletes the chain.
    await client.v2.deleteTweet(second.data.id);
    for (const id of chain) expect((await client.v2.singleTweet(id)).errors?.[0]).toMatchObject({ resource_id: id });
  });

  it('keeps card_uri, community_id, nullcast (scopes), auto_populate_reply_metadata; refuses malformed create fields', async () => {
    const fields = { 'tweet.fields': ['card_uri', 'community_id', 'scopes', 'display_text_range', 'edit_controls'] } as unknown as Parameters<
      typeof client.v2.singleTweet
    >[1];
    const card = await client.v2.tweet({
      text: 'Mit Karte',
      card_uri: 'card://1043282691834048513',
      made_with_ai: true,
      paid_partnership: false,
    } as SendTweetV2Params);
    expect((await client.v2.singleTweet(card.data.id, fields)).data).toMatchObject({ card_uri: 'card://1043282691834048513', scopes: { followers: true } });
    const community = await client.v2.tweet({ text: 'In der Community', community_id: '1146654567674912769', share_with_followers: true });
    const read = (await client.v2.singleTweet(community.data.id, fields)).data;
    expect(read).toMatchObject({ community_id: '1146654567674912769', edit_controls: { is_edit_eligible: false } });
    const promoted = await client.v2.tweet({ text: 'Nur beworben', nullcast: true } as SendTweetV2Params);
    expect((await client.v2.singleTweet(promoted.data.id, fields)).data).toMatchObject({ scopes: { followers: false } });
    const appOnly = await new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret }, { plugins, httpAgent }).appLogin();
    const search = await appOnly.v2.search('beworben');
    expect(search.tweets.map((t) => t.id)).not.toContain(promoted.data.id);
    const deepLink = `https://twitter.com/messages/compose?recipient_id=${demo.externalId}`;
    await client.v2.tweet({ text: 'Schreib uns', direct_message_deep_link: deepLink });

    const customer = truth.find((t) => t.kind === 'comment' && !t.fromAccount && t.postExternalId === null)!;
    const handle = (await client.v2.user(customer.author!.externalId)).data.username;
    const auto = await client.v2.tweet({
      text: 'Wir sehen nach',
      reply: { in_reply_to_tweet_id: customer.externalId, auto_populate_reply_metadata: true },
    } as SendTweetV2Params);
    // display_text_range is a documented tweet field twitter-api-v2's TweetV2 type does not name.
    const autoRead = (await client.v2.singleTweet(auto.data.id, fields)).data as { text: string; display_text_range?: number[] };
    expect(autoRead.text).toBe(`@${handle} Wir sehen nach`);
    expect(autoRead.display_text_range).toEqual([handle.length + 2, handle.length + 2 + 'Wir sehen nach'.length]);

    const bad = async (body: Record<string, unknown>) => refusal(await client.v2.post('tweets', { text: 'x', ...body }).catch((e: unknown) => e)).code;
    expect(await bad({ card_uri: 'https://example.com' })).toBe(400);
    expect(await bad({ card_uri: 'card://1', quote_tweet_id: customer.externalId })).toBe(400);
    expect(await bad({ community_id: 'abc' })).toBe(400);
    expect(await bad({ share_with_followers: true })).toBe(400);
    expect(await bad({ nullcast: 'yes' })).toBe(400);
    expect(await bad({ made_with_ai: 1 })).toBe(400);
    expect(await bad({ direct_message_deep_link: 'https://example.com/dm' })).toBe(400);
    expect(await bad({ reply: { in_reply_to_tweet_id: customer.externalId, auto_populate_reply_metadata: 'true' } })).toBe(400);
    expect(await bad({ media: { media_ids: ['1'], tagged_user_ids: ['abc'] } })).toBe(400);
  });

  it('OAuth 1.0a: the demo token and secret, and the 3-legged flow, sign v2 calls and the v1.1 upload; a wrong secret is refused', async () => {
    const signed = new TwitterApi(
      {
        appKey: DEMO_X_APP.consumerKey,
        appSecret: DEMO_X_APP.consumerSecret,
        accessToken: DEMO_X_ACCOUNT.oauth1Token,
        accessSecret: DEMO_X_ACCOUNT.oauth1TokenSecret,
      },
      { plugins, httpAgent },
    );
    expect((await signed.v2.me()).data.id).toBe(demo.externalId);
    const tweet = await signed.v2.tweet('Per OAuth 1.0a signiert');
    expect((await client.v2.singleTweet(tweet.data.id, { 'tweet.fields': ['author_id'] })).data.author_id).toBe(demo.externalId);
    // Query parameters are in the signature too.
    const timeline = await signed.v2.userTimeline(demo.externalId, { max_results: 5, 'tweet.fields': ['created_at'] });
    expect(timeline.tweets[0].id).toBe(tweet.data.id);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const mediaId = await signed.v1.uploadMedia(png, { mimeType: 'image/png' });
    expect(mediaId).toMatch(/^\d+$/);

    const wrong = new TwitterApi(
      { appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret, accessToken: DEMO_X_ACCOUNT.oauth1Token, accessSecret: 'wrong' },
      { plugins, httpAgent },
    );
    expect(refusal(await wrong.v2.me().catch((e: unknown) => e)).code).toBe(401);
    expect(refusal(await wrong.v1.uploadMedia(png, { mimeType: 'image/png' }).catch((e: unknown) => e))).toMatchObject({
      code: 401,
      data: { errors: [{ code: 32, message: 'Could not authenticate you.' }] },
    });

    // twitter-api-v2 reads the token endpoints' form-encoded answers as forms only when the URL it
    // sends to is api.x.com/oauth/ — the host rewrite changes that URL, so this plugin parses them as
    // the library would have (the sim answers exactly as X: application/x-www-form-urlencoded).
    const formAnswers: ITwitterApiClientPlugin = {
      onAfterRequest: ({ url, response }) => {
        if (url.pathname.startsWith('/oauth/') && typeof response.data === 'string') response.data = Object.fromEntries(new URLSearchParams(response.data));
      },
    };
    const oauthPlugins = [...plugins, formAnswers];
    const app = new TwitterApi({ appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret }, { plugins: oauthPlugins, httpAgent });
    const link = await app.generateAuthLink('https://app.example/callback');
    const consent = new URL(link.url);
    consent.host = new URL(sim.origins.x).host;
    const { location, status } = await redirectOf(consent.toString(), httpAgent);
    expect(status).toBe(302);
    const back = new URL(location!);
    expect(back.origin + back.pathname).toBe('https://app.example/callback');
    const user = new TwitterApi(
      { appKey: DEMO_X_APP.consumerKey, appSecret: DEMO_X_APP.consumerSecret, accessToken: link.oauth_token, accessSecret: link.oauth_token_secret },
      { plugins: oauthPlugins, httpAgent },
    );
    const login = await user.login(back.searchParams.get('oauth_verifier')!);
    expect(login).toMatchObject({ userId: demo.externalId, screenName: DEMO_X_ACCOUNT.username });
    expect(login.accessToken.startsWith(`${demo.externalId}-`)).toBe(true);
    expect((await login.client.v2.me()).data.id).toBe(demo.externalId);
  });
  // Last: it moves the sim's clock 31 minutes ahead, out of the OAuth 1.0a timestamp window of real clients.
  it('refuses edits of an older version, after 5 edits, of a post not eligible, of someone else’s post and after 30 minutes', async () => {
    const post = await client.v2.tweet('Version 0');
    let last = post.data.id;
    for (let i = 1; i <= 5; i++) last = (await edit(last, { text: `Version ${i}` })).data.id;
    expect(refusal(await edit(last, { text: 'Version 6' }).catch((e: unknown) => e))).toMatchObject({
      code: 403,
      data: { detail: 'This Post has no edits remaining.' },
    });
    expect(refusal(await edit(post.data.id, { text: 'alt' }).catch((e: unknown) => e))).toMatchObject({ code: 403 });
    const customer = truth.find((t) => t.kind === 'comment' && !t.fromAccount)!;
    expect(refusal(await edit(customer.externalId, { text: 'nicht meins' }).catch((e: unknown) => e)).code).toBe(403);
    const reply = await client.v2.reply('Danke für den Hinweis', customer.externalId);
    expect(refusal(await edit(reply.data.id, { text: 'Danke!' }).catch((e: unknown) => e))).toMatchObject({
      code: 403,
      data: { detail: 'This Post is not eligible for editing.' },
    });
    const poll = await client.v2.tweet({ text: 'Welche Farbe?', poll: { options: ['Rot', 'Blau'], duration_minutes: 60 } });
    expect(refusal(await edit(poll.data.id, { text: 'Welche Größe?' }).catch((e: unknown) => e)).code).toBe(403);
    expect(refusal(await edit('1999999999999999999', { text: 'x' }).catch((e: unknown) => e)).code).toBe(400);
    const late = await client.v2.tweet('Später bearbeitet');
    await postJson(`${sim.url}/_sim/clock`, { advanceMs: 31 * 60_000 });
    expect(refusal(await edit(late.data.id, { text: 'zu spät' }).catch((e: unknown) => e)).code).toBe(403);
    const fresh = await client.v2.tweet('Antwort mit Umfrage?');
    expect(refusal(await edit(fresh.data.id, { text: 'x', poll: { options: ['a', 'b'], duration_minutes: 5 } }).catch((e: unknown) => e)).code).toBe(400);
  });
});
