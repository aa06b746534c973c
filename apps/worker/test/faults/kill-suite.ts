import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTally, Ledger, problemCount } from './ground-truth';
import { FaultRig } from './rig';

export interface KillSuite {
  rig: FaultRig;
  ledger: Ledger;
  count(what: string, n?: number): void;
  /** The ground truth after a phase, on all networks; the failure names every problem. */
  expectTruth(phase: string, ms?: number): Promise<void>;
}

/**
 * The shared frame of the process-kill files of the fault suite: a FaultRig started before the
 * file's phases (traffic on all six networks synced once) and stopped after them, the counts of
 * faults survived printed and written to $TMPDIR/resonance-fault-<name>.json.
 */
export function useKillSuite(name: string): KillSuite {
  const rig = new FaultRig();
  const survived: Record<string, number> = {};
  const repeated = new Set<string>();
  const results: Array<{ phase: string; checked: number; lost: number; doubled: number; stuck: number; wrong: number; repeated: number }> = [];
  const suite: KillSuite = {
    rig,
    ledger: undefined as unknown as Ledger,
    count: (what, n = 1) => void (survived[what] = (survived[what] ?? 0) + n),
    async expectTruth(phase, ms = 90_000) {
      const tally = await suite.ledger.check(ms);
      results.push({
        phase,
        checked: tally.checked,
        lost: tally.lost.length,
        doubled: tally.doubled.length,
        stuck: tally.stuck.length,
        wrong: tally.wrong.length,
        repeated: tally.repeated.length,
      });
      if (tally.namesMissing) suite.count(`Messenger author names missing ${phase}`, tally.namesMissing);
      for (const r of tally.repeated) repeated.add(r);
      const report = problemCount(tally)
        ? `${phase}:\n${describeTally(tally)}\napi log:\n${rig.logTail('api', 10)}\nworker log:\n${rig.logTail('worker', 10)}`
        : `${phase}: clean`;
      expect(report).toBe(`${phase}: clean`);
      expect(tally.checked).toBeGreaterThan(0);
      // A process that died on its own (not killed by the phase) is a finding even though the
      // rig's supervisor restarted it: a database crash once ended the api and the worker.
      expect(rig.unexpectedExits()).toEqual([]);
    },
  };

  beforeAll(async () => {
    await rig.start();
    suite.ledger = new Ledger(rig);
    await rig.generate(100);
    await rig.waitForMessages(3);
  }, 180_000);

  afterAll(async () => {
    if (repeated.size) suite.count('likes/hides the network was asked for twice (idempotent there, reported apart)', repeated.size);
    for (const exit of rig.unexpectedExits()) suite.count(`${exit} (restarted by the supervisor)`);
    await rig.stop();
    console.log(
      `fault suite (${name}) survived:\n  ${Object.entries(survived)
        .map(([k, n]) => `${k}: ${n}`)
        .join('\n  ')}\nphases:\n  ${results.map((r) => JSON.stringify(r)).join('\n  ')}`,
    );
    writeFileSync(join(tmpdir(), `resonance-fault-${name}.json`), JSON.stringify({ at: new Date().toISOString(), survived, results }, null, 2));
  }, 60_000);

  return suite;
}
