import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkUpdateThreadsRequest,
  BulkUpdateThreadsResponse,
  ChannelView,
  CreateSavedViewRequest,
  SavedView,
  UpdateSavedViewRequest,
  WorkspaceTag,
} from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/saved-views: the user's own views, then the ones colleagues shared. */
export const savedViewsQueryOptions = () => queryOptions({ queryKey: ['saved-views'], queryFn: ({ signal }) => api<SavedView[]>('/saved-views', { signal }) });
export const useSavedViews = () => useQuery(savedViewsQueryOptions());

/** Create (POST), change (PATCH) or delete (DELETE) one of the user's saved views. */
export function useSavedViewMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: savedViewsQueryOptions().queryKey });
  const create = useMutation({
    mutationFn: (body: CreateSavedViewRequest) => api<SavedView>('/saved-views', { method: 'POST', body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: UpdateSavedViewRequest & { id: string }) =>
      api<SavedView>(`/saved-views/${encodeURIComponent(id)}`, { method: 'PATCH', body: body satisfies UpdateSavedViewRequest }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<undefined>(`/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { create, update, remove };
}

/** POST /api/threads/bulk: one change to several threads; the list refreshes (live events tell the others). */
export function useBulkUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUpdateThreadsRequest) => api<BulkUpdateThreadsResponse>('/threads/bulk', { method: 'POST', body }),
    onSuccess: ({ threads }) => {
      for (const thread of threads) client.setQueryData(['threads', 'detail', thread.id], (old: object | undefined) => (old ? { ...old, ...thread } : old));
      void client.invalidateQueries({ queryKey: ['threads', 'list'] });
      void client.invalidateQueries({ queryKey: ['threads', 'tags'] });
    },
  });
}

/** GET /api/threads/tags: the workspace's tags, most used first (suggestions). */
export const useWorkspaceTags = () =>
  useQuery({ queryKey: ['threads', 'tags'], queryFn: ({ signal }) => api<WorkspaceTag[]>('/threads/tags', { signal }), staleTime: 60_000 });

/** GET /api/channels for the channel filter (names only are used). */
export const useChannelOptions = () =>
  useQuery({ queryKey: ['channels'], queryFn: ({ signal }) => api<ChannelView[]>('/channels', { signal }), staleTime: 60_000 });
