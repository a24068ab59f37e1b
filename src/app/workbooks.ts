/** The port for writing spreadsheets: the Excel adapter implements it. */
import type { AuditEntry } from '../domain/audit';
import type { Campaign } from '../domain/campaign';
import type { GemeindeListe } from '../domain/list';
import type { NachweisRound } from '../domain/verwendungsnachweis';
import type { StoredImportIssues } from './importIssues';
import type { OverviewReport, SincePublication } from './overview';
import type { GemeindeHistory } from './riskService';

export interface ListWorkbookInput {
  campaign: Campaign;
  gemeinde: { ags: string; name: string };
  list: GemeindeListe;
  /** The list's change log, oldest first. */
  history: readonly AuditEntry[];
  generatedAt: string;
}

export interface WorkbookWriter {
  /**
   * `publication`: the figures are the published ones (or the current ones beside a publication) – said in the file.
   * `history`: the Gemeinden's earlier Berechnungsjahre, for the sheet „Entwicklung“.
   */
  overview(report: OverviewReport, out: string, publication?: SincePublication, history?: readonly GemeindeHistory[]): Promise<void>;
  list(input: ListWorkbookInput, out: string): Promise<void>;
  /** The Gesamtverwendungsnachweis of a round: one row per Gemeinde, in the order given. */
  verwendungsnachweis(input: GesamtnachweisInput, out: string): Promise<void>;
  /** The rows behind an import report's issues, grouped by kind (personal data: the Koordinierungsstelle's only). */
  importIssues(report: StoredImportIssues, out: string): Promise<void>;
}

export interface GesamtnachweisInput {
  round: NachweisRound;
  gemeinden: readonly { ags: string; name: string }[];
  generatedAt: string;
}
