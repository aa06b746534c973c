import type { GeneratedItem, RunningSim, TrafficGenerator } from '@resonance/sim';
import type { ApiClient } from './http';
import { percentile, sleep } from './stats';

interface ThreadPage {
  items: Array<{ lastMessagePreview: string }>;
}

/**
 * Freshness: a comment appears at the sim (now), and the clock runs until the API's inbox list
 * of the channel shows it (polled every 20 ms, at most `timeoutMs`). Which path carries it
 * depends on how the caller set up sim and worker: polling (webhooks off) or webhook.
 * Samples start at random offsets, so they do not lock to the poll schedule.
 */
export async function measureFreshness(input: {
  sim: RunningSim;
  generator: TrafficGenerator;
  api: ApiClient;
  channelId: string;
  samples: number;
  spreadMs: number;
  timeoutMs: number;
  label: string;
}): Promise<{ p95Ms: number; p50Ms: number; samples: number; missed: number }> {
  const durations: number[] = [];
  let missed = 0;
  for (let i = 0; i < input.samples; i++) {
    await sleep(Math.floor(Math.random() * input.spreadMs));
    const token = `bench${input.label}${i}x${Date.now().toString(36)}`;
    const items: GeneratedItem[] = [];
    for (;;) {
      const item = input.generator.next(Date.now());
      items.push(item);
      if (item.kind === 'comment') {
        item.text = `${item.text} ${token}`;
        break;
      }
    }
    const start = process.hrtime.bigint();
    input.sim.facebook.ingest(items);
    const until = Date.now() + input.timeoutMs;
    let seen = false;
    while (!seen && Date.now() < until) {
      const page = await input.api.get<ThreadPage>(`/api/threads?channel=${input.channelId}&limit=50`);
      seen = page.items.some((t) => t.lastMessagePreview.includes(token));
      if (!seen) await sleep(20);
    }
    if (seen) durations.push(Number(process.hrtime.bigint() - start) / 1e6);
    else missed += 1;
  }
  return { p95Ms: percentile(durations, 95), p50Ms: percentile(durations, 50), samples: durations.length, missed };
}
