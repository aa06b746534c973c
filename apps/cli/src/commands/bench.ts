import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from '../bench/options';
import { runBenchmark } from '../bench/run';
import { renderTable } from '../bench/table';

/**
 * `resonance bench [--quick] [--json] [--keep] [--scale f]`: measures the budgets of DESIGN.md §6
 * on its own database and queue prefix (see apps/cli/src/bench). Progress goes to stderr.
 */
export async function runBench(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    out.write(`resonance bench: ${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const result = await runBenchmark(options, log);
  out.write(options.json ? `${JSON.stringify(result)}\n` : renderTable(result));
  return 0;
}
