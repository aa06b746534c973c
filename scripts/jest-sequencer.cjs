// The order Jest starts the test files in. With two workers, a file that takes minutes and starts
// last keeps one worker busy long after the other has finished: the run is as long as its tail.
// Jest starts the slowest files first only when its cache holds their durations from an earlier
// run on the same machine; without it (CI, a fresh checkout) it starts the biggest files first,
// and the slowest files (fault suites, pipelines that run the whole product) are small ones.
// So the files below, measured as the slowest, start first in any case — longest first, by the
// cached duration when there is one, else in the order listed — then Jest's own order. Failed
// files of the last run still come first, as in Jest's order.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const root = path.resolve(__dirname, '..');

/**
 * Each took more than about 90 s on a busy 2-core machine (jest --json, load 20–27, December
 * 2026), slowest first. A file missing here only starts later than it could; re-measure with
 * `npx jest --json --outputFile=… <folder>` (perfStats) when the order no longer fits.
 */
const SLOWEST = [
  'apps/worker/test/faults/kill-api.int-spec.ts',
  'apps/worker/test/faults/kill-stores.int-spec.ts',
  'apps/worker/test/faults/fault-suite.int-spec.ts',
  'apps/worker/test/facebook-pipeline.int-spec.ts',
  'apps/worker/test/moderation-killed-worker.int-spec.ts',
  'apps/web/test/phone.e2e-spec.ts',
  'apps/worker/test/linkedin-pipeline.int-spec.ts',
  'apps/worker/test/instagram-killed-worker.int-spec.ts',
  'apps/worker/test/instagram-ground-truth.int-spec.ts',
  'apps/worker/test/instagram-pipeline.int-spec.ts',
  'apps/worker/test/xing-ground-truth.int-spec.ts',
];

const rank = new Map(SLOWEST.map((file, index) => [path.join(root, file), index]));

class SlowestFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const first = ordered.filter((test) => rank.has(test.path) && !this.hasFailed(test));
    if (first.length === 0) return ordered;
    const cached = (test) => this.time(test);
    first.sort((a, b) => {
      const [ta, tb] = [cached(a), cached(b)];
      return ta != null && tb != null ? tb - ta : rank.get(a.path) - rank.get(b.path);
    });
    const failed = ordered.filter((test) => this.hasFailed(test));
    const chosen = new Set([...failed, ...first]);
    return [...failed, ...first, ...ordered.filter((test) => !chosen.has(test))];
  }
}

module.exports = SlowestFirst;
