import { Agent } from 'node:https';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received, redirectOf } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
const account = demo.externalId;
const APP = { clientId: 'resonance-demo-x-client-id', clientSecret: 'resonance-demo-x-client-secret' };
const REDIRECT = 'http://127.0.0.1:3000/api/oauth/callback/x';
// What the product asks for (libs/connectors/src/x/sync.ts), as the client's typed arrays.
const TWEET_FIELDS = ['id', 'text', 'created_at', 'author_id', 'conversation_id', 'in_reply_to_user_id', 'referenced_tweets', 'public_metrics'] as const;
const USER_FIELDS = ['name', 'username', 'profile_image_url'] as const;
const DM_FIELDS = ['id', 'text', 'event_type', 'dm_conversation_id', 'created_at', 'sender_id', 'participant_ids'] as const;

/**
 * twitter-api-v2 against the sim. The client hard-wires https://api.x.com (and x.com for the
 * consent page), so the one change is the host: a plugin that swaps it for the sim's X origin,
 * whose https certificate the client's agent trusts. Paths, bodies and auth are the client's own.
 */
/** X's answer to a DM send (docs.x.com). */
interface Sent {
  data: { dm_conversation_id: string; dm_event_id: string };
}

describe('twitter-api-v2 against the sim', () => {
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
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 1200, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  const user = () => new TwitterApi(demo.credentials.accessToken, settings);
  const mentions = () => truth.filter((t) => t.kind === 'comment' && !t.fromAccount);
  const dms = () => truth.filter((t) => t.kind === 'message');

  it('connects: OAuth 2.0 with PKCE (s256, as the client sends it), the token exchange with HTTP Basic, users/me and a refresh', async () => {
    const app = new TwitterApi(APP, settings);
    const { url, codeVerifier, state } = app.generateOAuth2AuthLink(REDIRECT, {
      scope: ['tweet.read', 'tweet.write', 'users.read', 'dm.read', 'dm.write', 'offline.access'],
    });
    const consent = new URL(url);
    expect(consent.searchParams.get('code_challenge_method')).toBe('s256');
    consent.host = new URL(sim.origins.x).host; // the browser's side of the host change
    const back = await redirectOf(consent.toString(), settings.httpAgent);
    expect(back.status).toBe(302);
    const callback = new URL(back.location!);
    expect(callback.searchParams.get('state')).toBe(state);
    const login = await app.loginWithOAuth2({ code: callback.searchParams.get('code')!, codeVerifier, redirectUri: REDIRECT });
    expect(login.scope).toEqual(expect.arrayContaining(['tweet.read', 'offline.access']));
    const me = await login.client.v2.me({ 'user.fields': [...USER_FIELDS] });
    expect(me.data).toMatchObject({ id: account, username: 'resonance_demo', profile_image_url: expect.stringMatching(/^https:\/\//) });
    const refreshed = await app.refreshOAuth2Token(login.refreshToken!);
    expect(refreshed.accessToken).not.toBe(login.accessToken);
    expect((await refreshed.client.v2.me()).data.id).toBe(account);
  });

  it('reads the mentions timeline page by page with expansions, as the sync does', async () => {
    const timeline = await user().v2.userMentionTimeline(account, {
      'tweet.fields': [...TWEET_FIELDS],
      expansions: ['author_id', 'referenced_tweets.id'],
      'user.fields': [...USER_FIELDS],
      max_results: 100,
    });
    await timeline.fetchLast();
    const ids = timeline.tweets.map((t) => t.id);
    // Every page read: the mentions are the customers' tweets naming the account, newest first, each once.
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
    const customers = new Set(mentions().map((t) => t.externalId));
    expect(ids.every((id) => customers.has(id))).toBe(true);
    expect(timeline.tweets.every((t) => t.text.includes('@resonance_demo'))).toBe(true);
    const first = timeline.tweets[0];
    const source = mentions().find((t) => t.externalId === first.id)!;
    expect(first).toMatchObject({
      text: source.text,
      author_id: source.author!.externalId,
      conversation_id: expect.any(String),
      public_metrics: expect.objectContaining({ like_count: expect.any(Number) }),
    });
    expect(timeline.includes.author(first)).toMatchObject({ id: source.author!.externalId, name: source.author!.name });
  });

  it("reads the account's own tweets, one tweet with every documented field, and a conversation by search", async () => {
    const own = await user().v2.userTimeline(account, { 'tweet.fields': [...TWEET_FIELDS], max_results: 5 });
    expect(own.tweets.length).toBe(5);
    expect(own.tweets.every((t) => t.author_id === account)).toBe(true);
    const reply = mentions().find((t) => t.parentExternalId !== null || t.postExternalId !== null)!;
    const all = [
      'article',
      'attachments',
      'author_id',
      'card_uri',
      'community_id',
      'context_annotations',
      'conversation_id',
      'created_at',
      'display_text_range',
      'edit_controls',
      'edit_history_tweet_ids',
      'entities',
      'geo',
      'id',
      'in_reply_to_user_id',
      'lang',
      'media_metadata',
      'note_tweet',
      'possibly_sensitive',
      'public_metrics',
      'referenced_tweets',
      'reply_settings',
      'scopes',
      'source',
      'text',
      'withheld',
    ];
    const single = await user().v2.singleTweet(reply.externalId, {
      'tweet.fields': all as never,
      'user.fields': ['created_at', 'description', 'location', 'public_metrics', 'verified_type', 'url'],
      expansions: ['author_id'],
    });
    expect(single.data).toMatchObject({
      id: reply.externalId,
      text: reply.text,
      source: expect.any(String),
      reply_settings: 'everyone',
      possibly_sensitive: false,
    });
    expect(single.includes?.users?.[0]).toMatchObject({ id: reply.author!.externalId, public_metrics: expect.any(Object), verified_type: 'none' });
    const conversation = single.data.conversation_id!;
    const search = await user().v2.search(`conversation_id:${conversation}`, { 'tweet.fields': [...TWEET_FIELDS], max_results: 100 });
    expect(search.tweets.map((t) => t.id)).toContain(reply.externalId);
    expect(search.tweets.every((t) => t.conversation_id === conversation)).toBe(true);
  });

  it('reads DM events: all, with a participant, and by conversation id', async () => {
    const options: Parameters<TwitterApi['v2']['listDmEvents']>[0] = {
      'dm_event.fields': [...DM_FIELDS],
      expansions: ['sender_id', 'participant_ids'],
      'user.fields': [...USER_FIELDS],
      max_results: 100,
    };
    const all = await user().v2.listDmEvents(options);
    await all.fetchLast();
    expect(all.events.map((e) => e.id)).toEqual(
      dms()
        .map((t) => t.externalId)
        .reverse(),
    );
    const inbound = dms().find((t) => !t.fromAccount)!;
    const withCustomer = await user().v2.listDmEventsWithParticipant(inbound.author!.externalId, options);
    const event = withCustomer.events.find((e) => e.id === inbound.externalId)!;
    expect(event).toMatchObject({
      event_type: 'MessageCreate',
      text: inbound.text,
      sender_id: inbound.author!.externalId,
      dm_conversation_id: inbound.threadExternalId,
    });
    const byId = await user().v2.listDmEventsOfConversation(inbound.threadExternalId!, options);
    expect(byId.events.map((e) => e.id)).toEqual(withCustomer.events.map((e) => e.id));
  });

  it('replies to a tweet and sends DMs both ways (with a participant and into a conversation)', async () => {
    const target = mentions()[0];
    const reply = await user().v2.reply('Danke, wir kümmern uns! 🙏', target.externalId);
    expect(reply.data).toMatchObject({ id: expect.stringMatching(/^\d+$/), text: 'Danke, wir kümmern uns! 🙏' });
    const inbound = dms().find((t) => !t.fromAccount)!;
    // X answers {data: {dm_conversation_id, dm_event_id}} (docs.x.com); the client returns that body as is, though its type omits `data`.
    const direct = (await user().v2.sendDmToParticipant(inbound.author!.externalId, { text: 'Hallo per Teilnehmer' })) as unknown as Sent;
    expect(direct.data).toMatchObject({ dm_conversation_id: inbound.threadExternalId, dm_event_id: expect.stringMatching(/^\d+$/) });
    const inConversation = (await user().v2.sendDmInConversation(inbound.threadExternalId!, { text: 'Hallo per Unterhaltung' })) as unknown as Sent;
    expect(inConversation.data).toMatchObject({ dm_conversation_id: inbound.threadExternalId, dm_event_id: expect.stringMatching(/^\d+$/) });
    const got = await received(sim, 'x');
    expect(got.map((r) => [r.kind, r.targetId, r.text])).toEqual([
      ['comment_reply', target.externalId, 'Danke, wir kümmern uns! 🙏'],
      ['private_message', inbound.author!.externalId, 'Hallo per Teilnehmer'],
      ['private_message', inbound.author!.externalId, 'Hallo per Unterhaltung'],
    ]);
  });

  it('hides and unhides a reply in its own conversation, likes and unlikes, deletes its own tweet (the official client)', async () => {
    const reply = mentions().find((t) => t.postExternalId !== null)!;
    expect((await user().v2.hideReply(reply.externalId, true)).data).toEqual({ hidden: true });
    expect((await user().v2.hideReply(reply.externalId, false)).data).toEqual({ hidden: false });
    expect((await user().v2.like(account, reply.externalId)).data).toEqual({ liked: true });
    const liked = await user().v2.userLikedTweets(account);
    expect(liked.data.data.map((t) => t.id)).toContain(reply.externalId);
    expect((await user().v2.unlike(account, reply.externalId)).data).toEqual({ liked: false });
    const own = await user().v2.tweet('Ein Tweet, der wieder geht');
    expect((await user().v2.deleteTweet(own.data.id)).data).toEqual({ deleted: true });
    const mention = mentions().find((t) => t.postExternalId === null)!;
    // Not in a conversation the account started: X refuses to hide it.
    expect(
      (
        (await user()
          .v2.hideReply(mention.externalId, true)
          .catch((e: unknown) => e)) as ApiResponseError
      ).code,
    ).toBe(403);
    const kinds = (await received(sim, 'x')).filter((r) => r.targetId === reply.externalId).map((r) => r.kind);
    expect(kinds.filter((k) => k !== 'comment_reply')).toEqual(['comment_hide', 'comment_unhide', 'comment_like', 'comment_unlike']);
  });

  it("surfaces the sim's errors as the client's ApiResponseError", async () => {
    const error = await new TwitterApi('not-a-token', settings).v2.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiResponseError);
    expect((error as ApiResponseError).code).toBe(401);
    const bad = await user()
      .v2.singleTweet(mentions()[0].externalId, { 'tweet.fields': 'no_such_field' })
      .catch((e: unknown) => e);
    expect((bad as ApiResponseError).code).toBe(400);
  });
});
