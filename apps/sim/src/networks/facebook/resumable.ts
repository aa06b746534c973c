import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors, graphError } from './errors';
import { param } from './post-extras';
import type { FacebookState } from './state';
import type { FbToken } from './tokens';
import { extendHead } from './upload-sessions';

/**
 * The Resumable Upload API (Graph guide "Upload a file"), any token of the app:
 *   POST /{app-id}/uploads  file_name, file_length, file_type (application/pdf, image/jpeg,
 *        image/jpg, image/png, video/mp4) → {id: "upload:…"}
 *   POST /upload:{id}  the bytes as the body, headers `Authorization: OAuth {token}` and
 *        `file_offset` (where the bytes start) → {h} once every byte is in
 *   GET  /upload:{id}  → {id, file_offset}: where an interrupted upload resumes
 * The token must travel in the Authorization header for the upload:… calls, as Meta requires. The
 * handle `h` is taken where Graph takes an uploaded file's handle (/{page}/videos
 * `fbuploader_video_file_chunk`). Sessions and handles live for a day.
 */

const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'];
const HANDLE_LIFETIME_MS = 24 * 3600_000;

const headerToken = (req: SimRequest) => /^(?:OAuth|Bearer)\s+\S+/i.test(req.headers.authorization ?? '');
const headerOnly = () =>
  graphError({ status: 400, message: '(#100) The access token must be sent in the Authorization header: OAuth {access-token}', code: 100 });

function positiveInt(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** POST /{app-id}/uploads */
export function startResumableUpload(state: FacebookState, req: SimRequest, token: FbToken, appId: string): SimResponse {
  // The file belongs to the app; the app user must have a role on it (the sim's admin has).
  if (appId !== state.app.appId || token.appId !== appId) return errors.unsupportedGet(appId, 'post');
  const fileName = param(req, 'file_name');
  const length = positiveInt(param(req, 'file_length'));
  const fileType = param(req, 'file_type');
  if (length === null) return errors.invalidParam('Param file_length must be a positive integer (the file size in bytes)');
  if (typeof fileType !== 'string' || !FILE_TYPES.includes(fileType)) return errors.invalidParam(`Param file_type must be one of {${FILE_TYPES.join(', ')}}`);
  if (fileName !== undefined && (typeof fileName !== 'string' || fileName === '')) return errors.invalidParam('Param file_name must be a non-empty string');
  const session = state.uploads.startResumable({ appId, userId: token.userId, fileName: fileName ?? 'file', fileType, length });
  return json(200, { id: `${session.id}?sig=${session.sig}` });
}

/** POST or GET /upload:{id} (the path segment, without the `?sig=` that travels as a query parameter). */
export function resumableUpload(state: FacebookState, req: SimRequest, token: FbToken, id: string): SimResponse {
  const session = state.uploads.resumableSession(id);
  if (session?.appId !== token.appId || session.userId !== token.userId) return errors.unsupportedGet(id, req.method.toLowerCase());
  if (!headerToken(req)) return headerOnly();
  const fullId = `${session.id}?sig=${session.sig}`;
  if (req.method === 'GET') return json(200, { id: fullId, file_offset: session.offset });
  if (req.method !== 'POST') return errors.unsupportedGet(id, req.method.toLowerCase());
  if (session.handle) return json(200, { h: session.handle });
  const offset = req.headers.file_offset;
  if (typeof offset !== 'string' || !/^\d+$/.test(offset.trim()))
    return errors.invalidParam('The file_offset header is required: the byte where this upload starts (0 for a new file)');
  if (Number(offset) !== session.offset)
    return errors.invalidParam(`file_offset ${offset} does not match the upload session's offset ${session.offset}: GET the session and resume from there`);
  const bytes = req.rawBody.subarray(0, session.length - session.offset);
  if (bytes.length === 0) return errors.invalidParam('The request body must hold the file bytes from file_offset on');
  session.head = extendHead(session.head, session.offset, bytes);
  session.offset += bytes.length;
  if (session.offset < session.length) return json(200, { id: fullId, file_offset: session.offset });
  return json(200, { h: state.uploads.finishResumable(session, state.now() + HANDLE_LIFETIME_MS) });
}
