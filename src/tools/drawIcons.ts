/**
 * Draws the two Teams icons of IntM-Bot: three stylised people (the refugees the Gemeinden look
 * after) with a check-mark badge (the list has been checked), white on the accent colour
 * (color.png, 192×192); and the people alone, white on transparent (outline.png, 32×32: Teams
 * allows only white and transparent there).
 *
 * Shapes are signed distance functions in a unit square; each pixel is supersampled, so edges are
 * anti-aliased at both sizes. Run `npm run build && node dist/src/tools/drawIcons.js` after a
 * change and commit the PNGs; the accent colour is read from appPackage/manifest.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png';
import { findProjectRoot } from './projectRoot';

type Sdf = (x: number, y: number) => number; // < 0 inside, in units of the unit square

// Local bindings, not `Math.…` in the loops: the shapes are evaluated millions of times, and under
// Jest (a vm context) every global lookup is slow – drawing took 30 s there instead of 2 s.
const { sqrt, min, max, abs, round } = Math;
const len = (x: number, y: number) => sqrt(x * x + y * y);

const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => len(x - cx, y - cy) - r;

/** Box with rounded corners (radius r), centre (cx, cy), half sizes (hw, hh). */
const roundBox = (cx: number, cy: number, hw: number, hh: number, r: number): Sdf => (x, y) => {
  const qx = abs(x - cx) - hw + r;
  const qy = abs(y - cy) - hh + r;
  return len(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r;
};

/** A stroke with round caps from (ax, ay) to (bx, by), half thickness t. */
const segment = (ax: number, ay: number, bx: number, by: number, t: number): Sdf => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const h = min(1, max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return len(x - ax - dx * h, y - ay - dy * h) - t;
};

const union = (...parts: Sdf[]): Sdf => parts.reduce((a, b) => (x, y) => min(a(x, y), b(x, y)));
const intersect = (a: Sdf, b: Sdf): Sdf => (x, y) => max(a(x, y), b(x, y));
/** a without b grown by `gap`: leaves a visible gap where figures overlap. */
const cutOut = (a: Sdf, b: Sdf, gap: number): Sdf => (x, y) => max(a(x, y), -(b(x, y) - gap));
const above = (limit: number): Sdf => (_x, y) => y - limit;

/** A person: round head over shoulders with a flat base at `base`. */
function person(cx: number, headY: number, scale: number, base: number): Sdf {
  const head = circle(cx, headY, 0.12 * scale);
  const shouldersTop = headY + 0.165 * scale;
  const halfWidth = 0.19 * scale;
  // The torso is a rounded box reaching below the base, cut flat there; nearly round shoulders.
  const torso = intersect(roundBox(cx, shouldersTop + 0.4, halfWidth, 0.4, 0.15 * scale), above(base));
  return union(head, torso);
}

/** Where the figures stand, in the unit square. */
const BASE = 0.86;

/** The pictogram in a unit square; `gap` separates the front figure from the two behind it. */
export function pictogram(gap: number, withBadge = true): Sdf {
  const front = person(0.5, 0.33, 1.2, BASE);
  const left = person(0.2, 0.24, 0.88, BASE);
  const right = person(0.8, 0.24, 0.88, BASE);
  const people = union(front, cutOut(union(left, right), front, gap));
  if (!withBadge) return people;
  // A round badge with a check mark cut out of it: the list has been checked.
  const [bx, by, br] = [0.82, 0.77, 0.17];
  const t = 0.028;
  const check = union(segment(bx - 0.08, by + 0.005, bx - 0.025, by + 0.06, t), segment(bx - 0.025, by + 0.06, bx + 0.08, by - 0.045, t));
  const badge = cutOut(circle(bx, by, br), check, 0);
  return union(cutOut(people, circle(bx, by, br), gap), badge);
}

/** Coverage of each pixel by the shape, supersampled n × n; the pictogram fills `box` of the image. */
function coverage(shape: Sdf, size: number, box: { x: number; y: number; size: number }, n = 8): Float64Array {
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (px + (sx + 0.5) / n - box.x) / box.size;
          const v = (py + (sy + 0.5) / n - box.y) / box.size;
          if (shape(u, v) < 0) inside++;
        }
      }
      out[py * size + px] = inside / (n * n);
    }
  }
  return out;
}

/**
 * Scales and centres the shape's bounding box so its larger side is `extent` pixels; `snapY` (unit
 * square) is moved onto a pixel edge so the flat base stays crisp at 32 px.
 */
function fit(shape: Sdf, size: number, extent: number, snapY?: number): { x: number; y: number; size: number } {
  let [x0, y0, x1, y1] = [1, 1, 0, 0];
  const steps = 500;
  for (let j = 0; j <= steps; j++) {
    for (let i = 0; i <= steps; i++) {
      if (shape(i / steps, j / steps) < 0) {
        [x0, y0, x1, y1] = [min(x0, i / steps), min(y0, j / steps), max(x1, i / steps), max(y1, j / steps)];
      }
    }
  }
  const scale = extent / max(x1 - x0, y1 - y0);
  let y = size / 2 - ((y0 + y1) / 2) * scale;
  if (snapY !== undefined) y += round(snapY * scale + y) - (snapY * scale + y);
  return { x: size / 2 - ((x0 + x1) / 2) * scale, y, size: scale };
}

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** 192×192, full-bleed accent colour (Teams rounds the corners itself), white pictogram centred. */
export function drawColorIcon(accent: string): RgbaImage {
  const size = 192;
  const [r, g, b] = hexToRgb(accent);
  // Teams crops colour icons in some places: keep the symbol well inside the middle ~120 px.
  const shape = pictogram(0.045);
  const cover = coverage(shape, size, fit(shape, size, 116));
  const data = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    data[i * 4] = round(r + (255 - r) * c);
    data[i * 4 + 1] = round(g + (255 - g) * c);
    data[i * 4 + 2] = round(b + (255 - b) * c);
    data[i * 4 + 3] = 255;
  });
  return { width: size, height: size, data };
}

/** 32×32, white with alpha only: anti-aliasing lives in the alpha channel, colour stays white. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  // A wider gap than in the colour icon, or the figures merge at this size.
  // Without the badge: its check mark is unreadable at the 20 px Teams shows in the app bar.
  const shape = pictogram(0.07, false);
  const cover = coverage(shape, size, fit(shape, size, 30, BASE));
  const data = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    const alpha = round(255 * c);
    data.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], i * 4);
  });
  return { width: size, height: size, data };
}

if (require.main === module) {
  const dir = join(findProjectRoot(), 'appPackage');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { accentColor: string };
  writeFileSync(join(dir, 'color.png'), encodePng(drawColorIcon(manifest.accentColor)));
  writeFileSync(join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`Symbole geschrieben: ${join(dir, 'color.png')}, ${join(dir, 'outline.png')}`);
}
