import { loadConfig } from '@resonance/config';
import { createDataSource } from '@resonance/db';
import { StartupError } from '@resonance/runtime';
import { Rollups } from '@resonance/worker';

/**
 * `resonance rollup [--workspace <id>] [--pending]`: recompute the report rollups from the raw
 * messages (all workspaces, or one), e.g. after the time zone, business hours or SLA targets
 * changed. --pending only drains the threads marked since the last rollup job.
 */
export async function runRollup(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const at = argv.indexOf('--workspace');
  const workspaceId = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !/^[0-9a-f-]{36}$/i.test(workspaceId ?? '')) {
    out.write('usage: resonance rollup [--workspace <id>] [--pending]\n');
    return 2;
  }
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new StartupError('DATABASE_URL is not set: rollup needs the database');
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const rollups = new Rollups(dataSource);
    const started = Date.now();
    const result = argv.includes('--pending') ? await rollups.drainAll() : await rollups.rebuild({ workspaceId, log: (line) => out.write(`${line}\n`) });
    out.write(`rollups recomputed: ${result.threads} threads, ${result.days} days in ${Date.now() - started} ms\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
