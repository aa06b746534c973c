import { carriesImage, mediaKey } from '../../core/media';
import type { LiComment, LiPerson, LiPost } from './store';

/** Bodies in the shape of the Posts, Comments (socialActions) and People APIs of api.linkedin.com. */

export function postJson(post: LiPost, orgUrn: string): Record<string, unknown> {
  const draft = post.created?.lifecycleState === 'DRAFT';
  return {
    lifecycleState: post.created?.lifecycleState ?? 'PUBLISHED',
    lastModifiedAt: post.modifiedAt ?? post.editedAt ?? post.createdAt + 1,
    visibility: post.created?.visibility ?? 'PUBLIC',
    // A draft has not been published.
    ...(draft ? {} : { publishedAt: post.created?.publishedAt ?? post.createdAt }),
    author: post.created?.author ?? orgUrn,
    distribution: post.created?.distribution ?? { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    ...(post.created?.content ? { content: post.created.content } : {}),
    ...(post.created?.reshareContext ? { reshareContext: post.created.reshareContext } : {}),
    ...(post.created?.callToAction ? { contentCallToActionLabel: post.created.callToAction } : {}),
    ...(post.created?.landingPage ? { contentLandingPage: post.created.landingPage } : {}),
    ...(post.created?.adContext ? { adContext: post.created.adContext } : {}),
    lifecycleStateInfo: { isEditedByAuthor: post.editedAt !== undefined },
    isReshareDisabledByAuthor: post.created?.reshareDisabled ?? false,
    createdAt: post.createdAt,
    id: post.urn,
    commentary: post.text,
  };
}

const summary = (c: LiPost | LiComment, top: number, all: number) => ({
  commentsSummary: { selectedComments: [], aggregatedTotalComments: all, totalFirstLevelComments: top },
  likesSummary: { selectedLikes: [], aggregatedTotalLikes: c.reactions.size, likedByCurrentUser: false, totalLikes: c.reactions.size },
});

export function commentJson(c: LiComment, orgUrn: string, adminUrn: string): Record<string, unknown> {
  const hidden = c.person?.hidden === true;
  const byOrg = c.actor === orgUrn;
  // An organization's comment is written by a member on its behalf: agent/impersonator name them.
  const stamp = { ...(hidden ? {} : { actor: c.actor }), ...(byOrg ? { impersonator: adminUrn } : {}), time: c.createdAt };
  return {
    ...(hidden ? {} : { actor: c.actor }),
    ...(byOrg ? { agent: adminUrn } : {}),
    created: stamp,
    id: c.id,
    lastModified: { ...stamp, time: c.editedAt ?? c.createdAt + 1 },
    message: { attributes: c.attributes ?? [], text: c.text },
    $URN: c.urn,
    commentUrn: c.urn,
    object: c.post.activityUrn,
    ...(c.parent ? { parentComment: c.parent.urn } : {}),
    ...(c.image ? { content: [commentImage(c.id, c.createdAt, c.image)] } : !byOrg && carriesImage(c.id) ? { content: [commentImage(c.id, c.createdAt)] } : {}),
    ...summary(c, c.replies.length, c.replies.length),
  };
}

/** An image in a comment, as comment-object-org-actor-with-image.json (LinkedIn omits `content` otherwise). */
function commentImage(id: string, createdAt: number, attached?: string): Record<string, unknown> {
  const asset = attached ?? `C4E${mediaKey(id, 12).toUpperCase()}Q`;
  const expires = Math.floor(createdAt / 1000) + 30 * 86_400;
  return {
    type: 'IMAGE',
    url: `https://media.licdn.com/dms/image/${asset}/comment-image-shrink_8192_800/0?e=${expires}&v=beta&t=${mediaKey(`${id}:t`, 43)}`,
    entity: { digitalmediaAsset: `urn:li:digitalmediaAsset:${asset}` },
  };
}

export function socialActionsJson(target: LiPost | LiComment, urn: string): Record<string, unknown> {
  const top = 'comments' in target ? target.comments.length : target.replies.length;
  const all = 'comments' in target ? target.total : target.replies.length;
  return { ...summary(target, top, all), target: urn, $URN: `urn:li:socialActions:${urn}` };
}

export function personJson(p: LiPerson): Record<string, unknown> {
  return {
    id: p.id,
    localizedFirstName: p.firstName,
    localizedLastName: p.lastName,
    firstName: { localized: { de_DE: p.firstName }, preferredLocale: { country: 'DE', language: 'de' } },
    lastName: { localized: { de_DE: p.lastName }, preferredLocale: { country: 'DE', language: 'de' } },
  };
}

/** One page of a collection: start/count offsets, `total`, and relative next/prev links as LinkedIn gives them. */
export function collection(
  elements: unknown[],
  input: { start: number; count: number; total: number; path: string; query: URLSearchParams },
): Record<string, unknown> {
  const links: Array<Record<string, string>> = [];
  const link = (rel: string, start: number) => {
    const q = new URLSearchParams(input.query);
    q.set('start', String(start));
    q.set('count', String(input.count));
    links.push({ type: 'application/json', rel, href: `${input.path}?${q.toString()}` });
  };
  if (input.start > 0) link('prev', Math.max(0, input.start - input.count));
  if (input.start + elements.length < input.total) link('next', input.start + input.count);
  return { paging: { start: input.start, count: input.count, links, total: input.total }, elements };
}
