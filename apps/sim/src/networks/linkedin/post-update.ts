import type { LiPost } from './store';

/**
 * The Posts API's updatable fields (learn.microsoft.com/linkedin, Posts API, "Update Posts"): a
 * Rest.li PARTIAL_UPDATE of `commentary`, `contentCallToActionLabel`, `contentLandingPage`,
 * `lifecycleState` and the `adContext` fields `dscName` and `dscStatus`, as LinkedIn's sample sends
 * them:
 *   {patch: {$set: {commentary, contentCallToActionLabel}, adContext: {$set: {dscName}}}}
 * `$delete` removes the optional call to action and landing page. Every other field is create-only
 * (author, content, visibility, distribution, …): 422 naming it. The same call to action, landing
 * page and adContext are taken on create.
 */

const MAX_COMMENTARY = 3000;
/** ContentCallToActionLabel (Post schema). */
export const CALL_TO_ACTION_LABELS = [
  'APPLY',
  'DOWNLOAD',
  'VIEW_QUOTE',
  'LEARN_MORE',
  'SIGN_UP',
  'SUBSCRIBE',
  'REGISTER',
  'JOIN',
  'ATTEND',
  'REQUEST_DEMO',
  'SEE_MORE',
  'BUY_NOW',
  'SHOP_NOW',
];
const DSC_STATUSES = ['ACTIVE', 'ARCHIVED'];
const SETTABLE = ['commentary', 'contentCallToActionLabel', 'contentLandingPage', 'lifecycleState', 'adContext'];
const DELETABLE = ['contentCallToActionLabel', 'contentLandingPage'];
const AD_CONTEXT_SETTABLE = ['dscName', 'dscStatus'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);

type Extras = Pick<NonNullable<LiPost['created']>, 'callToAction' | 'landingPage' | 'adContext'>;

function callToActionError(v: unknown): string | null {
  return typeof v === 'string' && CALL_TO_ACTION_LABELS.includes(v)
    ? null
    : `Field '/contentCallToActionLabel' must be one of ${CALL_TO_ACTION_LABELS.join(', ')}`;
}

function adContextError(v: Record<string, unknown>, path: string): string | null {
  if (v.dscName !== undefined && (typeof v.dscName !== 'string' || !v.dscName.trim())) return `Field '${path}/dscName' must be a non-empty string`;
  if (v.dscStatus !== undefined && (typeof v.dscStatus !== 'string' || !DSC_STATUSES.includes(v.dscStatus)))
    return `Field '${path}/dscStatus' must be ACTIVE or ARCHIVED`;
  return null;
}

/** The optional fields a new post may carry beyond its text and content, or why they are refused. */
export function postExtras(b: Record<string, unknown>): Extras | string {
  const out: Extras = {};
  if (b.contentCallToActionLabel !== undefined) {
    const bad = callToActionError(b.contentCallToActionLabel);
    if (bad) return bad;
    out.callToAction = b.contentCallToActionLabel as string;
  }
  if (b.contentLandingPage !== undefined) {
    if (!isUrl(b.contentLandingPage)) return "Field '/contentLandingPage' must be a URL";
    out.landingPage = b.contentLandingPage;
  }
  if (b.adContext !== undefined) {
    if (!isObject(b.adContext)) return "Field '/adContext' must be an object";
    const bad = adContextError(b.adContext, '/adContext');
    if (bad) return bad;
    out.adContext = { ...b.adContext };
  }
  return out;
}

/**
 * Applies a Rest.li patch to a post, all or nothing: the refusal's message, or whether the patch
 * published a draft. Publishing is one-way (a published post does not go back to DRAFT).
 */
export function applyPostPatch(post: LiPost, patch: Record<string, unknown>, now: number): { published: boolean } | string {
  const unknownOps = Object.keys(patch).filter((k) => k !== '$set' && k !== '$delete' && k !== 'adContext');
  if (unknownOps.length) return `Fields ${unknownOps.map((k) => `'/${k}'`).join(', ')} cannot be updated (updatable: ${SETTABLE.join(', ')})`;
  const set = patch.$set === undefined ? {} : patch.$set;
  if (!isObject(set)) return "'$set' must be an object";
  const others = Object.keys(set).filter((k) => !SETTABLE.includes(k));
  if (others.length) return `Fields ${others.map((k) => `'/${k}'`).join(', ')} cannot be updated (updatable: ${SETTABLE.join(', ')})`;
  const deleted = patch.$delete === undefined ? [] : patch.$delete;
  if (!Array.isArray(deleted) || deleted.some((k) => typeof k !== 'string' || !DELETABLE.includes(k))) return `'$delete' may list only ${DELETABLE.join(', ')}`;
  let adSet: Record<string, unknown> = {};
  if (patch.adContext !== undefined) {
    const inner = isObject(patch.adContext) ? patch.adContext.$set : undefined;
    if (!isObject(inner) || Object.keys(patch.adContext as object).some((k) => k !== '$set'))
      return "'adContext' must be a patch {$set: {dscName?, dscStatus?}}";
    adSet = inner;
  }
  if (isObject(set.adContext)) adSet = { ...set.adContext, ...adSet };
  else if (set.adContext !== undefined) return "Field '/adContext' must be an object";
  const adOthers = Object.keys(adSet).filter((k) => !AD_CONTEXT_SETTABLE.includes(k));
  if (adOthers.length) return `Fields ${adOthers.map((k) => `'/adContext/${k}'`).join(', ')} cannot be updated (updatable: dscName, dscStatus)`;
  const adBad = adContextError(adSet, '/adContext');
  if (adBad) return adBad;
  if (!Object.keys(set).length && !deleted.length && !Object.keys(adSet).length) return 'The patch changes nothing';

  const created = post.created;
  if (set.commentary !== undefined) {
    if (typeof set.commentary !== 'string') return "Field '/commentary' must be a string";
    if (Array.from(set.commentary).length > MAX_COMMENTARY) return `Field '/commentary' must be at most ${MAX_COMMENTARY} characters`;
    if (!set.commentary.trim() && !created?.content && !created?.reshareContext) return "Field '/commentary' is required for a post without content";
  }
  if (set.contentCallToActionLabel !== undefined) {
    const bad = callToActionError(set.contentCallToActionLabel);
    if (bad) return bad;
  }
  if (set.contentLandingPage !== undefined && !isUrl(set.contentLandingPage)) return "Field '/contentLandingPage' must be a URL";
  const draft = created?.lifecycleState === 'DRAFT';
  if (set.lifecycleState !== undefined) {
    if (set.lifecycleState !== 'PUBLISHED' && set.lifecycleState !== 'DRAFT') return "Field '/lifecycleState' must be PUBLISHED or DRAFT";
    if (set.lifecycleState === 'DRAFT' && !draft) return "Field '/lifecycleState': a published post cannot return to DRAFT";
  }
  // Only the Posts API's own posts keep these fields; a generated post gets a record of them now.
  const target: NonNullable<LiPost['created']> = created ?? { visibility: 'PUBLIC', lifecycleState: 'PUBLISHED', reshareDisabled: false };
  post.created = target;
  if (typeof set.commentary === 'string') {
    post.text = set.commentary;
    post.editedAt = now;
  }
  if (typeof set.contentCallToActionLabel === 'string') target.callToAction = set.contentCallToActionLabel;
  if (typeof set.contentLandingPage === 'string') target.landingPage = set.contentLandingPage;
  for (const k of deleted) {
    if (k === 'contentCallToActionLabel') delete target.callToAction;
    else delete target.landingPage;
  }
  if (Object.keys(adSet).length) target.adContext = { ...(target.adContext ?? {}), ...adSet };
  const published = draft && set.lifecycleState === 'PUBLISHED';
  if (published) {
    target.lifecycleState = 'PUBLISHED';
    target.publishedAt = now;
  }
  post.modifiedAt = now;
  return { published };
}
