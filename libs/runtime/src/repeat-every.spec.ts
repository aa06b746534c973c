import { repeatEvery } from './repeat-every';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repeatEvery', () => {
  it('runs at once and then on every tick, never two runs at once, and not after stop()', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const repeating = repeatEvery(10, async () => {
      runs++;
      concurrent++;
      most = Math.max(most, concurrent);
      await sleep(25); // longer than the interval: overlapping ticks are skipped
      concurrent--;
    });
    expect(runs).toBe(1);
    await sleep(120);
    await repeating.stop();
    const atStop = runs;
    expect(atStop).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
    expect(concurrent).toBe(0); // stop() waited for the run in progress
    await sleep(40);
    expect(runs).toBe(atStop);
  });

  it('keeps running after a run that rejects', async () => {
    let runs = 0;
    const repeating = repeatEvery(5, () => {
      runs++;
      return Promise.reject(new Error('database away'));
    });
    await sleep(40);
    await repeating.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});
