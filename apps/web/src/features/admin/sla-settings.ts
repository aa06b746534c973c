import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaSettings, UpdateSlaSettingsRequest } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/sla (every role), PUT /api/sla (admins): SLA targets, business hours and holidays. */
export const getSla = (signal?: AbortSignal) => api<SlaSettings>('/sla', { signal });
export const slaQueryOptions = () => queryOptions({ queryKey: ['sla'], queryFn: ({ signal }) => getSla(signal) });
export const useSla = () => useQuery(slaQueryOptions());
export const updateSla = (body: UpdateSlaSettingsRequest) => api<SlaSettings>('/sla', { method: 'PUT', body });

/** Saving changes the due times of waiting threads: the inbox lists are fetched again. */
export function useUpdateSla() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateSla,
    onSuccess: (s) => {
      client.setQueryData(slaQueryOptions().queryKey, s);
      void client.invalidateQueries({ queryKey: ['threads'] });
    },
  });
}
