import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import type { FacebookState } from './state';

/**
 * Graph read forms around the product's calls: the reactions and likes edges of a post or
 * comment, and debug_token (how an integration checks a token's type, scopes and expiry).
 */

const wantsSummary = (req: SimRequest): boolean => {
  const s = req.query.get('summary');
  return s !== null && s !== 'false' && s !== '0';
};

/**
 * GET /{post-or-comment}/reactions and /likes. The sim keeps counts, not who reacted, so `data`
 * names only the page's own like of a comment (which it does know); the summary carries the count,
 * as the nested `reactions.summary(true)` field does.
 */
export function getReactions(state: FacebookState, req: SimRequest, id: string, edge: 'reactions' | 'likes'): SimResponse {
  const post = state.store.post(id);
  const comment = post ? undefined : state.store.comment(id);
  if (!post && !comment) return errors.unsupportedGet(id);
  const count = post ? post.reactions : (comment?.likeCount ?? 0);
  const page = { id: state.pageId, name: state.pageName };
  const data = comment?.likedByPage ? [edge === 'reactions' ? { ...page, type: 'LIKE' } : page] : [];
  const viewerLikes = comment?.likedByPage ?? false;
  const summary =
    edge === 'reactions'
      ? { total_count: count, viewer_reaction: viewerLikes ? 'LIKE' : 'NONE' }
      : { total_count: count, can_like: true, has_liked: viewerLikes };
  return json(200, { data, ...(wantsSummary(req) ? { summary } : {}) });
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
