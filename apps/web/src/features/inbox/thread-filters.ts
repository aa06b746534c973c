import type { Intent, Network, SentimentBand, ThreadSort, ThreadStatus } from '@resonance/contracts';

/**
 * Web-only view model: the inbox list's filters as the URL keeps them. list-threads.ts turns them
 * into the contract's ThreadListRequest (GET /api/threads).
 */
export interface ThreadFilters {
  status?: ThreadStatus | 'all';
  network?: Network;
  assignee?: string; // 'me' | 'unassigned' | user id
  intent?: Intent;
  sentiment?: SentimentBand;
  waitingLongerThan?: number; // minutes
  q?: string;
  /** undefined: newest activity first */
  sort?: ThreadSort;
}
