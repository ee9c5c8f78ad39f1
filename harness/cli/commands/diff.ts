// `diff`: what changed between two reports, test by test: added, removed,
// improved, regressed. Exits 1 when something regressed or disappeared
// (--allow-removed forgives removals), so CI can gate on it.

import { parseArgs } from 'node:util';
import { diffReports, formatDiff, regressions } from '../../report/diff.ts';
import { readReportFile } from '../../report/read.ts';
import { UsageError } from '../options.ts';
import type { Command } from './command.ts';

function diff(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, 'allow-removed': { type: 'boolean', default: false } },
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
  const bad = regressions(result, { allowRemoved: values['allow-removed'] });
  if (values.json) console.log(JSON.stringify({ ...result, regressions: bad.length }, null, 2));
  else {
    console.log(formatDiff(result));
    const removed = bad.filter((e) => e.change === 'removed').length;
    if (removed) console.log(`${removed} removed test(s) count as regressions (--allow-removed if they were deleted on purpose)`);
  }
  return bad.length ? 1 : 0;
}

export const diffCommand: Command = {
  name: 'diff',
  usage: `diff       compare two reports, pairing runs by implementation and era <before.json> <after.json>
             --json                     machine-readable output
             --allow-removed            tests missing from the after report are not regressions
                                        (by default they are, and the exit code is 1)`,
  run: diff,
};
