/** The largest avatar the api fetches and serves (networks' profile pictures are a few KB). */
export const AVATAR_MAX_BYTES = 1024 * 1024;
/** The whole fetch, headers and body, must be done within this. */
export const AVATAR_FETCH_TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;

export type AvatarType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface AvatarImage {
  type: AvatarType;
  body: Buffer;
}

/** Why an avatar could not be fetched; said in the 502 answer (never the URL: it may carry tokens). */
export class AvatarFetchError extends Error {
  override name = 'AvatarFetchError';
}

const DECLARED: Record<string, AvatarType> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/gif': 'image/gif',
  'image/webp': 'image/webp',
};

/** The image type the bytes really are (magic numbers), so a page named image/png is not served. */
export function sniffImageType(body: Buffer): AvatarType | null {
  if (body.length >= 8 && body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (body.length >= 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  if (body.length >= 6 && /^GIF8[79]a$/.test(body.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (body.length >= 12 && body.subarray(0, 4).toString('latin1') === 'RIFF' && body.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

async function readBounded(response: Response, limit: number): Promise<Buffer> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AvatarFetchError(`the image is larger than ${limit} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, size);
}

/**
 * Fetches one avatar: only URLs `allowed` accepts (redirects too, each checked again), within
 * AVATAR_FETCH_TIMEOUT_MS, at most AVATAR_MAX_BYTES, and only PNG, JPEG, GIF or WebP — declared so
 * by the server and confirmed by the bytes (no SVG: it can carry script).
 */
export async function fetchAvatar(url: URL, allowed: (url: URL) => boolean): Promise<AvatarImage> {
  const signal = AbortSignal.timeout(AVATAR_FETCH_TIMEOUT_MS);
  let target = url;
  try {
    for (let hop = 0; ; hop++) {
      if (!allowed(target)) throw new AvatarFetchError("the image is not on a network's image host");
      const response = await fetch(target, { redirect: 'manual', signal, headers: { Accept: 'image/png, image/jpeg, image/gif, image/webp' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= MAX_REDIRECTS) throw new AvatarFetchError('the image host redirects too often');
        target = new URL(location, target);
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new AvatarFetchError(`the image host answered ${response.status}`);
      }
      const declared = DECLARED[(response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()];
      if (!declared) {
        await response.body?.cancel().catch(() => undefined);
        throw new AvatarFetchError('the image host did not send a PNG, JPEG, GIF or WebP image');
      }
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > AVATAR_MAX_BYTES) {
        await response.body?.cancel().catch(() => undefined);
        throw new AvatarFetchError(`the image is larger than ${AVATAR_MAX_BYTES} bytes`);
      }
      const body = await readBounded(response, AVATAR_MAX_BYTES);
      if (sniffImageType(body) !== declared) throw new AvatarFetchError('the image host sent something else than the image type it declared');
      return { type: declared, body };
    }
  } catch (error) {
    if (error instanceof AvatarFetchError) throw error;
    if (signal.aborted) throw new AvatarFetchError(`the image host did not answer within ${AVATAR_FETCH_TIMEOUT_MS} ms`);
    throw new AvatarFetchError('the image host could not be reached');
  }
}
