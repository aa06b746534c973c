import { joinedParam, json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { parseFields } from './fields';
import { GRAPH_TYPES, reactorJson, reactorsOf, selected, summaryOf, wantsSummary } from './reactions';
import { edgeResponse, type ReadCall } from './read-routes';
import type { FacebookState } from './state';

/**
 * Graph read forms around the product's calls: the reactions and likes edges of a post or
 * comment (reactions.ts), and debug_token (how an integration checks a token's type, scopes and expiry).
 */

/**
 * GET /{post-or-comment}/reactions?type=LOVE&summary=total_count&fields=id,name,type (newest
 * first, cursor-paged) and /likes (the LIKE reactions only): who reacted and how.
 */
export function getReactions(state: FacebookState, call: ReadCall, id: string, edge: 'reactions' | 'likes'): SimResponse {
  const on = state.store.post(id) ?? state.store.comment(id);
  if (!on) return errors.unsupportedGet(id);
  const type = call.req.query.get('type');
  if (type !== null && !GRAPH_TYPES.includes(type)) return errors.invalidParam(`type must be one of the following values: ${GRAPH_TYPES.join(', ')}`);
  const page = state.store.page;
  const chosen = selected(on, page, edge, type);
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const summary = wantsSummary(call.req.query.get('summary')) ? { summary: summaryOf(reactorsOf(on, page), chosen, edge) } : undefined;
  return edgeResponse(call, `/${id}/${edge}`, chosen, true, (r) => reactorJson(r, edge, fields), summary);
}

/**
 * GET /debug_token?input_token=…: what Graph knows of a token. The caller's own token may be any
 * valid token of the app or the app token `{app-id}|{app-secret}`; an unknown input token answers
 * 200 with is_valid false and the error, as Graph does.
 */
export function debugToken(state: FacebookState, req: SimRequest): SimResponse {
  const input = req.query.get('input_token') ?? (typeof req.body.input_token === 'string' ? req.body.input_token : null);
  if (!input) return errors.missingParam('input_token');
  const token = state.tokens.get(input);
  if (!token || token.revoked || (token.expiresAt !== null && token.expiresAt <= state.now())) {
    return json(200, {
      data: {
        error: {
          code: 190,
          message: token ? 'Error validating access token: The session has been invalidated.' : 'Invalid OAuth access token - Cannot parse access token',
        },
        is_valid: false,
        scopes: [],
      },
    });
  }
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const now = state.now();
  return json(200, {
    data: {
      app_id: token.appId,
      type: token.kind === 'page' ? 'PAGE' : 'USER',
      application: 'Resonance',
      data_access_expires_at: seconds(now + 90 * 86_400_000),
      expires_at: token.expiresAt === null ? 0 : seconds(token.expiresAt),
      is_valid: true,
      ...(token.pageId ? { profile_id: token.pageId } : {}),
      scopes: token.scopes,
      granular_scopes: token.scopes
        .filter((s) => s.startsWith('pages_') && s !== 'pages_show_list')
        .map((scope) => ({ scope, ...(token.pageId ? { target_ids: [token.pageId] } : {}) })),
      user_id: token.userId,
    },
  });
}

/** The app token `{app-id}|{app-secret}`, which debug_token (and app-level calls) accept. */
export const isAppToken = (state: FacebookState, value: string | null): boolean => value === `${state.app.appId}|${state.app.appSecret}`;
