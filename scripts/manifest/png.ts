/** Reading and writing PNG images (pngjs): the icon checks read pixels, the icon generator writes them. */
import { PNG } from 'pngjs';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel, row by row. */
  data: Buffer;
}

/** Decodes any PNG (every colour type and bit depth) into 8-bit RGBA. Throws on a file that is not a PNG. */
export function readPng(bytes: Buffer): Image {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

/** Encodes 8-bit RGBA pixels as a PNG with an alpha channel. */
export function writePng(image: Image): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

export interface PixelStats {
  /** pixels with alpha 0. */
  transparent: number;
  /** pixels with 0 < alpha < 255. */
  translucent: number;
  opaque: number;
  /** pixels that are not fully transparent and not pure white. */
  nonWhiteVisible: number;
  /** the first such pixel, for the message. */
  firstNonWhite?: { x: number; y: number; rgba: [number, number, number, number] };
}

export function pixelStats(image: Image): PixelStats {
  const s: PixelStats = { transparent: 0, translucent: 0, opaque: 0, nonWhiteVisible: 0 };
  const d = image.data;
  for (let i = 0; i < image.width * image.height; i++) {
    const r = d[i * 4]!;
    const g = d[i * 4 + 1]!;
    const b = d[i * 4 + 2]!;
    const a = d[i * 4 + 3]!;
    if (a === 0) {
      s.transparent++;
      continue;
    }
    if (a === 255) s.opaque++;
    else s.translucent++;
    if (r !== 255 || g !== 255 || b !== 255) {
      s.nonWhiteVisible++;
      if (!s.firstNonWhite) s.firstNonWhite = { x: i % image.width, y: Math.floor(i / image.width), rgba: [r, g, b, a] };
    }
  }
  return s;
}
