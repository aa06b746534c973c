/**
 * The shapes every part of the HTTP API shares. Dates travel as ISO 8601 strings: the api turns
 * the database's Date values into them where it maps rows to these types, and the web reads them as
 * strings (no Date objects cross the wire).
 */

/** An ISO 8601 date-time, e.g. `2026-12-07T01:02:03.456Z`. */
export type IsoDateTime = string;

/** A keyset page as every list endpoint answers it. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** The paging parameters every keyset list takes. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** The JSON body of every 4xx/5xx answer (NestJS's shape): `message` is in the user's language. */
export interface ApiErrorBody {
  statusCode: number;
  message: string | string[];
  error: string;
  /** What was refused, for the dashboard to say in the user's language (API_ERROR_CODES in ./sla). */
  code?: string;
}

/** Someone named: a user as an assignee, note author or actor. */
export interface UserRef {
  id: string;
  name: string;
}

/** A Date (as the database driver gives it) or an ISO string (already converted) as an ISO string. */
export const toIso = (value: Date | string): IsoDateTime => (typeof value === 'string' ? value : value.toISOString());

/** The same for a column that may be null. */
export const toIsoOrNull = (value: Date | string | null | undefined): IsoDateTime | null => (value === null || value === undefined ? null : toIso(value));
