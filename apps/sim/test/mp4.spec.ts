import { aspectRatio, mp4Facts } from '../src/core/mp4';

const box = (type: string, body: Buffer) => {
  const b = Buffer.concat([Buffer.alloc(4), Buffer.from(type, 'latin1'), body]);
  b.writeUInt32BE(b.length, 0);
  return b;
};

/** mvhd version 1 (64-bit times and duration) and tkhd version 0 or 1 with a frame size. */
function mvhdV1(timescale: number, duration: number): Buffer {
  const body = Buffer.alloc(112);
  body[0] = 1;
  body.writeUInt32BE(timescale, 20);
  body.writeBigUInt64BE(BigInt(duration), 24);
  return box('mvhd', body);
}
function tkhd(version: 0 | 1, width: number, height: number): Buffer {
  const body = Buffer.alloc(version ? 96 : 84);
  body[0] = version;
  const at = version ? 88 : 76;
  body.writeUInt32BE(width * 65536, at);
  body.writeUInt32BE(height * 65536, at + 4);
  return box('tkhd', body);
}

describe('core/mp4: what an MP4 header says', () => {
  it('reads a version 1 movie header and skips an audio track (no frame size) for the video track', () => {
    const moov = box('moov', Buffer.concat([mvhdV1(90_000, 90_000 * 61.5), box('trak', tkhd(0, 0, 0)), box('trak', tkhd(1, 720, 1280))]));
    expect(mp4Facts(Buffer.concat([Buffer.alloc(64, 9), moov]))).toEqual({ durationMs: 61_500, width: 720, height: 1280 });
  });

  it('gives nothing for bytes without a header, or a header cut off at the end of the part', () => {
    expect(mp4Facts(Buffer.alloc(2048, 1))).toEqual({});
    const cut = box('moov', mvhdV1(1000, 5000)).subarray(0, 30);
    expect(mp4Facts(cut)).toEqual({});
  });

  it('reduces the frame size to an aspect ratio in lowest terms', () => {
    expect(aspectRatio(1920, 1080)).toEqual({ width: 16, height: 9 });
    expect(aspectRatio(1080, 1080)).toEqual({ width: 1, height: 1 });
    expect(aspectRatio(1080, 1350)).toEqual({ width: 4, height: 5 });
  });
});
