import { obj } from '@resonance/contracts';
import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors, google } from './errors';
import { parts } from './params';
import { etag, itemsJson, uploadsPlaylistOf } from './serialize';
import type { YoutubeState, YtSection } from './state';
import { ytId } from './store';
import { subscribersOf } from './subscription-routes';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * channelSections of the demo channel: list (1 unit), insert, update and delete (50 units each).
 * Until the first write the sections are the ones YouTube lays out for a new channel: recent
 * uploads, popular uploads, and its playlists once it has public ones; the first write keeps that
 * layout and changes it from there. Positions are the sections' order. YouTube's documented
 * checks: at most 10 sections (maxChannelSectionExceeded), snippet.type required (typeRequired),
 * singlePlaylist takes exactly one playlist (onePlaylistNeeded), multiplePlaylists and
 * multipleChannels need a title (titleRequired, at most 100 characters) and their list
 * (playlistsNeeded, channelsNeeded), other types take neither (…NotExpected); no duplicates, no
 * private playlists, not the channel itself; unknown playlists and channels 404. Writes are
 * recorded in /_sim/received as channel_edit with the path /youtube/v3/channelSections.
 */
const SECTION_PARTS = ['contentDetails', 'id', 'snippet'];
const TYPES = [
  'allPlaylists',
  'completedEvents',
  'liveEvents',
  'multipleChannels',
  'multiplePlaylists',
  'popularUploads',
  'recentUploads',
  'singlePlaylist',
  'subscriptions',
  'upcomingEvents',
];
const MAX_SECTIONS = 10;
const PATH = '/youtube/v3/channelSections';

/** The channel's sections in their positions: the written ones, else YouTube's layout for a new channel. */
function sectionsOf(state: YoutubeState): YtSection[] {
  if (state.channelSections) return state.channelSections;
  const channelId = state.store.channel.channelId;
  const types = ['recentUploads', 'popularUploads', ...(state.playlists.all.some((pl) => pl.privacyStatus === 'public') ? ['allPlaylists'] : [])];
  return types.map((type) => ({ id: `${channelId}.${ytId(`section:${type}`, 11)}`, type }));
}

/** The sections a write changes: the current layout, kept from now on. */
function writable(state: YoutubeState): YtSection[] {
  state.channelSections ??= sectionsOf(state).map((s) => ({ ...s }));
  return state.channelSections;
}

function sectionJson(state: YoutubeState, s: YtSection, position: number, p: Set<string>): Record<string, unknown> {
  const channelId = state.store.channel.channelId;
  const content = { ...(s.playlists ? { playlists: s.playlists } : {}), ...(s.channels ? { channels: s.channels } : {}) };
  return {
    kind: 'youtube#channelSection',
    etag: etag('section', channelId, s.type, position, s.title, s.playlists, s.channels),
    id: s.id,
    ...(p.has('snippet') ? { snippet: { type: s.type, channelId, ...(s.title !== undefined ? { title: s.title } : {}), position } } : {}),
    ...(p.has('contentDetails') && Object.keys(content).length > 0 ? { contentDetails: content } : {}),
  };
}

/** channelSections.list by channelId, id or mine: the demo channel's sections in their positions. */
export function listChannelSections(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, SECTION_PARTS);
  if ('error' in p) return p.error;
  const q = req.query;
  const filters = ['channelId', 'id', 'mine'].filter((f) => q.get(f) !== null);
  if (filters.length !== 1)
    return filters.length === 0
      ? errors.invalidParam('channelId', 'No filter selected. Expected one of: channelId, id, mine', 'missingRequiredParameter')
      : errors.invalidParam(filters[1], `The ${filters[1]} parameter cannot be used with the ${filters[0]} parameter.`, 'incompatibleParameters');
  const channelId = state.store.channel.channelId;
  const sections = sectionsOf(state).map((s, position) => sectionJson(state, s, position, p.ok));
  let items: typeof sections;
  if (q.get('id') !== null) {
    const wanted = new Set(listParam(q, 'id') ?? []);
    items = sections.filter((s) => wanted.has(s.id as string));
  } else if (q.get('mine') !== null) items = q.get('mine') === 'true' && token.channelId === channelId ? sections : [];
  else items = q.get('channelId') === channelId ? sections : [];
  return json(200, itemsJson('youtube#channelSectionListResponse', items));
}

const sectionError = (status: number, reason: string, message: string, location?: string): SimResponse =>
  google(status, reason, message, { domain: 'youtube.channelSection', ...(location ? { location, locationType: 'other' } : {}) });

const sectionNotFound = (location: string): SimResponse =>
  sectionError(404, 'channelSectionNotFound', 'The channel section you are trying to update cannot be found.', location);

/** The section a body describes, checked as YouTube documents; `at` its position, if given. */
function readSection(state: YoutubeState, body: Record<string, unknown>, id: string): { ok: YtSection; at?: unknown } | { error: SimResponse } {
  const snippet = obj(body.snippet);
  const content = obj(body.contentDetails);
  const type = snippet.type;
  if (type === undefined || type === null || type === '')
    return { error: sectionError(400, 'typeRequired', 'The channelSection resource must specify a value for the snippet.type field.', 'body.snippet.type') };
  if (typeof type !== 'string' || !TYPES.includes(type))
    return { error: sectionError(400, 'invalidValue', `Invalid value ${JSON.stringify(type)} for snippet.type.`, 'body.snippet.type') };
  const title = snippet.title;
  if (title !== undefined && typeof title !== 'string')
    return { error: sectionError(400, 'invalidValue', 'snippet.title must be a string.', 'body.snippet.title') };
  if (typeof title === 'string' && title.length > 100)
    return { error: sectionError(400, 'titleLengthExceeded', 'The value of the snippet.title property is too long.', 'body.snippet.title') };
  const list = (key: 'playlists' | 'channels'): string[] | undefined | 'bad' => {
    const v = content[key];
    if (v === undefined || v === null) return undefined;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : 'bad';
  };
  const playlists = list('playlists');
  const channels = list('channels');
  if (playlists === 'bad' || channels === 'bad')
    return { error: sectionError(400, 'invalidValue', 'contentDetails.playlists and contentDetails.channels are lists of ids.', 'body.contentDetails') };
  const needsTitle = type === 'multiplePlaylists' || type === 'multipleChannels';
  if (needsTitle && !title)
    return {
      error: sectionError(
        400,
        'titleRequired',
        'If the snippet.type is multiplePlaylists or multipleChannels, snippet.title must be set.',
        'body.snippet.title',
      ),
    };
  const wantsPlaylists = type === 'singlePlaylist' || type === 'multiplePlaylists';
  const wantsChannels = type === 'multipleChannels';
  if (!wantsPlaylists && playlists?.length)
    return {
      error: sectionError(400, 'playlistsNotExpected', 'Playlists are not expected for this type of channel section.', 'body.contentDetails.playlists'),
    };
  if (!wantsChannels && channels?.length)
    return { error: sectionError(400, 'channelsNotExpected', 'Channels are not expected for this type of channel section.', 'body.contentDetails.channels') };
  if (type === 'singlePlaylist' && playlists?.length !== 1)
    return { error: sectionError(400, 'onePlaylistNeeded', 'A singlePlaylist section must specify exactly one playlist.', 'body.contentDetails.playlists') };
  if (type === 'multiplePlaylists' && !playlists?.length)
    return { error: sectionError(400, 'playlistsNeeded', 'A multiplePlaylists section must specify at least one playlist.', 'body.contentDetails.playlists') };
  if (wantsChannels && !channels?.length)
    return { error: sectionError(400, 'channelsNeeded', 'A multipleChannels section must specify at least one channel.', 'body.contentDetails.channels') };
  if (playlists && new Set(playlists).size !== playlists.length)
    return { error: sectionError(400, 'playlistsDuplicated', 'The request specifies duplicate playlists.', 'body.contentDetails.playlists') };
  if (channels && new Set(channels).size !== channels.length)
    return { error: sectionError(400, 'channelsDuplicated', 'The request specifies duplicate channels.', 'body.contentDetails.channels') };
  const channelId = state.store.channel.channelId;
  for (const pid of playlists ?? []) {
    if (pid === uploadsPlaylistOf(channelId)) continue;
    const pl = state.playlists.get(pid);
    if (!pl) return { error: sectionError(404, 'playlistNotFound', `The playlist ${pid} cannot be found.`, 'body.contentDetails.playlists') };
    if (pl.privacyStatus === 'private')
      return { error: sectionError(400, 'playlistIsPrivate', 'One of the specified playlists is private.', 'body.contentDetails.playlists') };
  }
  const known = new Set(subscribersOf(state).map((s) => s.subscriber.channelId));
  for (const cid of channels ?? []) {
    if (cid === channelId)
      return { error: sectionError(400, 'ownChannelInChannels', 'You cannot include your own channel in a channel section.', 'body.contentDetails.channels') };
    if (!known.has(cid)) return { error: sectionError(404, 'channelNotFound', `The channel ${cid} cannot be found.`, 'body.contentDetails.channels') };
  }
  return {
    ok: { id, type, ...(typeof title === 'string' && title ? { title } : {}), ...(playlists ? { playlists } : {}), ...(channels ? { channels } : {}) },
    at: snippet.position,
  };
}

/** snippet.position: an index into the sections (max: the last place), else inValidPosition. */
function place(sections: YtSection[], section: YtSection, at: unknown, max: number): SimResponse | undefined {
  if (at === undefined || at === null) {
    sections.push(section);
    return undefined;
  }
  if (!Number.isInteger(at) || (at as number) < 0 || (at as number) > max)
    return sectionError(400, 'inValidPosition', 'The snippet.position property contains an invalid value.', 'body.snippet.position');
  sections.splice(at as number, 0, section);
  return undefined;
}

function writeAllowed(req: SimRequest, token: YtToken): { parts: Set<string> } | { error: SimResponse } {
  const p = parts(req, SECTION_PARTS);
  if ('error' in p) return { error: p.error };
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return { error: errors.insufficientScope() };
  if (req.badBody) return { error: errors.parseError() };
  return { parts: p.ok };
}

/** channelSections.insert: a new section at snippet.position (default: last). */
export function insertChannelSection(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const allowed = writeAllowed(req, token);
  if ('error' in allowed) return allowed.error;
  const sections = sectionsOf(state);
  if (sections.length >= MAX_SECTIONS) return sectionError(400, 'maxChannelSectionExceeded', 'The channel already has the maximum number of channel sections.');
  const channelId = state.store.channel.channelId;
  const id = `${channelId}.${ytId(`section:${channelId}:${state.now()}:${state.sectionCounter++}`, 11)}`;
  const read = readSection(state, req.body, id);
  if ('error' in read) return read.error;
  const target = writable(state);
  const bad = place(target, read.ok, read.at, target.length);
  if (bad) return bad;
  state.record(req, 'channel_edit', PATH, channelId, id, read.ok.title ?? read.ok.type, req.body);
  return json(200, sectionJson(state, read.ok, target.indexOf(read.ok), allowed.parts));
}

/** channelSections.update (body.id): the section replaced by the body, moved to snippet.position if given. */
export function updateChannelSection(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const allowed = writeAllowed(req, token);
  if ('error' in allowed) return allowed.error;
  const id = req.body.id;
  if (typeof id !== 'string' || !id) return google(400, 'required', 'Required parameter: id', { domain: 'global', location: 'body.id', locationType: 'other' });
  const at = sectionsOf(state).findIndex((s) => s.id === id);
  if (at < 0) return sectionNotFound('body.id');
  const read = readSection(state, req.body, id);
  if ('error' in read) return read.error;
  const target = writable(state);
  const rest = target.filter((s) => s.id !== id);
  const bad = place(rest, read.ok, read.at ?? at, rest.length);
  if (bad) return bad;
  target.splice(0, target.length, ...rest);
  state.record(req, 'channel_edit', PATH, state.store.channel.channelId, id, read.ok.title ?? read.ok.type, req.body);
  return json(200, sectionJson(state, read.ok, target.indexOf(read.ok), allowed.parts));
}

/** channelSections.delete (?id=): 204. */
export function deleteChannelSection(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const at = sectionsOf(state).findIndex((s) => s.id === id);
  if (at < 0) return sectionError(404, 'channelSectionNotFound', 'The channel section you are trying to delete cannot be found.', 'id');
  const [gone] = writable(state).splice(at, 1);
  state.record(req, 'channel_edit', PATH, state.store.channel.channelId, id, gone.title ?? gone.type, { id, deleted: true });
  return { status: 204, raw: { contentType: 'application/json', data: '' } };
}
