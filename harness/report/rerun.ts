// The one-line command that runs exactly one recorded test again, shown next
// to every result a person may want to reproduce. It keeps the run's
// expectation file (so the verdict means the same) and writes its reports to
// reports/rerun, never over the report it was copied from.

import type { RunInfo, TestRecord } from './model.ts';
import { shellQuote } from './text.ts';

export const RERUN_REPORTS = 'reports/rerun';

export function rerunCommand(
  info: Pick<RunInfo, 'adapter' | 'era' | 'expectations'>,
  record: Pick<TestRecord, 'file' | 'title'>,
): string {
  const args = ['run', '--adapter', info.adapter, '--era', info.era];
  if (info.expectations) args.push('--expectations', info.expectations);
  args.push('--reports', RERUN_REPORTS);
  // A file-level record ('(file)') is not a test: re-run the whole file.
  if (record.title !== '(file)') args.push('--grep', record.title, '--exact');
  args.push(record.file);
  return `npx session-conformance ${args.map(shellQuote).join(' ')}`;
}
