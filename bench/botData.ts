/**
 * What the HTTP benchmarks of the bot share: a prepared data directory of the real district (the 46
 * Gemeinden of `data/`, an invented export of 2,500 persons imported through the application, the
 * staff of every Gemeinde in the roster), the persons to strike, and Teams-shaped activities as
 * test/bot/botHarness.ts builds them.
 *
 * The prepared directory is never served itself: every server gets a fresh copy (`copy()`), so each
 * round of strikes starts from the same state and every strike finds a person not yet struck.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntmApp } from '../src/app';
import { VERBS } from '../src/cards/actions';
import { listActionData } from '../src/cards/buttons';
import { paginate } from '../src/cards/paging';
import type { Actor } from '../src/domain/actor';
import { defaultPeriod } from '../src/domain/campaign';
import { isBetween } from '../src/domain/dates';
import { seededRandom, syntheticExport } from '../src/demo/syntheticExport';
import { ExcelWorkbookWriter } from '../src/excel/workbookWriter';
import { loadVerzeichnis } from '../src/storage/gemeindenCsv';
import { LowdbRepository } from '../src/storage/lowdbRepository';
import { fixedClock } from '../src/storage/systemClock';
import { memoryTable } from './strike';

export const YEAR = 2025;
/** In the review window of Berechnungsjahr 2025 (lists due 15.01.2024): strikes are allowed. */
export const NOW = '2024-01-10T09:00:00.000Z';
export const TENANT = 'f0000000-0000-4000-8000-00000000000f';
export const PERSONS = 2_500;
/** Staff per Gemeinde in the roster. */
const STAFF_PER_GEMEINDE = 2;

export interface BenchUser {
  aadObjectId: string;
  name: string;
  teamsId: string;
  ags: string;
}

export interface Target {
  ags: string;
  personId: string;
  user: BenchUser;
}

export interface BotData {
  /** The prepared directory; serve only copies of it. */
  dir: string;
  gemeinden: number;
  /** Persons on the lists (inside the period) – one strike each at most. */
  inside: number;
  users: BenchUser[];
  /** Every listed person once, in a seeded random order (Gemeinden mixed), with a staff member of its Gemeinde. */
  targets: Target[];
  /** The page of its Gemeinde's list card each person is on (the card's buttons carry it). */
  pages: ReadonlyMap<string, number>;
  rosterEntries: number;
  /** A fresh copy of the prepared directory in the system temp folder. */
  copy(): string;
  /** Removes the prepared directory and every copy. */
  cleanup(): void;
}

const coordinator: Actor = { id: 'bench-koordination', name: 'Bench Koordination', role: 'koordination' };

function objectId(n: number): string {
  return `b0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export async function prepareBotData(): Promise<BotData> {
  const verzeichnis = loadVerzeichnis();
  const period = defaultPeriod(YEAR);
  const exp = syntheticExport({ seed: YEAR, gemeinden: verzeichnis.all, persons: PERSONS, period });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intm-bench-http-data-'));
  const copies: string[] = [];

  const repo = await LowdbRepository.open(dir);
  const app = new IntmApp({ repo, clock: fixedClock(NOW), verzeichnis, tableReader: memoryTable(exp), workbooks: new ExcelWorkbookWriter() });
  await app.campaigns.create({ year: YEAR, kreisAmount: '1508000' }, { actor: coordinator });
  const report = await app.imports.importStep1(YEAR, Buffer.alloc(0), 'bench.xlsx', { actor: coordinator });
  if (!report.stored) throw new Error('bench data: import refused');

  const users: BenchUser[] = [];
  for (const [g, gemeinde] of verzeichnis.all.entries()) {
    for (let s = 0; s < STAFF_PER_GEMEINDE; s++) {
      const n = g * STAFF_PER_GEMEINDE + s + 1;
      const user = { aadObjectId: objectId(n), name: `Sachbearbeitung ${gemeinde.name} ${s + 1}`, teamsId: `29:bench-user-${n}`, ags: gemeinde.ags };
      await app.roster.assign({ aadObjectId: user.aadObjectId, name: user.name, role: 'gemeinde', ags: user.ags, tenantId: TENANT }, coordinator);
      users.push(user);
    }
  }
  const rosterEntries = (await app.roster.entries()).length;
  const pages = new Map<string, number>();
  for (const list of await app.ctx.repo.readLists(YEAR)) paginate(list).forEach((page, n) => page.forEach((slice) => slice.persons.forEach((p) => pages.set(p.id, n))));
  await app.close();

  const random = seededRandom(YEAR);
  const staff = (ags: string) => users.filter((u) => u.ags === ags);
  const targets: Target[] = exp.persons
    .filter((p) => isBetween(p.assignmentDate, period.start, period.end))
    .map((p) => {
      const own = staff(p.ags);
      return { ags: p.ags, personId: p.id, user: own[Math.floor(random() * own.length)] };
    });
  // Fisher–Yates: the Gemeinden mixed, as clicks from many offices arrive.
  for (let i = targets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [targets[i], targets[j]] = [targets[j], targets[i]];
  }
  if (targets.length !== exp.expected.inside) throw new Error('bench data: persons in the period do not match the export');

  return {
    dir,
    gemeinden: verzeichnis.size,
    inside: targets.length,
    users,
    targets,
    pages,
    rosterEntries,
    copy() {
      const target = mkdtempSync(path.join(os.tmpdir(), 'intm-bench-http-run-'));
      cpSync(dir, target, { recursive: true });
      copies.push(target);
      return target;
    },
    cleanup() {
      for (const d of [dir, ...copies]) rmSync(d, { recursive: true, force: true });
    },
  };
}

const BOT = { id: '28:intm-bot', name: 'IntM-Bot' };
let activitySeq = 0;

/** A message in the user's personal chat, as Teams posts it (cf. test/bot/botHarness.ts). */
export function messageActivity(user: Pick<BenchUser, 'aadObjectId' | 'name' | 'teamsId'>, text: string, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `bench-${++activitySeq}`,
    text,
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    locale: 'de-DE',
    channelData: { tenant: { id: TENANT } },
  };
}

/** An Action.Execute click: invoke `adaptiveCard/action` with the verb and the button's data. */
export function invokeActivity(user: Pick<BenchUser, 'aadObjectId' | 'name' | 'teamsId'>, verb: string, data: unknown, serviceUrl: string): Record<string, unknown> {
  return {
    ...messageActivity(user, '', serviceUrl),
    type: 'invoke',
    text: undefined,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/**
 * A strike as the clerk clicks it on the form for a person as imported: the data of the form's button
 * (year, ags, page, person, version 0, the operation id the bot put there) and the reason chosen.
 */
export function strikeBody(data: Pick<BotData, 'pages'>, t: Target, serviceUrl: string, version = 0): Buffer {
  const button = listActionData({ year: YEAR, ags: t.ags, rev: version }, VERBS.strike, { page: data.pages.get(t.personId) ?? 0, personId: t.personId });
  return Buffer.from(JSON.stringify(invokeActivity(t.user, VERBS.strike, { ...button, reason: 'weggezogen' }, serviceUrl)));
}
