// `diff`: what changed between two reports, test by test: added, removed,
// improved, regressed. Exits 1 when something regressed, so CI can gate on it.

import { parseArgs } from 'node:util';
import { diffReports, formatDiff } from '../../report/diff.ts';
import { readReportFile } from '../../report/read.ts';
import { UsageError } from '../options.ts';
import type { Command } from './command.ts';

function diff(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 2) throw new UsageError('diff needs two report.json files: before and after');
  let before, after;
  try {
    before = readReportFile(positionals[0]!);
    after = readReportFile(positionals[1]!);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = diffReports(before, after);
  console.log(values.json ? JSON.stringify(result, null, 2) : formatDiff(result));
  return result.entries.some((e) => e.change === 'regressed') ? 1 : 0;
}

export const diffCommand: Command = {
  name: 'diff',
  usage: `diff       compare two reports (exit 1 on regressions) <before.json> <after.json> [--json]`,
  run: diff,
};
