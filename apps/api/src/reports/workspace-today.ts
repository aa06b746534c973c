import { ConflictException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

// PostgreSQL's invalid_parameter_value, raised by AT TIME ZONE for a zone it does not know.
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The workspace's local date ("YYYY-MM-DD"), which every report reads first. A stored time zone
 * PostgreSQL does not know (saved before settings checked it, or dropped by a tzdata update) fails
 * here, before any report query: it is answered as a 409 that says how to repair it rather than a
 * 500 — the report cannot be counted in a zone nobody can name, and silently using UTC would move
 * every day boundary.
 */
export async function workspaceToday(ds: DataSource, workspaceId: string): Promise<string> {
  try {
    const [{ today }] = (await ds.query(
      `SELECT to_char((now() AT TIME ZONE timezone)::date, 'YYYY-MM-DD') AS today FROM workspace WHERE id = $1`,
      [workspaceId],
    )) as Array<{ today: string }>;
    return today;
  } catch (error) {
    if ((error as { code?: unknown }).code !== INVALID_PARAMETER_VALUE) throw error;
    const [{ timezone }] = (await ds.query(`SELECT timezone FROM workspace WHERE id = $1`, [workspaceId])) as Array<{ timezone: string }>;
    throw new ConflictException(
      `the workspace time zone "${timezone}" is not one the database knows, so no report can be counted: an admin can choose another time zone in Settings`,
    );
  }
}
