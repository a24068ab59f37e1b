/** Types for the parts of xlsx-calc (MIT, no dependencies) the formula tests use. */
declare module 'xlsx-calc' {
  namespace XLSX_CALC {
    interface CalcCell {
      v?: unknown;
      t?: string;
      f?: string;
    }
    interface CalcWorkbook {
      Sheets: Record<string, Record<string, CalcCell>>;
    }
    function set_fx(name: string, fn: (...args: never[]) => unknown): void;
  }
  function XLSX_CALC(workbook: XLSX_CALC.CalcWorkbook, options?: { continue_after_error?: boolean }): void;
  export = XLSX_CALC;
}
