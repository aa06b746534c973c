import type { YtLocalization, YtVideo } from './store';
import { etag, thumbnailsJson, uploadsPlaylistOf, ytTime } from './serialize';
import { localized } from './localizations';

/**
 * The channel's own playlists (playlists.insert) and their items (playlistItems.insert), in the
 * order YouTube keeps them: playlists newest first, items by position. The uploads playlist
 * (`UU…`, contentDetails.relatedPlaylists.uploads) is not kept here: it is the channel's videos,
 * newest first, and the API cannot change it.
 */
export interface YtPlaylist {
  id: string;
  createdAt: number;
  title: string;
  description: string;
  privacyStatus: 'public' | 'unlisted' | 'private';
  defaultLanguage?: string;
  localizations?: Record<string, YtLocalization>;
  items: YtPlaylistItem[];
}

export interface YtPlaylistItem {
  id: string;
  video: YtVideo;
  addedAt: number;
  /** contentDetails.note, the channel's note on the item. */
  note?: string;
}

/** One item as lists show it: where it stands and in which playlist. */
export interface PlaylistEntry {
  id: string;
  playlistId: string;
  video: YtVideo;
  position: number;
  addedAt: number;
  note?: string;
}

export class YoutubePlaylists {
  /** Newest first. */
  readonly all: YtPlaylist[] = [];

  get(id: string): YtPlaylist | undefined {
    return this.all.find((p) => p.id === id);
  }

  add(p: YtPlaylist): void {
    this.all.unshift(p);
  }

  remove(p: YtPlaylist): void {
    const at = this.all.indexOf(p);
    if (at >= 0) this.all.splice(at, 1);
  }

  /** An item of any of the channel's own playlists by its id. */
  findItem(id: string): { playlist: YtPlaylist; item: YtPlaylistItem } | undefined {
    for (const playlist of this.all) {
      const item = playlist.items.find((i) => i.id === id);
      if (item) return { playlist, item };
    }
    return undefined;
  }

  /** videos.delete: the video leaves every playlist (the sim keeps no "deleted video" placeholders). */
  removeVideo(v: YtVideo): void {
    for (const p of this.all) p.items = p.items.filter((i) => i.video !== v);
  }
}

/** Playlist item ids: base64url of "<playlistId>.<item key>", as YouTube's look. */
export const playlistItemId = (playlistId: string, key: string): string => Buffer.from(`${playlistId}.${key}`).toString('base64url');

/** The uploads playlist's items: the channel's videos, newest first. */
export function uploadEntries(videos: YtVideo[], channelId: string): PlaylistEntry[] {
  const playlistId = uploadsPlaylistOf(channelId);
  return [...videos].reverse().map((video, position) => ({
    id: playlistItemId(playlistId, video.id),
    playlistId,
    video,
    position,
    addedAt: video.publishedAt,
  }));
}

export function playlistEntries(p: YtPlaylist): PlaylistEntry[] {
  return p.items.map((item, position) => ({ id: item.id, playlistId: p.id, video: item.video, position, addedAt: item.addedAt, note: item.note }));
}

type Json = Record<string, unknown>;

interface Channel {
  channelId: string;
  channelTitle: string;
}

const NO_THUMBNAIL = { default: { url: 'https://i.ytimg.com/img/no_thumbnail.jpg', width: 120, height: 90 } };

/** A youtube#playlist with the parts asked for; `hl` picks snippet.localized from its localizations. */
export function playlistJson(p: YtPlaylist | { uploads: true; id: string; videos: YtVideo[] }, ch: Channel, parts: Set<string>, hl: string | null): Json {
  const uploads = 'uploads' in p;
  const title = uploads ? `Uploads from ${ch.channelTitle}` : p.title;
  const description = uploads ? '' : p.description;
  const first = uploads ? p.videos.at(-1) : p.items[0]?.video;
  const count = uploads ? p.videos.length : p.items.length;
  const out: Json = {
    kind: 'youtube#playlist',
    etag: etag('playlist', p.id, title, description, count, uploads ? null : [p.privacyStatus, p.localizations]),
    id: p.id,
  };
  if (parts.has('snippet')) {
    out.snippet = {
      publishedAt: ytTime(uploads ? Date.UTC(2020, 0, 1) : p.createdAt),
      channelId: ch.channelId,
      title,
      description,
      thumbnails: first ? thumbnailsJson(first) : NO_THUMBNAIL,
      channelTitle: ch.channelTitle,
      ...(!uploads && p.defaultLanguage ? { defaultLanguage: p.defaultLanguage } : {}),
      localized: localized({ title, description }, uploads ? undefined : p.localizations, hl),
    };
  }
  if (parts.has('status')) out.status = { privacyStatus: uploads ? 'public' : p.privacyStatus };
  if (parts.has('contentDetails')) out.contentDetails = { itemCount: count };
  if (parts.has('player'))
    out.player = {
      embedHtml: `<iframe width="640" height="360" src="http://www.youtube.com/embed/videoseries?list=${p.id}" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
    };
  if (parts.has('localizations') && !uploads && p.localizations) out.localizations = p.localizations;
  return out;
}

/** A youtube#playlistItem with the parts asked for (status: the video's privacy). */
export function playlistItemJson(e: PlaylistEntry, ch: Channel, parts: Set<string>, privacyStatus: string): Json {
  const v = e.video;
  const out: Json = { kind: 'youtube#playlistItem', etag: etag(e.id, e.position, v.title, e.note), id: e.id };
  if (parts.has('snippet')) {
    out.snippet = {
      publishedAt: ytTime(e.addedAt),
      channelId: ch.channelId,
      title: v.title,
      description: v.description,
      thumbnails: thumbnailsJson(v),
      channelTitle: ch.channelTitle,
      playlistId: e.playlistId,
      position: e.position,
      resourceId: { kind: 'youtube#video', videoId: v.id },
      videoOwnerChannelTitle: ch.channelTitle,
      videoOwnerChannelId: ch.channelId,
    };
  }
  if (parts.has('contentDetails')) out.contentDetails = { videoId: v.id, ...(e.note ? { note: e.note } : {}), videoPublishedAt: ytTime(v.publishedAt) };
  if (parts.has('status')) out.status = { privacyStatus };
  return out;
}
