import type { YtVideo } from './store';
import type { VideoFields } from './video-metadata';

/** A resumable upload session (upload-routes.ts): what the POST announced and how many bytes arrived. */
export interface UploadSession {
  id: string;
  clientId: string;
  channelId: string;
  parts: Set<string>;
  fields: VideoFields;
  mimeType: string;
  fileName: string;
  /** Declared by X-Upload-Content-Length or a Content-Range total; null until known. */
  total: number | null;
  received: number;
  video?: YtVideo;
}

/** A resumable caption upload (caption-routes.ts): the resource of the POST and the bytes so far. */
export interface CaptionSession {
  id: string;
  mode: 'insert' | 'update';
  token: { clientId: string; channelId: string; scopes: string[] };
  parts: Set<string>;
  resource: Record<string, unknown>;
  chunks: Buffer[];
  total: number | null;
  received: number;
  /** The answer once the file is complete (a repeated PUT gets it again). */
  done?: { status: number; body?: unknown; headers?: Record<string, string> };
}
