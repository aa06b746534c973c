/** A json/jsonb value as a typed query (pgTyped) answers it: the same shape as its generated `Json`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, Json>;

/** Narrows a json column to an object (not an array, not null): where a repository needs its keys. */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object in a json column, or an empty one when it holds anything else (NULL, an array, a scalar). */
export function jsonObjectOf(value: Json | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}
