import { createHash } from 'node:crypto';

/**
 * Which customer items carry an image. The generator writes text only; the networks' payloads
 * still need their attachment forms exercised (a comment with a photo, a message with an image),
 * so about one customer item in six carries one, chosen from its id: the same item always does,
 * whichever request reads it, across restarts.
 */
export function carriesImage(externalId: string): boolean {
  return mediaHash(externalId).readUInt32BE(0) % 6 === 0;
}

/** A stable hex string derived from the item id, for media ids and CDN paths. */
export function mediaKey(externalId: string, length = 16): string {
  return mediaHash(externalId).toString('hex').slice(0, length);
}

/** A stable decimal id (Graph-style numeric ids) derived from the item id. */
export function mediaNumber(externalId: string): string {
  return ((mediaHash(externalId).readBigUInt64BE(4) % 900_000_000_000_000n) + 100_000_000_000_000n).toString();
}

const mediaHash = (externalId: string): Buffer => createHash('sha256').update(`sim-media:${externalId}`).digest();
