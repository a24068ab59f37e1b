/** The Excel adapter behind the application's WorkbookWriter port. */
import type { WorkbookWriter } from '../app/workbooks';
import { writeImportIssuesWorkbook } from './importIssuesWorkbook';
import { writeListWorkbook } from './listWorkbook';
import { writeOverviewWorkbook } from './overviewWorkbook';

export class ExcelWorkbookWriter implements WorkbookWriter {
  overview = writeOverviewWorkbook;
  list = writeListWorkbook;
  importIssues = writeImportIssuesWorkbook;
}
