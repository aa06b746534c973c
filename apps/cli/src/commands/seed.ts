import { loadConfig } from '@resonance/config';
import { createDataSource } from '@resonance/db';
import { StartupError } from '@resonance/runtime';
import { seedDemo } from '../seed';

/** `resonance seed`: the demo workspace, users and channels (demo mode only). */
export async function runSeed(_argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new StartupError('DATABASE_URL is not set: seed needs the database to write');
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  try {
    const result = await seedDemo(dataSource, config);
    out.write(result.created ? `seeded the demo workspace (${result.workspaceId})\n` : 'the demo workspace exists already\n');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
