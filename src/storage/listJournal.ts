/**
 * The lists of one year's import (a generation) as an append-only journal with snapshots, so that a
 * click stores one small record and rewrites nothing else:
 *
 *   lists-<gen>/<ags>.json            snapshot of one list (lowdb document): its state up to `seq`,
 *                                     and `history` (the import's entry; a migrated list's older log)
 *   lists-<gen>/checkpoint.json       every snapshot holds every record up to `seq`; appends go to `segment`
 *   lists-<gen>/journal-<n>.jsonl     segments of the journal, n = the first record's seq: one JSON
 *                                     record per line, {seq, change} – a ListChange (domain/list.ts)
 *
 * Writing (`submit`): changes are queued and committed in batches (group commit). A batch holds the
 * year's lock file (so `intm` beside the bot takes turns with it), catches up with what another
 * process appended, decides every queued change on the lists as they stand (in arrival order, each
 * seeing the ones before it), appends all records with one synchronous write (O_DSYNC: it returns once
 * the records are on disk, as write + fdatasync would, in one system call), and only then makes
 * them visible and answers: nothing is acknowledged before its record is on disk.
 *
 * Reading: the lists are kept in memory (frozen; a change makes new objects for the list and the one
 * person it changed). Each read checks the active segment's size (one fstat) and applies what another
 * process appended since. A writer that died mid-write leaves at most an incomplete last line: readers
 * ignore it, the next writer (holding the lock) cuts it off.
 *
 * Compaction: after COMPACT_AFTER records, once no click has come for a moment (or at the latest after
 * four times as many), the writer writes the snapshots of the lists changed since, starts a new segment,
 * appends a seal to the old one that names it (so every reader follows without reloading) and moves the
 * checkpoint – in a quiet moment, so that no click waits for it. Old segments are never rewritten or
 * deleted: they are the audit trail. A cold start reads the checkpoint, the snapshots and the active
 * segment only – bounded however long the history.
 *
 * Operation ids: an index of (actor, operation id) of the records of the current and the previous
 * segment (also after a restart) answers "already applied?" in constant time. An id older than that is forgotten; a repeat
 * then meets the rules' own idempotence and per-person versions (already struck, changed since), which
 * never apply a change twice.
 */
import { constants as fsConstants, existsSync, promises as fs, fstatSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ListChangeOutcome as ChangeOutcome, ListDecision as Decision, OperationKey } from '../app/ports';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { applyListChange, personById, type GemeindeListe, type ListChange } from '../domain/list';
import { deepFreeze } from './documentCache';
import { fsyncDirectory } from './durableJsonFile';

/** A segment is sealed and the snapshots rewritten after this many records, in the next quiet moment… */
export const COMPACT_AFTER = 1_000;
/** …which is a time without clicks this long (0: right after the batch that reached the limit)… */
export const QUIET_MS = 250;
/** …or, under a load that never lets up, after this many times as many records anyway (a start reads at most these). */
const AT_THE_LATEST = 4;

export const CHECKPOINT_FILE = 'checkpoint.json';

/** A batch's answers wait for the next batch's write to get under way (commitLoop) at most this long… */
const ANSWER_WITHIN_MS = 5;
/** …and so for at most this many batches in a row. */
const PIPELINED_IN_A_ROW = 8;

/** Where the system has O_DSYNC (Linux, the BSDs), a write returns once it is on disk; elsewhere each append is followed by fdatasync. */
const DSYNC = fsConstants.O_DSYNC ?? 0;
/** Read and append, created if missing, every write synchronous to the disk (its data and the size). */
const APPEND_DURABLY = fsConstants.O_RDWR | fsConstants.O_APPEND | fsConstants.O_CREAT | DSYNC;
const SEGMENT_FILE = /^journal-(\d+)\.jsonl$/;

export function segmentName(firstSeq: number): string {
  return `journal-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

export interface Checkpoint {
  seq: number;
  segment: string;
}

/** What the journal needs from its repository: the snapshot documents (lowdb), the lock, the directory. */
export interface JournalHost {
  dir: string;
  /** Display name of a file for messages (relative to the data directory). */
  display(name: string): string;
  readSnapshot(name: string): Promise<Snapshot | undefined>;
  writeSnapshot(name: string, snapshot: Snapshot): Promise<void>;
  readCheckpoint(): Promise<Checkpoint | undefined>;
  writeCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /**
   * Read once per batch under the lock and handed to every `decide` (the campaign record); throws when
   * this journal's lists are no longer the year's (an import replaced them meanwhile).
   */
  batchContext(): Promise<unknown>;
}

/** A list's snapshot document: its state, the journal position it includes, and its older log. */
export type Snapshot = GemeindeListe & { seq: number; history: AuditEntry[] };

/** One line of the journal. */
type JournalLine = { seq: number; change: ListChange } | { seal: string; seq: number };

/** What the journals of this process have written: for the benchmarks' report (records per write = group commit). */
export const journalStats = { batches: 0, records: 0, compactions: 0, compactionMs: 0, compactionFailures: 0 };

/** The journal was let go of (its lists replaced or removed): the caller decides again on the year's current lists. */
export class JournalClosed extends Error {}

function keyOf(op: OperationKey): string {
  return `${op.actorId}\u0000${op.opId}`;
}

function entryKey(entry: AuditEntry): string | undefined {
  return entry.opId ? `${entry.actor.id}\u0000${entry.opId}` : undefined;
}

/** What the operation-id index keeps of an entry: which change it was, not its before/after (thousands are kept). */
function slim(entry: AuditEntry): AuditEntry {
  const { before: _before, after: _after, reason: _reason, ...kept } = entry;
  return Object.freeze(kept);
}

interface Request {
  ags: string;
  op?: OperationKey;
  decide(current: GemeindeListe, context: unknown): Decision<unknown>;
  resolve(outcome: ChangeOutcome<unknown>): void;
  reject(error: unknown): void;
}

/** Freezes a list as it is read: everything in it. */
function freezeList(list: GemeindeListe): GemeindeListe {
  return deepFreeze(list);
}

/** Freezes a list a change produced: its new parts only (the persons it did not change are frozen already). */
function freezeChanged(list: GemeindeListe, change: ListChange): GemeindeListe {
  // The array first: frozen, it is looked up by the index applyListChange handed on, not searched through.
  Object.freeze(list.persons);
  if (change.person) deepFreeze(personById(list, change.person.id));
  for (const value of Object.values(change.fields ?? {})) deepFreeze(value);
  Object.freeze(list.changeCounts);
  return Object.freeze(list);
}

export class ListJournal {
  private lists = new Map<string, GemeindeListe>();
  /** The journal position each snapshot includes: on a cold load, records at or below it are already in it. */
  private snapshotSeq = new Map<string, number>();
  /** The last record applied. */
  private seq = 0;
  private segment = '';
  /** Bytes of the active segment applied: always the end of a complete line. */
  private offset = 0;
  private recordsInSegment = 0;
  private handle?: fs.FileHandle;
  private writable = false;
  /** Lists changed since the checkpoint: compaction writes their snapshots. */
  private dirty = new Set<string>();
  private ops = new Map<string, AuditEntry>();
  private previousOps = new Map<string, AuditEntry>();
  private queue: Request[] = [];
  /** The commit loop (or a compaction) while it runs: close waits for it, a submit during a compaction is queued for after it. */
  private committing?: Promise<void>;
  private quietTimer?: NodeJS.Timeout;
  /** The segment's size when it was last read: bytes beyond `offset` that are not a complete line yet (a writer at work, or a dead one's remains) are read again only once the size changes. */
  private seenSize = 0;
  /** A batch of this process is under way: what the segment holds beyond `offset` is its own. */
  private writing = false;
  private loaded = false;
  private closed = false;
  /** Everything that changes the state above runs one at a time through here. */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: JournalHost,
    /** Runs `fn` holding the year's lock (in this process and across processes). */
    private readonly withLock: <T>(fn: () => Promise<T>) => Promise<T>,
    private readonly compactAfter = COMPACT_AFTER,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Every list as it stands (in AGS order), after applying what other processes appended. */
  async all(): Promise<GemeindeListe[]> {
    await this.fresh();
    return [...this.lists.keys()].sort().map((ags) => this.lists.get(ags)!);
  }

  async get(ags: string): Promise<GemeindeListe | undefined> {
    await this.fresh();
    return this.lists.get(ags);
  }

  /**
   * Decides and stores one change (see the file's comment). `decide` runs inside the batch, on the list
   * as it stands; what it throws rejects this change only. A change whose operation key was applied
   * before is not decided again: the outcome says so, with the entry of the first time.
   */
  submit<R, C>(ags: string, op: OperationKey | undefined, decide: (current: GemeindeListe, context: C) => Decision<R>): Promise<ChangeOutcome<R>> {
    if (this.closed) return Promise.reject(new JournalClosed());
    return new Promise<ChangeOutcome<R>>((resolve, reject) => {
      this.queue.push({ ags, ...(op ? { op } : {}), decide: decide as Request['decide'], resolve: resolve as Request['resolve'], reject });
      if (!this.committing) void this.commitLoop();
    });
  }

  /**
   * Lets go at once, without waiting for queued changes (they wait for the lock the caller holds while
   * it replaces these lists): they find out in their batch (batchContext) and are decided again.
   */
  detach(): Promise<void> {
    this.closed = true;
    clearTimeout(this.quietTimer);
    // Resolves once the segment is closed (a caller holding the year's lock must not wait for it).
    return this.exclusive(async () => {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
    });
  }

  /** Waits for queued changes, then lets go of the open segment. */
  async close(): Promise<void> {
    clearTimeout(this.quietTimer);
    while (this.committing) await this.committing;
    this.closed = true;
    await this.exclusive(async () => {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
    });
  }

  /** Every record's audit entry of this generation, oldest first (the snapshots' history first). */
  static async history(host: JournalHost, agsList: readonly string[], only?: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (const ags of agsList) {
      if (only && ags !== only) continue;
      const snapshot = await host.readSnapshot(`${ags}.json`);
      if (snapshot) entries.push(...snapshot.history);
    }
    const names = (await fs.readdir(host.dir)).filter((n) => SEGMENT_FILE.test(n)).sort();
    for (const name of names) {
      for (const line of completeLines(await fs.readFile(path.join(host.dir, name))).lines) {
        const parsed = parseLine(line, host.display(name));
        if ('change' in parsed && (!only || parsed.change.entry.ags === only)) entries.push(parsed.change.entry);
      }
    }
    return entries;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.serial.then(fn, fn);
    this.serial = run.catch(() => undefined);
    return run;
  }

  // ---------------------------------------------------------------- reading

  /** Loads on first use; afterwards applies what another process appended (one fstat when nothing did). */
  private async fresh(): Promise<void> {
    if (this.loaded && (this.writing || this.unchangedOnDisk())) return;
    await this.exclusive(() => (this.loaded ? this.catchUp() : this.load()));
  }

  private unchangedOnDisk(): boolean {
    if (!this.handle) return !existsSync(path.join(this.host.dir, this.segment));
    try {
      return fstatSync(this.handle.fd).size === this.seenSize;
    } catch {
      return false;
    }
  }

  /**
   * A cold load: the checkpoint, every snapshot, then the records after the checkpoint. Read in that
   * order without the lock: a compaction meanwhile writes snapshots before it seals the old segment
   * (naming the next) and moves the checkpoint, so what is read here is a state the lists had.
   */
  private async load(): Promise<void> {
    const checkpoint = (await this.host.readCheckpoint()) ?? { seq: 0, segment: segmentName(1) };
    this.lists = new Map();
    this.snapshotSeq = new Map();
    for (const name of (await fs.readdir(this.host.dir)).sort()) {
      if (!name.endsWith('.json') || name === CHECKPOINT_FILE || name.startsWith('.')) continue;
      const snapshot = await this.host.readSnapshot(name);
      if (!snapshot) continue;
      const { seq: at, history: _history, ...list } = snapshot;
      this.lists.set(list.ags, freezeList(list));
      this.snapshotSeq.set(list.ags, at);
    }
    this.seq = checkpoint.seq;
    this.dirty = new Set();
    this.ops = new Map();
    this.previousOps = new Map();
    await this.openSegment(checkpoint.segment);
    await this.catchUp();
    // The operation ids of the segment before the one being written, too: a retry may come after a compaction.
    if (!this.previousOps.size) await this.indexPreviousSegment();
    this.loaded = true;
  }

  private async indexPreviousSegment(): Promise<void> {
    const before = (await fs.readdir(this.host.dir)).filter((n) => SEGMENT_FILE.test(n) && n < this.segment).sort();
    const previous = before.at(-1);
    if (!previous) return;
    for (const line of completeLines(await fs.readFile(path.join(this.host.dir, previous))).lines) {
      const parsed = parseLine(line, this.host.display(previous));
      const key = 'change' in parsed ? entryKey(parsed.change.entry) : undefined;
      if (key) this.previousOps.set(key, slim((parsed as { change: ListChange }).change.entry));
    }
  }

  private async openSegment(name: string): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    this.writable = false;
    this.segment = name;
    this.offset = 0;
    this.seenSize = 0;
    this.recordsInSegment = 0;
  }

  /** Applies the complete records appended after `offset`, following seals into the next segment. */
  private async catchUp(): Promise<void> {
    for (;;) {
      if (!this.handle) {
        try {
          this.handle = await fs.open(path.join(this.host.dir, this.segment), 'r');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw e;
        }
      }
      // fstat in this thread: a few microseconds, against a round trip through the thread pool.
      const { size } = fstatSync(this.handle.fd);
      this.seenSize = size;
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, this.offset);
      const { lines, consumed } = completeLines(buffer.subarray(0, bytesRead));
      let sealedInto: string | undefined;
      for (const line of lines) {
        const parsed = parseLine(line, this.host.display(this.segment));
        if ('seal' in parsed) {
          sealedInto = parsed.seal;
          break;
        }
        this.applyRecord(parsed.seq, parsed.change);
      }
      if (!sealedInto) {
        this.offset += consumed;
        return;
      }
      // The writer that sealed the segment had written every changed list's snapshot first.
      this.afterSeal();
      await this.openSegment(sealedInto);
    }
  }

  /** A record from the journal: the next in sequence, applied unless its list's snapshot holds it already. */
  private applyRecord(seq: number, change: ListChange): void {
    const { ags } = change.entry;
    const list = this.lists.get(ags);
    if (seq !== this.seq + 1 || !list) throw new DomainError('storage.corrupt', { file: this.host.display(this.segment) });
    this.seq = seq;
    this.recordsInSegment++;
    const key = entryKey(change.entry);
    if (key) this.ops.set(key, slim(change.entry));
    if (seq <= (this.snapshotSeq.get(ags) ?? 0)) return;
    let next: GemeindeListe;
    try {
      next = applyListChange(list, change);
    } catch {
      throw new DomainError('storage.corrupt', { file: this.host.display(this.segment) });
    }
    this.lists.set(ags, freezeChanged(next, change));
    this.dirty.add(ags);
  }

  private afterSeal(): void {
    for (const ags of this.dirty) this.snapshotSeq.set(ags, this.seq);
    this.dirty.clear();
    this.previousOps = this.ops;
    this.ops = new Map();
  }

  // ---------------------------------------------------------------- writing

  /**
   * Batch after batch while changes are queued. The answers of a batch (its records are on disk) are
   * given once the next batch's write is under way, when changes wait for one: the disk then writes the
   * next batch while this thread builds the cards for the last one, instead of each waiting for the other.
   */
  private commitLoop(): Promise<void> {
    this.committing = (async () => {
      let unanswered: (() => void) | undefined;
      let deadline: NodeJS.Timeout | undefined;
      let inARow = 0;
      const answer = () => {
        clearTimeout(deadline);
        const give = unanswered;
        unanswered = undefined;
        give?.();
      };
      try {
        while (this.queue.length) {
          const batch = this.queue.splice(0);
          let compact = false;
          try {
            const done = await this.withLock(() => this.exclusive(() => this.commitBatch(batch, answer)));
            answer();
            unanswered = done.answer;
            compact = done.compact;
          } catch (e) {
            answer();
            for (const r of batch) r.reject(e);
          }
          // Nothing waits to be written, or a compaction comes: answered now (the clicks are on disk whatever compaction does).
          // So also after a few batches in a row: the lock is then let go of for a moment, as after every batch
          // before, so that `intm` beside the bot finds it free under a load that never lets up.
          if (!this.queue.length || compact || ++inARow >= PIPELINED_IN_A_ROW) {
            answer();
            // The lock stays free while the answers are built (another process waiting for it may take it).
            if (inARow >= PIPELINED_IN_A_ROW && this.queue.length) await new Promise((resolve) => setImmediate(resolve));
            inARow = 0;
          }
          // Never held longer than a moment (the next batch may wait for the lock, e.g. for `intm` beside the bot).
          else deadline = setTimeout(answer, ANSWER_WITHIN_MS);
          // A failed compaction is tried again after the next batch.
          if (compact) await this.compactLocked();
        }
      } finally {
        answer();
        this.committing = undefined;
      }
    })();
    return this.committing;
  }

  /**
   * One batch under the lock; says how to answer its requests (once the lock is released) and whether to
   * compact. `writing` is called once its records are being written (the last batch's answers go then).
   */
  private async commitBatch(batch: Request[], writing: () => void): Promise<{ answer: () => void; compact: boolean }> {
    const context = await this.host.batchContext();
    if (!this.loaded) await this.load();
    // Also after a cold load: an incomplete last line is a dead writer's, cut off before anything is appended behind it.
    await this.catchUpUnderLock();
    this.writing = true;
    try {
      const staged = new Map<string, GemeindeListe>();
      const stagedOps = new Map<string, AuditEntry>();
      const lines: string[] = [];
      const answers: (() => void)[] = [];
      let seq = this.seq;
      for (const r of batch) {
        try {
          const list = staged.get(r.ags) ?? this.lists.get(r.ags);
          if (!list) throw new DomainError('list.notFound', { ags: r.ags });
          const key = r.op && keyOf(r.op);
          const earlier = key ? (stagedOps.get(key) ?? this.ops.get(key) ?? this.previousOps.get(key)) : undefined;
          if (earlier) {
            answers.push(() => r.resolve({ replayed: true, list, entry: earlier }));
            continue;
          }
          const { change, result } = r.decide(list, context);
          if (!change) {
            answers.push(() => r.resolve({ replayed: false, list, result }));
            continue;
          }
          if (change.entry.ags !== r.ags) throw new Error(`a change of ${change.entry.ags} filed under ${r.ags}`);
          const next = freezeChanged(applyListChange(list, change), change);
          staged.set(r.ags, next);
          seq += 1;
          if (key) stagedOps.set(key, change.entry);
          lines.push(JSON.stringify({ seq, change }) + '\n');
          answers.push(() => r.resolve({ replayed: false, list: next, result }));
        } catch (e) {
          answers.push(() => r.reject(e));
        }
      }
      if (lines.length) {
        await this.append(lines.join(''), writing);
        journalStats.batches += 1;
        journalStats.records += lines.length;
        for (const [ags, list] of staged) {
          this.lists.set(ags, list);
          this.dirty.add(ags);
        }
        for (const [key, entry] of stagedOps) this.ops.set(key, slim(entry));
        this.seq = seq;
        this.recordsInSegment += lines.length;
      }
      const due = this.recordsInSegment >= this.compactAfter;
      const now = due && (this.quietMs === 0 || this.recordsInSegment >= AT_THE_LATEST * this.compactAfter);
      if (due && !now) this.compactWhenQuiet();
      return { answer: () => answers.forEach((answer) => answer()), compact: now };
    } finally {
      this.writing = false;
    }
  }

  /** Under the lock: what others appended is applied; an incomplete last line is a dead writer's and cut off. */
  private async catchUpUnderLock(): Promise<void> {
    await this.catchUp();
    if (!this.handle) return;
    // catchUp has just taken the size (seenSize): under the lock nobody else appends, no second fstat needed.
    if (this.seenSize > this.offset) {
      const handle = await this.writableHandle();
      this.seenSize = this.offset;
      await handle.truncate(this.offset);
      await handle.datasync();
    }
  }

  private async writableHandle(): Promise<fs.FileHandle> {
    if (this.handle && this.writable) return this.handle;
    const file = path.join(this.host.dir, this.segment);
    const created = !existsSync(file);
    const handle = await fs.open(file, APPEND_DURABLY, 0o600);
    // A new segment's directory entry must survive a crash like its records.
    if (created) await fsyncDirectory(this.host.dir);
    await this.handle?.close().catch(() => undefined);
    this.handle = handle;
    this.writable = true;
    return handle;
  }

  /**
   * Appends and fdatasyncs. After a failed write the file's content is uncertain: the state is loaded
   * again from the disk before its next use, and the caller learns that the change failed (its
   * operation id makes a retry safe either way).
   */
  private async append(text: string, writing?: () => void): Promise<void> {
    const handle = await this.writableHandle();
    const bytes = Buffer.from(text, 'utf8');
    try {
      // O_DSYNC: on disk when the write returns. A short write does not happen for regular files, but is no success either.
      const written = handle.write(bytes, 0, bytes.length);
      writing?.();
      const { bytesWritten } = await written;
      if (bytesWritten !== bytes.length) throw new Error(`journal: ${bytesWritten} of ${bytes.length} bytes written`);
      if (!DSYNC) await handle.datasync();
      this.offset += bytes.length;
      this.seenSize = this.offset;
    } catch (e) {
      // What the failed write left (part of it, or all of it unsynced) is taken back: its callers are told
      // it failed, so it must not be read as stored. If even that fails, the state is read again from the disk.
      try {
        await handle.truncate(this.offset);
        await handle.datasync();
      } catch {
        this.loaded = false;
      }
      throw e;
    }
  }

  /** Compacts once no click has come for QUIET_MS (each batch puts it off again). */
  private compactWhenQuiet(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (this.closed) return;
      if (this.committing) return this.compactWhenQuiet();
      this.committing = this.compactLocked().finally(() => {
        this.committing = undefined;
        // Clicks that came during the compaction waited in the queue.
        if (this.queue.length) void this.commitLoop();
      });
    }, this.quietMs);
    // A pending compaction does not keep a process (intm) alive: it is done by whoever writes next.
    this.quietTimer.unref();
  }

  private async compactLocked(): Promise<void> {
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    await this.withLock(() =>
      this.exclusive(async () => {
        // Another process may have compacted meanwhile (this one then followed its seal).
        await this.catchUp();
        if (this.recordsInSegment >= this.compactAfter) await this.compact();
      }),
    ).catch(() => (journalStats.compactionFailures += 1));
  }

  /** Writes the changed lists' snapshots, seals the segment naming the next one, moves the checkpoint. */
  private async compact(): Promise<void> {
    journalStats.compactions += 1;
    const started = performance.now();
    try {
      await this.compactNow();
    } finally {
      journalStats.compactionMs += performance.now() - started;
    }
  }

  private async compactNow(): Promise<void> {
    const seq = this.seq;
    const changed = [...this.dirty];
    for (let i = 0; i < changed.length; i += 8) {
      await Promise.all(
        changed.slice(i, i + 8).map(async (ags) => {
          const name = `${ags}.json`;
          const before = await this.host.readSnapshot(name);
          await this.host.writeSnapshot(name, { ...this.lists.get(ags)!, seq, history: before?.history ?? [] });
        }),
      );
    }
    const next = segmentName(seq + 1);
    await (await fs.open(path.join(this.host.dir, next), 'a', 0o600)).close();
    await fsyncDirectory(this.host.dir);
    this.writing = true;
    try {
      await this.append(JSON.stringify({ seal: next, seq }) + '\n');
    } finally {
      this.writing = false;
    }
    // Sealed: from here on this process writes the next segment, as every reader will read it.
    this.afterSeal();
    await this.openSegment(next);
    // The checkpoint only shortens a cold start (readers follow the seal): one that cannot be written now is written by the next compaction.
    await this.host.writeCheckpoint({ seq, segment: next }).catch(() => (journalStats.compactionFailures += 1));
  }
}

/** The complete lines of `bytes` (those ending in a newline, without it) and how many bytes they take. */
function completeLines(bytes: Buffer): { lines: string[]; consumed: number } {
  const end = bytes.lastIndexOf(0x0a);
  if (end < 0) return { lines: [], consumed: 0 };
  return { lines: bytes.subarray(0, end).toString('utf8').split('\n'), consumed: end + 1 };
}

function parseLine(line: string, file: string): JournalLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new DomainError('storage.corrupt', { file });
  }
  const p = parsed as Partial<{ seq: number; change: ListChange; seal: string }>;
  if (typeof p?.seq !== 'number') throw new DomainError('storage.corrupt', { file });
  if (typeof p.seal === 'string' && SEGMENT_FILE.test(p.seal)) return { seal: p.seal, seq: p.seq };
  if (!p.change?.entry || typeof p.change.entry.ags !== 'string' || typeof p.change.entry.revision !== 'number') throw new DomainError('storage.corrupt', { file });
  return { seq: p.seq, change: p.change };
}
