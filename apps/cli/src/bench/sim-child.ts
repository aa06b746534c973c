/**
 * Entry of the sim in a process of its own (sim-process.ts forks it): starts the sim with the
 * configuration in BENCH_SIM_CONFIG, tells its parent the url over the IPC channel, and stops on
 * SIGTERM or when the parent is gone (the IPC channel closes), so no sim outlives its benchmark.
 */
import { benchSettings } from '@resonance/config';
import { startSim, type RunningSim, type SimConfig } from '@resonance/sim';

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
