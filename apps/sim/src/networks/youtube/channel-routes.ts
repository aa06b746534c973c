import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { maxResults, parts } from './params';
import { localized } from './localizations';
import { etag, listJson, uploadsPlaylistOf, videoMeta, ytTime } from './serialize';
import type { YoutubeState } from './state';

/** channels.list (1 unit). */
export const CHANNEL_PARTS = [
  'auditDetails',
  'brandingSettings',
  'contentDetails',
  'contentOwnerDetails',
  'id',
  'localizations',
  'snippet',
  'statistics',
  'status',
  'topicDetails',
];

/** When the demo channel was created (snippet.publishedAt). */
export const CHANNEL_CREATED = Date.UTC(2020, 0, 1);

/** The channel's thumbnails in YouTube's three sizes. */
export const channelThumbnails = (channelId: string): Record<string, unknown> =>
  Object.fromEntries(
    (
      [
        ['default', 88],
        ['medium', 240],
        ['high', 800],
      ] as const
    ).map(([name, px]) => [name, { url: `https://yt3.ggpht.com/ytc/${channelId.slice(2, 14)}=s${px}-c-k-c0x00ffffff-no-rj`, width: px, height: px }]),
  );

/** channels.list by mine, id, forHandle or forUsername: the demo channel, with its uploads playlist. */
export function listChannels(state: YoutubeState, req: SimRequest, tokenChannelId: string): SimResponse {
  const p = parts(req, CHANNEL_PARTS);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const channelId = state.store.channel.channelId;
  // A handle is matched without its @ and regardless of case, as YouTube does.
  const handle = (value: string) => value.replace(/^@/, '').toLowerCase();
  let match: boolean;
  if (q.get('mine') === 'true') match = tokenChannelId === channelId;
  else if (q.get('id') !== null) match = (listParam(q, 'id') ?? []).includes(channelId);
  else if (q.get('forHandle') !== null) match = handle(q.get('forHandle') ?? '') === handle(state.customUrl);
  else if (q.get('forUsername') !== null) match = handle(q.get('forUsername') ?? '') === handle(state.customUrl);
  // managedByMe is for YouTube content partners (with onBehalfOfContentOwner): the sim's channel has none.
  else if (q.get('managedByMe') === 'true') match = false;
  else return errors.invalidParam('id', 'No filter selected. Expected one of: id, mine, forHandle, forUsername, managedByMe', 'missingRequiredParameter');
  const items = match ? [channelJson(state, p.ok, q.get('hl'))] : [];
  return json(200, listJson('youtube#channelListResponse', items.slice(0, size.ok), size.ok, items.length));
}

/** The demo channel as a youtube#channel with the parts asked for; `hl` picks snippet.localized from its localizations. */
export function channelJson(state: YoutubeState, names: Set<string>, hl: string | null): Record<string, unknown> {
  const channelId = state.store.channel.channelId;
  const settings = state.channelSettings;
  const videos = state.store.videos;
  const out: Record<string, unknown> = { kind: 'youtube#channel', etag: etag('channel', channelId, settings), id: channelId };
  if (names.has('snippet'))
    out.snippet = {
      title: state.channelTitle,
      description: settings.description,
      customUrl: state.customUrl,
      publishedAt: ytTime(CHANNEL_CREATED),
      thumbnails: channelThumbnails(channelId),
      ...(settings.defaultLanguage ? { defaultLanguage: settings.defaultLanguage } : {}),
      localized: localized({ title: state.channelTitle, description: settings.description }, settings.localizations, hl),
      country: settings.country,
    };
  if (names.has('contentDetails')) out.contentDetails = { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channelId) } };
  if (names.has('statistics'))
    out.statistics = {
      viewCount: String(videos.reduce((n, v) => n + v.views, 0)),
      subscriberCount: '4200',
      hiddenSubscriberCount: false,
      videoCount: String(videos.filter((v) => videoMeta(v).privacyStatus === 'public').length),
    };
  if (names.has('status'))
    out.status = {
      privacyStatus: 'public',
      isLinked: true,
      longUploadsStatus: 'allowed',
      madeForKids: settings.selfDeclaredMadeForKids,
      selfDeclaredMadeForKids: settings.selfDeclaredMadeForKids,
    };
  if (names.has('brandingSettings'))
    out.brandingSettings = {
      channel: {
        title: state.channelTitle,
        description: settings.description,
        ...(settings.keywords ? { keywords: settings.keywords } : {}),
        ...(settings.unsubscribedTrailer ? { unsubscribedTrailer: settings.unsubscribedTrailer } : {}),
        ...(settings.defaultLanguage ? { defaultLanguage: settings.defaultLanguage } : {}),
        country: settings.country,
      },
    };
  if (names.has('localizations') && settings.localizations) out.localizations = settings.localizations;
  return out;
}
