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
import type { AppContext } from './context';
import type { NachweisRoundStatus } from './nachweisStatus';
import type { OverviewService } from './overviewService';
import type { VerwendungsnachweisService } from './verwendungsnachweisService';

interface Snapshot {
  at: string;
  year: number;
  rows: Record<string, { listState: ListState; overdue: boolean; decision: Choice | 'offen' }>;
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
    const [status, nachweis] = await Promise.all([this.overview.status(year), this.nachweise.roundStatus(year)]);
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
      ...(nachweis ? { nachweis } : {}),
      snapshot: {
        at,
        year,
        rows: Object.fromEntries(status.rows.map((r) => [r.ags, { listState: r.listState, overdue: r.overdue, decision: r.decision }])),
      },
    };
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
