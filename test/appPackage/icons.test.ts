/**
 * The icons Teams requires: color.png 192×192, outline.png 32×32 in white and transparent only.
 * Read from the committed files; they must also be what src/tools/drawIcons.ts draws today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { drawColorIcon, drawOutlineIcon, hexToRgb } from '../../src/tools/drawIcons';
import { decodePng, encodePng, readPngHeader } from '../../src/tools/png';
import { APP_DIR, readManifest } from './helpers';

const icon = (role: 'color' | 'outline') => readFileSync(join(APP_DIR, readManifest().icons[role]));

function pixels(png: Buffer): number[][] {
  const { data } = decodePng(png);
  const out: number[][] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]);
  return out;
}

test('color.png is a 192×192 PNG, outline.png a 32×32 PNG', () => {
  expect(readPngHeader(icon('color'))).toMatchObject({ width: 192, height: 192 });
  expect(readPngHeader(icon('outline'))).toMatchObject({ width: 32, height: 32 });
});

test('outline.png uses only white and transparent pixels, and shows something', () => {
  const px = pixels(icon('outline'));
  const offending = px.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
  expect(offending).toEqual([]);
  const opaque = px.filter((p) => p[3] === 255).length;
  const clear = px.filter((p) => p[3] === 0).length;
  expect(opaque).toBeGreaterThan(px.length * 0.25);
  expect(clear).toBeGreaterThan(px.length * 0.25);
});

test('color.png is opaque, on the accent colour, with a white pictogram', () => {
  const px = pixels(icon('color'));
  expect(px.every((p) => p[3] === 255)).toBe(true);
  expect(px[0]!.slice(0, 3)).toEqual(hexToRgb(readManifest().accentColor));
  expect(px.filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length).toBeGreaterThan(px.length * 0.15);
});

test('the committed icons are what the generator draws (with the manifest accent colour)', () => {
  // If this fails after a design or colour change: npm run build && node dist/src/tools/drawIcons.js
  expect(Buffer.from(decodePng(icon('color')).data).equals(Buffer.from(drawColorIcon(readManifest().accentColor).data))).toBe(true);
  expect(Buffer.from(decodePng(icon('outline')).data).equals(Buffer.from(drawOutlineIcon().data))).toBe(true);
});

test('the PNG reader detects non-PNG input and reads back what the writer wrote', () => {
  expect(() => readPngHeader(Buffer.from('GIF89a, not a PNG at all, padded to length'))).toThrow('not a PNG');
  const image = { width: 3, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => i * 10) };
  expect(decodePng(encodePng(image))).toEqual(image);
});

test('the PNG reader undoes all five row filters (as image editors write them)', () => {
  const [width, height] = [3, 5];
  const data = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
  const stride = width * 4;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : data[y * stride + x]!);
  const paeth = (a: number, b: number, c: number) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y; // row y uses filter type y: None, Sub, Up, Average, Paeth
    rows.push(filter);
    for (let x = 0; x < stride; x++) {
      const [a, b, c] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
      rows.push((at(x, y) - predicted) & 0xff);
    }
  }
  // Swap the IDAT of a freshly written PNG for the filtered rows.
  const png = encodePng({ width, height, data });
  const idatStart = 8 + 25;
  const body = deflateSync(Buffer.from(rows));
  const idat = Buffer.alloc(12 + body.length);
  idat.writeUInt32BE(body.length, 0);
  idat.write('IDAT', 4, 'latin1');
  body.copy(idat, 8); // the reader does not check CRCs
  const idatLength = png.readUInt32BE(idatStart);
  const patched = Buffer.concat([png.subarray(0, idatStart), idat, png.subarray(idatStart + 12 + idatLength)]);
  expect(decodePng(patched).data).toEqual(data);
});
