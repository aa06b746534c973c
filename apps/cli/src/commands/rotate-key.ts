import type { DataSource } from 'typeorm';
import { loadConfig } from '@resonance/config';
import { createDataSource, CredentialsCipher } from '@resonance/db';
import { StartupError } from '@resonance/runtime';

/** Every column that holds a CredentialsCipher value (table, key column, encrypted columns). */
const ENCRYPTED_COLUMNS: Array<{ table: string; columns: string[] }> = [
  { table: 'channel_account', columns: ['credentials_encrypted'] },
  { table: 'oauth_connect', columns: ['credentials_encrypted', 'code_verifier_encrypted'] },
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
  for (const { table, columns } of ENCRYPTED_COLUMNS) {
    const ids = (await dataSource.query(
      `SELECT id::text FROM ${table} WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')} ORDER BY id`,
    )) as Array<{ id: string }>;
    for (const { id } of ids) {
      await dataSource.transaction(async (tx) => {
        const [row] = (await tx.query(`SELECT ${columns.join(', ')} FROM ${table} WHERE id = $1 FOR UPDATE`, [id])) as Array<Record<string, string | null>>;
        if (!row) return;
        for (const column of columns) {
          const stored = row[column];
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
          await tx.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [id, cipher.encrypt(cipher.decrypt(stored))]);
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
