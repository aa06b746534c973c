import { BadRequestException } from '@nestjs/common';

/**
 * Keyset page cursors: opaque base64url JSON of the last row's sort key. Timestamps travel as
 * text with microseconds (what PostgreSQL stores), so no row is skipped or repeated across pages.
 */
export interface Cursor {
  at: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && TIMESTAMP.test(at) && typeof id === 'string' && /^[0-9a-f-]{1,36}$/i.test(id)) return { at, id };
  } catch {
    // fall through
  }
  throw new BadRequestException('cursor is not one this API issued');
}

/** SQL for a timestamptz column as UTC text with microseconds, for cursors. */
export const cursorTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}
