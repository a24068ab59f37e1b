/**
 * Lines of rich text as template data: a line is one RichTextBlock, a run one TextRun. TextRuns are
 * never parsed as Markdown, so user text (names, file names, notes) can stand next to our own words
 * in the same line. Templates repeat `{ "$data": "${lines}", "type": "RichTextBlock", "inlines":
 * [{ "$data": "${runs}", "type": "TextRun", … }] }`.
 */
import { userText } from './render';

export interface Run {
  text: string;
  /** No Good or Warning: Teams' light theme draws them too pale to read on white. */
  color: 'Default' | 'Attention' | 'Accent';
  weight: 'Default' | 'Bolder';
  isSubtle: boolean;
}

export interface Line {
  runs: Run[];
}

export type RunStyle = Partial<Omit<Run, 'text'>>;

/** Our own words. */
export function run(text: string, style: RunStyle = {}): Run {
  return { text, color: style.color ?? 'Default', weight: style.weight ?? 'Default', isSubtle: style.isSubtle ?? false };
}

/** Text from outside the code (a name, a file name, a line of an import report). */
export function userRun(text: string, style: RunStyle = {}): Run {
  return run(userText(text), style);
}

/** A line of runs; empty runs are left out (a TextRun needs text). */
export function line(...runs: Run[]): Line {
  return { runs: runs.filter((r) => r.text !== '') };
}
