/**
 * Preloaded (`node --require`) into api, worker and sim by `resonance start`. When the CLI dies
 * without stopping them (SIGKILL, OOM, a closed terminal), they are handed to another parent; then
 * they stop themselves as on SIGTERM, instead of holding their ports against the next start.
 */
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
  // Closing may wait on a database that is gone too; it must not keep the process for ever.
  setTimeout(() => process.exit(1), 15_000).unref();
}, 1000);
watch.unref();

export {};
