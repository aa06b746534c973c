import type { SimRequest, SimResponse } from '../../core/http';
import { documentJson, getDocument, initializeDocumentUpload, uploadDocument } from './documents';
import { errors } from './errors';
import { getImage, imageJson, initializeUpload, uploadImage } from './images';
import { batchGet } from './restli';
import type { Call } from './routes';
import { changeCommentsState, getSocialMetadata } from './social-metadata';
import type { LinkedInState } from './state';
import { finalizeVideoUpload, getVideo, initializeVideoUpload, uploadVideoPart, videoJson } from './videos';

/**
 * Routes of the Images, Videos, Documents and Social Metadata APIs below /rest, and the upload URLs
 * they hand out (/dms-uploads/…). Each answers undefined for a path that is not its own.
 */

const ACTIONS: Record<string, Record<string, (state: LinkedInState, call: Call) => SimResponse>> = {
  images: { initializeUpload },
  videos: { initializeUpload: initializeVideoUpload, finalizeUpload: finalizeVideoUpload },
  documents: { initializeUpload: initializeDocumentUpload },
};

const ONE: Record<
  string,
  { read: (state: LinkedInState, urn: string) => SimResponse; json: (state: LinkedInState, urn: string) => Record<string, unknown> | undefined; what: string }
> = {
  images: { read: getImage, json: imageJson, what: 'Image' },
  // A batch read counts toward a video's or document's processing like a single one.
  videos: { read: getVideo, json: (state, urn) => videoJson(state, urn), what: 'Video' },
  documents: { read: getDocument, json: (state, urn) => documentJson(state, urn), what: 'Document' },
};

export function mediaRoute(state: LinkedInState, call: Call, path: string): SimResponse | undefined {
  const { req } = call;
  const get = req.method === 'GET';
  let m = /^\/rest\/(images|videos|documents)$/.exec(path);
  if (m) {
    const resource = m[1];
    if (get && req.query.get('ids') !== null) return batchGet(req, (urn) => ONE[resource].json(state, urn), ONE[resource].what);
    if (req.method !== 'POST') return errors.methodNotAllowed();
    const action = ACTIONS[resource][req.query.get('action') ?? ''];
    return action ? action(state, call) : errors.badParam(`Unknown action: expected action=${Object.keys(ACTIONS[resource]).join(' or action=')}`);
  }
  m = /^\/rest\/(images|videos|documents)\/(urn:li:(?:image|video|document):[^/]+)$/.exec(path);
  if (m) return get ? ONE[m[1]].read(state, m[2]) : errors.methodNotAllowed();
  if (path === '/rest/socialMetadata') return get ? getSocialMetadata(state, call, null) : errors.methodNotAllowed();
  m = /^\/rest\/socialMetadata\/(urn:li:.+)$/.exec(path);
  if (m) return get ? getSocialMetadata(state, call, m[1]) : req.method === 'POST' ? changeCommentsState(state, call, m[1]) : errors.methodNotAllowed();
  return undefined;
}

/** PUT (or POST) /dms-uploads/{id}/{uploaded-image|uploaded-video|…}/{part}: the bytes, with the member's token. */
export function uploadRoute(state: LinkedInState, req: SimRequest, path: string): SimResponse | undefined {
  const m = /^\/dms-uploads\/([A-Za-z0-9_-]+)\/uploaded-(image|document|video|video-thumbnail|video-captions)\/(\d+)$/.exec(path);
  if (!m) return undefined;
  if (req.method !== 'PUT' && req.method !== 'POST') return errors.methodNotAllowed();
  const auth = state.authenticate(req);
  if ('error' in auth) return auth.error;
  const [, id, kind, part] = m;
  if (kind === 'image') return part === '0' ? uploadImage(state, req, id) : errors.notFound();
  if (kind === 'document') return part === '0' ? uploadDocument(state, req, id) : errors.notFound();
  const what = kind === 'video' ? 'video' : kind === 'video-thumbnail' ? 'thumbnail' : 'captions';
  return uploadVideoPart(state, req, id, what, Number(part));
}
