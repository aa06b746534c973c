import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import type { Network } from '@resonance/contracts';
import { CredentialsCipher, hashPassword } from '@resonance/db';
import { DEMO_ACCOUNTS } from '@resonance/sim';

export const BENCH_NETWORKS: Network[] = ['facebook', 'x', 'linkedin', 'youtube', 'xing'];
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

/** Creates the workspace, users and channel accounts (a handful of rows; ORM-free, one statement each). */
export async function createWorld(ds: DataSource, config: Config): Promise<BenchWorld> {
  const [ws] = (await ds.query(
    `INSERT INTO workspace (name, slug, timezone, business_hours)
     VALUES ('Bench GmbH', 'bench', 'Europe/Berlin', $1::jsonb) RETURNING id`,
    [JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '18:00']]])))],
  )) as Array<{ id: string }>;
  const hash = await hashPassword(BENCH_PASSWORD);
  const users = (await ds.query(
    `INSERT INTO users (workspace_id, email, name, role, password_hash)
     SELECT $1, e.email, e.name, e.role, $2 FROM json_to_recordset($3::json) AS e(email text, name text, role text)
     RETURNING id, role`,
    [ws.id, hash, JSON.stringify([
      { email: BENCH_EMAIL, name: 'Bench Admin', role: 'admin' },
      ...Array.from({ length: AGENTS }, (_, i) => ({ email: `agent${i}@bench.local`, name: `Agent ${i}`, role: 'agent' })),
    ])],
  )) as Array<{ id: string; role: string }>;
  const rows = (await ds.query(
    `INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, followers)
     SELECT $1, n, 'bench-' || n, 'Bench ' || n, 'bench_' || n, 'paused', 50000 FROM unnest($2::text[]) AS n
     RETURNING id, network`,
    [ws.id, BENCH_NETWORKS],
  )) as Array<{ id: string; network: Network }>;
  const demo = DEMO_ACCOUNTS.find((a) => a.network === 'facebook')!;
  const cipher = new CredentialsCipher(config.ENCRYPTION_KEY);
  const [live] = (await ds.query(
    `INSERT INTO channel_account (workspace_id, network, external_id, display_name, handle, status, credentials_encrypted, followers)
     VALUES ($1, 'facebook', $2, $3, $4, 'connected', $5, 50000) RETURNING id`,
    [ws.id, demo.externalId, demo.displayName, demo.handle, cipher.encrypt(demo.credentials)],
  )) as Array<{ id: string }>;
  const [raw] = (await ds.query(
    `INSERT INTO channel_account (workspace_id, network, external_id, display_name, status)
     VALUES ($1, 'facebook', 'bench-raw-upsert', 'Bench raw upsert', 'paused') RETURNING id`,
    [ws.id],
  )) as Array<{ id: string }>;
  return {
    workspaceId: ws.id,
    adminId: users.find((u) => u.role === 'admin')!.id,
    agentIds: users.filter((u) => u.role === 'agent').map((u) => u.id),
    channels: Object.fromEntries(rows.map((r) => [r.network, r.id])) as Record<Network, string>,
    liveChannelId: live.id,
    rawChannelId: raw.id,
  };
}
