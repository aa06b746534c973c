import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { CHANNEL_CREATED, channelThumbnails } from './channel-routes';
import { errors } from './errors';
import { maxResults, page, parts } from './params';
import type { YtPlaylist } from './playlists';
import { listJson, thumbnailsJson, videoMeta, videoSeconds, watchable, ytTime } from './serialize';
import type { YoutubeState } from './state';
import type { YtVideo } from './store';

/**
 * search.list (its own quota bucket) over the sim's world, the demo channel: its videos (public
 * ones; forMine=true also the private ones), the channel itself, and its public playlists, as
 * `type` asks (default all three). Filters as Google documents them:
 *   q                     title and description, with -word (NOT) and a|b (OR)
 *   publishedAfter/Before RFC 3339, on every result kind
 *   order                 date, rating (likes), title, viewCount, videoCount (channels by their
 *                         videos), relevance (the default: relevanceLanguage matches first, then views)
 *   video-only filters    need type=video (400 invalidSearchFilter): videoDuration (short < 4 min,
 *                         medium 4–20, long > 20, by contentDetails.duration), videoCaption (by the
 *                         video's caption tracks), videoCategoryId, videoEmbeddable, videoLicense,
 *                         videoDefinition (every sim video is hd), videoDimension (2d),
 *                         videoSyndicated, videoType and videoPaidProductPlacement (no episode,
 *                         movie or paid placement), eventType (no live broadcasts: live, upcoming
 *                         and completed find nothing), location + locationRadius (videos whose
 *                         recordingDetails.location lies within; one without the other 400 invalidLocation)
 *   safeSearch            moderate, none, strict: the sim has no restricted videos, nothing is left out
 *   relevanceLanguage     ranks videos in that default language (or with that localization) first
 *   regionCode            echoed in the answer (default DE, the channel's country)
 * maxResults 0–50, default 5.
 */
const ORDERS = ['date', 'rating', 'relevance', 'title', 'videoCount', 'viewCount'];
const TYPES = ['video', 'channel', 'playlist'];

/** Video-only filters, each with its documented values ('*' any string). */
const VIDEO_FILTERS: Record<string, string[]> = {
  eventType: ['completed', 'live', 'upcoming'],
  videoCaption: ['any', 'closedCaption', 'none'],
  videoCategoryId: ['*'],
  videoDefinition: ['any', 'high', 'standard'],
  videoDimension: ['2d', '3d', 'any'],
  videoDuration: ['any', 'long', 'medium', 'short'],
  videoEmbeddable: ['any', 'true'],
  videoLicense: ['any', 'creativeCommon', 'youtube'],
  videoPaidProductPlacement: ['any', 'true'],
  videoSyndicated: ['any', 'true'],
  videoType: ['any', 'episode', 'movie'],
  location: ['*'],
  locationRadius: ['*'],
};

type Hit =
  | { kind: 'video'; v: YtVideo; at: number; title: string; views: number; likes: number }
  | { kind: 'channel'; at: number; title: string; views: number; likes: number; videos: number }
  | { kind: 'playlist'; p: YtPlaylist; at: number; title: string; views: number; likes: number };

const invalidFilter = (message: string): SimResponse => errors.invalidParam('type', message, 'invalidSearchFilter');

export function search(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ['snippet', 'id']);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const store = state.store;
  const channelId = store.channel.channelId;
  const types = listParam(q, 'type') ?? TYPES;
  const badType = types.find((t) => !TYPES.includes(t));
  if (badType) return errors.invalidParam('type', `Invalid value '${badType}'. Values must be one of: ${TYPES.join(', ')}`);
  const onlyVideos = types.length === 1 && types[0] === 'video';
  const forMine = q.get('forMine') === 'true';
  if (forMine && !onlyVideos) return invalidFilter('The request specifies forMine without type=video.');
  for (const [name, values] of Object.entries(VIDEO_FILTERS)) {
    const value = q.get(name);
    if (value === null) continue;
    if (!onlyVideos) return invalidFilter(`The ${name} parameter needs type=video.`);
    if (!values.includes('*') && !values.includes(value))
      return errors.invalidParam(name, `Invalid value '${value}'. Values must be one of: ${values.join(', ')}`);
  }
  const order = q.get('order') ?? 'relevance';
  if (!ORDERS.includes(order)) return errors.invalidParam('order', `Invalid value '${order}'. Values must be one of: ${ORDERS.join(', ')}`);
  const channelType = q.get('channelType');
  if (channelType !== null && channelType !== 'any' && channelType !== 'show')
    return errors.invalidParam('channelType', `Invalid value '${channelType}'. Values must be one of: any, show`);
  const safeSearch = q.get('safeSearch');
  if (safeSearch !== null && !['moderate', 'none', 'strict'].includes(safeSearch))
    return errors.invalidParam('safeSearch', `Invalid value '${safeSearch}'. Values must be one of: moderate, none, strict`);
  const language = q.get('relevanceLanguage');
  if (language !== null && !/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))
    return errors.invalidParam('relevanceLanguage', 'The request specifies an invalid relevanceLanguage parameter value.', 'invalidRelevanceLanguage');
  const after = time(q.get('publishedAfter'));
  const before = time(q.get('publishedBefore'));
  if (after === 'bad' || before === 'bad') return errors.invalidParam(after === 'bad' ? 'publishedAfter' : 'publishedBefore', 'Invalid RFC 3339 date-time.');
  const area = circle(q.get('location'), q.get('locationRadius'));
  if (area === 'bad')
    return errors.invalidParam(
      'location',
      'The request specifies an invalid location or locationRadius (both needed, radius at most 1000 km).',
      'invalidLocation',
    );

  // The sim's world is one channel: another channelId finds nothing.
  const scoped = q.get('channelId');
  const ours = scoped === null || scoped === channelId;
  const matches = query(q.get('q'));
  const hits: Hit[] = [];
  if (ours && types.includes('video')) {
    for (const v of store.videos) {
      if (!(forMine || watchable(v))) continue;
      if (!matches(`${v.title} ${v.description}`) || !videoPasses(v, q, area)) continue;
      hits.push({ kind: 'video', v, at: v.publishedAt, title: v.title, views: v.views, likes: v.likes });
    }
  }
  if (ours && !forMine && types.includes('channel') && channelType !== 'show' && matches(`${state.channelTitle} ${state.channelSettings.description}`)) {
    const views = store.videos.reduce((n, v) => n + v.views, 0);
    hits.push({ kind: 'channel', at: CHANNEL_CREATED, title: state.channelTitle, views, likes: 0, videos: store.videos.length });
  }
  if (ours && !forMine && types.includes('playlist')) {
    for (const pl of state.playlists.all) {
      if (pl.privacyStatus !== 'public' || !matches(`${pl.title} ${pl.description}`)) continue;
      hits.push({ kind: 'playlist', p: pl, at: pl.createdAt, title: pl.title, views: 0, likes: 0 });
    }
  }
  const found = hits.filter((h) => (after === null || h.at >= after) && (before === null || h.at < before));
  const sorted = sortHits(found, order, language);
  const slice = page(sorted, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((h) => resultJson(state, h, p.ok.has('snippet')));
  return json(200, {
    ...listJson('youtube#searchListResponse', items, size.ok, sorted.length, slice.ok.next, slice.ok.prev),
    regionCode: q.get('regionCode') ?? 'DE',
  });
}

function resultJson(state: YoutubeState, h: Hit, snippet: boolean): Record<string, unknown> {
  const channelId = state.store.channel.channelId;
  const id =
    h.kind === 'video'
      ? { kind: 'youtube#video', videoId: h.v.id }
      : h.kind === 'channel'
        ? { kind: 'youtube#channel', channelId }
        : { kind: 'youtube#playlist', playlistId: h.p.id };
  const description = h.kind === 'video' ? h.v.description : h.kind === 'channel' ? state.channelSettings.description : h.p.description;
  const firstVideo = h.kind === 'playlist' ? h.p.items[0]?.video : undefined;
  const thumbnails = h.kind === 'video' ? thumbnailsJson(h.v) : h.kind === 'channel' || !firstVideo ? channelThumbnails(channelId) : thumbnailsJson(firstVideo);
  return {
    kind: 'youtube#searchResult',
    etag: `s${Object.values(id)[1]}`,
    id,
    ...(snippet
      ? {
          snippet: {
            publishedAt: ytTime(h.at),
            channelId,
            title: h.title,
            description,
            thumbnails,
            channelTitle: state.channelTitle,
            liveBroadcastContent: 'none',
            publishTime: ytTime(h.at),
          },
        }
      : {}),
  };
}

/** The video-only filters on one video (values already checked). */
function videoPasses(v: YtVideo, q: URLSearchParams, area: Circle | null): boolean {
  const meta = videoMeta(v);
  const seconds = videoSeconds(v);
  const captioned = (v.captions ?? []).some((c) => !c.isDraft);
  const is = (name: string, ...ok: string[]) => {
    const value = q.get(name);
    return value === null || ok.includes(value);
  };
  const duration = seconds < 240 ? 'short' : seconds <= 1200 ? 'medium' : 'long';
  const spot = meta.recordingDetails?.location;
  return (
    // The sim has no live broadcasts: every eventType finds nothing.
    q.get('eventType') === null &&
    is('videoDuration', 'any', duration) &&
    is('videoCaption', 'any', captioned ? 'closedCaption' : 'none') &&
    is('videoCategoryId', meta.categoryId) &&
    is('videoEmbeddable', 'any', ...(meta.embeddable ? ['true'] : [])) &&
    is('videoLicense', 'any', meta.license) &&
    is('videoDefinition', 'any', 'high') &&
    is('videoDimension', 'any', '2d') &&
    is('videoSyndicated', 'any', 'true') &&
    is('videoType', 'any') &&
    is('videoPaidProductPlacement', 'any') &&
    (area === null || (spot !== undefined && distanceKm(area, spot) <= area.km))
  );
}

interface Circle {
  latitude: number;
  longitude: number;
  km: number;
}

const UNIT_KM: Record<string, number> = { m: 0.001, km: 1, ft: 0.0003048, mi: 1.609344 };

/** location ("lat,lng") and locationRadius ("1500m", "5km", "10000ft", "0.75mi", at most 1000 km): both or neither. */
function circle(location: string | null, radius: string | null): Circle | null | 'bad' {
  if (location === null && radius === null) return null;
  const at = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(location ?? '');
  const r = /^(\d+(?:\.\d+)?)(m|km|ft|mi)$/.exec(radius ?? '');
  if (!at || !r) return 'bad';
  const latitude = Number(at[1]);
  const longitude = Number(at[2]);
  const km = Number(r[1]) * UNIT_KM[r[2]];
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || km > 1000) return 'bad';
  return { latitude, longitude, km };
}

/** Great-circle distance (haversine, mean earth radius). */
function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function time(raw: string | null): number | null | 'bad' {
  if (raw === null) return null;
  const t = Date.parse(raw);
  return /^\d{4}-\d\d-\d\dT/.test(raw) && Number.isFinite(t) ? t : 'bad';
}

/** The q parameter: words all present, `-word` absent, `a|b` either (case-insensitive). */
function query(raw: string | null): (text: string) => boolean {
  const terms = (raw ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return (text) => {
    const t = text.toLowerCase();
    return terms.every((term) => (term.startsWith('-') && term.length > 1 ? !t.includes(term.slice(1)) : term.split('|').some((alt) => t.includes(alt))));
  };
}

/** relevanceLanguage: the video's default language or one of its localizations is that language. */
function inLanguage(h: Hit, language: string | null): boolean {
  if (language === null || h.kind !== 'video') return false;
  const meta = videoMeta(h.v);
  const base = (l: string) => l.toLowerCase().split('-')[0];
  return [meta.defaultLanguage, ...Object.keys(meta.localizations ?? {})].some((l) => l !== undefined && base(l) === base(language));
}

function sortHits(hits: Hit[], order: string, language: string | null): Hit[] {
  const newest = (a: Hit, b: Hit) => b.at - a.at;
  const videos = (h: Hit) => (h.kind === 'channel' ? h.videos : -1);
  const by: Record<string, (a: Hit, b: Hit) => number> = {
    date: newest,
    rating: (a, b) => b.likes - a.likes || newest(a, b),
    title: (a, b) => a.title.localeCompare(b.title) || newest(a, b),
    viewCount: (a, b) => b.views - a.views || newest(a, b),
    relevance: (a, b) => Number(inLanguage(b, language)) - Number(inLanguage(a, language)) || b.views - a.views || newest(a, b),
    videoCount: (a, b) => videos(b) - videos(a) || newest(a, b),
  };
  return [...hits].sort(by[order]);
}
