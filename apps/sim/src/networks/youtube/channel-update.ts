import { obj } from '@resonance/contracts';
import { json, type SimRequest, type SimResponse } from '../../core/http';
import { CHANNEL_PARTS, channelJson } from './channel-routes';
import { errors, google } from './errors';
import { readLocalizations } from './localizations';
import { parts } from './params';
import type { ChannelSettings, YoutubeState } from './state';
import { WRITE_SCOPES, type YtToken } from './tokens';

/**
 * channels.update (PUT /youtube/v3/channels?part=…, body {id, brandingSettings, localizations,
 * status}; 50 units): the channel's writable properties. Each part named is replaced whole, as
 * Google documents for updates: brandingSettings.channel (description ≤ 1000 characters,
 * keywords ≤ 500, country, defaultLanguage, unsubscribedTrailer: one of the channel's videos),
 * localizations (need a default language) and status.selfDeclaredMadeForKids. Recorded in
 * /_sim/received as channel_edit.
 */
const brandingError = (message: string, field: string): SimResponse =>
  google(400, 'brandingValidationError', message, { domain: 'youtube.channel', location: `body.brandingSettings.channel.${field}`, locationType: 'other' });

export function updateChannel(state: YoutubeState, req: SimRequest, token: YtToken): SimResponse {
  const p = parts(req, CHANNEL_PARTS);
  if ('error' in p) return p.error;
  if (!token.scopes.some((s) => WRITE_SCOPES.includes(s))) return errors.insufficientScope();
  if (req.badBody) return errors.parseError();
  const id = req.body.id;
  if (typeof id !== 'string' || !id) return google(400, 'required', 'Required parameter: id', { domain: 'global', location: 'body.id', locationType: 'other' });
  if (id !== state.store.channel.channelId || token.channelId !== id)
    return google(404, 'channelNotFound', 'The channel specified in the <code>id</code> parameter does not exist.', {
      domain: 'youtube.channel',
      location: 'body.id',
      locationType: 'other',
    });
  const next: ChannelSettings = { ...state.channelSettings };
  if (p.ok.has('brandingSettings')) {
    const channel = obj(obj(req.body.brandingSettings).channel);
    const text = (field: string, max: number): string | SimResponse => {
      const v = channel[field] ?? '';
      if (typeof v !== 'string' || v.length > max || /[<>]/.test(v)) return brandingError(`The brandingSettings.channel.${field} property is invalid.`, field);
      return v;
    };
    const description = text('description', 1000);
    if (typeof description !== 'string') return description;
    const keywords = text('keywords', 500);
    if (typeof keywords !== 'string') return keywords;
    const country = channel.country ?? 'DE';
    if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))
      return brandingError('The brandingSettings.channel.country property is invalid.', 'country');
    const trailer = channel.unsubscribedTrailer;
    if (trailer !== undefined && (typeof trailer !== 'string' || !state.store.video(trailer)))
      return brandingError('The brandingSettings.channel.unsubscribedTrailer property names no video of the channel.', 'unsubscribedTrailer');
    const language = channel.defaultLanguage;
    Object.assign(next, {
      description,
      keywords,
      country,
      unsubscribedTrailer: trailer,
      defaultLanguage: typeof language === 'string' && language ? language : undefined,
    });
  }
  if (p.ok.has('localizations')) {
    const l = readLocalizations(req.body.localizations, next.defaultLanguage, 'youtube.channel');
    if ('error' in l) return l.error;
    next.localizations = l.ok;
  }
  if (p.ok.has('status')) {
    const made = obj(req.body.status).selfDeclaredMadeForKids;
    next.selfDeclaredMadeForKids = made === true;
  }
  Object.assign(state.channelSettings, next);
  state.record(req, 'channel_edit', '/youtube/v3/channels', id, id, next.description, req.body);
  return json(200, channelJson(state, p.ok, null));
}
