import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/http';

export interface SettingsView {
  name: string;
  slug: string;
  timezone: string;
  /** weekday (0 = Sunday) → [["08:00","18:00"], …] */
  businessHours: Record<string, Array<[string, string]>>;
}

/** GET/PATCH /api/settings (admins): time zone and business hours used by the reports. */
export const getSettings = (signal?: AbortSignal) => api<SettingsView>('/settings', { signal });
export const settingsQueryOptions = () => queryOptions({ queryKey: ['settings'], queryFn: ({ signal }) => getSettings(signal) });
export const useSettings = () => useQuery(settingsQueryOptions());
export const updateSettings = (body: Partial<Pick<SettingsView, 'timezone' | 'businessHours'>>) => api<SettingsView>('/settings', { method: 'PATCH', body });
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateSettings, onSuccess: (s) => client.setQueryData(settingsQueryOptions().queryKey, s) });
}
