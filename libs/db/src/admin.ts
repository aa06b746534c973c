import { Client } from 'pg';

/** A database URL with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the database of `url` when it does not exist (connecting to the server's `postgres` db). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** One readable line for a failure to reach PostgreSQL (no stack, no password). */
export function describeDatabaseError(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}/${databaseName(url)}`;
    } catch {
      return '(invalid DATABASE_URL)';
    }
  })();
  switch (e.code) {
    case 'ECONNREFUSED':
      return `PostgreSQL is not reachable at ${where} (connection refused). Check DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `PostgreSQL host in DATABASE_URL cannot be resolved (${where}).`;
    case '3D000':
      return `PostgreSQL database does not exist (${where}). Create it or fix DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login for DATABASE_URL (${where}): wrong user or password.`;
    default:
      return `PostgreSQL at ${where} failed: ${e.message ?? String(error)}`;
  }
}
