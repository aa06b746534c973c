import type { Intent, ThreadStatus } from '../domain';
import type { Network } from '../networks';
import type { IsoDateTime, UserRef } from './common';
import type { SentimentBand, ThreadSort } from './threads';

/** The inbox filters a saved view keeps (GET /api/threads's, without paging). */
export interface SavedViewFilters {
  status?: ThreadStatus;
  networks?: Network[];
  channels?: string[];
  /** `me`, `unassigned` or a user id; `me` is whoever opens the view. */
  assignee?: string;
  tag?: string;
  intent?: Intent;
  sentiment?: SentimentBand;
  waitingLongerThanMinutes?: number;
  needsReply?: boolean;
  /** Only threads with a message the ingest marked as possible spam (GET /api/threads `spam`). */
  spam?: boolean;
  /** Only threads with a comment the network holds for review (YouTube; GET /api/threads `heldForReview`). */
  heldForReview?: boolean;
  /** Only threads with a message a rule hid and nobody undid (GET /api/threads `hiddenByRules`). */
  hiddenByRules?: boolean;
  q?: string;
}

/** An agent's named inbox view: private, or shared with the workspace. */
export interface SavedView {
  id: string;
  name: string;
  filters: SavedViewFilters;
  sort: ThreadSort;
  shared: boolean;
  owner: UserRef;
  /** Whether the signed-in user owns it (only the owner renames, changes or deletes it). */
  mine: boolean;
  updatedAt: IsoDateTime;
}

/** POST /api/saved-views */
export interface CreateSavedViewRequest {
  name: string;
  filters: SavedViewFilters;
  sort: ThreadSort;
  shared?: boolean;
}

/** PATCH /api/saved-views/:id (owner only): any of the fields. */
export interface UpdateSavedViewRequest {
  name?: string;
  filters?: SavedViewFilters;
  sort?: ThreadSort;
  shared?: boolean;
}
