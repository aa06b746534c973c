import type { ApiClient } from './http';
import { summarize, timeRepeated, type Timings } from './stats';
import type { BenchWorld } from './world';

export interface InboxNumbers extends Timings {
  /** Per variant: the first page of 50 of each filter (and search, which §6 gives no budget). */
  variants: Record<string, Timings>;
  search: Timings;
}

/** Inbox list through the API: the first page of 50, without filters, with each filter, and with search. */
export async function measureInbox(api: ApiClient, world: BenchWorld, samples: number): Promise<InboxNumbers> {
  const lists: Record<string, string> = {
    all: '',
    open: '&status=open',
    network: '&network=x&status=open',
    channel: `&channel=${world.channels.linkedin}&status=open`,
    assignee: `&assignee=${world.agentIds[0]}&status=open`,
    unassigned: '&assignee=unassigned&status=open',
    tag: '&tag=vip&status=open',
    intent: '&intent=complaint_support&status=open',
    waiting: '&status=open&waitingLongerThanMinutes=60',
  };
  const searches = ['Rabatt', 'size', 'Lieferung kaputt'];
  const variants: Record<string, Timings> = {};
  const all: number[] = [];
  for (const [name, query] of Object.entries(lists)) {
    const durations = await timeRepeated(() => api.get(`/api/threads?limit=50${query}`), samples);
    variants[name] = summarize(durations);
    all.push(...durations);
  }
  const searchDurations: number[] = [];
  for (const q of searches) {
    const durations = await timeRepeated(() => api.get(`/api/threads?limit=50&q=${encodeURIComponent(q)}`), Math.max(3, Math.ceil(samples / 3)), { warmup: 1 });
    variants[`search "${q}"`] = summarize(durations);
    searchDurations.push(...durations);
  }
  return { ...summarize(all), variants, search: summarize(searchDurations) };
}

/** Thread open: the first page of the long thread's messages through the API. */
export async function measureThreadOpen(api: ApiClient, threadId: string, samples: number): Promise<Timings> {
  return summarize(await timeRepeated(() => api.get(`/api/threads/${threadId}/messages?limit=50`), samples));
}
