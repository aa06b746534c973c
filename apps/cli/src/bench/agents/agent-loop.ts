import type { ApiClient } from '../http';
import { LiveRefetchPolicy, type LiveRefetchScope } from '@resonance/contracts';
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
  /** The errors by what failed (method, route with ids as :id, and the status or error), to tell their causes apart. */
  errorKinds: Record<string, number>;
}

/** Counts an agent error under its kind (ids in the path replaced, so one route is one kind). */
export function countError(timings: AgentTimings, kind: string): void {
  timings.errors += 1;
  const key = kind.replace(/\/[0-9a-f-]{8,}|\/\d+(?=[/?: ]|$)/gi, '/:id').slice(0, 160);
  timings.errorKinds[key] = (timings.errorKinds[key] ?? 0) + 1;
}

/**
 * What an agent does while the stream is open: lists an inbox page (open threads, or the first
 * page unfiltered), opens one of its threads (the thread, its first page of messages, its rule
 * activity: what the conversation pane asks for; the contact panel is closed), and now
 * and then answers it; then thinks for a while. Runs until `until` (performance.now() ms).
 */
export async function agentLoop(
  api: ApiClient,
  until: number,
  thinkMs: [number, number],
  replyEvery: number,
  timings: AgentTimings,
  live?: LiveRefetch,
): Promise<void> {
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
        // As the conversation pane mounts: the thread and its messages side by side, then the
        // rule chips of the customer's messages ask for the thread's rule activity (RuleChips.tsx).
        await Promise.all([api.get(`/api/threads/${thread.id}`), api.get(`/api/threads/${thread.id}/messages?limit=50`)]);
        await api.get(`/api/threads/${thread.id}/rule-activity`);
        if (live) live.openThread = thread.id;
        timings.threadOpen.push(performance.now() - openStart);
        if (round % replyEvery === 0) {
          const replyStart = performance.now();
          const status = await api.post(`/api/threads/${thread.id}/replies`, { text: `Danke für Ihre Nachricht! (bench ${round})` });
          if (status >= 400 && status !== 409) countError(timings, `POST /api/threads/${thread.id}/replies answered ${status}`);
          else timings.replies.push(performance.now() - replyStart);
        }
      }
    } catch (error) {
      countError(timings, error instanceof Error ? error.message : String(error));
    }
    await sleep(Math.min(Math.max(0, until - performance.now()), thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0])));
  }
}

/**
 * What the dashboard does with live events (apps/web use-live-events.ts, apply-live-event.ts), with
 * the same LiveRefetchPolicy: a message or thread event refetches the lists on screen (the agent's
 * open list), an `inbox.changed` everything thread-related on screen (that list, and the open
 * thread, its first page of messages and its rule activity), the first change after a quiet spell 300 ms later, then
 * at most every LIVE_REFETCH_INTERVAL_MS and never two at once.
 */
const LIVE_REFETCH_SCOPE_OF: Partial<Record<string, LiveRefetchScope>> = {
  'message.created': 'lists',
  'message.updated': 'lists',
  'thread.updated': 'lists',
  'inbox.changed': 'all',
};

export class LiveRefetch {
  /** The thread the agent has open (the dashboard's conversation pane), refetched on `inbox.changed`. */
  openThread: string | null = null;
  private readonly policy = new LiveRefetchPolicy((scope) => this.refetch(scope));

  constructor(
    private readonly api: ApiClient,
    private readonly timings: AgentTimings,
  ) {}

  /**
   * A live event (its type). As apply-live-event.ts: message and thread events refetch the lists,
   * `inbox.changed` everything thread-related on screen; notes, presence and notifications are
   * written into the cache in place and refetch nothing.
   */
  changed(type: string): void {
    const scope = LIVE_REFETCH_SCOPE_OF[type];
    if (scope) this.policy.changed(scope);
  }

  stop(): void {
    this.policy.stop();
  }

  private async refetch(scope: LiveRefetchScope): Promise<void> {
    const thread = this.openThread;
    const list = async () => {
      const start = performance.now();
      await this.api.get('/api/threads?limit=50&status=open');
      this.timings.inboxList.push(performance.now() - start);
      this.timings.liveRefetches += 1;
    };
    try {
      // As react-query refetches the invalidated queries: side by side.
      await Promise.all([
        list(),
        ...(scope === 'all' && thread
          ? [
              this.api.get(`/api/threads/${thread}`),
              this.api.get(`/api/threads/${thread}/messages?limit=50`),
              this.api.get(`/api/threads/${thread}/rule-activity`),
            ]
          : []),
      ]);
    } catch (error) {
      countError(this.timings, error instanceof Error ? error.message : String(error));
    }
  }
}
