import { inflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A decoded picture: width, height and RGBA pixels, row by row. */
export type Pixels = { width: number; height: number; rgba: Buffer };

/** Width and height from the IHDR chunk, after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: wrong signature');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: no IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Decodes a non-interlaced 8-bit RGBA or RGB PNG (what resvg writes) with zlib alone: the IDAT
 * chunks joined and inflated, each row unfiltered (PNG spec §9: None, Sub, Up, Average, Paeth).
 */
export function decodePng(png: Buffer): Pixels {
  const { width, height } = pngSize(png);
  const bitDepth = png[24]!;
  const colourType = png[25]!;
  const interlace = png[28]!;
  if (bitDepth !== 8 || (colourType !== 6 && colourType !== 2) || interlace !== 0) {
    throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  }
  const channels = colourType === 6 ? 4 : 3;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? line[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      line[x] = (line[x]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      line.copy(out, (y * width + x) * 4, x * channels, x * channels + channels);
      if (channels === 3) out[(y * width + x) * 4 + 3] = 255;
    }
    previous = line;
  }
  return { width, height, rgba: out };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Pixels in rows [top, bottom) that are not `background` (#rrggbb), ignoring faint anti-aliasing. */
export function inkIn(pixels: Pixels, top: number, bottom: number, background = '#ffffff'): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(background.slice(at, at + 2), 16)) as [number, number, number];
  let count = 0;
  for (let y = Math.max(0, top); y < Math.min(pixels.height, bottom); y++) {
    for (let x = 0; x < pixels.width; x++) {
      const at = (y * pixels.width + x) * 4;
      const distance =
        Math.abs(pixels.rgba[at]! - r) + Math.abs(pixels.rgba[at + 1]! - g) + Math.abs(pixels.rgba[at + 2]! - b);
      if (distance > 96) count++;
    }
  }
  return count;
}

/** True when rows [top, bottom) of two pictures of the same width differ anywhere. */
export function rowsDiffer(a: Pixels, b: Pixels, top: number, bottom: number): boolean {
  if (a.width !== b.width) return true;
  const start = top * a.width * 4;
  const end = bottom * a.width * 4;
  return !a.rgba.subarray(start, end).equals(b.rgba.subarray(start, end));
}
