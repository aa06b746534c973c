import type { ApiClient } from '../http';
import { sleep } from '../stats';

interface ThreadPage {
  items: Array<{ id: string; lastMessageId?: string | null }>;
}

export interface AgentTimings {
  inboxList: number[];
  /** Of inboxList: the refetches live events caused (LiveRefetch), not the agent's own clicks. */
  liveRefetches: number;
  threadOpen: number[];
  replies: number[];
  errors: number;
}

/**
 * What an agent does while the stream is open: lists an inbox page (open threads, or the first
 * page unfiltered), opens one of its threads (the thread and its first page of messages), and now
 * and then answers it; then thinks for a while. Runs until `until` (performance.now() ms).
 */
export async function agentLoop(api: ApiClient, until: number, thinkMs: [number, number], replyEvery: number, timings: AgentTimings): Promise<void> {
  let round = 0;
  // Agents do not start in lockstep.
  await sleep(Math.random() * Math.min(thinkMs[1], Math.max(0, until - performance.now())));
  while (performance.now() < until) {
    round += 1;
    try {
      const listStart = performance.now();
      const page = await api.get<ThreadPage>(round % 3 === 0 ? '/api/threads?limit=50' : '/api/threads?limit=50&status=open');
      timings.inboxList.push(performance.now() - listStart);
      const thread = page.items[Math.floor(Math.random() * page.items.length)];
      if (thread) {
        const openStart = performance.now();
        await api.get(`/api/threads/${thread.id}`);
        await api.get(`/api/threads/${thread.id}/messages?limit=50`);
        timings.threadOpen.push(performance.now() - openStart);
        if (round % replyEvery === 0) {
          const replyStart = performance.now();
          const status = await api.post(`/api/threads/${thread.id}/replies`, { text: `Danke für Ihre Nachricht! (bench ${round})` });
          if (status >= 400 && status !== 409) timings.errors += 1;
          else timings.replies.push(performance.now() - replyStart);
        }
      }
    } catch {
      timings.errors += 1;
    }
    await sleep(Math.min(Math.max(0, until - performance.now()), thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0])));
  }
}

/**
 * What the dashboard does with live events (apps/web/src/features/inbox/use-live-events.ts): a
 * changed message or thread refetches the open list 300 ms later, at most one refetch pending, so
 * under a stream of events each agent refetches its list about three times a second.
 */
export const LIST_REFETCH_DELAY_MS = 300;

export class LiveRefetch {
  private pending: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly api: ApiClient,
    private readonly timings: AgentTimings,
  ) {}

  changed(): void {
    if (this.pending || this.stopped) return;
    this.pending = setTimeout(() => void this.refetch(), LIST_REFETCH_DELAY_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.pending) clearTimeout(this.pending);
  }

  private async refetch(): Promise<void> {
    const start = performance.now();
    try {
      await this.api.get('/api/threads?limit=50&status=open');
      this.timings.inboxList.push(performance.now() - start);
      this.timings.liveRefetches += 1;
    } catch {
      this.timings.errors += 1;
    } finally {
      this.pending = null;
    }
  }
}
