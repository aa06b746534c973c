import { obj } from '@resonance/contracts';
import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors, google } from './errors';
import { readLocalizations } from './localizations';
import { maxResults, notWithId, page, parts, type Parsed } from './params';
import { playlistEntries, playlistItemId, playlistItemJson, playlistJson, uploadEntries, type PlaylistEntry, type YtPlaylist } from './playlists';
import { listJson, uploadsPlaylistOf, videoMeta } from './serialize';
import type { YoutubeState } from './state';
import { READ_SCOPES, WRITE_SCOPES, type YtToken } from './tokens';

/**
 * playlists (list 1 unit; insert, update, delete 50) and playlistItems (list 1; insert, update,
 * delete 50) of the channel, as www.googleapis.com/youtube/v3 answers them. The uploads playlist
 * reads like any other (its items are the channel's videos, newest first) but takes no writes
 * (400 playlistOperationUnsupported, as YouTube answers for it). Writes are recorded in
 * /_sim/received as playlist_create, playlist_edit, playlist_delete, playlist_item_add,
 * playlist_item_edit and playlist_item_remove.
 */
const PLAYLIST_PARTS = ['contentDetails', 'id', 'localizations', 'player', 'snippet', 'status'];
const ITEM_PARTS = ['contentDetails', 'id', 'snippet', 'status'];
const PRIVACY = ['public', 'unlisted', 'private'] as const;

const noContent = (): SimResponse => ({ status: 204, raw: { contentType: 'application/json', data: '' } });
const bad = (reason: string, message: string, location: string, domain = 'youtube.playlist', code = 400): SimResponse =>
  google(code, reason, message, { domain, location, locationType: location.startsWith('body') ? 'other' : 'parameter' });
const playlistNotFound = (location: string, domain = 'youtube.playlist'): SimResponse =>
  bad('playlistNotFound', 'The playlist identified with the request\u2019s <code>id</code> parameter cannot be found.', location, domain, 404);
const unsupported = (domain = 'youtube.playlist'): SimResponse =>
  google(
    400,
    'playlistOperationUnsupported',
    'The API does not support the ability to modify the specified playlist, for example the uploaded videos playlist.',
    {
      domain,
    },
  );
const itemNotFound = (location: string): SimResponse =>
  bad(
    'playlistItemNotFound',
    'The playlist item identified with the request\u2019s <code>id</code> property cannot be found.',
    location,
    'youtube.playlistItem',
    404,
  );

const canWrite = (t: YtToken): boolean => t.scopes.some((s) => WRITE_SCOPES.includes(s));

/** playlists.list by mine (all of the channel's), channelId (its public ones) or id (the uploads playlist too); hl localizes. */
export function listPlaylists(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, PLAYLIST_PARTS);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => READ_SCOPES.includes(s))) return errors.insufficientScope();
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const q = req.query;
  const ch = state.channelRef;
  const uploads = { uploads: true as const, id: uploadsPlaylistOf(ch.channelId), videos: state.store.videos };
  const filters = ['channelId', 'id', 'mine'].filter((f) => q.get(f) !== null);
  if (filters.length === 0) return errors.invalidParam('id', 'No filter selected. Expected one of: channelId, id, mine', 'missingRequiredParameter');
  if (filters.length > 1)
    return errors.invalidParam(filters[1], `The ${filters[1]} parameter cannot be used with the ${filters[0]} parameter.`, 'incompatibleParameters');
  let list: Array<YtPlaylist | typeof uploads>;
  if (q.get('id') !== null) {
    list = (listParam(q, 'id') ?? []).flatMap((id): Array<YtPlaylist | typeof uploads> => {
      const own = state.playlists.get(id);
      return id === uploads.id ? [uploads] : own ? [own] : [];
    });
  } else if (q.get('mine') !== null) {
    list = q.get('mine') === 'true' && token.channelId === ch.channelId ? state.playlists.all : [];
  } else {
    if (q.get('channelId') !== ch.channelId)
      return google(404, 'channelNotFound', 'The channel specified in the <code>channelId</code> parameter cannot be found.', {
        domain: 'youtube.playlist',
        location: 'channelId',
        locationType: 'parameter',
      });
    list = state.playlists.all.filter((pl) => pl.privacyStatus === 'public');
  }
  const slice = q.get('id') !== null ? { ok: { items: list, next: undefined, prev: undefined } } : page(list, req, size.ok);
  if ('error' in slice) return slice.error;
  const items = slice.ok.items.map((pl) => playlistJson(pl, ch, p.ok, q.get('hl')));
  return json(200, listJson('youtube#playlistListResponse', items, size.ok, list.length, slice.ok.next, slice.ok.prev));
}

interface PlaylistFields {
  title: string;
  description: string;
  privacyStatus: YtPlaylist['privacyStatus'];
  defaultLanguage?: string;
  localizations?: YtPlaylist['localizations'];
}

/** The writable properties: snippet.title (required, ≤ 150 characters), description (≤ 5000 bytes), defaultLanguage; status.privacyStatus; localizations. */
function readPlaylist(body: Record<string, unknown>, names: Set<string>, current: PlaylistFields): Parsed<PlaylistFields> {
  const out = { ...current };
  if (names.has('snippet')) {
    const snippet = obj(body.snippet);
    const title = snippet.title;
    if (typeof title !== 'string' || title.trim() === '')
      return { error: bad('playlistTitleRequired', 'The request must specify a playlist title.', 'body.snippet.title') };
    const description = snippet.description ?? '';
    if (title.length > 150 || /[<>]/.test(title) || typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description))
      return { error: bad('invalidPlaylistSnippet', 'The request provides an invalid playlist snippet.', 'body.snippet') };
    out.title = title;
    out.description = description;
    out.defaultLanguage = typeof snippet.defaultLanguage === 'string' && snippet.defaultLanguage ? snippet.defaultLanguage : undefined;
  }
  if (names.has('status')) {
    const privacy = PRIVACY.find((v) => v === (obj(body.status).privacyStatus ?? 'public'));
    if (!privacy) return { error: bad('invalidValue', 'The request specifies an invalid privacy status.', 'body.status.privacyStatus') };
    out.privacyStatus = privacy;
  }
  if (names.has('localizations')) {
    const l = readLocalizations(body.localizations, out.defaultLanguage, 'youtube.playlist');
    if ('error' in l) return l;
    out.localizations = l.ok;
  }
  return { ok: out };
}

/** playlists.insert (body {snippet: {title, …}, status, localizations}): a new playlist of the channel, first in its lists. */
export function insertPlaylist(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, PLAYLIST_PARTS);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  if (!p.ok.has('snippet')) return bad('playlistTitleRequired', 'The request must specify a playlist title.', 'body.snippet.title');
  const fields = readPlaylist(req.body, p.ok, { title: '', description: '', privacyStatus: 'public' });
  if ('error' in fields) return fields.error;
  const playlist: YtPlaylist = { id: `PL${state.store.apiId('playlist', 32)}`, createdAt: state.now(), ...fields.ok, items: [] };
  state.playlists.add(playlist);
  state.record(req, 'playlist_create', '/youtube/v3/playlists', state.store.channel.channelId, playlist.id, playlist.title, req.body);
  return json(200, playlistJson(playlist, state.channelRef, p.ok, null));
}

/** The channel's own playlist a write names, or the error for it (the uploads playlist takes none). */
function ownPlaylist(state: YoutubeState, id: unknown, location: string, domain?: string): { ok: YtPlaylist } | { error: SimResponse } {
  if (typeof id !== 'string' || id === '')
    return {
      error: google(400, 'required', `Required parameter: ${location.replace(/^body\./, '')}`, { domain: 'global', location, locationType: 'parameter' }),
    };
  if (id === uploadsPlaylistOf(state.store.channel.channelId)) return { error: unsupported(domain) };
  const playlist = state.playlists.get(id);
  return playlist ? { ok: playlist } : { error: playlistNotFound(location, domain) };
}

/** playlists.update (PUT, body {id, snippet, status, localizations}): replaces the writable properties of the parts named. */
export function updatePlaylist(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, PLAYLIST_PARTS);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const own = ownPlaylist(state, req.body.id, 'body.id');
  if ('error' in own) return own.error;
  const pl = own.ok;
  // A part left out keeps its values; a part named is replaced whole (its properties left out go back to their defaults).
  const fields = readPlaylist(req.body, p.ok, {
    title: pl.title,
    description: pl.description,
    privacyStatus: pl.privacyStatus,
    defaultLanguage: pl.defaultLanguage,
    localizations: pl.localizations,
  });
  if ('error' in fields) return fields.error;
  Object.assign(pl, fields.ok);
  state.record(req, 'playlist_edit', '/youtube/v3/playlists', pl.id, pl.id, pl.title, req.body);
  return json(200, playlistJson(pl, state.channelRef, p.ok, null));
}

/** playlists.delete (?id=): 204, the playlist and its items are gone (the videos stay). */
export function deletePlaylist(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!canWrite(token)) return errors.insufficientScope();
  const own = ownPlaylist(state, req.query.get('id'), 'id');
  if ('error' in own) return own.error;
  state.playlists.remove(own.ok);
  state.record(req, 'playlist_delete', '/youtube/v3/playlists', own.ok.id, own.ok.id, own.ok.title, Object.fromEntries(req.query));
  return noContent();
}

/**
 * playlistItems.list of the uploads playlist (newest first) or one of the channel's playlists
 * (by position), or by id (items of either), with videoId keeping one video's items; maxResults
 * 0–50, default 5.
 */
export function listPlaylistItems(state: YoutubeState, req: SimRequest): SimResponse {
  const p = parts(req, ITEM_PARTS);
  if ('error' in p) return p.error;
  const size = maxResults(req, { min: 0, max: 50, fallback: 5 });
  if ('error' in size) return size.error;
  const ch = state.channelRef;
  const json200 = (entries: PlaylistEntry[], total: number, next?: string, prev?: string) => {
    const items = entries.map((e) => playlistItemJson(e, ch, p.ok, videoMeta(e.video).privacyStatus));
    return json(200, listJson('youtube#playlistItemListResponse', items, size.ok, total, next, prev));
  };
  const ids = listParam(req.query, 'id');
  if (ids !== null) {
    const withId = notWithId(req, ['playlistId']);
    if (withId) return withId;
    const wanted = new Set(ids);
    const all = [uploadEntries(state.store.videos, ch.channelId), ...state.playlists.all.map(playlistEntries)].flat();
    const entries = all.filter((e) => wanted.has(e.id));
    return json200(entries, entries.length);
  }
  const playlistId = req.query.get('playlistId');
  if (!playlistId) return errors.invalidParam('playlistId', 'No filter selected. Expected one of: playlistId, id', 'missingRequiredParameter');
  let entries: PlaylistEntry[];
  if (playlistId === uploadsPlaylistOf(ch.channelId)) entries = uploadEntries(state.store.videos, ch.channelId);
  else {
    const playlist = state.playlists.get(playlistId);
    if (!playlist) return errors.playlistNotFound();
    entries = playlistEntries(playlist);
  }
  const videoId = req.query.get('videoId');
  if (videoId !== null) entries = entries.filter((e) => e.video.id === videoId);
  const slice = page(entries, req, size.ok);
  if ('error' in slice) return slice.error;
  return json200(slice.ok.items, entries.length, slice.ok.next, slice.ok.prev);
}

/** The snippet of a playlist item write: the playlist, the video (resourceId) and where it goes. */
function readItem(state: YoutubeState, body: Record<string, unknown>): Parsed<{ playlist: YtPlaylist; videoId: string; position?: number }> {
  const snippet = obj(body.snippet);
  if (typeof snippet.playlistId !== 'string' || snippet.playlistId === '')
    return {
      error: bad(
        'playlistIdRequired',
        'The request does not specify a value for the required playlistId property.',
        'body.snippet.playlistId',
        'youtube.playlistItem',
      ),
    };
  const own = ownPlaylist(state, snippet.playlistId, 'body.snippet.playlistId', 'youtube.playlistItem');
  if ('error' in own) return own;
  const resource = obj(snippet.resourceId);
  if (snippet.resourceId === undefined || typeof resource.videoId !== 'string')
    return {
      error: bad(
        'resourceIdRequired',
        'The request must contain a resource in which you specify the video to add.',
        'body.snippet.resourceId',
        'youtube.playlistItem',
      ),
    };
  if (resource.kind !== undefined && resource.kind !== 'youtube#video')
    return {
      error: bad(
        'invalidResourceType',
        'The type specified for the resource ID is not supported for this operation.',
        'body.snippet.resourceId.kind',
        'youtube.playlistItem',
      ),
    };
  const position = snippet.position;
  if (position !== undefined && position !== null && (typeof position !== 'number' || !Number.isInteger(position) || position < 0))
    return { error: invalidPosition() };
  return { ok: { playlist: own.ok, videoId: resource.videoId, ...(typeof position === 'number' ? { position } : {}) } };
}

const invalidPosition = (): SimResponse =>
  bad(
    'invalidPlaylistItemPosition',
    'The request attempts to set the playlist item\u2019s position to an invalid or unsupported value.',
    'body.snippet.position',
    'youtube.playlistItem',
  );

const readNote = (body: Record<string, unknown>): string | undefined => {
  const note = obj(body.contentDetails).note;
  return typeof note === 'string' && note !== '' ? note : undefined;
};

/** playlistItems.insert (body {snippet: {playlistId, resourceId: {kind, videoId}, position?}, contentDetails: {note?}}). */
export function insertPlaylistItem(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ITEM_PARTS);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const read = readItem(state, req.body);
  if ('error' in read) return read.error;
  const { playlist, videoId } = read.ok;
  const video = state.store.video(videoId);
  if (!video)
    return bad(
      'videoNotFound',
      'The video that you are trying to add to the playlist cannot be found.',
      'body.snippet.resourceId.videoId',
      'youtube.playlistItem',
      404,
    );
  const position = read.ok.position ?? playlist.items.length;
  if (position > playlist.items.length) return invalidPosition();
  const item = { id: playlistItemId(playlist.id, state.store.apiId('item', 16)), video, addedAt: state.now(), note: readNote(req.body) };
  playlist.items.splice(position, 0, item);
  state.record(req, 'playlist_item_add', '/youtube/v3/playlistItems', playlist.id, item.id, video.title, req.body);
  const entry = playlistEntries(playlist)[position];
  return json(200, playlistItemJson(entry, state.channelRef, p.ok, videoMeta(video).privacyStatus));
}

/** playlistItems.update (PUT, body {id, snippet: {playlistId, resourceId, position?}, contentDetails: {note?}}): moves the item or changes its note. */
export function updatePlaylistItem(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, ITEM_PARTS);
  if ('error' in p) return p.error;
  if (!canWrite(token)) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const id = req.body.id;
  if (typeof id !== 'string' || id === '')
    return google(400, 'required', 'Required parameter: id', { domain: 'global', location: 'body.id', locationType: 'other' });
  const found = state.playlists.findItem(id);
  if (!found) {
    const inUploads = uploadEntries(state.store.videos, state.store.channel.channelId).some((e) => e.id === id);
    return inUploads ? unsupported('youtube.playlistItem') : itemNotFound('body.id');
  }
  const { playlist, item } = found;
  if (p.ok.has('snippet')) {
    const read = readItem(state, req.body);
    if ('error' in read) return read.error;
    // An item stays in its playlist and keeps its video: the snippet names them and may move it.
    if (read.ok.playlist !== playlist || read.ok.videoId !== item.video.id)
      return bad('invalidSnippet', 'The request does not provide a valid playlist item snippet.', 'body.snippet', 'youtube.playlistItem');
    if (read.ok.position !== undefined) {
      if (read.ok.position >= playlist.items.length) return invalidPosition();
      playlist.items.splice(playlist.items.indexOf(item), 1);
      playlist.items.splice(read.ok.position, 0, item);
    }
  }
  if (p.ok.has('contentDetails')) item.note = readNote(req.body);
  state.record(req, 'playlist_item_edit', '/youtube/v3/playlistItems', playlist.id, item.id, item.video.title, req.body);
  const entry = playlistEntries(playlist)[playlist.items.indexOf(item)];
  return json(200, playlistItemJson(entry, state.channelRef, p.ok, videoMeta(item.video).privacyStatus));
}

/** playlistItems.delete (?id=): 204, the video leaves the playlist. */
export function deletePlaylistItem(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  if (!canWrite(token)) return errors.insufficientScope();
  const id = req.query.get('id');
  if (!id) return errors.required('id');
  const found = state.playlists.findItem(id);
  if (!found) {
    const inUploads = uploadEntries(state.store.videos, state.store.channel.channelId).some((e) => e.id === id);
    return inUploads ? unsupported('youtube.playlistItem') : itemNotFound('id');
  }
  found.playlist.items.splice(found.playlist.items.indexOf(found.item), 1);
  state.record(req, 'playlist_item_remove', '/youtube/v3/playlistItems', found.playlist.id, id, found.item.video.title, Object.fromEntries(req.query));
  return noContent();
}
