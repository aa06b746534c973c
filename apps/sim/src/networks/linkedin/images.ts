import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { DOWNLOAD_URL_TTL_MS, UPLOAD_URL_TTL_MS, uploadBase, uploadOwner } from './media-access';
import type { Call } from './routes';
import type { LinkedInState } from './state';

/**
 * The Images API (learn.microsoft.com/linkedin, Images API), as posts and comments use it:
 *   POST /rest/images?action=initializeUpload {initializeUploadRequest: {owner}}
 *        → {value: {uploadUrlExpiresAt, uploadUrl, image: "urn:li:image:…"}}
 *   PUT  {uploadUrl} with the bytes (and the same Bearer token) → 201
 *   GET  /rest/images/{image urn} → {owner, status: WAITING_UPLOAD | AVAILABLE | PROCESSING_FAILED, id[, downloadUrl, downloadUrlExpiresAt]}
 *        (PROCESSING_FAILED when the fault media_processing_failed hit the upload; such an image is in no post)
 * The upload URL points back at the sim's LinkedIn origin (/dms-uploads/…), as paging links do.
 * An image is AVAILABLE once its bytes arrived; only the organization the product acts for owns
 * images here. Uploads are recorded in /_sim/received (media_upload).
 */
export function initializeUpload(state: LinkedInState, call: Call): SimResponse {
  const { req } = call;
  const allowed = uploadOwner(state, call, 'images');
  if ('status' in allowed) return allowed;
  const now = state.now();
  const image = state.images.create(allowed.owner, now);
  return json(200, {
    value: {
      uploadUrlExpiresAt: now + UPLOAD_URL_TTL_MS,
      uploadUrl: `${uploadBase(req)}/dms-uploads/${image.id}/uploaded-image/0?ca=vector_feedshare&cn=uploads&sync=0&v=beta`,
      image: image.urn,
    },
  });
}

/** PUT /dms-uploads/{id}/uploaded-image/0: the image's bytes. */
export function uploadImage(state: LinkedInState, req: SimRequest, id: string): SimResponse {
  const image = state.images.get(id);
  if (!image) return errors.notFound(`Upload ${id} does not exist`);
  if (req.rawBody.length === 0) return errors.badParam('The upload carries no bytes');
  if (image.bytes !== null) return errors.badParam('The image has already been uploaded');
  if (state.now() - image.createdAt > UPLOAD_URL_TTL_MS) return errors.badParam('The upload URL has expired');
  image.bytes = req.rawBody.length;
  if (state.ctx.faults.hit('linkedin', 'media_processing_failed')) image.failed = true;
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind: 'media_upload',
    method: req.method,
    path: `/dms-uploads/${id}/uploaded-image/0`,
    targetId: image.owner,
    externalId: image.urn,
    text: req.headers['content-type'] ?? '',
    body: { bytes: image.bytes },
  });
  return { status: 201, raw: { contentType: 'text/plain', data: '' } };
}

/** An image as GET /rest/images answers it, or undefined when there is none. */
export function imageJson(state: LinkedInState, urn: string): Record<string, unknown> | undefined {
  const image = state.images.get(urn);
  if (!image || !urn.startsWith('urn:li:image:')) return undefined;
  const now = state.now();
  return {
    owner: image.owner,
    status: image.bytes === null ? 'WAITING_UPLOAD' : image.failed ? 'PROCESSING_FAILED' : 'AVAILABLE',
    id: image.urn,
    ...(image.bytes === null || image.failed
      ? {}
      : {
          downloadUrl: `https://media.licdn.com/dms/image/v2/${image.id}/feedshare-shrink_800/0?e=${Math.floor((now + DOWNLOAD_URL_TTL_MS) / 1000)}&v=beta`,
          downloadUrlExpiresAt: now + DOWNLOAD_URL_TTL_MS,
        }),
  };
}

/** GET /rest/images/{urn} */
export function getImage(state: LinkedInState, urn: string): SimResponse {
  const image = imageJson(state, urn);
  return image ? json(200, image) : errors.notFound(`Image ${urn} does not exist`);
}
