import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { CredentialsCipher, sqlClient } from '@resonance/db';
import { DEMO_ACCOUNTS } from '@resonance/sim';
import { BENCH_NETWORKS } from '../world';
import { insertFleet } from './fleet.queries';

/**
 * Creates the fleet: `channels` connected channels in workspaces of one channel per network (the
 * sim plays one account per network, and a workspace connects an account once). Returns the
 * number of workspaces.
 */
export async function createFleet(ds: DataSource, config: Config, channels: number): Promise<{ workspaces: number; channels: number }> {
  const cipher = new CredentialsCipher(config.ENCRYPTION_KEY);
  const accounts = BENCH_NETWORKS.map((network) => {
    const demo = DEMO_ACCOUNTS.find((a) => a.network === network);
    if (!demo) throw new Error(`bench: the sim has no demo ${network} account`);
    return { network, externalId: demo.externalId, credentials: cipher.encrypt(demo.credentials) };
  });
  const workspaces = Math.max(1, Math.ceil(channels / accounts.length));
  const rows = await insertFleet.run(
    {
      workspaces,
      networks: accounts.map((a) => a.network),
      externalIds: accounts.map((a) => a.externalId),
      credentials: accounts.map((a) => a.credentials),
    },
    sqlClient(ds),
  );
  return { workspaces, channels: rows.length };
}
