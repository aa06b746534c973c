/**
 * What an MP4 (ISO BMFF) file says about itself in its movie header: the duration (`mvhd`:
 * duration over timescale) and the frame size of its first visual track (`tkhd` width and height,
 * 16.16 fixed point; audio tracks have none). The sim decodes no frames: this is what a network's
 * processing would measure first. The boxes are looked up by their type in the bytes given (one
 * upload part may hold them, wherever the `moov` box sits); a box cut off by the part's end counts
 * as absent.
 */
export interface Mp4Facts {
  durationMs?: number;
  width?: number;
  height?: number;
}

function boxes(buf: Buffer, type: string): number[] {
  const found: number[] = [];
  for (let at = buf.indexOf(type, 4, 'latin1'); at >= 4; at = buf.indexOf(type, at + 4, 'latin1')) found.push(at);
  return found;
}

export function mp4Facts(buf: Buffer): Mp4Facts {
  const facts: Mp4Facts = {};
  for (const at of boxes(buf, 'mvhd')) {
    const v1 = buf[at + 4] === 1;
    const end = at + (v1 ? 36 : 24);
    if (end > buf.length) continue;
    const timescale = buf.readUInt32BE(at + (v1 ? 24 : 16));
    const duration = v1 ? Number(buf.readBigUInt64BE(at + 28)) : buf.readUInt32BE(at + 20);
    if (timescale > 0) {
      facts.durationMs = Math.round((duration * 1000) / timescale);
      break;
    }
  }
  for (const at of boxes(buf, 'tkhd')) {
    const offset = at + (buf[at + 4] === 1 ? 92 : 80);
    if (offset + 8 > buf.length) continue;
    const width = buf.readUInt32BE(offset) / 65536;
    const height = buf.readUInt32BE(offset + 4) / 65536;
    if (width > 0 && height > 0) {
      facts.width = width;
      facts.height = height;
      break;
    }
  }
  return facts;
}

/** The aspect ratio of a frame size in lowest terms (1920×1080 → 16:9). */
export function aspectRatio(width: number, height: number): { width: number; height: number } {
  const w = Math.round(width);
  const h = Math.round(height);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(w, h) || 1;
  return { width: w / d, height: h / d };
}
