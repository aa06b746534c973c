import { queryOptions, useQuery } from '@tanstack/react-query';

export interface Health {
  status: 'ok' | 'error';
  details: Record<string, { status: 'up' | 'down'; backend?: string; message?: string }>;
}

export async function getHealth(): Promise<Health> {
  const response = await fetch('/api/health');
  // 503 still carries the details of what is down.
  return (await response.json()) as Health;
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, refetchInterval: 10_000 });

export const useHealth = () => useQuery(healthQueryOptions());
