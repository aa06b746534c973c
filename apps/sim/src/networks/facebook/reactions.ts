import type { FieldSpec } from './fields';
import { UnknownFieldError } from './serialize';
import type { FbComment, FbPost, FbReactionType, FbUser } from './store';

/**
 * Who reacted to a post or comment, and how (developers.facebook.com/docs/graph-api/reference/
 * object/reactions): the people the generator has react, and the page's own like of a comment.
 * The edges (GET /{object}/reactions, /likes) are in graph-forms.ts; the nested field
 * `reactions.type(LOVE).limit(5).summary(true)` of a node is rendered here.
 */

/** Graph's documented reaction types; the sim's people use the first seven. */
export const GRAPH_TYPES = ['LIKE', 'LOVE', 'CARE', 'HAHA', 'WOW', 'SAD', 'ANGRY', 'THANKFUL', 'PRIDE', 'NONE'];
const PAGE_LIKE_ORDER = Number.MAX_SAFE_INTEGER;

export interface Reactor {
  order: number;
  user: FbUser;
  type: FbReactionType;
  isPage: boolean;
}

/** The object's reactions, oldest first; the page's like (a comment's only) counts as the newest. */
export function reactorsOf(on: FbPost | FbComment, page: FbUser): Reactor[] {
  const people = on.reactors.map((r) => ({ ...r, isPage: false }));
  const pageLikes = 'likedByPage' in on && on.likedByPage;
  return pageLikes ? [...people, { order: PAGE_LIKE_ORDER, user: page, type: 'LIKE', isPage: true }] : people;
}

export function reactorJson(r: Reactor, edge: 'reactions' | 'likes', fields: FieldSpec[] | null): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: r.user.id,
    name: r.user.name,
    ...(edge === 'reactions' ? { type: r.type } : {}),
    profile_type: r.isPage ? 'page' : 'user',
    pic: `https://scontent.xx.fbcdn.net/v/t1.30497-1/${r.user.id}_n.jpg`,
  };
  if (!fields) return edge === 'reactions' ? { id: all.id, name: all.name, type: all.type } : { id: all.id, name: all.name };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f.name in all)) throw new UnknownFieldError(f.name, 'Profile');
    out[f.name] = all[f.name];
  }
  return out;
}

export function selected(on: FbPost | FbComment, page: FbUser, edge: 'reactions' | 'likes', type: string | null): Reactor[] {
  const all = reactorsOf(on, page);
  const wanted = edge === 'likes' ? 'LIKE' : type && type !== 'NONE' ? type : null;
  return wanted ? all.filter((r) => r.type === wanted) : all;
}

export function summaryOf(all: Reactor[], chosen: Reactor[], edge: 'reactions' | 'likes'): Record<string, unknown> {
  const pageReaction = all.find((r) => r.isPage);
  return edge === 'reactions'
    ? { total_count: chosen.length, viewer_reaction: pageReaction ? pageReaction.type : 'NONE' }
    : { total_count: chosen.length, can_like: true, has_liked: pageReaction !== undefined };
}

export const wantsSummary = (value: string | null | undefined): boolean => value !== null && value !== undefined && value !== 'false' && value !== '0';

/** The nested `reactions` / `likes` field of a post or comment (`reactions.type(LOVE).limit(0).summary(true)`). */
export function reactionsField(on: FbPost | FbComment, page: FbUser, edge: 'reactions' | 'likes', spec: FieldSpec): Record<string, unknown> {
  const chosen = selected(on, page, edge, spec.modifiers.type ?? null);
  const limit = Math.max(0, Math.min(100, Number(spec.modifiers.limit ?? 25) || 0));
  const out: Record<string, unknown> = {
    data: [...chosen]
      .reverse()
      .slice(0, limit)
      .map((r) => reactorJson(r, edge, spec.sub)),
  };
  if (wantsSummary(spec.modifiers.summary)) out.summary = summaryOf(reactorsOf(on, page), chosen, edge);
  return out;
}
