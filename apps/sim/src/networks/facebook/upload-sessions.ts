import { randomBytes } from 'node:crypto';

/**
 * Upload sessions Graph keeps between the calls of a multi-step upload: the Resumable Upload API's
 * (`POST /{app-id}/uploads` → `upload:…`, the handle `h` it ends with) and the chunked
 * `upload_phase` sessions of `POST /{page}/videos`. The sim keeps no file: a session counts the
 * bytes and keeps the first ones, enough to tell a video or image from anything else.
 */
export const HEAD_BYTES = 256;

/** The first HEAD_BYTES of a file whose first `had` bytes `head` already holds, after `chunk` arrived. */
export function extendHead(head: Buffer, had: number, chunk: Buffer): Buffer {
  if (had >= HEAD_BYTES) return head;
  return Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - had)]);
}

/** A Resumable Upload API session (`upload:…`). */
export interface ResumableSession {
  id: string;
  /** Graph's ids read `upload:…?sig=…`: the signature travels as a query parameter of later calls. */
  sig: string;
  appId: string;
  userId: string;
  fileName: string;
  fileType: string;
  length: number;
  offset: number;
  head: Buffer;
  /** The handle, once every byte arrived. */
  handle?: string;
}

/** What a handle names: a finished upload, usable once where Graph takes a file handle. */
export interface UploadedFile {
  fileName: string;
  fileType: string;
  length: number;
  head: Buffer;
}

/** A chunked `/videos` session (`upload_phase` start → transfer… → finish). */
export interface ChunkedVideoSession {
  id: string;
  videoId: string;
  size: number;
  received: number;
  head: Buffer;
}

const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
const sig = () => `AR${randomBytes(12).toString('base64url')}`;

export class UploadSessions {
  private readonly resumable = new Map<string, ResumableSession>();
  private readonly handles = new Map<string, UploadedFile>();
  private readonly chunked = new Map<string, ChunkedVideoSession>();

  /** A new `upload:…` session. Its id is opaque base64 with a `?sig=` part, as Graph's are (the sig travels as a query parameter). */
  startResumable(init: Omit<ResumableSession, 'id' | 'sig' | 'offset' | 'head'>): ResumableSession {
    const key = `upload:${b64(`1:attachment:${randomBytes(12).toString('hex')}`)}`;
    const session: ResumableSession = { ...init, id: key, sig: sig(), offset: 0, head: Buffer.alloc(0) };
    this.resumable.set(key, session);
    return session;
  }

  /** The session named by the path segment `upload:…` (without its `?sig=`). */
  resumableSession(id: string): ResumableSession | undefined {
    return this.resumable.get(id);
  }

  /** The session's bytes are complete: a handle names them from now on. */
  finishResumable(session: ResumableSession, expiresAt: number): string {
    const handle = `2:${b64(session.fileName)}:${session.fileType}:${randomBytes(27).toString('base64url')}:e:${Math.floor(expiresAt / 1000)}:${sig()}`;
    session.handle = handle;
    this.handles.set(handle, { fileName: session.fileName, fileType: session.fileType, length: session.length, head: session.head });
    return handle;
  }

  uploadedFile(handle: string): UploadedFile | undefined {
    return this.handles.get(handle);
  }

  startChunked(session: ChunkedVideoSession): ChunkedVideoSession {
    this.chunked.set(session.id, session);
    return session;
  }

  chunkedSession(id: string): ChunkedVideoSession | undefined {
    return this.chunked.get(id);
  }

  /** A finished session is gone: its id cannot finish a second video. */
  endChunked(id: string): void {
    this.chunked.delete(id);
  }
}
