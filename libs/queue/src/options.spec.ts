import { jobId } from './job-ids';
import { syncNowJobOptions } from './options';

describe('syncNowJobOptions: a one-off sync run, queued alike by the api and the worker', () => {
  it('is deterministic per channel, reason and second, tried once, removed when done, kept when failed', () => {
    const at = Date.parse('2026-12-07T01:00:00Z');
    expect(syncNowJobOptions('c1', 'hint', at)).toEqual({
      jobId: jobId.syncNow('c1', 'hint', at),
      attempts: 1,
      removeOnComplete: true,
      removeOnFail: { count: 200 },
    });
    expect(syncNowJobOptions('c1', 'hint', at + 999).jobId).toBe(syncNowJobOptions('c1', 'hint', at).jobId);
  });
});
