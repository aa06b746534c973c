import { BadRequestException } from '@nestjs/common';
import { isCalendarDay } from './calendar';
import { isBigintId } from './ids';

/**
 * Keyset page cursors: opaque base64url JSON of the last row's sort key. Timestamps travel as
 * text with microseconds (what PostgreSQL stores), so no row is skipped or repeated across pages.
 */
export interface Cursor {
  at: string;
  id: string;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;

/** A UTC time PostgreSQL reads as a timestamptz: a real calendar day (no 2024-02-30, no year 0) and a real time of day. */
function isCursorTime(value: unknown): value is string {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  return isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    // Every keyset list pages over a bigint id (threads, messages, audit events): anything else
    // would fail PostgreSQL's ::bigint cast as a 500.
    if (Array.isArray(decoded) && decoded.length === 2 && isCursorTime(decoded[0]) && isBigintId(decoded[1])) return { at: decoded[0], id: decoded[1] };
  } catch {
    // fall through
  }
  throw new BadRequestException('cursor is not one this API issued');
}

/** SQL for a timestamptz column as UTC text with microseconds, for cursors. */
export const cursorTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Every keyset list answers the contract's page. */
export type { Page } from '@resonance/contracts';
