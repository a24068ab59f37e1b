/**
 * Moves a whole store into another (`intm store copy`): from a data directory to PostgreSQL when one
 * machine is no longer enough, or back. Only into an empty store; afterwards both are read again and
 * compared part by part (campaign records, lists, each list's change log, decisions, the allocation
 * worked out from each, every named document, the files of the Verwendungsnachweise with the hash of
 * the bytes read back), so a copy that does not match is reported, not used.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../domain/audit';
import { emptyDecisionBook } from '../domain/decision';
import { DomainError } from '../domain/errors';
import type { GemeindeVerzeichnis } from '../domain/gemeinden';
import { Decimal } from '../domain/money';
import { buildOverview } from './overview';
import type { CampaignRecord, Clock, Repository } from './ports';

export interface StoreCopySummary {
  years: number[];
  /** Persons on all lists of all years. */
  persons: number;
  /** Entries in the lists' change logs (the import's and every change since). */
  changes: number;
  documents: number;
  /** Files attached to Verwendungsnachweise. */
  files: number;
  /** The allocation of every year with lists, added up (euros, exact). */
  allocation: string;
}

export interface StoreCopyContext {
  verzeichnis: GemeindeVerzeichnis;
  clock: Clock;
}

/** Copies `source` into the empty `target` and checks that both hold the same; `targetName` is for the refusal. */
export async function copyStore(source: Repository, target: Repository, ctx: StoreCopyContext, targetName: string): Promise<StoreCopySummary> {
  await requireEmpty(target, targetName);
  for (const year of await source.years()) {
    const record = await source.readCampaign(year);
    if (!record) continue;
    const kept = withoutGeneration(record);
    await target.updateCampaign(year, () => ({ next: kept, result: undefined }));
    if (record.generation) {
      const lists = await source.readLists(year);
      const history = await source.readListHistory(year);
      await target.replaceLists(year, [...lists], () => ({ next: kept, result: undefined }), history);
    }
    const decisions = await source.readDecisions(year);
    if (JSON.stringify(decisions) !== JSON.stringify(emptyDecisionBook(year))) {
      await target.updateDecisions(year, () => ({ next: decisions, result: undefined }));
    }
  }
  for (const name of await source.documentNames()) {
    const doc = await source.readDocument<object>(name);
    if (doc !== undefined) await target.updateDocument<object, void>(name, () => ({ next: doc, result: undefined }));
  }
  // In their order (the listing is oldest first), without a count limit: the source's files as they are.
  for (const { year, ags } of await source.nachweisFileOwners()) {
    for (const file of await source.nachweisFiles(year, ags)) {
      const bytes = await source.readNachweisFile(year, ags, file.sha256);
      if (bytes) await target.addNachweisFile(year, ags, file, bytes, Number.MAX_SAFE_INTEGER);
    }
  }
  const [from, to] = [await contentsOf(source, ctx), await contentsOf(target, ctx)];
  const differs = [...new Set([...from.parts.keys(), ...to.parts.keys()])].find((part) => from.parts.get(part) !== to.parts.get(part));
  if (differs) throw new DomainError('store.copyMismatch', { what: differs });
  return from.summary;
}

/** Refuses a target that holds anything (a year or a named document): a copy never overwrites. */
export async function requireEmpty(target: Repository, targetName: string): Promise<void> {
  const years = await target.years();
  const names = await target.documentNames();
  if (!years.length && !names.length) return;
  const what = [years.length ? `Jahre ${years.join(', ')}` : '', names.length ? `Dokumente ${names.join(', ')}` : ''].filter(Boolean).join('; ');
  throw new DomainError('store.targetNotEmpty', { target: targetName, what });
}

/**
 * Everything a store holds, as canonical JSON per part (keys sorted, the generation's name left out:
 * each store names its own), and the summary's figures.
 */
export async function contentsOf(repo: Repository, ctx: StoreCopyContext): Promise<{ parts: Map<string, string>; summary: StoreCopySummary }> {
  const parts = new Map<string, string>();
  const summary: StoreCopySummary = { years: await repo.years(), persons: 0, changes: 0, documents: 0, files: 0, allocation: '0' };
  let allocation = new Decimal(0);
  for (const year of summary.years) {
    const record = await repo.readCampaign(year);
    parts.set(`Kampagne ${year}`, canonical(record && withoutGeneration(record)));
    const lists = await repo.readLists(year);
    parts.set(`Listen ${year}`, canonical(lists));
    summary.persons += lists.reduce((n, l) => n + l.persons.length, 0);
    const history = await repo.readListHistory(year);
    summary.changes += history.length;
    // Per list, oldest first: the order across lists is not part of the contract.
    const byAgs = new Map<string, AuditEntry[]>();
    for (const e of history) {
      const own = byAgs.get(e.ags ?? '') ?? [];
      own.push(e);
      byAgs.set(e.ags ?? '', own);
    }
    parts.set(`Änderungsprotokoll ${year}`, canonical(Object.fromEntries(byAgs)));
    const decisions = await repo.readDecisions(year);
    parts.set(`Entscheidungen ${year}`, canonical(decisions));
    if (record && lists.length) {
      const amount = allocationOf(record, lists, decisions, ctx);
      parts.set(`Zuteilung ${year}`, amount ?? '–');
      if (amount) allocation = allocation.plus(amount);
    }
  }
  for (const name of await repo.documentNames()) {
    parts.set(`Dokument ${name}`, canonical(await repo.readDocument(name)));
    summary.documents++;
  }
  for (const { year, ags } of await repo.nachweisFileOwners()) {
    const files = [];
    for (const file of await repo.nachweisFiles(year, ags)) {
      const bytes = await repo.readNachweisFile(year, ags, file.sha256);
      // The hash of what is read back, beside the one recorded: bytes lost or changed on the way show.
      files.push({ ...file, read: bytes ? createHash('sha256').update(bytes).digest('hex') : null });
    }
    parts.set(`Dateien zum Verwendungsnachweis ${year} ${ags}`, canonical(files));
    summary.files += files.length;
  }
  summary.allocation = allocation.toFixed(2);
  return { parts, summary };
}

/** The year's allocation worked out from the stored lists (none while there is nothing to allocate). */
function allocationOf(record: CampaignRecord, lists: Parameters<typeof buildOverview>[1], decisions: Parameters<typeof buildOverview>[2], ctx: StoreCopyContext): string | undefined {
  try {
    return buildOverview(record.campaign, lists, decisions, ctx.verzeichnis, ctx.clock.now(), ctx.clock.today()).totals.amount;
  } catch (e) {
    if (e instanceof DomainError) return undefined;
    throw e;
  }
}

function withoutGeneration(record: CampaignRecord): CampaignRecord {
  const { generation: _own, ...rest } = record;
  return rest;
}

/** JSON with every object's keys sorted: two stores that hold the same compare equal whatever order they keep. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  ) ?? 'null';
}
