/**
 * What the application services need from the outside world. Storage, spreadsheets and the clock
 * are adapters behind these interfaces, so a server database or another file format can replace
 * them without touching the rules.
 */
import type { AuditEntry } from '../domain/audit';
import type { Campaign } from '../domain/campaign';
import type { IsoDate } from '../domain/dates';
import type { DecisionBook } from '../domain/decision';
import type { Cell } from '../domain/importRows';
import type { GemeindeListe, ListChange, Stamp } from '../domain/list';
import type { OverviewReport, PublishedOverview } from './overview';

/** The campaign as stored: its settings, which import is current, and district-wide audit entries. */
export interface CampaignRecord {
  campaign: Campaign;
  revision: number;
  /** The imported step-1 lists in use (each import writes a new generation and switches to it). */
  generation?: string;
  imported?: Stamp & { fileName: string; persons: number; leftOut: number; gemeinden: number };
  /** Step 6: the figures as published, kept when personal data is deleted. */
  published?: PublishedOverview;
  /** The year's personal data was deleted; what remains are the aggregated figures. */
  purged?: {
    at: string;
    by: { id: string; name: string };
    /** The overview at the time of deletion (counts and money per Gemeinde, no persons). */
    figures?: OverviewReport;
    /** How many changes of each kind each Gemeinde's list had (the audit trail's shape, without its content). */
    changes: Record<string, Record<string, number>>;
  };
  events: AuditEntry[];
}

/** What a change function returns: the document to store (none: nothing changed) and the caller's result. */
export interface Mutation<T, R> {
  next?: T;
  result: R;
}

/** Who made a change and the id they gave it: a change whose key was applied before is not applied again. */
export interface OperationKey {
  actorId: string;
  opId: string;
}

/** What a change of a list decides: the change to store (none: nothing changed) and the caller's result. */
export interface ListDecision<R> {
  change?: ListChange;
  result: R;
}

/** How a list change ended: decided now (the list as stored afterwards), or applied before under the same key. */
export type ListChangeOutcome<R> =
  | { replayed: false; list: GemeindeListe; result: R }
  | { replayed: true; list: GemeindeListe; entry: AuditEntry };

/** A file (a PDF) attached to a Gemeinde's Verwendungsnachweis, without its bytes; its sha256 names it. */
export interface NachweisFile {
  /** Hex SHA-256 of the bytes: the file's id within its Nachweis (the same bytes are kept once). */
  sha256: string;
  name: string;
  size: number;
  uploadedAt: string;
  uploadedBy: { id: string; name: string };
}

/** How storing a Nachweis' file ended: stored, already there (same sha256), or refused because `maxFiles` are there. */
export type NachweisFileAdded = 'added' | 'duplicate' | 'full';

export interface Repository {
  years(): Promise<number[]>;
  readCampaign(year: number): Promise<CampaignRecord | undefined>;
  /** Reads the record fresh under a lock, applies `change` and stores the result durably before resolving. */
  updateCampaign<R>(year: number, change: (current: CampaignRecord | undefined) => Mutation<CampaignRecord, R>): Promise<R>;
  readList(year: number, ags: string): Promise<GemeindeListe | undefined>;
  readLists(year: number): Promise<GemeindeListe[]>;
  /**
   * One change of one Gemeinde's list – a click: `decide` gets the list and the campaign record as they
   * stand and returns the change (a small record: one person, a few list fields, the audit entry).
   * Stored durably before the promise resolves; nothing else is rewritten. With `op`, a change applied
   * before under the same key is not decided again (found in constant time). An SQL store implements
   * this as one transaction (the list's row locked, the op key unique, one event row, one person row).
   */
  changeList<R>(
    year: number,
    ags: string,
    op: OperationKey | undefined,
    decide: (current: GemeindeListe, record: CampaignRecord) => ListDecision<R>,
  ): Promise<ListChangeOutcome<R>>;
  /** The change log of the year's lists (of one Gemeinde with `ags`): every audit entry, oldest first. */
  readListHistory(year: number, ags?: string): Promise<AuditEntry[]>;
  /**
   * Changes the campaign record from the lists as they are, holding every list's lock meanwhile: no
   * click lands between reading the lists and writing the record (a publication of their figures).
   */
  updateCampaignWithLists<R>(year: number, change: (current: CampaignRecord, lists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R>;
  /**
   * Replaces all lists of a year at once (an import): the new lists are written first, then the
   * campaign record switches to them in one atomic step; a crash leaves either the old or the new set.
   * `history` holds the new lists' first audit entries (the import's), filed by their `ags`. `change`
   * sees the current lists first and may still set the new lists' revisions from theirs; the new lists
   * and `history` are written after it returns.
   */
  replaceLists<R>(
    year: number,
    lists: GemeindeListe[],
    change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>,
    history?: readonly AuditEntry[],
  ): Promise<R>;
  /**
   * Deletes every list of a year (personal data) after `change` has recorded what is kept in the
   * campaign record; the record is written first, so a crash leaves at most files that are removed
   * on the next start.
   */
  purgeLists<R>(year: number, change: (current: CampaignRecord, currentLists: GemeindeListe[]) => Mutation<CampaignRecord, R>): Promise<R>;
  readDecisions(year: number): Promise<DecisionBook>;
  updateDecisions<R>(year: number, change: (current: DecisionBook, record: CampaignRecord) => Mutation<DecisionBook, R>): Promise<R>;
  /**
   * Small named documents outside any year (who has which role, the bot's conversation references):
   * `name` is a lower-case word such as `roster`.
   */
  readDocument<T>(name: string): Promise<T | undefined>;
  updateDocument<T, R>(name: string, change: (current: T | undefined) => Mutation<T, R>): Promise<R>;
  /** The names of the stored named documents, sorted (to copy a whole store). */
  documentNames(): Promise<string[]>;
  /**
   * The files attached to the Verwendungsnachweis filed under `ags` for `year` (a year with a campaign
   * record, else campaign.notFound). `addNachweisFile` stores bytes and metadata durably and atomically
   * (a reader sees both or neither), unless a file with the same sha256 is there or `maxFiles` are.
   * Listed oldest first. The files are kept when the year's personal data is purged (purgeLists).
   */
  addNachweisFile(year: number, ags: string, file: NachweisFile, bytes: Buffer, maxFiles: number): Promise<NachweisFileAdded>;
  nachweisFiles(year: number, ags: string): Promise<NachweisFile[]>;
  readNachweisFile(year: number, ags: string, sha256: string): Promise<Buffer | undefined>;
  /** Removes a file; false when it was not there. */
  removeNachweisFile(year: number, ags: string, sha256: string): Promise<boolean>;
  /** Every Nachweis holding files, by year and AGS, sorted (to copy a whole store). */
  nachweisFileOwners(): Promise<{ year: number; ags: string }[]>;
  /** Waits for writes in flight; the repository can be dropped afterwards. */
  close(): Promise<void>;
}

export interface Clock {
  /** ISO timestamp. */
  now(): string;
  /** Today's date in the Landkreis (Europe/Berlin). */
  today(): IsoDate;
}

/** Reads a spreadsheet file into rows of cells; refuses what is not a spreadsheet (DomainError). */
export interface TableReader {
  read(bytes: Buffer, fileName: string): AsyncIterable<{ rowNumber: number; cells: Cell[] }>;
}

/** A named role held by one instance at a time (running the scheduled jobs); see InstanceCoordination. */
export interface Lease {
  /** True once the lease could not be kept (the database connection holding it broke): stop the work soon. */
  readonly lost: boolean;
  release(): Promise<void>;
}

/**
 * What instances sharing one store agree on beyond single documents: who runs the scheduled jobs,
 * which work runs one at a time across instances, and how fast a conversation may be written to.
 * The embedded store serves one process; PostgreSQL serves several (advisory locks, a table of sends).
 */
export interface InstanceCoordination {
  /** Takes the lease when no instance holds it; undefined when another one does (no waiting). */
  tryLease(name: string): Promise<Lease | undefined>;
  /** Runs `work` while no other instance runs work under the same name (waits for its turn). */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Reserves one request to the conversation `key` when every window of `limits` allows it now,
   * counting the requests of every instance: resolves 0 (reserved) or the milliseconds to wait first.
   * Absent where one process is all there is (its sender counts alone).
   */
  reserveSend?(key: string, limits: readonly RateLimit[], marginMs: number): Promise<number>;
}

/** At most `max` requests in any `windowMs` (a sliding window). */
export interface RateLimit {
  windowMs: number;
  max: number;
}
