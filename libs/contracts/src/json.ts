/**
 * Narrowing of JSON as networks send it (response bodies, webhook deliveries, stored cursors).
 * Networks leave fields out, send null, or change a field's shape between versions; a connector
 * reads what it can and treats the rest as absent instead of throwing on the first odd field.
 * One module for every connector (and the sim), so every network reads payloads the same way.
 */

/** A JSON object: its fields are read one by one with the helpers below. */
export type JsonObject = Record<string, unknown>;

/** The value if it is an object (not null, not an array), else an empty object. */
export const obj = (v: unknown): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {});

/** The value if it is an array, else an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A non-empty string, or a number as its text (ids that a network sends as a number in one place
 * and as a string in another); anything else is absent.
 */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** A non-empty string, and only a string: for text (messages, error names) where a number is not one. */
export const stringOnly = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A finite number, else absent (JSON has no NaN or Infinity, but a parsed body may carry them). */
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
