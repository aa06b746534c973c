import { joinedParam, json, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { parseFields } from './fields';
import { edgeResponse, nestedEdges, type ReadCall } from './read-routes';
import { renderPost } from './serialize';
import type { FacebookState } from './state';
import type { FbPost, FbUser } from './store';
import type { TruthItem } from '../../core/world';

/**
 * Posts by other people (Graph reference "Page Visitor Posts", "Page Tagged"): someone writes on
 * the page, or tags the page in a post of their own. Both are in the page's /feed (with `from`
 * the person) and in none of /posts and /published_posts;
 *   GET /{page}/visitor_posts  what people wrote on the page, newest first
 *   GET /{page}/tagged         posts tagging the page (`message_tags` names it), newest first
 * served with the Post shape. The Graph API has no call for a person's side, so
 * POST /_sim/facebook/visitor-post {text, userId?, name?, tagged?} makes one (a `feed` webhook,
 * item status, from the person, announces it).
 */

/** Someone who may write on the page: a commenter or customer by id, else a new person with `name`. */
function personFor(state: FacebookState, userId: unknown, name: unknown): FbUser | string {
  if (typeof userId === 'string' && userId !== '') {
    const known = state.store.commenter(userId) ?? state.store.conversationWith(userId)?.customer;
    return known ?? `unknown userId ${userId}`;
  }
  const display = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Alex Visitor';
  return { id: String(7_100_000_000_000_000 + state.store.nextSerial()), name: display };
}

/** POST /_sim/facebook/visitor-post: the post, or a 400 saying why not. */
export function addVisitorPost(state: FacebookState, input: Record<string, unknown>): { response: SimResponse; created?: FbPost } {
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text === '') return { response: json(400, { error: { message: 'text is required' } }) };
  const author = personFor(state, input.userId, input.name);
  if (typeof author === 'string') return { response: json(404, { error: { message: author } }) };
  const tagged = input.tagged === true || input.tagged === 'true';
  // A post tagging the page names it in its text (message_tags points at that range).
  const message = tagged && !text.includes(state.pageName) ? `${text} ${state.pageName}` : text;
  const post = state.store.addApiPost(message, state.now(), {});
  post.visitor = { author, taggedPage: tagged };
  state.store.visitorPosts += 1;
  return { response: json(200, { id: post.id, from: author, message, tagged }), created: post };
}

/** GET /{page}/visitor_posts and /{page}/tagged. */
export function getVisitorEdge(state: FacebookState, call: ReadCall, pageId: string, edge: 'visitor_posts' | 'tagged'): SimResponse {
  if (pageId !== state.pageId && pageId !== 'me') return errors.unsupportedGet(pageId);
  if (!call.token.scopes.includes('pages_read_engagement')) return errors.missingPermission('pages_read_engagement');
  const list = state.store.visitorPosts > 0 ? state.store.posts.filter((p) => p.visitor?.taggedPage === (edge === 'tagged')) : [];
  const fields = parseFields(joinedParam(call.req.query, 'fields'));
  const edges = nestedEdges(state);
  return edgeResponse(call, `/${pageId}/${edge}`, list, true, (p) => renderPost(p, fields, state.store.page, edges));
}

/** A visitor's post in the truth: a customer's item of its own thread, as the product reads it (a comment on itself). */
export function visitorTruth(
  post: FbPost,
  author: FbUser,
): Pick<TruthItem, 'kind' | 'externalId' | 'postExternalId' | 'parentExternalId' | 'threadExternalId' | 'author' | 'fromAccount' | 'text'> {
  return {
    kind: 'comment',
    externalId: post.id,
    postExternalId: post.id,
    parentExternalId: null,
    threadExternalId: post.id,
    author: { externalId: author.id, name: author.name },
    fromAccount: false,
    text: post.message,
  };
}
