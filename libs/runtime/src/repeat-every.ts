export interface Repeating {
  /** No further runs; resolves once a run in progress has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then every `everyMs` in this process, never two runs at once (a run that
 * takes longer than the interval skips the ticks it overlaps). The timer does not keep the
 * process alive. `task` reports its own failures; one that still rejects is swallowed here so the
 * next tick runs.
 */
export function repeatEvery(everyMs: number, task: () => Promise<unknown>): Repeating {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = task()
      .catch(() => undefined)
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
