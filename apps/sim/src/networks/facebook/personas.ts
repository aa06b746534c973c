import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { param } from './post-extras';
import type { FacebookState } from './state';
import type { FbToken } from './tokens';
import type { FbPersona } from './persona-registry';

/**
 * The Personas API (Messenger Platform, "Personas"): a named agent (or bot) the page sends as.
 *   POST   /{page-id|me}/personas  name (at most 50 characters), profile_picture_url → {id}
 *   GET    /{page-id|me}/personas  → {data: [{name, profile_picture_url, id}], paging}
 *   GET    /{persona-id}           → {name, profile_picture_url, id}
 *   DELETE /{persona-id}           → {success: true}
 * A page token with pages_messaging. A Send API call may carry `persona_id` (a message or the
 * typing_on/typing_off/mark_seen actions): an unknown or deleted one is (#100). Meta documents no
 * field that reads a message's persona back, so the sim records it in /_sim/received only. The sim
 * fetches no picture: it keeps the URL, as Graph answers the one it re-hosted.
 */
const MAX_NAME = 50;
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

const render = (p: FbPersona) => ({ name: p.name, profile_picture_url: p.pictureUrl, id: p.id });

function mayManage(state: FacebookState, token: FbToken, pageId: string): SimResponse | null {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (token.kind !== 'page') return errors.pageTokenRequired();
  return token.scopes.includes('pages_messaging') ? null : errors.missingPermission('pages_messaging');
}

/** POST /{page-id}/personas */
export function createPersona(state: FacebookState, req: SimRequest, token: FbToken, pageId: string): SimResponse {
  const refused = mayManage(state, token, pageId);
  if (refused) return refused;
  const name = param(req, 'name');
  const picture = param(req, 'profile_picture_url');
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME)
    return errors.invalidParam(`Param name must be a non-empty string of at most ${MAX_NAME} characters`);
  if (!isUrl(picture)) return errors.invalidParam('Param profile_picture_url must be a URL');
  const serial = state.store.nextSerial();
  const persona = { id: String(126_000_000_000_000 + serial), order: serial, name, pictureUrl: picture };
  state.personas.add(persona);
  return json(200, { id: persona.id });
}

/** GET /{page-id}/personas: every persona, oldest first (one page: a page has few). */
export function listPersonas(state: FacebookState, token: FbToken, pageId: string): SimResponse {
  const refused = mayManage(state, token, pageId);
  if (refused) return refused;
  const list = state.personas.list();
  if (list.length === 0) return json(200, { data: [] });
  const cursor = (p: { id: string }) => Buffer.from(p.id).toString('base64url');
  return json(200, { data: list.map(render), paging: { cursors: { before: cursor(list[0]), after: cursor(list[list.length - 1]) } } });
}

/** GET or DELETE /{persona-id}, or undefined when the id is no persona. */
export function personaNode(state: FacebookState, token: FbToken, id: string, method: string): SimResponse | undefined {
  const persona = state.personas.get(id);
  if (!persona) return undefined;
  const refused = mayManage(state, token, state.pageId);
  if (refused) return refused;
  if (method === 'GET') return json(200, render(persona));
  state.personas.delete(id);
  return json(200, { success: true });
}

/** A Send API call's `persona_id`: undefined when absent, the id when the page has that persona, else Graph's (#100). */
export function sendPersona(state: FacebookState, req: SimRequest): string | undefined | SimResponse {
  const raw = param(req, 'persona_id');
  if (raw === undefined) return undefined;
  const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  return state.personas.get(id) ? id : errors.invalidParam(`Invalid persona_id: ${id}`);
}
