import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HumanAgentTagRequest, UpdateSettingsRequest, WorkspaceSettings } from '@resonance/contracts';
import { api } from '../../shared/api/http';

export type SettingsView = WorkspaceSettings;

/** GET/PATCH /api/settings (admins): time zone and business hours used by the reports. */
export const getSettings = (signal?: AbortSignal) => api<SettingsView>('/settings', { signal });
export const settingsQueryOptions = () => queryOptions({ queryKey: ['settings'], queryFn: ({ signal }) => getSettings(signal) });
export const useSettings = () => useQuery(settingsQueryOptions());
export const updateSettings = (body: UpdateSettingsRequest) => api<SettingsView>('/settings', { method: 'PATCH', body });
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateSettings, onSuccess: (s) => client.setQueryData(settingsQueryOptions().queryKey, s) });
}

/** PUT /api/settings/human-agent-tag (admins, audited): Meta's HUMAN_AGENT approval. */
export const setHumanAgentTag = (approved: boolean) =>
  api<SettingsView>('/settings/human-agent-tag', { method: 'PUT', body: { approved } satisfies HumanAgentTagRequest });
export function useSetHumanAgentTag() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setHumanAgentTag, onSuccess: (s) => client.setQueryData(settingsQueryOptions().queryKey, s) });
}
