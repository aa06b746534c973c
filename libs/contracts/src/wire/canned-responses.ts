import type { IsoDateTime, PageRequest } from './common';

/** The variables a canned response's text may use as {{name}}. */
export const CANNED_VARIABLES = ['contact.name', 'contact.handle', 'agent.name', 'channel.name', 'network'] as const;

/** GET /api/canned-responses (a list), GET/POST/PATCH /api/canned-responses/:id. */
export interface CannedResponse {
  id: string;
  title: string;
  text: string;
  shortcut: string | null;
  language: string | null;
  updatedAt: IsoDateTime;
}

/** GET /api/canned-responses query. */
export interface CannedResponseListRequest extends PageRequest {
  /** matches title, shortcut or text */
  q?: string;
}

/** POST /api/canned-responses */
export interface CreateCannedResponseRequest {
  title: string;
  text: string;
  shortcut?: string;
  language?: string;
}

/** PATCH /api/canned-responses/:id */
export type UpdateCannedResponseRequest = Partial<CreateCannedResponseRequest>;

/** POST /api/canned-responses/:id/render */
export interface RenderCannedResponseRequest {
  threadId: string;
}

/** The text with its {{variables}} filled for the thread. */
export interface RenderedCannedResponse {
  text: string;
}
