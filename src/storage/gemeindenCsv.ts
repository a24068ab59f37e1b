/** Loads the Gemeinden of the Landkreis from `data/gemeinden-landkreis-heilbronn.csv`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Gemeinde, GemeindeVerzeichnis } from '../domain/gemeinden';
import { projectRoot } from './paths';

export const GEMEINDEN_CSV = path.join(projectRoot(), 'data', 'gemeinden-landkreis-heilbronn.csv');

export function parseGemeindenCsv(text: string): Gemeinde[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  const at = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`Spalte ${name} fehlt in der Gemeindeliste`);
    return i;
  };
  const [ags, name, typ] = [at('ags'), at('name'), at('typ')];
  return lines.map((line) => {
    const cells = line.split(',');
    return { ags: cells[ags], name: cells[name], typ: cells[typ] };
  });
}

export function loadVerzeichnis(file: string = GEMEINDEN_CSV): GemeindeVerzeichnis {
  return new GemeindeVerzeichnis(parseGemeindenCsv(readFileSync(file, 'utf8')));
}
