import type { Config } from '@resonance/config';

export type StartedProcess = 'sim' | 'worker' | 'api';

export const START_USAGE = 'usage: resonance start [--with-sim | --no-sim]';

/**
 * Which processes `resonance start` runs. The sim (and the fake customers its traffic generator
 * writes) only when asked: START_SIM, which is on outside production and off in production, and
 * the --with-sim / --no-sim flags, which win over it. A production inbox must never fill with
 * invented messages because someone ran the same command as for the demo.
 */
export function startedProcesses(config: Pick<Config, 'START_SIM'>, argv: string[]): StartedProcess[] {
  let withSim = config.START_SIM;
  for (const arg of argv) {
    if (arg === '--with-sim') withSim = true;
    else if (arg === '--no-sim') withSim = false;
    else throw new Error(`unknown option "${arg}" (${START_USAGE})`);
  }
  return withSim ? ['sim', 'worker', 'api'] : ['worker', 'api'];
}
