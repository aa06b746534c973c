import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import type { Network } from '@resonance/contracts';
import { CredentialsCipher, hashPassword, sqlClient } from '@resonance/db';
import { DEMO_ACCOUNTS } from '@resonance/sim';
import { insertNetworkChannel } from './freshness-networks.queries';
import { insertBenchUsers, insertBenchWorkspace, insertBulkChannels, insertLiveChannel, insertRawUpsertChannel } from './world.queries';

export const BENCH_NETWORKS: Network[] = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'xing'];
export const BENCH_EMAIL = 'bench-admin@bench.local';
export const BENCH_PASSWORD = 'bench-password-not-secret';
const AGENTS = 10;

/** The workspace the bench measures: users, one bulk channel per network and the live sim page. */
export interface BenchWorld {
  workspaceId: string;
  adminId: string;
  agentIds: string[];
  /** Bulk channels (paused: the worker leaves them alone), one per network. */
  channels: Record<Network, string>;
  /** The sim's demo Facebook page, connected: the worker syncs it (ingest, freshness). */
  liveChannelId: string;
  /** A channel that only the raw bulk upsert writes to (same rows as the pipeline, other keys). */
  rawChannelId: string;
}

/** Creates the workspace, users and channel accounts (a handful of rows; world.sql, one statement each). */
export async function createWorld(ds: DataSource, config: Config): Promise<BenchWorld> {
  const db = sqlClient(ds);
  const [ws] = await insertBenchWorkspace.run(
    { businessHours: JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '18:00']]]))) },
    db,
  );
  const users = await insertBenchUsers.run(
    {
      workspaceId: ws.id,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      users: JSON.stringify([
        { email: BENCH_EMAIL, name: 'Bench Admin', role: 'admin' },
        ...Array.from({ length: AGENTS }, (_, i) => ({ email: `agent${i}@bench.local`, name: `Agent ${i}`, role: 'agent' })),
      ]),
    },
    db,
  );
  const rows = await insertBulkChannels.run({ workspaceId: ws.id, networks: BENCH_NETWORKS }, db);
  const demo = DEMO_ACCOUNTS.find((a) => a.network === 'facebook');
  if (!demo) throw new Error('bench: the sim has no demo Facebook page');
  const cipher = new CredentialsCipher(config.ENCRYPTION_KEY);
  const [live] = await insertLiveChannel.run(
    {
      workspaceId: ws.id,
      externalId: demo.externalId,
      displayName: demo.displayName,
      handle: demo.handle,
      credentialsEncrypted: cipher.encrypt(demo.credentials),
    },
    db,
  );
  const [raw] = await insertRawUpsertChannel.run({ workspaceId: ws.id }, db);
  const admin = users.find((u) => u.role === 'admin');
  if (!admin) throw new Error('bench: the admin user was not created');
  const channelOf = (network: Network): string => {
    const id = rows.find((r) => r.network === network)?.id;
    if (!id) throw new Error(`bench: no channel account was created for ${network}`);
    return id;
  };
  return {
    workspaceId: ws.id,
    adminId: admin.id,
    agentIds: users.filter((u) => u.role === 'agent').map((u) => u.id),
    channels: {
      facebook: channelOf('facebook'),
      instagram: channelOf('instagram'),
      x: channelOf('x'),
      linkedin: channelOf('linkedin'),
      youtube: channelOf('youtube'),
      xing: channelOf('xing'),
    },
    liveChannelId: live.id,
    rawChannelId: raw.id,
  };
}

/**
 * A connected channel on the sim's demo account of a network: the worker syncs it. The ingest
 * measurement adds the demo Instagram account beside the live Facebook page (a retailer runs both).
 */
export async function connectDemoChannel(ds: DataSource, config: Config, workspaceId: string, network: Network): Promise<string> {
  const demo = DEMO_ACCOUNTS.find((a) => a.network === network);
  if (!demo) throw new Error(`bench: the sim has no demo ${network} account`);
  const [row] = await insertNetworkChannel.run(
    {
      workspaceId,
      network,
      externalId: demo.externalId,
      displayName: demo.displayName,
      handle: demo.handle,
      credentialsEncrypted: new CredentialsCipher(config.ENCRYPTION_KEY).encrypt(demo.credentials),
    },
    sqlClient(ds),
  );
  return row.id;
}
