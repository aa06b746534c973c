import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { maxResults, parts } from './params';
import { listJson, uploadsPlaylistOf, videoMeta, ytTime } from './serialize';
import type { YoutubeState } from './state';

/** channels.list (1 unit). */
const CHANNEL_PARTS = [
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

export const CHANNEL_DESCRIPTION = 'Demo channel of the Resonance sim';
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
  const videos = state.store.videos;
  const items = match
    ? [
        {
          kind: 'youtube#channel',
          etag: `ch${channelId}`,
          id: channelId,
          ...(p.ok.has('snippet')
            ? {
                snippet: {
                  title: state.channelTitle,
                  description: CHANNEL_DESCRIPTION,
                  customUrl: state.customUrl,
                  publishedAt: ytTime(CHANNEL_CREATED),
                  thumbnails: channelThumbnails(channelId),
                  // hl asks for localized texts; the channel has one language, so they are the same.
                  localized: { title: state.channelTitle, description: CHANNEL_DESCRIPTION },
                  country: 'DE',
                },
              }
            : {}),
          ...(p.ok.has('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(channelId) } } } : {}),
          ...(p.ok.has('statistics')
            ? {
                statistics: {
                  viewCount: String(videos.reduce((n, v) => n + v.views, 0)),
                  subscriberCount: '4200',
                  hiddenSubscriberCount: false,
                  videoCount: String(videos.filter((v) => videoMeta(v).privacyStatus === 'public').length),
                },
              }
            : {}),
          ...(p.ok.has('status')
            ? { status: { privacyStatus: 'public', isLinked: true, longUploadsStatus: 'allowed', madeForKids: false, selfDeclaredMadeForKids: false } }
            : {}),
        },
      ]
    : [];
  return json(200, listJson('youtube#channelListResponse', items.slice(0, size.ok), size.ok, items.length));
}
