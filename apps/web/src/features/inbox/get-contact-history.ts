import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContactHistory } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/contacts/:id/threads: the person, their profile link and their threads. */
export const getContactHistory = (id: string, signal?: AbortSignal) => api<ContactHistory>(`/contacts/${encodeURIComponent(id)}/threads`, { signal });

// Under ['threads', …]: refreshed whenever the inbox's thread lists are.
export const contactHistoryQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['threads', 'contact', id], queryFn: ({ signal }) => getContactHistory(id, signal) });

export const useContactHistory = (id: string | null) => useQuery({ ...contactHistoryQueryOptions(id ?? ''), enabled: !!id });
