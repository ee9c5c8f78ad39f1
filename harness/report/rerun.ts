// The one-line command that runs exactly one recorded test again, shown next
// to every result a person may want to reproduce.

import type { RunInfo, TestRecord } from './model.ts';
import { shellQuote } from './text.ts';

export function rerunCommand(info: Pick<RunInfo, 'adapter' | 'era'>, record: Pick<TestRecord, 'file' | 'title'>): string {
  const args = ['run', '--adapter', info.adapter, '--era', info.era];
  // A file-level record ('(file)') is not a test: re-run the whole file.
  if (record.title !== '(file)') args.push('--grep', record.title);
  args.push(record.file);
  return `npx session-conformance ${args.map(shellQuote).join(' ')}`;
}
