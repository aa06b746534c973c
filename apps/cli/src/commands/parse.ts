import { readFile } from 'node:fs/promises';
import { parsePayload, ParseInputError } from '@resonance/connectors';

const USAGE = 'usage: resonance parse <network> <endpoint> <file> [--status <http status>]';

/**
 * `resonance parse <network> <endpoint> <file> [--status N]` (DESIGN.md §4): reads one raw response
 * body or webhook delivery and prints one unified record per line (JSON Lines), with the same
 * connector code the workers use. Exit 0 on success; 2, with the reason on the output, when the
 * arguments, the endpoint or the file are not usable.
 */
export async function runParse(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const fail = (message: string): number => {
    out.write(`resonance parse: ${message}\n${USAGE}\n`);
    return 2;
  };
  const positional: string[] = [];
  let status: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--status' || arg.startsWith('--status=')) {
      const value = arg.includes('=') ? arg.slice('--status='.length) : argv[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 100 || n > 599) return fail(`--status needs an HTTP status from 100 to 599, got "${value ?? ''}"`);
      status = n;
    } else if (arg.startsWith('--')) {
      return fail(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 3) return fail(`expected <network> <endpoint> <file>, got ${positional.length} argument(s)`);
  const [network, endpoint, file] = positional;

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // Error bodies are not always JSON (a proxy's HTML 502); they are still error bodies.
    if (status === undefined || status < 400) return fail(`${file} is not JSON: ${(error as Error).message}`);
    body = text;
  }
  try {
    const records = parsePayload({ network, endpoint, body, status });
    for (const record of records) out.write(`${JSON.stringify(record)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ParseInputError) return fail(error.message);
    throw error;
  }
}
