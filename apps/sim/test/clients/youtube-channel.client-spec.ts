import type { youtube_v3 } from '@googleapis/youtube';
import { DEMO_YOUTUBE_CHANNEL, type RunningSim, type TruthItem } from '../../src';
import { received } from './support';
import { reason, youtubeSim } from './youtube-client';

/**
 * The channel's own settings and its social lists through @googleapis/youtube with only rootUrl
 * changed: channels.update (brandingSettings, localizations, status), subscriptions.list and
 * channelSections.list.
 */
describe('@googleapis/youtube: channel settings, subscriptions and sections against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let yt: youtube_v3.Youtube;

  beforeAll(async () => {
    ({ sim, truth, yt } = await youtubeSim(200));
  });
  afterAll(() => sim.close());

  const id = DEMO_YOUTUBE_CHANNEL.id;

  it('updates brandingSettings, localizations and status, and reads them back with hl', async () => {
    const branding = await yt.channels.update({
      part: ['brandingSettings'],
      requestBody: { id, brandingSettings: { channel: { description: 'Mode aus Hamburg', keywords: 'mode hamburg', defaultLanguage: 'de', country: 'DE' } } },
    });
    expect(branding.data.brandingSettings!.channel).toMatchObject({
      description: 'Mode aus Hamburg',
      keywords: 'mode hamburg',
      defaultLanguage: 'de',
      country: 'DE',
    });
    await yt.channels.update({
      part: ['localizations'],
      requestBody: { id, localizations: { en: { title: 'Fashion', description: 'Fashion from Hamburg' } } },
    });
    await yt.channels.update({ part: ['status'], requestBody: { id, status: { selfDeclaredMadeForKids: false } } });
    const read = await yt.channels.list({ part: ['snippet', 'localizations', 'brandingSettings'], mine: true, hl: 'en' });
    const channel = read.data.items![0];
    expect(channel.snippet).toMatchObject({
      description: 'Mode aus Hamburg',
      defaultLanguage: 'de',
      localized: { title: 'Fashion', description: 'Fashion from Hamburg' },
    });
    expect(channel.localizations).toEqual({ en: { title: 'Fashion', description: 'Fashion from Hamburg' } });
    const bad = await yt.channels
      .update({ part: ['brandingSettings'], requestBody: { id, brandingSettings: { channel: { country: 'Germany' } } } })
      .catch((e: unknown) => e);
    expect(reason(bad)).toBe('brandingValidationError');
    expect(reason(await yt.channels.update({ part: ['status'], requestBody: { id: 'UCnobody' } }).catch((e: unknown) => e))).toBe('channelNotFound');
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'channel_edit')).toHaveLength(3);
  });

  it('lists the commenters as subscribers and no subscriptions of its own', async () => {
    const commenters = [...new Set(truth.filter((t) => t.kind === 'comment' && !t.fromAccount).map((t) => t.author!.externalId))];
    const subs = await yt.subscriptions.list({ part: ['snippet', 'subscriberSnippet', 'contentDetails'], mySubscribers: true, maxResults: 50 });
    expect(subs.data.pageInfo!.totalResults).toBe(commenters.length);
    const first = subs.data.items![0];
    expect(first).toMatchObject({
      kind: 'youtube#subscription',
      snippet: { resourceId: { kind: 'youtube#channel', channelId: id }, title: DEMO_YOUTUBE_CHANNEL.title },
      contentDetails: { activityType: 'all', newItemCount: 0 },
    });
    expect(commenters).toContain(first.subscriberSnippet!.channelId);
    // mySubscribers oldest subscription first, myRecentSubscribers newest first.
    const since = (items: youtube_v3.Schema$Subscription[]) => items.map((s) => Date.parse(s.snippet!.publishedAt!));
    const recent = await yt.subscriptions.list({ part: ['snippet'], myRecentSubscribers: true, maxResults: 50 });
    expect(since(recent.data.items!)).toEqual([...since(recent.data.items!)].sort((a, b) => b - a));
    expect(since(subs.data.items!)).toEqual([...since(subs.data.items!)].sort((a, b) => a - b));
    expect(recent.data.pageInfo!.totalResults).toBe(commenters.length);
    expect((await yt.subscriptions.list({ part: ['id'], id: [first.id!] })).data.items!.map((s) => s.id)).toEqual([first.id]);
    // A commenter's own subscriptions: to the demo channel, narrowed by forChannelId.
    const theirs = await yt.subscriptions.list({ part: ['snippet'], channelId: first.snippet!.channelId!, forChannelId: id });
    expect(theirs.data.items!.map((s) => s.id)).toEqual([first.id]);
    expect((await yt.subscriptions.list({ part: ['id'], channelId: first.snippet!.channelId!, forChannelId: 'UCother' })).data.items).toEqual([]);
    expect((await yt.subscriptions.list({ part: ['id'], mine: true })).data.items).toEqual([]);
    expect(reason(await yt.subscriptions.list({ part: ['id'], mine: true, mySubscribers: true }).catch((e: unknown) => e))).toBe('incompatibleParameters');
  });

  it('subscribes to commenters, lists them by mine and forChannelId, and unsubscribes', async () => {
    const commenters = [...new Set(truth.filter((t) => t.kind === 'comment' && !t.fromAccount).map((t) => t.author!.externalId))];
    const subscribe = (channelId: string) =>
      yt.subscriptions.insert({ part: ['snippet', 'contentDetails'], requestBody: { snippet: { resourceId: { kind: 'youtube#channel', channelId } } } });
    const first = await subscribe(commenters[0]);
    expect(first.data).toMatchObject({
      kind: 'youtube#subscription',
      snippet: { channelId: id, resourceId: { kind: 'youtube#channel', channelId: commenters[0] } },
      contentDetails: { totalItemCount: 0 },
    });
    await subscribe(commenters[1]);
    const mine = await yt.subscriptions.list({ part: ['snippet'], mine: true });
    expect(mine.data.items!.map((s) => s.snippet!.resourceId!.channelId)).toEqual([commenters[1], commenters[0]]);
    const one = await yt.subscriptions.list({ part: ['snippet'], mine: true, forChannelId: commenters[0] });
    expect(one.data.items!.map((s) => s.id)).toEqual([first.data.id]);
    expect((await yt.subscriptions.list({ part: ['id'], channelId: id })).data.items).toHaveLength(2);
    expect(reason(await subscribe(commenters[0]).catch((e: unknown) => e))).toBe('subscriptionDuplicate');
    expect(reason(await subscribe('UCnobodyAtAll').catch((e: unknown) => e))).toBe('publisherNotFound');
    expect(reason(await subscribe(id).catch((e: unknown) => e))).toBe('subscriptionForbidden');
    expect((await yt.subscriptions.delete({ id: first.data.id! })).status).toBe(204);
    expect((await yt.subscriptions.list({ part: ['id'], mine: true })).data.items).toHaveLength(1);
    expect(reason(await yt.subscriptions.delete({ id: first.data.id! }).catch((e: unknown) => e))).toBe('subscriptionNotFound');
    const theirs = (await yt.subscriptions.list({ part: ['id'], mySubscribers: true, maxResults: 1 })).data.items![0].id!;
    expect(reason(await yt.subscriptions.delete({ id: theirs }).catch((e: unknown) => e))).toBe('subscriptionForbidden');
    expect((await received(sim, 'youtube')).filter((r) => r.kind === 'subscribe' || r.kind === 'unsubscribe').map((r) => [r.kind, r.targetId])).toEqual([
      ['subscribe', commenters[0]],
      ['subscribe', commenters[1]],
      ['unsubscribe', commenters[0]],
    ]);
  });

  it('lists the channel sections, with its playlists once one is public', async () => {
    const before = await yt.channelSections.list({ part: ['snippet'], mine: true });
    expect(before.data.items!.map((s) => [s.snippet!.type, s.snippet!.position])).toEqual([
      ['recentUploads', 0],
      ['popularUploads', 1],
    ]);
    await yt.playlists.insert({ part: ['snippet', 'status'], requestBody: { snippet: { title: 'Öffentlich' }, status: { privacyStatus: 'public' } } });
    const after = await yt.channelSections.list({ part: ['snippet'], channelId: id });
    expect(after.data.items!.map((s) => s.snippet!.type)).toEqual(['recentUploads', 'popularUploads', 'allPlaylists']);
    expect((await yt.channelSections.list({ part: ['id'], id: [after.data.items![2].id!] })).data.items).toHaveLength(1);
  });
});
