import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthView } from '@resonance/contracts';
import { HEALTH_POLL_MS } from '../../shared/time/stall';

export type Health = HealthView;

export async function getHealth(signal?: AbortSignal): Promise<Health> {
  // A frozen api must not hold the check open: it fails after two polls, and the badge turns amber.
  const timeout = AbortSignal.timeout(2 * HEALTH_POLL_MS);
  const response = await fetch('/api/health', { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  // 503 still carries the details of what is down.
  return (await response.json()) as Health;
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: ({ signal }) => getHealth(signal), refetchInterval: HEALTH_POLL_MS, retry: false });

export const useHealth = () => useQuery(healthQueryOptions());
