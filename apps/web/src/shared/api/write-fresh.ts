import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Writes what a live event says into a cached query. A fetch of that query still in flight was
 * asked before the event's change (on a busy machine its answer comes seconds later), and its answer
 * would put the older state back until the next refetch — a colleague's note or a notification gone
 * again, a reply back to "queued". That fetch is restarted: the answer that lands is read after the
 * change.
 */
export function writeFresh<T>(client: QueryClient, queryKey: QueryKey, update: (old: T | undefined) => T | undefined): void {
  client.setQueryData<T>(queryKey, update);
  if (client.isFetching({ queryKey, exact: true }) > 0) void client.invalidateQueries({ queryKey, exact: true });
}
