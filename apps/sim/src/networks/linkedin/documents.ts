import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { DOWNLOAD_URL_TTL_MS, UPLOAD_URL_TTL_MS, uploadBase, uploadOwner } from './media-access';
import type { Call } from './routes';
import type { LinkedInState } from './state';

/**
 * The Documents API (learn.microsoft.com/linkedin, Documents API): PDF, PPT(X) and DOC(X) files for
 * document posts.
 *   POST /rest/documents?action=initializeUpload {initializeUploadRequest: {owner}}
 *        → {value: {uploadUrlExpiresAt, uploadUrl, document: "urn:li:document:…"}}
 *   PUT  {uploadUrl} with the bytes (and the same Bearer token) → 201
 *   GET  /rest/documents/{urn} → {owner, id, status: WAITING_UPLOAD | PROCESSING | AVAILABLE[, downloadUrl, downloadUrlExpiresAt]}
 *        (PROCESSING_FAILED after PROCESSING when the fault media_processing_failed hit the upload)
 *   GET  /rest/documents?ids=List(…) (BATCH_GET)
 * LinkedIn processes a document after its upload: the first read after it answers PROCESSING.
 */

/** LinkedIn's documented limit for a document: 100 MB (the sim's request bodies stop at 5 MB anyway). */
const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

export function initializeDocumentUpload(state: LinkedInState, call: Call): SimResponse {
  const allowed = uploadOwner(state, call, 'documents');
  if ('status' in allowed) return allowed;
  const now = state.now();
  const doc = state.media.createDocument(allowed.owner, now);
  return json(200, {
    value: {
      uploadUrlExpiresAt: now + UPLOAD_URL_TTL_MS,
      uploadUrl: `${uploadBase(call.req)}/dms-uploads/${doc.id}/uploaded-document/0?ca=vector_feedshare&cn=uploads&v=beta`,
      document: doc.urn,
    },
  });
}

/** PUT /dms-uploads/{id}/uploaded-document/0: the document's bytes. */
export function uploadDocument(state: LinkedInState, req: SimRequest, id: string): SimResponse {
  const doc = state.media.document(id);
  if (!doc) return errors.notFound(`Upload ${id} does not exist`);
  if (req.rawBody.length === 0) return errors.badParam('The upload carries no bytes');
  if (req.rawBody.length > MAX_DOCUMENT_BYTES) return errors.badParam('A document may be at most 100 MB');
  if (doc.bytes !== null) return errors.badParam('The document has already been uploaded');
  if (state.now() - doc.createdAt > UPLOAD_URL_TTL_MS) return errors.badParam('The upload URL has expired');
  doc.bytes = req.rawBody.length;
  doc.uploadedAt = state.now();
  if (state.ctx.faults.hit('linkedin', 'media_processing_failed')) doc.failed = true;
  state.ctx.world.addReceived({
    network: 'linkedin',
    at: new Date(state.now()).toISOString(),
    kind: 'media_upload',
    method: req.method,
    path: `/dms-uploads/${id}/uploaded-document/0`,
    targetId: doc.owner,
    externalId: doc.urn,
    text: req.headers['content-type'] ?? '',
    body: { bytes: doc.bytes },
  });
  return { status: 201, raw: { contentType: 'text/plain', data: '' } };
}

/** A document as GET /rest/documents answers it; `read` counts the read toward the end of processing. */
export function documentJson(state: LinkedInState, urn: string, read = true): Record<string, unknown> | undefined {
  const doc = urn.startsWith('urn:li:document:') ? state.media.document(urn) : undefined;
  if (!doc) return undefined;
  const now = state.now();
  const status = state.media.documentStatus(doc, now, read);
  return {
    owner: doc.owner,
    id: doc.urn,
    status,
    ...(status === 'AVAILABLE'
      ? {
          downloadUrl: `https://media.licdn.com/dms/document/media/v2/${doc.id}/feedshare-document-pdf-analyzed/0?e=${Math.floor((now + DOWNLOAD_URL_TTL_MS) / 1000)}&v=beta`,
          downloadUrlExpiresAt: now + DOWNLOAD_URL_TTL_MS,
        }
      : {}),
  };
}

export function getDocument(state: LinkedInState, urn: string): SimResponse {
  const doc = documentJson(state, urn);
  return doc ? json(200, doc) : errors.notFound(`Document ${urn} does not exist`);
}
