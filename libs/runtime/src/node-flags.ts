/** The product processes that run from `apps/<name>/dist/main.js`. */
export type ProductProcessName = 'api' | 'worker' | 'sim';

/**
 * The V8 flags each product process is started with, before its entry file. Every launcher uses
 * them: `resonance start` (npm start) and the benchmark from here; the Dockerfile's CMD and the
 * api service of docker-compose.yml repeat them (libs/runtime/test/node-flags.spec.ts keeps the
 * three in step; the worker service of docker-compose.yml repeats the worker's). They cannot be
 * set from inside the process: V8 sizes its heap when it starts.
 *
 * api: its live heap is about 50 MB (code and metadata of the loaded modules; a request holds
 * little). Left to itself, V8 sizes the heap from the machine's memory (a 4 GB limit on a 24 GB
 * host) and lets garbage pile up to 150 MB and more before a full collection, and grows the young
 * generation to 2 × 16 MB at boot: 290–310 MB peak RSS under the benchmark's API calls against a
 * 50 MB live heap. A 512 MB old space makes full collections come early enough (and still leaves
 * room for the largest answer, the 100,000-row threads CSV export at about 190 MB); 4 MB
 * semi-spaces keep the young generation small. Together: peak RSS about 170 MB, same latencies.
 */
export const NODE_FLAGS: Record<ProductProcessName, readonly string[]> = {
  api: ['--max-old-space-size=512', '--max-semi-space-size=4'],
  // worker: the same heap sizing (its batches hold up to 1,000 records, so 8 MB semi-spaces):
  // peak RSS at full ingest rate 266–300 → 175–180 MB in the benchmark, throughput unchanged
  // within the noise (4,284 and 5,150 comments/s with the flags, 4,154 without, same hour).
  worker: ['--max-old-space-size=512', '--max-semi-space-size=8'],
  sim: [],
};
