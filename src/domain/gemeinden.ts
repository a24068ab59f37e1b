/**
 * The Städte und Gemeinden of the Landkreis and how users name them.
 * The list itself is data (`data/gemeinden-landkreis-heilbronn.csv`), loaded by an adapter.
 */
export interface Gemeinde {
  /** Amtlicher Gemeindeschlüssel, 8 digits, e.g. `08125001`. */
  ags: string;
  name: string;
  /** Gemeinde, Stadt or Große Kreisstadt. */
  typ: string;
}

/** The Stadtkreis Heilbronn is a district of its own, not part of the Landkreis: users confuse the two. */
export const STADTKREIS_HEILBRONN = { ags: '08121000', name: 'Heilbronn' } as const;

/** Lower case with umlauts and ß spelt out: "Gemeindeschlüssel" and "GEMEINDESCHLUESSEL" compare equal. */
export function spellOutUmlauts(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/** Lower case, umlauts and ß spelt out, "a.N." and other punctuation dropped: how names are compared. */
export function normaliseName(name: string): string {
  return spellOutUmlauts(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(stadt|gemeinde|grosse kreisstadt)\b/g, ' ')
    .replace(/\ba\.? ?n\.?(?=\s|$)/g, 'am neckar')
    .replace(/\ba\.? ?k\.?(?=\s|$)/g, 'am kocher')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Damerau-Levenshtein distance (optimal string alignment): small typos and swapped letters count 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** Normalises what users type as a key: `8125001`, `08125001`, `08 125 001`. */
export function normaliseAgs(text: string): string | undefined {
  const digits = text.replace(/[\s.]/g, '');
  if (!/^\d{7,8}$/.test(digits)) return undefined;
  return digits.padStart(8, '0');
}

export class GemeindeVerzeichnis {
  private readonly byAgs = new Map<string, Gemeinde>();
  private readonly byName = new Map<string, Gemeinde>();

  constructor(readonly all: readonly Gemeinde[]) {
    for (const g of all) {
      this.byAgs.set(g.ags, g);
      this.byName.set(normaliseName(g.name), g);
    }
  }

  get size(): number {
    return this.all.length;
  }

  byKey(ags: string): Gemeinde | undefined {
    const key = normaliseAgs(ags);
    return key ? this.byAgs.get(key) : undefined;
  }

  named(name: string): Gemeinde | undefined {
    return this.byName.get(normaliseName(name));
  }

  /** A Gemeinde by key or by name, as a user would type either. */
  find(keyOrName: string): Gemeinde | undefined {
    return this.byKey(keyOrName) ?? this.named(keyOrName);
  }

  /** Close names for a misspelt one, best first (at most three). */
  suggest(name: string): Gemeinde[] {
    const wanted = normaliseName(name);
    if (!wanted) return [];
    const scored = this.all
      .map((g) => {
        const candidate = normaliseName(g.name);
        const distance = editDistance(wanted, candidate);
        const prefix = candidate.startsWith(wanted) || wanted.startsWith(candidate);
        return { g, distance, prefix };
      })
      .filter(({ distance, prefix }) => prefix || distance <= Math.max(2, Math.floor(wanted.length / 4)))
      .sort((x, y) => x.distance - y.distance || x.g.name.localeCompare(y.g.name, 'de'));
    return scored.slice(0, 3).map(({ g }) => g);
  }

  static isStadtkreisHeilbronn(keyOrName: string): boolean {
    return normaliseAgs(keyOrName) === STADTKREIS_HEILBRONN.ags || normaliseName(keyOrName) === 'heilbronn';
  }
}
