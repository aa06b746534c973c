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
