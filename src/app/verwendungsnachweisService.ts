/**
 * The Verwendungsnachweis round as an application service, shared by the command line and (later) the
 * bot: open it for a finished Berechnungsjahr, drafts and submissions of the Gemeinden, the
 * coordinator's questions and acceptance, the Landkreis' own figures, the status, the workbook.
 *
 * Storage: one named document `verwendungsnachweis` holding every year's round (named documents may
 * not contain digits, so the year is a key inside). It works on both stores and is copied by
 * `intm store copy` with the other named documents. It holds no personal data of refugees – figures
 * per Gemeinde and, in the audit trail, the names of the staff who changed them, like the decision
 * book – so `intm purge` of a year leaves it in place: it is the evidence the state pays against.
 */
import { createHash } from 'node:crypto';
import { Actor, gemeindenOf, isKoordination } from '../domain/actor';
import type { IsoDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { Decimal } from '../domain/money';
import {
  accept,
  checkNachweis,
  DEFAULT_KEY_FIGURES,
  enterLandkreisFigures,
  Finding,
  Nachweis,
  NachweisContext,
  NachweisInput,
  nachweisPlan,
  NachweisRound,
  NachweisStatusRow,
  NachweisTotals,
  openRound,
  readableNachweis,
  returnWithQuestion,
  RoundResult,
  roundStatus,
  saveDraft,
  setDeadline,
  submit,
  totalsOf,
} from '../domain/verwendungsnachweis';
import { checkNachweisFile, MAX_NACHWEIS_FILES, recordFileChange } from '../domain/nachweisFiles';
import { namedParams, withGemeindeNames } from './gemeindeNames';
import { editableNachweis } from '../domain/verwendungsnachweis';
import { landkreisColumns, landkreisRow, type LandkreisRow } from '../domain/landkreisFigures';
import type { MessageCode, MessageParams } from '../i18n/messages';
import type { AppContext, OperationOptions } from './context';
import { requireCampaign, resolveAgs } from './context';
import { nachweisRoundStatus, statedReclaim, type NachweisRoundStatus } from './nachweisStatus';
import { publishedFigures } from './officialFigures';
import type { NachweisFile } from './ports';

export const VN_DOCUMENT = 'verwendungsnachweis';

interface VnDocument {
  rounds: Record<string, NachweisRound>;
}

/** What a table of the Landkreis' figures did: stored all rows, or nothing and why (by row). */
export interface LandkreisImportReport {
  stored: boolean;
  /** How many Gemeinden' figures changed (0: the table held what was stored already). */
  gemeinden: number;
  /** The Gemeinden (names, sorted) of the table whose figures are still incomplete: stored, but in Bearbeitung, not accepted. */
  incomplete: string[];
  errors: { rowNumber: number; code: MessageCode; params: MessageParams }[];
}

/** A Nachweis as its reader sees it: with the rule findings and what it adds up to. */
export interface NachweisView {
  year: number;
  deadline: IsoDate;
  keyFigures: NachweisRound['keyFigures'];
  nachweis: Nachweis;
  findings: Finding[];
  totals: NachweisTotals;
  /** Whether the actor may change it now (its filing Gemeinde or the Koordinierungsstelle, not locked). */
  editable: boolean;
  /** The files attached to it, oldest first (absent where not read, e.g. in a bulk view). */
  attachments?: NachweisAttachment[];
}

/** A file attached to a Nachweis as a card lists it. */
export interface NachweisAttachment {
  sha256: string;
  name: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

/** What attaching a file did: stored, or found the same bytes attached already (`stored: false`). */
export interface AttachOutcome {
  stored: boolean;
  /** The Nachweis the file belongs to (for a Verbund: its lead's). */
  ags: string;
  file: NachweisFile;
  files: NachweisFile[];
}

export interface NachweisOutcome {
  changed: boolean;
  replayed: boolean;
  view: NachweisView;
}

function assertKoordination(actor: Actor): void {
  if (!isKoordination(actor)) throw new DomainError('auth.koordinationOnly');
}

export class VerwendungsnachweisService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * Opens the round for `year` (after the year is over): every Gemeinde that decided in its own
   * responsibility files a Nachweis, the Landkreis' figures cover the rest; the allocations are
   * prefilled from the published overview – refused before the first publication.
   */
  async open(year: number, settings: { deadline: IsoDate; keyFigures?: readonly string[] }, opts: OperationOptions): Promise<NachweisRound> {
    assertKoordination(opts.actor);
    const record = await requireCampaign(this.ctx, year);
    // The allocations received are the published ones (issue 15: „prefilled from the published overview“);
    // figures never published were never paid out as such.
    const figures = publishedFigures(record);
    if (!figures) throw new DomainError('vn.notPublished', { year });
    const book = await this.ctx.repo.readDecisions(year);
    const plan = nachweisPlan(book, this.allAgs(), figures.amounts, figures.campaign);
    return this.ctx.repo.updateDocument<VnDocument, NachweisRound>(VN_DOCUMENT, (current) => {
      const existing = current?.rounds[String(year)];
      if (existing && this.replayed(existing, opts)) return { result: existing };
      if (existing) throw new DomainError('vn.alreadyOpen', { year });
      const round = openRound(year, settings.deadline, plan, figures.amounts, settings.keyFigures ?? DEFAULT_KEY_FIGURES, { ...this.context(opts), today: this.ctx.clock.today() });
      if (opts.opId) round.events[0].opId = opts.opId;
      return { next: { rounds: { ...(current?.rounds ?? {}), [String(year)]: round } }, result: round };
    });
  }

  /** Moves the round's deadline (Koordinierungsstelle). */
  setDeadline(year: number, deadline: IsoDate, opts: OperationOptions): Promise<NachweisRound> {
    return this.ctx.repo.updateDocument<VnDocument, NachweisRound>(VN_DOCUMENT, (current) => {
      const round = current?.rounds[String(year)];
      if (!round) throw new DomainError('vn.notOpened', { year });
      if (this.replayed(round, opts)) return { result: round };
      const { round: next, entries } = setDeadline(round, deadline, { ...this.context(opts), today: this.ctx.clock.today() });
      if (entries.length === 0) return { result: round };
      if (opts.opId) for (const e of entries) e.opId = opts.opId;
      return { next: { rounds: { ...current!.rounds, [String(year)]: next } }, result: next };
    });
  }

  /**
   * The round of a year, or undefined before it is opened. No access check: it holds every Gemeinde's
   * Nachweis, so front ends use it for the Koordinierungsstelle's views and for counts only; a Gemeinde
   * reads through `show`.
   */
  async round(year: number): Promise<NachweisRound | undefined> {
    return (await this.ctx.repo.readDocument<VnDocument>(VN_DOCUMENT))?.rounds[String(year)];
  }

  /**
   * The latest round opened, of `upTo` or an earlier year (the round of a year runs while the next
   * years' lists are reviewed): what the status card, the digest and the questions show. Counts-only
   * front ends like `round`.
   */
  async latestRound(upTo?: number): Promise<NachweisRound | undefined> {
    const rounds = Object.values((await this.ctx.repo.readDocument<VnDocument>(VN_DOCUMENT))?.rounds ?? {});
    return rounds.filter((r) => upTo === undefined || r.year <= upTo).sort((a, b) => b.year - a.year)[0];
  }

  /** Where the latest round (see `latestRound`) stands: counts, names, the likely reclaim total; undefined before any round. */
  async roundStatus(upTo?: number): Promise<NachweisRoundStatus | undefined> {
    const round = await this.latestRound(upTo);
    return round && this.statusOf(round);
  }

  /** Where a round stands today, with the Gemeinden' names. */
  statusOf(round: NachweisRound): NachweisRoundStatus {
    return nachweisRoundStatus(round, (ags) => this.ctx.verzeichnis.byKey(ags)?.name ?? ags, this.ctx.clock.today());
  }

  /** A Gemeinde's Nachweis (for a Verbund partner: its lead's), readable by its own staff and the Koordinierungsstelle only. */
  async show(year: number, ags: string, actor: Actor): Promise<NachweisView> {
    const round = await this.requireRound(year);
    return this.withAttachments(this.view(round, this.named(readableNachweis, round, ags, actor).ags, actor));
  }

  /**
   * Attaches a file (a PDF, at most 10 MB, at most 20 per Nachweis) to the Nachweis filed under `ags`
   * (or, for a Verbund partner, refused: its lead files it), while it may be edited. The same bytes
   * twice are stored once. The bytes go into the store first, then the audit entry; if the entry is
   * refused (the Nachweis was submitted meanwhile), the bytes are removed again.
   */
  async attach(year: number, ags: string, upload: { name: string; bytes: Buffer }, opts: OperationOptions): Promise<AttachOutcome> {
    const filed = this.named(editableNachweis, await this.requireRound(year), ags, opts.actor).ags;
    const name = checkNachweisFile(upload.name, upload.bytes);
    const file: NachweisFile = {
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      name,
      size: upload.bytes.length,
      uploadedAt: this.ctx.clock.now(),
      uploadedBy: { id: opts.actor.id, name: opts.actor.name },
    };
    const added = await this.ctx.repo.addNachweisFile(year, filed, file, upload.bytes, MAX_NACHWEIS_FILES);
    if (added === 'full') throw new DomainError('vn.fileTooMany', { max: MAX_NACHWEIS_FILES });
    if (added === 'duplicate') {
      const files = await this.ctx.repo.nachweisFiles(year, filed);
      return { stored: false, ags: filed, file: files.find((f) => f.sha256 === file.sha256) ?? file, files };
    }
    try {
      await this.recordFile(year, filed, 'vn.fileAttach', file, opts);
    } catch (e) {
      await this.ctx.repo.removeNachweisFile(year, filed, file.sha256).catch(() => undefined);
      throw e;
    }
    return { stored: true, ags: filed, file, files: await this.ctx.repo.nachweisFiles(year, filed) };
  }

  /** The files of the Nachweis covering `ags`, for its own Gemeinden and the Koordinierungsstelle. */
  async files(year: number, ags: string, actor: Actor): Promise<{ ags: string; files: NachweisFile[] }> {
    const filed = this.named(readableNachweis, await this.requireRound(year), ags, actor).ags;
    return { ags: filed, files: await this.ctx.repo.nachweisFiles(year, filed) };
  }

  /** One attached file with its bytes (same readers as `files`). */
  async readFile(year: number, ags: string, sha256: string, actor: Actor): Promise<{ file: NachweisFile; bytes: Buffer }> {
    const { ags: filed, files } = await this.files(year, ags, actor);
    const file = files.find((f) => f.sha256 === sha256);
    const bytes = file && (await this.ctx.repo.readNachweisFile(year, filed, sha256));
    if (!file || !bytes) throw new DomainError('vn.fileNotFound');
    return { file, bytes };
  }

  /** Removes an attached file while the Nachweis may be edited (audited first: a refused removal removes nothing). */
  async removeFile(year: number, ags: string, sha256: string, opts: OperationOptions): Promise<NachweisFile[]> {
    const filed = this.named(editableNachweis, await this.requireRound(year), ags, opts.actor).ags;
    const file = (await this.ctx.repo.nachweisFiles(year, filed)).find((f) => f.sha256 === sha256);
    if (!file) throw new DomainError('vn.fileNotFound');
    await this.recordFile(year, filed, 'vn.fileRemove', file, opts);
    await this.ctx.repo.removeNachweisFile(year, filed, sha256);
    return this.ctx.repo.nachweisFiles(year, filed);
  }

  /**
   * The Nachweise the actor may attach files to now, newest year first: for a clerk those of her
   * Gemeinden that are open for editing (the bot takes a file sent in the personal chat for one of them).
   */
  async attachable(actor: Actor): Promise<{ year: number; ags: string }[]> {
    const rounds = Object.values((await this.ctx.repo.readDocument<VnDocument>(VN_DOCUMENT))?.rounds ?? {}).sort((a, b) => b.year - a.year);
    const found: { year: number; ags: string }[] = [];
    for (const round of rounds) {
      for (const ags of gemeindenOf(actor)) {
        try {
          found.push({ year: round.year, ags: editableNachweis(round, ags, actor).ags });
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
        }
      }
    }
    return found;
  }

  private recordFile(year: number, ags: string, action: 'vn.fileAttach' | 'vn.fileRemove', file: NachweisFile, opts: OperationOptions): Promise<void> {
    return this.ctx.repo.updateDocument<VnDocument, void>(VN_DOCUMENT, (current) => {
      const round = current?.rounds[String(year)];
      if (!round) throw new DomainError('vn.notOpened', { year });
      const { round: next, entries } = recordFileChange(round, ags, action, file, this.context(opts));
      if (opts.opId) for (const e of entries) e.opId = opts.opId;
      return { next: { rounds: { ...current!.rounds, [String(year)]: next } }, result: undefined };
    });
  }

  private async withAttachments(view: NachweisView): Promise<NachweisView> {
    const files = await this.ctx.repo.nachweisFiles(view.year, view.nachweis.ags);
    return { ...view, attachments: files.map((f) => ({ sha256: f.sha256, name: f.name, size: f.size, uploadedAt: f.uploadedAt, uploadedBy: f.uploadedBy.name })) };
  }

  save(year: number, ags: string, input: NachweisInput, opts: OperationOptions): Promise<NachweisOutcome> {
    return this.change(year, ags, opts, (round, c) => saveDraft(round, ags, input, c, opts.expectedRevision));
  }

  submit(year: number, ags: string, opts: OperationOptions): Promise<NachweisOutcome> {
    return this.change(year, ags, opts, (round, c) => submit(round, ags, c, opts.expectedRevision));
  }

  returnWithQuestion(year: number, ags: string, question: string, opts: OperationOptions): Promise<NachweisOutcome> {
    return this.change(year, ags, opts, (round, c) => returnWithQuestion(round, ags, question, c, opts.expectedRevision));
  }

  accept(year: number, ags: string, opts: OperationOptions): Promise<NachweisOutcome> {
    return this.change(year, ags, opts, (round, c) => accept(round, ags, c, opts.expectedRevision));
  }

  /** The Landkreis' own figures for a Gemeinde it served (a card's revision, if given, must still be current). */
  landkreis(year: number, ags: string, input: NachweisInput, opts: OperationOptions): Promise<NachweisOutcome> {
    return this.change(year, ags, opts, (round, c) => enterLandkreisFigures(round, ags, input, c, opts.expectedRevision));
  }

  /**
   * The Landkreis' own figures for the Gemeinden it served, from a table (xlsx/csv): every row is
   * checked first; one bad row stores nothing, and the report names each bad row.
   */
  async importLandkreis(year: number, bytes: Buffer, fileName: string, opts: OperationOptions): Promise<LandkreisImportReport> {
    assertKoordination(opts.actor);
    const seen = await this.requireRound(year);
    const rows: LandkreisRow[] = [];
    const errors: LandkreisImportReport['errors'] = [];
    const refused = (rowNumber: number, e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
      errors.push({ rowNumber, code: e.code, params: namedParams(e.params, this.nameOf) });
    };
    let columns: Map<number, string> | undefined;
    for await (const { rowNumber, cells } of this.ctx.tableReader.read(bytes, fileName)) {
      try {
        if (!columns) columns = landkreisColumns(cells, seen.keyFigures);
        else {
          const row = landkreisRow(rowNumber, cells, columns, (k) => resolveAgs(this.ctx, k));
          if (row && rows.some((r) => r.ags === row.ags)) throw new DomainError('vn.importTwice', { ags: row.ags });
          if (row) rows.push(row);
        }
      } catch (e) {
        refused(rowNumber, e);
      }
    }
    if (!columns || (rows.length === 0 && errors.length === 0)) errors.push({ rowNumber: 1, code: columns ? 'vn.importEmpty' : 'vn.importNoKey', params: {} });
    // Every row's rules on the round as it stands, so that the report names every bad row at once.
    this.applyRows(seen, rows, opts, refused);
    errors.sort((a, b) => a.rowNumber - b.rowNumber);
    if (errors.length) return { stored: false, gemeinden: 0, incomplete: [], errors };
    return this.ctx.repo.updateDocument<VnDocument, LandkreisImportReport>(VN_DOCUMENT, (current) => {
      const round = current?.rounds[String(year)];
      if (!round) throw new DomainError('vn.notOpened', { year });
      const { round: next, changed } = this.applyRows(round, rows, opts, refused);
      if (errors.length) return { result: { stored: false, gemeinden: 0, incomplete: [], errors } };
      // Complete figures are accepted at once (enterLandkreisFigures); the others are stored but must be named.
      const incomplete = rows
        .filter((r) => next.nachweise[r.ags]?.state !== 'angenommen')
        .map((r) => this.nameOf(r.ags))
        .sort((a, b) => a.localeCompare(b, 'de'));
      const result = { stored: true, gemeinden: changed, incomplete, errors };
      if (changed === 0) return { result };
      return { next: { rounds: { ...current!.rounds, [String(year)]: next } }, result };
    });
  }

  private applyRows(round: NachweisRound, rows: readonly LandkreisRow[], opts: OperationOptions, refused: (rowNumber: number, e: unknown) => void) {
    let changed = 0;
    for (const row of rows) {
      try {
        const result = enterLandkreisFigures(round, row.ags, row.input, this.context(opts));
        if (result.entries.length) changed++;
        round = result.round;
      } catch (e) {
        refused(row.rowNumber, e);
      }
    }
    return { round, changed };
  }

  /** How the round stands for every Gemeinde (Koordinierungsstelle only: it shows who is behind). */
  async status(year: number, actor: Actor): Promise<{ round: NachweisRound; rows: NachweisStatusRow[] }> {
    assertKoordination(actor);
    const round = await this.requireRound(year);
    return { round, rows: roundStatus(round, this.allAgs(), this.ctx.clock.today()) };
  }

  /** Writes the Gesamtverwendungsnachweis workbook (Koordinierungsstelle only). */
  async exportWorkbook(year: number, out: string, actor: Actor): Promise<NachweisRound> {
    assertKoordination(actor);
    const round = await this.requireRound(year);
    const gemeinden = this.ctx.verzeichnis.all.map((g) => ({ ags: g.ags, name: g.name }));
    await this.ctx.workbooks.verwendungsnachweis({ round, gemeinden, generatedAt: this.ctx.clock.now() }, out);
    return round;
  }

  /** The sum the Landkreis likely has to pay back over all Nachweise with their expenditure stated (exact). */
  static likelyReclaim(round: NachweisRound): Decimal {
    return Object.values(round.nachweise).reduce((s, n) => s.plus(statedReclaim(n) ?? 0), new Decimal(0));
  }

  private allAgs(): string[] {
    return this.ctx.verzeichnis.all.map((g) => g.ags);
  }

  private async requireRound(year: number): Promise<NachweisRound> {
    const round = await this.round(year);
    if (!round) throw new DomainError('vn.notOpened', { year });
    return round;
  }

  private view(round: NachweisRound, ags: string, actor: Actor): NachweisView {
    const nachweis = round.nachweise[ags];
    const locked = nachweis.state === 'eingereicht' || nachweis.state === 'angenommen';
    const own = actor.role === 'gemeinde' && actor.ags === nachweis.ags && nachweis.kind === 'eigen';
    return {
      year: round.year,
      deadline: round.deadline,
      keyFigures: round.keyFigures,
      nachweis,
      findings: checkNachweis(nachweis, round.keyFigures).map((f) => ({ ...f, params: namedParams(f.params, this.nameOf) })),
      totals: totalsOf(nachweis),
      // The Landkreis' own figures stay the Koordinierungsstelle's to correct; a Gemeinde's are locked once submitted.
      editable: nachweis.kind === 'landkreis' ? isKoordination(actor) : !locked && (isKoordination(actor) || own),
    };
  }

  private readonly nameOf = (ags: string) => this.ctx.verzeichnis.byKey(ags)?.name ?? ags;

  /** A domain rule whose refusal names Gemeinden by their names, not their AGS (see gemeindeNames.ts). */
  private named<A extends unknown[], R>(rule: (...args: A) => R, ...args: A): R {
    try {
      return rule(...args);
    } catch (e) {
      throw withGemeindeNames(e, this.nameOf);
    }
  }

  private replayed(round: NachweisRound, opts: OperationOptions): boolean {
    return !!opts.opId && round.events.some((e) => e.opId === opts.opId && e.actor.id === opts.actor.id);
  }

  private context(opts: OperationOptions): NachweisContext {
    return { actor: opts.actor, now: this.ctx.clock.now() };
  }

  private async change(year: number, ags: string, opts: OperationOptions, operation: (round: NachweisRound, c: NachweisContext) => RoundResult): Promise<NachweisOutcome> {
    const outcome = await this.ctx.repo.updateDocument<VnDocument, NachweisOutcome>(VN_DOCUMENT, (current) => {
      const round = current?.rounds[String(year)];
      if (!round) throw new DomainError('vn.notOpened', { year });
      const filed = round.nachweise[ags] ? ags : this.named(readableNachweis, round, ags, opts.actor).ags;
      if (this.replayed(round, opts)) return { result: { changed: false, replayed: true, view: this.view(round, filed, opts.actor) } };
      const { round: next, entries } = this.named(operation, round, this.context(opts));
      if (entries.length === 0) return { result: { changed: false, replayed: false, view: this.view(round, filed, opts.actor) } };
      if (opts.opId) for (const e of entries) e.opId = opts.opId;
      return { next: { rounds: { ...current!.rounds, [String(year)]: next } }, result: { changed: true, replayed: false, view: this.view(next, filed, opts.actor) } };
    });
    return { ...outcome, view: await this.withAttachments(outcome.view) };
  }
}
