import { loadConfig } from '@resonance/config';
import { StartupError } from '@resonance/runtime';
import { prepareDatabase } from '../prepare-database';

/** `resonance migrate`: apply pending migrations to DATABASE_URL. */
export async function runMigrate(_argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new StartupError('DATABASE_URL is not set: migrate needs the database to change');
  await prepareDatabase(config, config.DATABASE_URL, (line) => out.write(`${line}\n`));
  return 0;
}
