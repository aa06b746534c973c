/**
 * Entry of the sim in a process of its own (sim-process.ts forks it): starts the sim with the
 * configuration in BENCH_SIM_CONFIG, tells its parent the url over the IPC channel, and stops on
 * SIGTERM or when the parent is gone (the IPC channel closes), so no sim outlives its benchmark.
 * A parent that feeds comments (bench --agents) sends `{ generator }` once and then `{ feed }`
 * messages: the items are generated here, so neither generating nor storing them on the sim runs
 * on the benchmark's event loop.
 */
import { benchSettings } from '@resonance/config';
import { createGenerator, startSim, type GeneratedItem, type RunningSim, type SimConfig } from '@resonance/sim';
import type { SimFeedMessage } from './sim-process';

let sim: RunningSim | undefined;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Closing waits for open keep-alive sockets at most this long.
  setTimeout(() => process.exit(0), 5_000).unref();
  void (sim?.close() ?? Promise.resolve()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);

let generator: ReturnType<typeof createGenerator> | undefined;
process.on('message', (message: SimFeedMessage) => {
  if (message.generator) generator = createGenerator(message.generator);
  if (message.feed && sim && generator) feedComments(sim, generator, message.feed.comments, message.feed.now);
});

/** Puts `comments` comments (and the posts and replies the generator makes on the way) on the sim's Facebook page. */
function feedComments(running: RunningSim, items: ReturnType<typeof createGenerator>, comments: number, now: number): void {
  const batch: GeneratedItem[] = [];
  let n = 0;
  while (n < comments) {
    const item = items.next(now);
    batch.push(item);
    if (item.kind === 'comment') n += 1;
  }
  running.facebook.ingest(batch);
}

startSim(JSON.parse(benchSettings().simConfigJson ?? '{}') as SimConfig).then(
  (running) => {
    sim = running;
    process.send?.({ url: running.url });
  },
  (error: unknown) => {
    process.stderr.write(`bench sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
