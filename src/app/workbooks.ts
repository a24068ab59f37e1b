/** The port for writing spreadsheets: the Excel adapter implements it. */
import type { Campaign } from '../domain/campaign';
import type { GemeindeListe } from '../domain/list';
import type { OverviewReport } from './overview';

export interface ListWorkbookInput {
  campaign: Campaign;
  gemeinde: { ags: string; name: string };
  list: GemeindeListe;
  generatedAt: string;
}

export interface WorkbookWriter {
  overview(report: OverviewReport, out: string): Promise<void>;
  list(input: ListWorkbookInput, out: string): Promise<void>;
}
