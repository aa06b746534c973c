import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '@resonance/config';
import { createDataSource, CredentialsCipher, sqlClient } from '@resonance/db';
import { StartupError } from '@resonance/runtime';
import {
  channelAccountsWithSecrets,
  lockChannelAccountSecrets,
  lockOauthConnectSecrets,
  oauthConnectsWithSecrets,
  setChannelAccountCredentials,
  setOauthConnectCodeVerifier,
  setOauthConnectCredentials,
} from './rotate-key.queries';

/** A stored secret: its column (for the report) and the statement that replaces it. */
interface StoredSecret {
  column: string;
  value: string | null;
  replace: (value: string, tx: EntityManager) => Promise<unknown>;
}

/**
 * Every column that holds a CredentialsCipher value (rotate-key.sql): per table, the ids of rows
 * with a secret, and the row's secrets read under a row lock.
 */
const ENCRYPTED_TABLES: Array<{
  table: string;
  ids: (db: DataSource) => Promise<string[]>;
  lock: (id: string, tx: EntityManager) => Promise<StoredSecret[] | undefined>;
}> = [
  {
    table: 'channel_account',
    ids: async (db) => (await channelAccountsWithSecrets.run(undefined, sqlClient(db))).map((r) => r.id),
    lock: async (id, tx) => {
      const [row] = await lockChannelAccountSecrets.run({ id }, sqlClient(tx));
      return (
        row && [
          {
            column: 'credentials_encrypted',
            value: row.credentials_encrypted,
            replace: (value, db) => setChannelAccountCredentials.run({ id, value }, sqlClient(db)),
          },
        ]
      );
    },
  },
  {
    table: 'oauth_connect',
    ids: async (db) => (await oauthConnectsWithSecrets.run(undefined, sqlClient(db))).map((r) => r.id),
    lock: async (id, tx) => {
      const [row] = await lockOauthConnectSecrets.run({ id }, sqlClient(tx));
      return (
        row && [
          {
            column: 'credentials_encrypted',
            value: row.credentials_encrypted,
            replace: (value, db) => setOauthConnectCredentials.run({ id, value }, sqlClient(db)),
          },
          {
            column: 'code_verifier_encrypted',
            value: row.code_verifier_encrypted,
            replace: (value, db) => setOauthConnectCodeVerifier.run({ id, value }, sqlClient(db)),
          },
        ]
      );
    },
  },
];

export interface RotationReport {
  /** Values re-encrypted with the current key. */
  rotated: number;
  /** Values already under the current key. */
  current: number;
  /** Values no configured key opens ("table.column id"): left as they are. */
  unreadable: string[];
}

/**
 * Re-encrypts every stored secret that only a previous key opens with the current key. Each row is
 * locked and rewritten in its own transaction, so the command can run while api and workers do
 * (they read with both keys) and can be run again after an interruption.
 */
export async function rotateCredentials(dataSource: DataSource, cipher: CredentialsCipher): Promise<RotationReport> {
  const report: RotationReport = { rotated: 0, current: 0, unreadable: [] };
  for (const { table, ids, lock } of ENCRYPTED_TABLES) {
    for (const id of await ids(dataSource)) {
      await dataSource.transaction(async (tx) => {
        const secrets = await lock(id, tx);
        if (!secrets) return;
        for (const { column, value: stored, replace } of secrets) {
          if (!stored) continue;
          let stale: boolean;
          try {
            stale = cipher.needsRotation(stored);
          } catch {
            report.unreadable.push(`${table}.${column} ${id}`);
            continue;
          }
          if (!stale) {
            report.current += 1;
            continue;
          }
          await replace(cipher.encrypt(cipher.decrypt(stored)), tx);
          report.rotated += 1;
        }
      });
    }
  }
  return report;
}

/**
 * `resonance rotate-key`: after setting the new ENCRYPTION_KEY and moving the old one into
 * ENCRYPTION_KEY_PREVIOUS (and restarting api and workers), re-encrypt what the old key protects.
 * Exit code 1 when some value opens with no configured key. See docs/security.md.
 */
export async function runRotateKey(_argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new StartupError('DATABASE_URL is not set: rotate-key re-encrypts the credentials stored there');
  if (!config.ENCRYPTION_KEY_PREVIOUS) out.write('ENCRYPTION_KEY_PREVIOUS is not set: only values under ENCRYPTION_KEY can be read\n');
  const dataSource = await createDataSource({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'resonance-rotate-key' }).initialize();
  try {
    const report = await rotateCredentials(dataSource, CredentialsCipher.fromConfig(config));
    out.write(`re-encrypted ${report.rotated} credential values with ENCRYPTION_KEY; ${report.current} already used it\n`);
    for (const where of report.unreadable) out.write(`unreadable with every configured key: ${where}\n`);
    if (!report.unreadable.length) out.write('done: ENCRYPTION_KEY_PREVIOUS may now be removed\n');
    return report.unreadable.length ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}
