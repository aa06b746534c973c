import type { SimRequest } from '../../core/http';
import { parseMultipart, type FormPart } from '../../core/multipart';

/**
 * Graph's `source` upload form: the file as a multipart/form-data part (the other parameters as
 * text parts beside it). Parsed once per request.
 */
const parsed = new WeakMap<SimRequest, FormPart[] | null>();

export function multipartOf(req: SimRequest): FormPart[] | null {
  if (!parsed.has(req)) parsed.set(req, parseMultipart(req.rawBody, req.headers['content-type']));
  return parsed.get(req) ?? null;
}

/** The uploaded file named `name` (a part with a filename, or any non-text part), or undefined. */
export function filePart(req: SimRequest, name: string): FormPart | undefined {
  return multipartOf(req)?.find((p) => p.name === name && (p.filename !== undefined || (p.contentType !== undefined && !p.contentType.startsWith('text/'))));
}

const SIGNATURES: Array<{ type: string; bytes: number[] }> = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46] },
];

/** The image type of an uploaded file from its first bytes (Graph decodes the file, not its name), or null. */
export function imageType(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}

/** Whether the bytes look like a video container (ISO BMFF `ftyp`, Matroska/WebM, AVI, MPEG-TS). */
export function isVideo(data: Buffer): boolean {
  if (data.length >= 8 && data.subarray(4, 8).toString('latin1') === 'ftyp') return true;
  if (data.length >= 4 && data.readUInt32BE(0) === 0x1a45dfa3) return true;
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'AVI ') return true;
  // MPEG-TS: a sync byte every 188 bytes.
  return data.length > 188 && data[0] === 0x47 && data[188] === 0x47;
}
