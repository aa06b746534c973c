import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CannedResponse, CreateCannedResponseRequest, UpdateCannedResponseRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type CannedResponseView = CannedResponse;

/** GET/POST /api/canned-responses, PATCH/DELETE /api/canned-responses/:id. */
export const listCanned = (signal?: AbortSignal) => api<CannedResponseView[]>('/canned-responses', { signal });
export const cannedQueryOptions = () => queryOptions({ queryKey: ['canned-responses'], queryFn: ({ signal }) => listCanned(signal) });
export const useCanned = () => useQuery(cannedQueryOptions());

export const createCanned = (body: CreateCannedResponseRequest) => api<CannedResponseView>('/canned-responses', { method: 'POST', body });
export const updateCanned = ({ id, ...body }: UpdateCannedResponseRequest & { id: string }) =>
  api<CannedResponseView>(`/canned-responses/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteCanned = (id: string) => api<undefined>(`/canned-responses/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useCreateCanned() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createCanned, onSuccess: () => void client.invalidateQueries({ queryKey: ['canned-responses'] }) });
}
export function useDeleteCanned() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteCanned, onSettled: () => void client.invalidateQueries({ queryKey: ['canned-responses'] }) });
}
export function useUpdateCanned() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateCanned, onSuccess: () => void client.invalidateQueries({ queryKey: ['canned-responses'] }) });
}
