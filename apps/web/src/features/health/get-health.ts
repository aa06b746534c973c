import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthView } from '@resonance/contracts';

export type Health = HealthView;

export async function getHealth(): Promise<Health> {
  const response = await fetch('/api/health');
  // 503 still carries the details of what is down.
  return (await response.json()) as Health;
}

export const healthQueryOptions = () => queryOptions({ queryKey: ['health'], queryFn: getHealth, refetchInterval: 10_000 });

export const useHealth = () => useQuery(healthQueryOptions());
