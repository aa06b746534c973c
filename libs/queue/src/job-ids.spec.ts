import { jobId } from './job-ids';

/** BullMQ 6 refuses a custom job id with exactly one ':' ("Custom Id cannot contain :"). */
const bullmqAccepts = (id: string) => id.split(':').length !== 2;

describe('jobId: deterministic job ids chosen in one place', () => {
  const channel = '0b9f3c1e-5d4a-4c1b-9e7d-2a6f8c3b1d20';

  it('the same work gets the same id, so a second enqueue is a no-op', () => {
    expect(jobId.send('m1')).toBe(jobId.send('m1'));
    expect(jobId.moderate('a1')).toBe('moderate-a1');
    expect(jobId.ingest(channel, 'delivery-1')).toBe(jobId.ingest(channel, 'delivery-1'));
    expect(jobId.rollupDrain()).toBe('rollup-drain');
  });

  it('"sync now": one run per channel, reason and second, never the schedule\'s own id', () => {
    const at = Date.parse('2026-12-07T01:00:00.250Z');
    expect(jobId.syncNow(channel, 'hint', at)).toBe(`sync:${channel}:hint${Math.floor(at / 1000)}`);
    expect(jobId.syncNow(channel, 'hint', at + 700)).toBe(jobId.syncNow(channel, 'hint', at));
    expect(jobId.syncNow(channel, 'hint', at + 1_000)).not.toBe(jobId.syncNow(channel, 'hint', at));
    expect(jobId.syncNow(channel, 'manual', at)).not.toBe(jobId.syncNow(channel, 'hint', at));
    expect(jobId.syncNow(channel, 'backfill', at)).not.toBe(jobId.sync(channel));
    // The scheduler finds its schedules by the `sync:` prefix of their keys; a one-off run is a job, not a schedule.
    expect(jobId.syncNow(channel, 'backfill', at).startsWith(jobId.sync(''))).toBe(true);
  });

  it('every id is one BullMQ 6 accepts (no id with exactly one colon)', () => {
    const ids = [
      jobId.send('m'),
      jobId.moderate('a'),
      jobId.ingest(channel, 's'),
      jobId.rollup('w', '2026-12-07'),
      jobId.syncNow(channel, 'manual'),
      jobId.rollupDrain(),
    ];
    for (const id of ids) expect({ id, accepted: bullmqAccepts(id) }).toEqual({ id, accepted: true });
  });
});
