/**
 * Draws the Signaalpunt app icons with code, so they can be regenerated and reviewed like source:
 * a signal point — an amber dot with two pairs of radio arcs, "((•))" — white on the product's teal.
 *
 *   color.png    192×192, teal background, white arcs, amber dot (the symbol stays in the central 120 px)
 *   outline.png   32×32, the same symbol in pure white on a transparent background
 *
 * `npx tsx scripts/manifest/icons.ts` writes both into manifest/. Shapes are signed distance functions, so
 * edges are anti-aliased analytically; the outline's edge pixels stay pure white and only vary in alpha, as
 * Teams requires.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Image } from './png';
import { writePng } from './png';

/** The product colours (also the manifest's accentColor). */
export const BRAND = {
  teal: [0x0e, 0x5a, 0x6b] as const,
  amber: [0xf5, 0xa6, 0x23] as const,
  white: [0xff, 0xff, 0xff] as const,
};
export const ACCENT_COLOR = '#0E5A6B';

type Rgb = readonly [number, number, number];

/** A shape as a signed distance: < 0 inside, > 0 outside, in pixels. */
type Shape = (x: number, y: number) => number;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/**
 * An arc of a ring around (cx, cy) with radius r and stroke width w, centred on angle `towards`
 * (radians, 0 = right, π = left), spanning ±half; round caps.
 */
function arc(cx: number, cy: number, r: number, w: number, towards: number, half: number): Shape {
  const ends = [towards - half, towards + half].map((a) => [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const);
  const [e1, e2] = ends as [readonly [number, number], readonly [number, number]];
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    let delta = Math.atan2(dy, dx) - towards;
    delta = Math.atan2(Math.sin(delta), Math.cos(delta));
    const centre = Math.abs(delta) <= half ? Math.abs(Math.hypot(dx, dy) - r) : Math.min(Math.hypot(x - e1[0], y - e1[1]), Math.hypot(x - e2[0], y - e2[1]));
    return centre - w / 2;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

/** The symbol at a given size: the dot and four arcs, in that size's pixel coordinates. */
function symbol(size: number, scale: { dot: number; inner: number; outer: number; stroke: number; half: number }): { dot: Shape; arcs: Shape } {
  const c = size / 2;
  const arcs = [0, Math.PI].flatMap((towards) => [arc(c, c, scale.inner, scale.stroke, towards, scale.half), arc(c, c, scale.outer, scale.stroke, towards, scale.half)]);
  return { dot: disc(c, c, scale.dot), arcs: union(...arcs) };
}

/** Fraction of the pixel (px, py) the shape covers: its signed distance at the pixel centre, as a one-pixel ramp. */
function coverage(shape: Shape, px: number, py: number): number {
  return Math.min(1, Math.max(0, 0.5 - shape(px + 0.5, py + 0.5)));
}

const mix = (under: Rgb, over: Rgb, t: number): Rgb => [0, 1, 2].map((k) => Math.round(under[k]! * (1 - t) + over[k]! * t)) as unknown as Rgb;

/** The 192×192 colour icon. */
export function drawColorIcon(): Image {
  const size = 192;
  const { dot, arcs } = symbol(size, { dot: 15, inner: 33, outer: 55, stroke: 10, half: (42 * Math.PI) / 180 });
  const data = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let rgb: Rgb = BRAND.teal;
      rgb = mix(rgb, BRAND.white, coverage(arcs, x, y));
      rgb = mix(rgb, BRAND.amber, coverage(dot, x, y));
      data.set([rgb[0], rgb[1], rgb[2], 255], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

/** The 32×32 outline icon: pure white, the shape only in the alpha channel. */
export function drawOutlineIcon(): Image {
  const size = 32;
  const { dot, arcs } = symbol(size, { dot: 3, inner: 7, outer: 12, stroke: 2.2, half: (42 * Math.PI) / 180 });
  const both = union(dot, arcs);
  const data = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const a = Math.round(coverage(both, x, y) * 255);
      // a fully transparent pixel is written as 0,0,0,0 and a visible one as pure white.
      if (a > 0) data.set([255, 255, 255, a], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

export function writeIcons(dir: string): { color: string; outline: string } {
  const color = join(dir, 'color.png');
  const outline = join(dir, 'outline.png');
  writeFileSync(color, writePng(drawColorIcon()));
  writeFileSync(outline, writePng(drawOutlineIcon()));
  return { color, outline };
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'manifest'));
  const out = writeIcons(dir);
  console.log(`[icons] wrote ${out.color} and ${out.outline}`);
}
