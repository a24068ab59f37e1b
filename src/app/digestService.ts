/**
 * The status digest for the Koordinierungsstelle: where every Gemeinde stands, what changed since the
 * previous digest, what is overdue, how the decisions stand. The previous digest's snapshot is kept
 * in the data directory so "changes since" survives restarts.
 */
import type { Choice } from '../domain/decision';
import type { IsoDate } from '../domain/dates';
import { berlinDate, daysBetween } from '../domain/dates';
import type { ListState } from '../domain/list';
import type { StatusSummary } from '../domain/status';
import type { NachweisRound, NachweisState } from '../domain/verwendungsnachweis';
import type { AppContext } from './context';
import type { NachweisRoundStatus } from './nachweisStatus';
import type { OverviewService } from './overviewService';
import type { VerwendungsnachweisService } from './verwendungsnachweisService';

interface Snapshot {
  at: string;
  year: number;
  rows: Record<string, { listState: ListState; overdue: boolean; decision: Choice | 'offen' }>;
  /** The Verwendungsnachweis round shown then: each Nachweis' state, for "submitted since". */
  nachweise?: { year: number; states: Record<string, NachweisState> };
}

interface DigestState {
  last?: Snapshot;
}

export interface Digest {
  year: number;
  at: string;
  since?: string;
  /**
   * No earlier digest of this year: nothing to compare with. `changes` then holds the state so far
   * (every Gemeinde that has submitted or decided), and the card says it is the first report.
   */
  first: boolean;
  summary: StatusSummary;
  deadlines: { review: IsoDate; publication: IsoDate; decision: IsoDate };
  changes: { submitted: string[]; newlyOverdue: string[]; decided: { name: string; choice: Choice | 'offen' }[] };
  overdue: { name: string; due: IsoDate; daysOverdue: number }[];
  incompleteDecisions: string[];
  published?: { at: string };
  /** The Verwendungsnachweis round once opened (this year's or the latest before): counts, names, the reclaim total. */
  nachweis?: NachweisRoundStatus;
  /** Gemeinden whose Nachweis was submitted since the previous digest (names; none in the first digest of a round). */
  nachweisSubmitted?: string[];
  /** What to store once the digest was delivered. */
  snapshot: Snapshot;
}

const DOCUMENT = 'digest';

export class DigestService {
  constructor(
    private readonly ctx: AppContext,
    private readonly overview: OverviewService,
    private readonly nachweise: VerwendungsnachweisService,
  ) {}

  async compose(year: number): Promise<Digest> {
    const [status, round] = await Promise.all([this.overview.status(year), this.nachweise.latestRound(year)]);
    const nachweis = round && this.nachweise.statusOf(round);
    const state = (await this.ctx.repo.readDocument<DigestState>(DOCUMENT)) ?? {};
    const previous = state.last?.year === year ? state.last : undefined;
    const at = this.ctx.clock.now();
    const changes: Digest['changes'] = { submitted: [], newlyOverdue: [], decided: [] };
    for (const row of status.rows) {
      const before = previous?.rows[row.ags];
      if (!previous) {
        if (row.listState === 'eingereicht') changes.submitted.push(row.name);
        if (row.decision !== 'offen') changes.decided.push({ name: row.name, choice: row.decision });
        continue;
      }
      if (!before) continue;
      if (row.listState === 'eingereicht' && before.listState !== 'eingereicht') changes.submitted.push(row.name);
      if (row.overdue && !before.overdue) changes.newlyOverdue.push(row.name);
      if (row.decision !== before.decision && row.decision !== 'offen') changes.decided.push({ name: row.name, choice: row.decision });
    }
    return {
      year,
      at,
      ...(previous ? { since: previous.at } : {}),
      first: !previous,
      summary: status.summary,
      deadlines: status.deadlines,
      changes,
      overdue: status.rows.filter((r) => r.overdue).map((r) => ({ name: r.name, due: r.due, daysOverdue: daysBetween(r.due, status.today) })),
      incompleteDecisions: status.rows.filter((r) => !r.decisionValid).map((r) => r.name),
      ...(status.published ? { published: { at: status.published.at } } : {}),
      ...(nachweis ? { nachweis, nachweisSubmitted: this.submittedSince(round!, state.last) } : {}),
      snapshot: {
        at,
        year,
        rows: Object.fromEntries(status.rows.map((r) => [r.ags, { listState: r.listState, overdue: r.overdue, decision: r.decision }])),
        ...(round ? { nachweise: { year: round.year, states: Object.fromEntries(Object.values(round.nachweise).map((n) => [n.ags, n.state])) } } : {}),
      },
    };
  }

  /** The Gemeinden' own Nachweise submitted (or already accepted) since the previous digest showed this round. */
  private submittedSince(round: NachweisRound, last: Snapshot | undefined): string[] {
    const before = last?.nachweise?.year === round.year ? last.nachweise.states : undefined;
    if (!before) return [];
    const done = (s: NachweisState | undefined) => s === 'eingereicht' || s === 'angenommen';
    return Object.values(round.nachweise)
      .filter((n) => n.kind === 'eigen' && done(n.state) && !done(before[n.ags]))
      .map((n) => this.ctx.verzeichnis.byKey(n.ags)?.name ?? n.ags)
      .sort((a, b) => a.localeCompare(b, 'de'));
  }

  /** Whether a digest was delivered today (Landkreis calendar day): the scheduled run posts at most one a day. */
  async deliveredToday(): Promise<boolean> {
    const last = (await this.ctx.repo.readDocument<DigestState>(DOCUMENT))?.last;
    return !!last && berlinDate(last.at) === this.ctx.clock.today();
  }

  /** Records a delivered digest: the next one reports changes since this one. */
  async delivered(digest: Digest): Promise<void> {
    await this.ctx.repo.updateDocument<DigestState, void>(DOCUMENT, () => ({ next: { last: digest.snapshot }, result: undefined }));
  }
}
