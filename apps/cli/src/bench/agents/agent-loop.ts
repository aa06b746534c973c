import type { ApiClient } from '../http';
import { sleep } from '../stats';

interface ThreadPage {
  items: Array<{ id: string; lastMessageId?: string | null }>;
}

export interface AgentTimings {
  inboxList: number[];
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
