import { runAgentsBenchmark } from '../bench/agents/run-agents';
import { runFleetBenchmark } from '../bench/fleet/run-fleet';
import { BenchUsageError } from '../bench/options';
import { runBenchmark } from '../bench/run';
import { parseBenchCommand, SCENARIO_USAGE, type BenchCommand } from '../bench/scenario-options';
import { renderTable } from '../bench/table';

/**
 * `resonance bench [--quick] [--json] [--keep] [--scale f]`: measures the budgets of DESIGN.md §6
 * on its own database and queue prefix (see apps/cli/src/bench); `--fleet` and `--agents <n>` are
 * the scale-out scenarios (issue 28). Progress goes to stderr.
 */
export async function runBench(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let command: BenchCommand;
  try {
    command = parseBenchCommand(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    out.write(`resonance bench: ${error.message}\n${SCENARIO_USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  if (command.scenario === 'fleet') {
    out.write(`${JSON.stringify(await runFleetBenchmark(command.options, log), null, command.json ? undefined : 2)}\n`);
    return 0;
  }
  if (command.scenario === 'agents') {
    out.write(`${JSON.stringify(await runAgentsBenchmark(command.options, log), null, command.json ? undefined : 2)}\n`);
    return 0;
  }
  const result = await runBenchmark(command.options, log);
  out.write(command.json ? `${JSON.stringify(result)}\n` : renderTable(result));
  return 0;
}
