import type { Intent, Network, SentimentBand, ThreadSort, ThreadStatus } from '@resonance/contracts';

/**
 * Web-only view model: the inbox list's filters as the URL keeps them. list-threads.ts turns them
 * into the contract's ThreadListRequest (GET /api/threads).
 */
export interface ThreadFilters {
  status?: ThreadStatus | 'all';
  /** Any of these networks (none: all). */
  networks?: Network[];
  /** Any of these channel account ids (none: all). */
  channels?: string[];
  assignee?: string; // 'me' | 'unassigned' | user id
  intent?: Intent;
  sentiment?: SentimentBand;
  waitingLongerThan?: number; // minutes
  /** Only threads whose customer waits on us. */
  needsReply?: boolean;
  /** Only threads with a message marked as possible spam. */
  spam?: boolean;
  /** Only threads with a comment held for review (YouTube). */
  heldForReview?: boolean;
  /** Only threads with a message a rule hid and nobody undid. */
  hiddenByRules?: boolean;
  /** undefined: newest activity first. */
  sort?: ThreadSort;
  q?: string;
}
