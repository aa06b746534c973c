import { json, type SimRequest, type SimResponse } from '../../core/http';
import { errors } from './errors';
import { common, createVideo, newVideoId, notVideo } from './media-routes';
import { param } from './post-extras';
import type { FacebookState } from './state';
import type { FbPost } from './store';
import type { FbToken } from './tokens';
import { filePart, isVideo } from './upload';
import { extendHead } from './upload-sessions';

/**
 * The chunked form of POST /{page}/videos (Video API "upload_phase"), a page token as for a whole file:
 *   upload_phase=start     file_size → {video_id, start_offset, end_offset, upload_session_id}
 *   upload_phase=transfer  upload_session_id, start_offset, video_file_chunk (a multipart file
 *                          part) → {start_offset, end_offset}: the next chunk to send, equal
 *                          offsets once the file is complete
 *   upload_phase=finish    upload_session_id, and the whole-file form's title, description,
 *                          published, scheduled_publish_time, … → {success: true}
 * Offsets are strings, as Graph sends them. The video gets the video_id the start phase named and
 * is then what a whole-file upload makes: a video post, announced by a feed webhook.
 */

/** Graph asks for chunks of about this size; a client may send smaller ones (the offsets say where each starts). */
const CHUNK = 1024 * 1024;

interface Result {
  response: SimResponse;
  created?: FbPost;
}

function offsetParam(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

const offsets = (at: number, size: number) => ({ start_offset: String(at), end_offset: String(Math.min(size, at + CHUNK)) });

export function videoUploadPhase(state: FacebookState, req: SimRequest, token: FbToken, pageId: string, phase: unknown): Result {
  if (phase !== 'start' && phase !== 'transfer' && phase !== 'finish')
    return { response: errors.invalidParam('Param upload_phase must be one of {start, transfer, finish}') };
  // Page and token as for a whole-file upload; the publish options only count at finish.
  const c = common(state, req, token, pageId, true);
  if ('status' in c) return { response: c };
  if (phase === 'start') {
    const size = offsetParam(param(req, 'file_size'));
    if (size === null || size === 0) return { response: errors.invalidParam('Param file_size must be a positive integer (the video size in bytes)') };
    const session = state.uploads.startChunked({
      id: String(state.store.nextSerial() + 1_300_000_000_000_000),
      videoId: newVideoId(state),
      size,
      received: 0,
      head: Buffer.alloc(0),
    });
    return { response: json(200, { video_id: session.videoId, ...offsets(0, size), upload_session_id: session.id }) };
  }
  const sessionId = param(req, 'upload_session_id');
  const session = typeof sessionId === 'string' || typeof sessionId === 'number' ? state.uploads.chunkedSession(String(sessionId)) : undefined;
  if (!session) return { response: errors.invalidParam('Param upload_session_id must name an upload session this page started (upload_phase=start)') };
  if (phase === 'transfer') {
    const start = offsetParam(param(req, 'start_offset'));
    const chunk = filePart(req, 'video_file_chunk');
    if (start === null) return { response: errors.invalidParam('Param start_offset is required: where video_file_chunk starts') };
    if (!chunk || chunk.data.length === 0) return { response: errors.invalidParam('Param video_file_chunk is required: the chunk as a multipart file') };
    if (start !== session.received)
      return { response: errors.invalidParam(`start_offset ${start} does not match the session: the next chunk starts at ${session.received}`) };
    const bytes = chunk.data.subarray(0, session.size - session.received);
    session.head = extendHead(session.head, session.received, bytes);
    session.received += bytes.length;
    return { response: json(200, offsets(session.received, session.size)) };
  }
  if (session.received < session.size)
    return {
      response: errors.invalidParam(`The upload is incomplete: ${session.received} of ${session.size} bytes arrived (upload_phase=transfer the rest first)`),
    };
  if (!isVideo(session.head)) return { response: notVideo() };
  const made = createVideo(state, req, pageId, c, session.videoId);
  if ('status' in made) return { response: made };
  state.uploads.endChunked(session.id);
  return { response: json(200, { success: true }), created: made.post };
}
