import { queryOptions, useQuery } from '@tanstack/react-query';
import type { QueueBoardAccess } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/queue-board (admins): whether this admin may open bull-board, and its path. */
export const getQueueBoardAccess = (signal?: AbortSignal) => api<QueueBoardAccess>('/queue-board', { signal });
export const queueBoardQueryOptions = () =>
  queryOptions({ queryKey: ['queue-board'], queryFn: ({ signal }) => getQueueBoardAccess(signal), staleTime: 300_000 });
export const useQueueBoardAccess = () => useQuery(queueBoardQueryOptions());
