import { json, type SimRequest, type SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { aspectRatio, mp4Facts } from '../../core/mp4';
import { errors } from './errors';
import { DOWNLOAD_URL_TTL_MS, UPLOAD_URL_TTL_MS, uploadBase, uploadOwner } from './media-access';
import { LinkedInMedia, type LiVideo } from './media-store';
import type { Call } from './routes';
import type { LinkedInState } from './state';

/**
 * The Videos API (learn.microsoft.com/linkedin, Videos API), as an organization's video post uses it:
 *   POST /rest/videos?action=initializeUpload
 *        {initializeUploadRequest: {owner, fileSizeBytes, uploadCaptions, uploadThumbnail}}
 *        → {value: {uploadUrlsExpireAt, video, uploadInstructions: [{uploadUrl, firstByte, lastByte}],
 *           uploadToken[, thumbnailUploadUrl][, captionsUploadUrl]}}
 *   PUT  each uploadUrl with its byte range (parts of 4 MiB) → 200 with the part's ETag
 *   POST /rest/videos?action=finalizeUpload {finalizeUploadRequest: {video, uploadToken, uploadedPartIds}} → 200
 *   GET  /rest/videos/{urn} → {owner, id, status: WAITING_UPLOAD | PROCESSING | AVAILABLE[, downloadUrl, …]}
 *        (PROCESSING_FAILED after PROCESSING when the fault media_processing_failed hit finalizeUpload)
 *   GET  /rest/videos?ids=List(…) (BATCH_GET)
 * Once AVAILABLE, `duration` and the aspect ratio come from the MP4 header (core/mp4.ts); the sim
 * decodes no frames, and bytes without a header get neither, as LinkedIn omits what it has not measured. Uploads are recorded in /_sim/received (media_upload) when finalized.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function initializeVideoUpload(state: LinkedInState, call: Call): SimResponse {
  const { req } = call;
  const allowed = uploadOwner(state, call, 'videos');
  if ('status' in allowed) return allowed;
  const size = allowed.request.fileSizeBytes;
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
    return errors.unprocessable("Field 'initializeUploadRequest.fileSizeBytes' must be a positive integer");
  const now = state.now();
  const video = state.media.createVideo(
    { owner: allowed.owner, fileSizeBytes: size, thumbnail: allowed.request.uploadThumbnail === true, captions: allowed.request.uploadCaptions === true },
    now,
  );
  const base = `${uploadBase(req)}/dms-uploads/${video.id}`;
  return json(200, {
    value: {
      uploadUrlsExpireAt: now + UPLOAD_URL_TTL_MS,
      video: video.urn,
      uploadInstructions: video.parts.map((_, i) => ({
        uploadUrl: `${base}/uploaded-video/${i}?ca=vector_feedshare&cn=uploads&m=AQ&v=beta`,
        ...LinkedInMedia.partRange(video, i),
      })),
      uploadToken: video.uploadToken,
      ...(video.thumbnail ? { thumbnailUploadUrl: `${base}/uploaded-video-thumbnail/0?ca=vector_feedshare&cn=uploads&v=beta` } : {}),
      ...(video.captions ? { captionsUploadUrl: `${base}/uploaded-video-captions/0?ca=vector_feedshare&cn=uploads&v=beta` } : {}),
    },
  });
}

/** PUT /dms-uploads/{id}/uploaded-video/{part} (or its thumbnail or captions): the bytes of one part. */
export function uploadVideoPart(state: LinkedInState, req: SimRequest, id: string, what: 'video' | 'thumbnail' | 'captions', index: number): SimResponse {
  const video = state.media.video(id);
  if (!video) return errors.notFound(`Upload ${id} does not exist`);
  if (state.now() - video.createdAt > UPLOAD_URL_TTL_MS) return errors.badParam('The upload URL has expired');
  if (req.rawBody.length === 0) return errors.badParam('The upload carries no bytes');
  if (what !== 'video') {
    if (what === 'thumbnail' ? !video.thumbnail : !video.captions) return errors.notFound(`Upload ${id} has no ${what}`);
    return { status: 201, raw: { contentType: 'text/plain', data: '' } };
  }
  if (index >= video.parts.length) return errors.notFound(`Upload ${id} has no part ${index}`);
  if (video.finalizedAt !== null) return errors.badParam('The video has already been finalized');
  const { firstByte, lastByte } = LinkedInMedia.partRange(video, index);
  if (req.rawBody.length !== lastByte - firstByte + 1)
    return errors.badParam(`Part ${index} must hold bytes ${firstByte}-${lastByte} (${lastByte - firstByte + 1} bytes), got ${req.rawBody.length}`);
  const etag = `/AQ${Buffer.from(`${video.id}:${index}`).toString('base64url')}`;
  video.parts[index] = etag;
  // The movie header may sit in any part (at the end unless the file is fast-start).
  video.facts = { ...mp4Facts(req.rawBody), ...video.facts };
  return { status: 200, headers: { etag }, raw: { contentType: 'text/plain', data: '' } };
}

export function finalizeVideoUpload(state: LinkedInState, call: Call): SimResponse {
  const { req } = call;
  if (req.badBody || !isObject(req.body.finalizeUploadRequest)) return errors.unprocessable("Field 'finalizeUploadRequest' is required");
  const { video: urn, uploadToken, uploadedPartIds } = req.body.finalizeUploadRequest;
  const video = typeof urn === 'string' && urn.startsWith('urn:li:video:') ? state.media.video(urn) : undefined;
  if (!video) return errors.notFound(`Video ${String(urn)} does not exist`);
  const refused = mayActAs(state, call, video.owner, 'videos.ACTION.finalizeUpload', ['w_organization_social']);
  if (refused) return refused;
  if (video.finalizedAt !== null) return errors.badParam('The video has already been finalized');
  if ((uploadToken ?? '') !== video.uploadToken) return errors.badParam("Field 'finalizeUploadRequest.uploadToken' does not match the upload");
  const missing = video.parts.findIndex((p) => p === null);
  if (missing >= 0) return errors.badParam(`Part ${missing} of ${video.urn} has not been uploaded`);
  // The ETags, in part order, as the part uploads answered them (LinkedIn checks them to assemble the file).
  if (!Array.isArray(uploadedPartIds) || uploadedPartIds.length !== video.parts.length || uploadedPartIds.some((p, i) => p !== video.parts[i]))
    return errors.badParam("Field 'finalizeUploadRequest.uploadedPartIds' must list every part's ETag in order");
  video.finalizedAt = state.now();
  if (state.ctx.faults.hit('linkedin', 'media_processing_failed')) video.failed = true;
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind: 'media_upload',
    method: req.method,
    path: '/rest/videos?action=finalizeUpload',
    targetId: video.owner,
    externalId: video.urn,
    text: 'video',
    body: { bytes: video.fileSizeBytes, parts: video.parts.length },
  });
  return { status: 200, raw: { contentType: 'application/json', data: '' } };
}

/** A video as GET /rest/videos answers it; `read` counts the read toward the end of processing. */
export function videoJson(state: LinkedInState, urn: string, read = true): Record<string, unknown> | undefined {
  const video: LiVideo | undefined = urn.startsWith('urn:li:video:') ? state.media.video(urn) : undefined;
  if (!video) return undefined;
  const now = state.now();
  const status = state.media.videoStatus(video, now, read);
  const expires = Math.floor((now + DOWNLOAD_URL_TTL_MS) / 1000);
  return {
    owner: video.owner,
    id: video.urn,
    status,
    ...(status === 'AVAILABLE' ? measured(video) : {}),
    ...(status === 'AVAILABLE'
      ? {
          thumbnail: `https://media.licdn.com/dms/image/v2/${video.id}/videocover-high/0?e=${expires}&v=beta`,
          downloadUrl: `https://dms.licdn.com/playlist/vid/v2/${video.id}/mp4-720p-30fp-crf28/0?e=${expires}&v=beta`,
          downloadUrlExpiresAt: now + DOWNLOAD_URL_TTL_MS,
        }
      : {}),
  };
}

/**
 * What processing measured, once AVAILABLE: `duration` in milliseconds and the aspect ratio
 * (`aspectRatioWidth`, `aspectRatioHeight`, in lowest terms) from the MP4 header; left out, as
 * LinkedIn leaves out what it has not measured, for bytes that carry no header.
 */
function measured(video: LiVideo): Record<string, number> {
  const { durationMs, width, height } = video.facts;
  const ratio = width && height ? aspectRatio(width, height) : undefined;
  return {
    ...(durationMs !== undefined ? { duration: durationMs } : {}),
    ...(ratio ? { aspectRatioWidth: ratio.width, aspectRatioHeight: ratio.height } : {}),
  };
}

export function getVideo(state: LinkedInState, urn: string): SimResponse {
  const video = videoJson(state, urn);
  return video ? json(200, video) : errors.notFound(`Video ${urn} does not exist`);
}
