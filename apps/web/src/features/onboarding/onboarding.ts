import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OnboardingRequest, OnboardingResult, OnboardingStatus } from '@resonance/contracts';
import { api } from '../../shared/api/http';

/** GET /api/onboarding: whether the installation still needs its first admin (asked before sign-in). */
export const getOnboardingStatus = (signal?: AbortSignal) => api<OnboardingStatus>('/onboarding', { signal });
export const onboardingQueryOptions = () =>
  queryOptions({ queryKey: ['onboarding'], queryFn: ({ signal }) => getOnboardingStatus(signal), staleTime: Infinity, retry: 1 });
export const useOnboardingStatus = (enabled: boolean) => useQuery({ ...onboardingQueryOptions(), enabled });

/** POST /api/onboarding: the workspace and its first admin, once. */
export const completeOnboarding = (body: OnboardingRequest) => api<OnboardingResult>('/onboarding', { method: 'POST', body });

export function useCompleteOnboarding() {
  const client = useQueryClient();
  // Refused or not, the answer is now known: the installation has its admin.
  return useMutation({ mutationFn: completeOnboarding, onSettled: () => void client.invalidateQueries({ queryKey: ['onboarding'] }) });
}
