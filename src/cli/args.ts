/** Parsing and converting command-line options, with German messages for every mistake. */
import { parseArgs } from 'node:util';
import { IsoDate, parseDate } from '../domain/dates';
import { parseAmount } from '../domain/money';
import { UsageError } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: OptionSpec, usage: string, maxPositionals = 0): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    const text = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(text);
    const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(text);
    if (unknown) throw new UsageError(`Unbekannte Option ${unknown[1]}.`, usage);
    if (missingValue) throw new UsageError(`Option ${missingValue[1].replace(/^-\w, /, '')} braucht einen Wert.`, usage);
    throw new UsageError('Die Optionen sind nicht lesbar.', usage);
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`Unerwartetes Argument „${parsed.positionals[maxPositionals]}“.`, usage);
  return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
}

export function required(p: Parsed, name: string, usage: string): string {
  const v = p.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Option --${name} fehlt.`, usage);
  return v.trim();
}

export function optional(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function year(p: Parsed, usage: string): number {
  const text = required(p, 'year', usage);
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year: „${text}“ ist keine Jahreszahl.`, usage);
  return Number(text);
}

export function date(text: string | undefined, name: string, usage: string): IsoDate | undefined {
  if (text === undefined) return undefined;
  const d = parseDate(text);
  if (!d) throw new UsageError(`--${name}: „${text}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`, usage);
  return d;
}

export function amount(text: string | undefined, name: string, usage: string): string | undefined {
  if (text === undefined) return undefined;
  const d = parseAmount(text);
  if (!d) throw new UsageError(`--${name}: „${text}“ ist kein gültiger Betrag.`, usage);
  return d.toString();
}

/** Percentages and VZÄ: `3,77` and `3.77` both mean 3.77. */
export function decimal(text: string | undefined, name: string, usage: string): string | undefined {
  if (text === undefined) return undefined;
  const normalised = text.replace(/\s|%/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) throw new UsageError(`--${name}: „${text}“ ist keine Zahl.`, usage);
  return normalised;
}
